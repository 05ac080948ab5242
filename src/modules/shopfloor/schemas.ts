import { parsePattern } from './domain/lots.js';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import type { ParameterDefinition, RecordedParameter } from './domain/process-parameters.js';
import { expandShiftCalendar, type ShiftCalendar } from './domain/shift-calendar.js';

// HTTP API contract of the shop-floor module, shared by the routes, the tests and later the web pages.
// Times are ISO 8601 with time zone; dates are local dates YYYY-MM-DD; KPI figures are fractions.

const text = (max: number) => z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const clock = z.string({ error: 'must be a time "HH:mm"' }).regex(/^([01]\d|2[0-3]):([0-5]\d)$/, { error: 'must be a time "HH:mm" between 00:00 and 23:59' });
export const isoDate = z.iso.date({ error: 'must be a date "YYYY-MM-DD"' });
export const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp with time zone, e.g. "2026-03-02T06:00:00+01:00"' });

const breakSchema = z.strictObject({ start: clock, end: clock });
const shiftSchema = z.strictObject({
  name: text(40),
  start: clock,
  end: clock,
  breaks: z.array(breakSchema).max(10).default([]),
});
const day = z.array(shiftSchema).max(6).optional();

export const calendarSchema = z
  .strictObject({
    timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), { error: 'must be an IANA time zone, e.g. "Europe/Berlin"' }).default('Europe/Berlin'),
    week: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }).default({}),
    holidays: z.array(isoDate).max(2000).default([]),
  })
  .superRefine((calendar, ctx) => {
    // Breaks outside their shift are only detected when the pattern is expanded.
    try {
      expandShiftCalendar(calendar as ShiftCalendar, { from: '2026-01-05', to: '2026-01-11' });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const [path, ...rest] = error.message.split(': ');
      ctx.addIssue({ code: 'custom', message: rest.join(': ') || error.message, path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
    }
  });
export type CalendarInput = z.output<typeof calendarSchema>;

export const workCentreBody = z.strictObject({
  code: text(40),
  name: text(200),
  calendar: calendarSchema.default({ timeZone: 'Europe/Berlin', week: {}, holidays: [] }),
});
export type WorkCentreBody = z.output<typeof workCentreBody>;

export const icalImportBody = z.strictObject({
  ical: z.string({ error: 'must be the text of an iCalendar file' }).min(1).max(2_000_000),
  /** true: the imported dates replace the holidays; false: they are added. */
  replace: z.boolean().default(false),
});

const finite = (what: string) => z.number({ error: `must be a number${what}` }).refine(Number.isFinite, { error: 'must be a finite number' });
export const parameterDefinitionSchema = z
  .strictObject({
    id: z.string({ error: 'must be a text' }).regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, { error: 'must start with a letter and contain only letters, digits, "-" and "_" (at most 40)' }),
    label: z.strictObject({ de: text(100), en: text(100) }),
    type: z.enum(['number', 'text', 'choice', 'photo'], { error: 'must be "number", "text", "choice" or "photo"' }),
    required: z.boolean({ error: 'must be true or false' }).default(false),
    unit: z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(20, { error: 'must be at most 20 characters' }).optional(),
    target: finite('').optional(),
    lowerTolerance: finite(' ≥ 0').min(0, { error: 'must not be negative' }).optional(),
    upperTolerance: finite(' ≥ 0').min(0, { error: 'must not be negative' }).optional(),
    options: z.array(text(60)).min(1, { error: 'needs at least one option' }).max(50).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.type !== 'number') {
      for (const field of ['unit', 'target', 'lowerTolerance', 'upperTolerance'] as const) {
        if (p[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'only numbers have a unit, target and tolerances' });
      }
    }
    if ((p.lowerTolerance !== undefined || p.upperTolerance !== undefined) && p.target === undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a tolerance needs a target value' });
    }
    if (p.type === 'choice' && p.options === undefined) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice needs its options' });
    if (p.type !== 'choice' && p.options !== undefined) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choices have options' });
    if (p.options && new Set(p.options).size !== p.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must differ from each other' });
  });

export const routingOperationSchema = z.strictObject({
  name: text(200),
  workCentreId: z.uuid({ error: 'must be the id of a work centre' }),
  setupMinutes: z.number({ error: 'must be a number of minutes' }).min(0, { error: 'must not be negative' }).max(100_000),
  idealCycleSeconds: z.number({ error: 'must be a number of seconds' }).positive({ error: 'must be greater than 0' }).max(10_000_000),
  /** The process-parameter form of the operation, in the order shown. */
  parameters: z
    .array(parameterDefinitionSchema)
    .max(50)
    .default([])
    .superRefine((list, ctx) => {
      list.forEach((p, i) => {
        if (list.findIndex((q) => q.id === p.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `the id "${p.id}" is used twice` });
      });
    }),
});
export const partBody = z.strictObject({
  number: text(60),
  name: text(200),
  operations: z.array(routingOperationSchema).max(100).default([]),
  /** single parts: each piece of a released order gets a serial number; left out on a change, it stays as it was */
  serialised: z.boolean().optional(),
});
export type PartBody = z.output<typeof partBody>;

const priority = z.int({ error: 'must be a whole number from 1 (most urgent) to 9' }).min(1, { error: 'must be from 1 to 9' }).max(9, { error: 'must be from 1 to 9' });
const orderFields = {
  number: text(60),
  quantity: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(100_000_000),
  dueDate: isoDate.nullable(),
  customerReference: z.string().trim().max(200),
  priority,
  releasedAt: timestamp.nullable(),
};
export const orderBody = z.strictObject({
  ...orderFields,
  partId: z.uuid({ error: 'must be the id of a part' }),
  dueDate: orderFields.dueDate.default(null),
  customerReference: orderFields.customerReference.default(''),
  priority: priority.default(5),
  releasedAt: orderFields.releasedAt.default(null),
});
export type OrderBody = z.output<typeof orderBody>;
export const orderPatch = z.strictObject({
  number: orderFields.number.optional(),
  quantity: orderFields.quantity.optional(),
  dueDate: orderFields.dueDate.optional(),
  customerReference: orderFields.customerReference.optional(),
  priority: priority.optional(),
  releasedAt: orderFields.releasedAt.optional(),
});
export type OrderPatch = z.output<typeof orderPatch>;

export const orderListStates = ['open', 'planned', 'active', 'finished', 'all'] as const;
export const orderSorts = ['urgency', 'due', 'number', 'finished', 'recent'] as const;
export const orderSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  state: z.enum(orderListStates).default('open'),
  sort: z.enum(orderSorts).default('urgency'),
  /** Only the orders of this part (a part's detail page). */
  part: z.uuid({ error: 'must be the id of a part' }).optional(),
  /** Only the orders with an operation at this work centre (a work centre's detail page). */
  workCentre: z.uuid({ error: 'must be the id of a work centre' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OrderSearchQuery = z.output<typeof orderSearchQuery>;

export const csvImportBody = z.strictObject({ csv: z.string({ error: 'must be the text of a CSV file' }).max(5_000_000) });

export const BOOKING_KINDS = ['start-setup', 'start-production', 'pause', 'resume', 'finish', 'quantity', 'parameters', 'reversal'] as const;
const parameterValue = z.strictObject({
  name: text(100),
  value: z.union([z.number().refine(Number.isFinite, { error: 'must be a finite number' }), z.string().max(1000), z.boolean()], { error: 'must be a number, a text or true/false' }),
  unit: z.string().max(20).optional(),
});
export const bookingSchema = z.strictObject({
  key: z.uuid({ error: 'must be a UUID generated on the device' }),
  deviceId: text(100),
  sequence: z.int({ error: 'must be a whole number ≥ 1' }).min(1, { error: 'must be a whole number ≥ 1' }).max(2_000_000_000),
  operationId: z.uuid({ error: 'must be the id of an order operation' }),
  kind: z.enum(BOOKING_KINDS),
  at: timestamp,
  // Not checked here: a negative quantity is refused as conflict `invalid-quantity` and kept.
  good: z.int().min(-1_000_000_000).max(1_000_000_000).optional(),
  scrap: z.int().min(-1_000_000_000).max(1_000_000_000).optional(),
  /** Pause: downtime reason; quantity: scrap reason; reversal: why the booking is corrected (required). */
  reason: z.string().trim().max(200).optional(),
  parameters: z.array(parameterValue).max(100).default([]),
  /** Reversal: the key of the quantity booking it cancels. */
  reverses: z.uuid({ error: 'must be the key of the quantity booking to reverse' }).optional(),
  /** Quantity: the worker confirmed a quantity above the remaining quantity of the operation. */
  confirmed: z.boolean({ error: 'must be true or false' }).optional(),
}).superRefine((b, ctx) => {
  if (b.kind === 'reversal') {
    if (!b.reverses) ctx.addIssue({ code: 'custom', path: ['reverses'], message: 'a reversal must name the booking it reverses' });
    if (!b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reversal needs a reason' });
  } else if (b.reverses) {
    ctx.addIssue({ code: 'custom', path: ['reverses'], message: 'only a reversal names a booking to reverse' });
  }
});
export type BookingInput = z.output<typeof bookingSchema>;
export const bookingBatchBody = z.strictObject({ bookings: z.array(bookingSchema).min(1).max(2000) });
export const bookingListQuery = z.strictObject({
  orderId: z.uuid().optional(),
  operationId: z.uuid().optional(),
  status: z.enum(['applied', 'conflict', 'waiting']).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

const numberPattern = z.string({ error: 'must be a text' }).trim().superRefine((value, ctx) => {
  const parsed = parsePattern(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `not a usable number pattern (${parsed.problem}): tokens {YYYY}, {YY}, {MM}, {part} and exactly one {counter:n}` });
});
export const settingsBody = z.strictObject({
  /** A quantity booking above the remaining quantity by more than this share (% of the order quantity) needs confirmation. */
  overQuantityMarginPercent: z.int({ error: 'must be a whole number of percent from 0 to 1000' })
    .min(0, { error: 'must be a whole number of percent from 0 to 1000' }).max(1000, { error: 'must be a whole number of percent from 0 to 1000' }).optional(),
  /** lot numbers of released orders, e.g. `L-{YYYY}-{counter:6}` (domain/lots.ts); null: the default */
  lotPattern: numberPattern.nullable().optional(),
  /** serial numbers of single parts, e.g. `{part}-{YY}-{counter:5}`; null: the default */
  serialPattern: numberPattern.nullable().optional(),
});

export const controllingQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    /** Rows per work centre and day, month or shift (`overall`: the same without the work centre). */
    groupBy: z.enum(['day', 'month', 'shift']).default('day'),
    workCentreId: z.uuid().optional(),
    timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), { error: 'must be an IANA time zone' }).default('Europe/Berlin'),
  })
  .refine((q) => q.from <= q.to, { error: 'must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 800 * 86_400_000, { error: 'the period may span at most 800 days', path: ['to'] });
export type ControllingQuery = z.output<typeof controllingQuery>;

export const workCentreParams = companyParams.extend({ workCentreId: z.uuid() });
export const partParams = companyParams.extend({ partId: z.uuid() });
export const orderParams = companyParams.extend({ orderId: z.uuid() });

// ------------------------------------------------------------------------------------------
// Responses

export interface WorkCentre {
  id: string;
  code: string;
  name: string;
  calendar: CalendarInput;
  createdAt: string;
  updatedAt: string;
}

export interface RoutingOperation {
  id: string;
  position: number;
  name: string;
  workCentreId: string;
  setupMinutes: number;
  idealCycleSeconds: number;
  parameters: ParameterDefinition[];
}

export type { ParameterDefinition, RecordedParameter };

export interface Part {
  id: string;
  number: string;
  name: string;
  serialised: boolean;
  operations: RoutingOperation[];
}

export type OperationStatus = 'planned' | 'setup' | 'running' | 'paused' | 'finished';

export interface OrderOperation extends RoutingOperation {
  status: OperationStatus;
  good: number;
  scrap: number;
  /** The latest value of each parameter from the applied `parameters` bookings, in the order of the form. */
  recordedParameters: Array<RecordedParameter & { at: string }>;
}

export interface Order {
  id: string;
  number: string;
  partId: string;
  partNumber: string;
  quantity: number;
  dueDate: string | null;
  customerReference: string;
  priority: number;
  releasedAt: string | null;
  /** The lot, issued when the order is released; null before. */
  lotNumber: string | null;
  /** One per piece when the part is serialised (issued with the lot). */
  serialNumbers: string[];
  /** When the last operation was finished (device clock); null while any is open. */
  finishedAt: string | null;
  operations: OrderOperation[];
}

export type BookingResult =
  | { key: string; status: 'applied' | 'duplicate' }
  | { key: string; status: 'waiting'; expectedSequence: number }
  | { key: string; status: 'conflict'; reason: string; operationStatus?: OperationStatus };

export interface OrderSearchResult {
  items: Array<Order & { state: 'planned' | 'active' | 'finished' }>;
  /** Orders matching search and state filter. */
  total: number;
  /** Orders matching the search, by state. */
  counts: { planned: number; active: number; finished: number };
}
