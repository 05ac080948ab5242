import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { currencies } from './domain/money.js';
export { customerOrderStates, quoteStates } from './domain/quotes.js';
import { customerOrderStates, isIsoDate, lostReasons, quoteStates } from './domain/quotes.js';

// HTTP API contract of quotes and customer orders, shared by the routes, the tests and the web pages.

const isoDate = z.string({ error: 'must be a date' }).refine(isIsoDate, { error: 'must be a date as YYYY-MM-DD' });
const optionalDate = isoDate.nullish().transform((v) => v ?? null);
const int = (min: number, max: number) => z.int({ error: 'must be a whole number' }).min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` });

export const quoteParams = companyParams.extend({ quoteId: z.uuid({ error: 'must be a quote id' }) });
export const quoteVersionParams = quoteParams.extend({ version: z.coerce.number({ error: 'must be a version number' }).int().min(1).max(10_000) });
export const customerOrderParams = companyParams.extend({ customerOrderId: z.uuid({ error: 'must be a customer order id' }) });
export const orderPositionParams = companyParams.extend({ orderPositionId: z.uuid({ error: 'must be an order position id' }) });

/** A quote position: a Shop floor part (its number and name are written in by the server) or a free text. */
export const quotePositionBody = z
  .strictObject({
    partId: z.uuid({ error: 'must be the id of a part' }).nullish().transform((v) => v ?? null),
    text: z.string({ error: 'must be a text' }).trim().max(2000, { error: 'must be at most 2000 characters' }).default(''),
    /** thousandths of a unit: 12 pieces → 12000 */
    quantityMilli: int(1, 1_000_000_000_000),
    unitPriceCents: int(0, 100_000_000_000),
    discountBasisPoints: int(0, 10_000).default(0),
    vatBasisPoints: int(0, 10_000).default(1900),
    deliveryDate: optionalDate,
  })
  .refine((p) => p.partId !== null || p.text !== '', { error: 'needs a part or a text', path: ['text'] });
export type QuotePositionBody = z.output<typeof quotePositionBody>;

const quoteFields = {
  contactId: z.uuid({ error: 'must be a contact id' }).nullish().transform((v) => v ?? null),
  subject: z.string({ error: 'must be a text' }).trim().max(200, { error: 'must be at most 200 characters' }).default(''),
  validUntil: optionalDate,
  positions: z.array(quotePositionBody).max(200, { error: 'at most 200 positions' }).default([]),
};

export const createQuoteBody = z.strictObject({
  customerId: z.uuid({ error: 'must be a customer id' }),
  currency: z.enum(currencies).default('EUR'),
  ...quoteFields,
});
export type CreateQuoteBody = z.output<typeof createQuoteBody>;

/** Replaces contact, subject, validity and the positions of the current draft version. */
export const updateQuoteBody = z.strictObject(quoteFields);
export type UpdateQuoteBody = z.output<typeof updateQuoteBody>;

export const sendQuoteBody = z.strictObject({ language: z.enum(['de', 'en']).default('de') });
export const emptyBody = z.strictObject({});
/** Copy a quote, for its customer or (customerId) another one. */
export const copyQuoteBody = z.strictObject({ customerId: z.uuid({ error: 'must be a customer id' }).nullish().transform((v) => v ?? null) });
export type CopyQuoteBody = z.output<typeof copyQuoteBody>;
export const loseQuoteBody = z.strictObject({
  reason: z.enum(lostReasons),
  note: z.string({ error: 'must be a text' }).trim().max(2000).nullish().transform((v) => (v ? v : null)),
});
export const orderFromQuoteBody = z.strictObject({
  /** the customer's own order number or reference */
  customerReference: z.string({ error: 'must be a text' }).trim().max(100).default(''),
});
export const productionOrderBody = z.strictObject({
  /** whole pieces; default: what the position still lacks */
  quantity: int(1, 100_000_000).optional(),
  /** default: the position's promised date */
  dueDate: optionalDate.optional(),
  priority: int(1, 9).default(5),
  /** release at once: Shop floor issues its lot (and serials) with the release */
  release: z.boolean({ error: 'must be true or false' }).default(false),
});
export type ProductionOrderBody = z.output<typeof productionOrderBody>;

export const quoteListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  state: z.enum(quoteStates).optional(),
  customerId: z.uuid().optional(),
  sort: z.enum(['number', 'createdAt']).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type QuoteListQuery = z.output<typeof quoteListQuery>;

export const customerOrderListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  state: z.enum(customerOrderStates).optional(),
  customerId: z.uuid().optional(),
  sort: z.enum(['number', 'orderedAt']).default('orderedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CustomerOrderListQuery = z.output<typeof customerOrderListQuery>;

export const partSearchQuery = z.strictObject({ q: z.string().trim().max(100).default('') });
export const quotePdfQuery = z.strictObject({ lang: z.enum(['de', 'en']).optional() });
