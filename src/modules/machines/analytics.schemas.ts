import { z } from 'zod';
import { machineParams, pointParams } from './schemas.js';

export const MAX_SERIES_SAMPLES = 100_000;

const range = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};
const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to);

export const seriesQuery = z
  .object({
    point: z.string().min(1).max(100),
    ...range,
    limit: z.coerce.number().int().min(1).max(MAX_SERIES_SAMPLES).default(10_000),
    resolution: z.enum(['auto', 'raw', '1m', '1h']).default('auto'),
  })
  .refine(fromBeforeTo, { error: 'must be after "from"', path: ['to'] });
export type SeriesQuery = z.output<typeof seriesQuery>;

export const csvQuery = z
  .object({
    point: z.string().min(1).max(100),
    ...range,
    resolution: z.enum(['auto', 'raw', '1m', '1h']).default('raw'),
    decimal: z.enum(['comma', 'point']).default('comma'),
  })
  .refine(fromBeforeTo, { error: 'must be after "from"', path: ['to'] });

export const contextQuery = z.object(range).refine(fromBeforeTo, { error: 'must be after "from"', path: ['to'] });

export const orderParams = machineParams.omit({ machineId: true }).extend({ orderId: z.uuid() });
export const orderQuery = z.object({ operationId: z.uuid().optional() });

const days = z.number().int().min(1).max(36_500).nullable();
export const retentionBody = z.strictObject({ rawDays: days.default(null), minuteDays: days.default(null), hourDays: days.default(null) });
export { pointParams };
