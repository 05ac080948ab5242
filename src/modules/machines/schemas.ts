import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { alarmRuleSchema } from './domain/alarm-rules.js';
import { POINT_NAME } from './domain/payload.js';

export const machineParams = companyParams.extend({ machineId: z.uuid() });
export const pointParams = machineParams.extend({ pointId: z.uuid() });
export const deviceParams = machineParams.extend({ deviceId: z.uuid() });
export const ruleParams = machineParams.extend({ ruleId: z.uuid() });
export const alarmParams = machineParams.extend({ alarmId: z.uuid() });
export const bareMachineParams = z.object({ machineId: z.uuid() });

export const machineBody = z.strictObject({
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
  description: z.string().max(5000).default(''),
  workCentreId: z.uuid().nullable().default(null),
});

export const pointBody = z.strictObject({
  name: z.string().regex(POINT_NAME, { error: 'starts with a letter or digit and uses only letters, digits and _ . : / - (at most 100 characters)' }),
  label: z.string().max(200).default(''),
  unit: z.string().max(40).default(''),
  type: z.enum(['number', 'boolean', 'string']).default('number'),
  source: z.enum(['mqtt', 'http', 'opcua', 'manual']).default('mqtt'),
});

export const deviceBody = z.strictObject({
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
});

/** Threshold and rate rules are evaluated on ingestion; `noData` by the periodic check (no-data-timer.ts). */
export const ruleBody = z.strictObject({
  pointId: z.uuid(),
  name: z.string().trim().max(200).default(''),
  enabled: z.boolean().default(true),
  severity: z.enum(['info', 'warning', 'critical']).default('warning'),
  rule: alarmRuleSchema,
});

export const alarmQuery = z.object({
  open: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
