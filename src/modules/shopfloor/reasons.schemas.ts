import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { LOSS_CATEGORIES } from './domain/reason-tree.js';

export type { LossCategory, Reason, ReasonKind } from './domain/reason-tree.js';

const label = z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(80, { error: 'must be at most 80 characters' });

/** A downtime group or reason, or a scrap reason. */
export const reasonBody = z.strictObject({
  kind: z.enum(['downtime', 'scrap'], { error: 'must be "downtime" or "scrap"' }),
  parentId: z.uuid({ error: 'must be the id of a downtime group' }).nullable().default(null),
  isGroup: z.boolean({ error: 'must be true or false' }).default(false),
  label: z.strictObject({ de: label, en: label }),
  loss: z.enum(LOSS_CATEGORIES as [string, ...string[]], { error: 'must be "availability", "performance" or "quality"' }).nullable().default(null),
  planned: z.boolean({ error: 'must be true or false' }).nullable().default(null),
  position: z.int({ error: 'must be a whole number' }).min(0).max(10_000).optional(),
  active: z.boolean({ error: 'must be true or false' }).default(true),
});
export type ReasonBody = z.output<typeof reasonBody>;

export const reasonParams = companyParams.extend({ reasonId: z.uuid() });
export const photoParams = companyParams.extend({ photoId: z.uuid() });
