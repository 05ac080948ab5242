import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { POINT_NAME } from './domain/payload.js';
import { MACHINE, POINT, patternError } from './domain/topic-mapping.js';

export const connectionParams = companyParams.extend({ connectionId: z.uuid() });

const name = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
/** Omitted or null on a change: the stored password stays. */
const password = z.string().max(500).nullable().optional();
const pointName = z.string().regex(POINT_NAME, { error: 'starts with a letter or digit and uses only letters, digits and _ . : / - (at most 100 characters)' });

const mqttBody = z
  .strictObject({
    kind: z.literal('mqtt'),
    name,
    enabled: z.boolean().default(true),
    url: z.string().trim().regex(/^mqtts?:\/\/[^\s/:@]+(:\d{1,5})?\/?$/, { error: 'must look like mqtt://host:1883 or mqtts://host:8883' }),
    username: z.string().max(200).default(''),
    password,
    clientId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, { error: 'uses only letters, digits and _ . : - (1 to 64 characters)' }),
    topic: z.string().trim().superRefine((t, ctx) => {
      const error = patternError(t);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    }),
    payload: z.enum(['json', 'value']).default('json'),
    machineId: z.uuid().nullable().default(null),
    point: pointName.nullable().default(null),
    machineKeys: z
      .array(z.strictObject({ key: z.string().regex(/^[^/+#]{1,100}$/, { error: 'must not be empty or contain / + #' }), machineId: z.uuid() }))
      .max(500)
      .default([]),
  })
  .superRefine((b, ctx) => {
    const segments = b.topic.split('/');
    if (segments.includes(MACHINE)) {
      if (b.machineKeys.length === 0) ctx.addIssue({ code: 'custom', path: ['machineKeys'], message: 'the topic names the machine with {machine}: give at least one key' });
      const keys = b.machineKeys.map((k) => k.key);
      keys.forEach((k, i) => {
        if (keys.indexOf(k) !== i) ctx.addIssue({ code: 'custom', path: ['machineKeys', i, 'key'], message: 'is given twice' });
      });
    } else if (!b.machineId) {
      ctx.addIssue({ code: 'custom', path: ['machineId'], message: 'choose the machine (or name it in the topic with {machine})' });
    }
    if (b.payload === 'value' && !segments.includes(POINT) && !b.point) {
      ctx.addIssue({ code: 'custom', path: ['point'], message: 'a bare value needs the data point: {point} in the topic or a fixed point' });
    }
  });

const opcuaBody = z
  .strictObject({
    kind: z.literal('opcua'),
    name,
    enabled: z.boolean().default(true),
    url: z.string().trim().regex(/^opc\.tcp:\/\/[^\s/]+(\/\S*)?$/, { error: 'must look like opc.tcp://host:4840' }),
    username: z.string().max(200).default(''),
    password,
    securityMode: z.enum(['None', 'Sign', 'SignAndEncrypt']).default('None'),
    securityPolicy: z.enum(['None', 'Basic256Sha256']).default('None'),
  })
  .superRefine((b, ctx) => {
    if ((b.securityMode === 'None') !== (b.securityPolicy === 'None')) {
      ctx.addIssue({ code: 'custom', path: ['securityPolicy'], message: 'security mode "None" goes with policy "None", signing with "Basic256Sha256"' });
    }
  });

export const connectionBody = z.discriminatedUnion('kind', [mqttBody, opcuaBody]);
export type ConnectionBody = z.output<typeof connectionBody>;

export const opcuaItemsBody = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          nodeId: z.string().trim().min(1).max(500),
          machineId: z.uuid(),
          point: pointName,
          samplingIntervalMs: z.number().int().min(0).max(3_600_000).default(1000),
        }),
      )
      .max(1000),
  })
  .superRefine((b, ctx) => {
    const ids = b.items.map((i) => i.nodeId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['items', i, 'nodeId'], message: 'is picked twice' });
    });
  });

export const browseQuery = z.object({ nodeId: z.string().min(1).max(500).default('ns=0;i=85') });
