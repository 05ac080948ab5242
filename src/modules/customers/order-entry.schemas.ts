import { z } from 'zod';
import { currencies } from './domain/money.js';
import { quotePositionBody } from './quotes.schemas.js';

/** A customer order taken without a quote (by phone, repeat order): positions as in a quote, `deliveryDate` = the promised date. */
export const newOrderBody = z.strictObject({
  customerId: z.uuid({ error: 'must be a customer id' }),
  currency: z.enum(currencies).default('EUR'),
  /** the customer's own order number or reference */
  customerReference: z.string({ error: 'must be a text' }).trim().max(100).default(''),
  positions: z.array(quotePositionBody).min(1, { error: 'an order needs at least one position' }).max(200, { error: 'at most 200 positions' }),
});
export type NewOrderBody = z.output<typeof newOrderBody>;

export const cancelOrderBody = z.strictObject({
  reason: z.string({ error: 'must be a text' }).trim().min(1, { error: 'please say why the order is cancelled' }).max(500, { error: 'must be at most 500 characters' }),
});
