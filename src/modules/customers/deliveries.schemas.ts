import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { isIsoDate } from './domain/quotes.js';

// HTTP API contract of deliveries and delivery notes, shared by the routes, the tests and the web pages.

const number = (label: string) => z.string({ error: `must be a ${label}` }).trim().min(1, { error: `must be a ${label}` }).max(40, { error: 'must be at most 40 characters' });

export const deliveryLineBody = z.strictObject({
  positionId: z.uuid({ error: 'must be an order position id' }),
  /** thousandths, as the position's quantity */
  quantityMilli: z.int({ error: 'must be a whole number of thousandths' }).min(1, { error: 'must be more than 0' }).max(100_000_000_000, { error: 'must be at most 100,000,000 pieces' }),
  /** default: the lots of the position's production orders with finished parts */
  lotNumbers: z.array(number('lot number')).max(50).optional(),
  /** single parts: default the next serials not yet delivered */
  serialNumbers: z.array(number('serial number')).max(10_000).optional(),
});

export const deliveryBody = z.strictObject({
  lines: z.array(deliveryLineBody).min(1, { error: 'a delivery needs at least one line' }).max(500),
  /** the day the goods leave; default today (Europe/Berlin) */
  deliveredOn: z.string({ error: 'must be a date' }).refine(isIsoDate, { error: 'must be a date as YYYY-MM-DD' }).optional(),
  note: z.string({ error: 'must be a text' }).trim().max(1000).default(''),
  /** deliver more than is open beyond the company's margin, knowingly */
  confirmOverDelivery: z.boolean({ error: 'must be true or false' }).default(false),
});
export type DeliveryBody = z.output<typeof deliveryBody>;

export const deliveryParams = companyParams.extend({ customerDeliveryId: z.uuid({ error: 'must be a delivery id' }) });
export const deliveryPdfQuery = z.strictObject({ lang: z.enum(['de', 'en']).optional() });
