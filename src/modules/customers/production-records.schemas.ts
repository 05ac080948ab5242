import { z } from 'zod';

// HTTP API contract of production records and the recall question, shared by routes, tests and pages.

export const productionRecordQuery = z.strictObject({
  order: z.uuid({ error: 'must be a customer order id' }).optional(),
  position: z.uuid({ error: 'must be an order position id' }).optional(),
  lot: z.string().trim().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' }).optional(),
  serial: z.string().trim().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' }).optional(),
});
export type ProductionRecordQuery = z.infer<typeof productionRecordQuery>;

export const productionRecordPdfQuery = productionRecordQuery.extend({ lang: z.enum(['de', 'en']).optional() });

const instant = z.iso.datetime({ offset: true, error: 'must be a moment as ISO 8601 with zone' });

export const recallQuery = z.strictObject({
  machineId: z.uuid({ error: 'must be a machine id' }).optional(),
  parameter: z.string().trim().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' }).optional(),
  from: instant,
  to: instant,
});
export type RecallQuery = z.infer<typeof recallQuery>;

export const recallExportQuery = recallQuery.extend({ lang: z.enum(['de', 'en']).optional() });

/** The longest period one recall question may span. */
export const RECALL_MAX_DAYS = 366;
