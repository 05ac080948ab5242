import { IANAZone } from 'luxon';
import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { isoDate } from './schemas.js';

// API contract of the controlling drill-down, the monthly report and the order papers.

const timeZone = z.string().refine((tz) => IANAZone.isValidZone(tz), { error: 'must be an IANA time zone' }).default('Europe/Berlin');
const lang = z.enum(['de', 'en'], { error: 'must be "de" or "en"' }).optional();

export const controllingBookingsQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    timeZone,
    workCentreId: z.uuid().optional(),
    /** Only bookings made within the windows of this shift (the shift that started first where shifts overlap). */
    shift: z.string().trim().min(1).max(40).optional(),
    /** Only bookings made outside every shift of the work centre. */
    outsideShifts: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    status: z.enum(['applied', 'conflict', 'waiting']).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .refine((q) => q.from <= q.to, { error: 'must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 800 * 86_400_000, { error: 'the period may span at most 800 days', path: ['to'] })
  .refine((q) => !(q.shift && q.outsideShifts), { error: 'give either a shift or outsideShifts', path: ['outsideShifts'] });
export type ControllingBookingsQuery = z.output<typeof controllingBookingsQuery>;

/** `month` is checked by the service so that a wrong format gets a translated message. */
export const monthlyReportQuery = z.strictObject({
  month: z.string().max(40).optional(),
  lang,
  timeZone,
});
export type MonthlyReportQuery = z.output<typeof monthlyReportQuery>;

export const orderPaperQuery = z.strictObject({ lang });
export const orderPaperParams = companyParams.extend({ orderId: z.uuid() });

export interface DrillDownBooking {
  key: string;
  at: string;
  kind: string;
  status: string;
  good: number | null;
  scrap: number | null;
  reason: string | null;
  conflictReason: string | null;
  deviceId: string;
  orderId: string;
  orderNumber: string;
  operationId: string;
  operationPosition: number;
  operationName: string;
  workCentreId: string;
  workCentreCode: string | null;
  shift: string | null;
  worker: string | null;
  /** A reversal: the quantity booking it took back. */
  reverses: { at: string; good: number | null; scrap: number | null } | null;
  /** A quantity booking that was reversed: when and why. */
  reversedBy: { at: string; reason: string } | null;
}

export interface DrillDownAnswer {
  period: { from: string; to: string; timeZone: string; start: string; end: string };
  bookings: DrillDownBooking[];
  /** More bookings than `limit` matched; the oldest `limit` are listed. */
  truncated: boolean;
}
