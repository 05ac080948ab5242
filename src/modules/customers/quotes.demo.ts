import type { Db } from '../../kernel/db/database.js';
import { searchParts } from '../shopfloor/index.js';
import { createProductionOrderForPosition, orderFromQuote } from './customer-orders.service.js';
import type { CustomersContext } from './customers.service.js';
import { createQuoteBody, productionOrderBody, type QuotePositionBody } from './quotes.schemas.js';
import { createQuote, loseQuote, sendQuote, winQuote } from './quotes.service.js';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

/**
 * Quotes of the demo company to its demo customers (ids in the order of customers.demo.ts): one won
 * and turned into an order with a released production order (so it has its lot) on the shop floor, one sent and waiting, one
 * draft, one lost. Parts come from the shop floor's demo through its door.
 */
export async function quotesDemo(ctx: CustomersContext, db: Db, customerIds: readonly string[]): Promise<void> {
  const [bracket] = await searchParts(db, ctx.tenant.tenantId, 'KONS-100', 1);
  const [sheet] = await searchParts(db, ctx.tenant.tenantId, 'BLECH-200', 1);
  const part = (p: { id: string } | undefined, rest: Partial<Omit<QuotePositionBody, 'partId' | 'text'>>, fallback: string) => (p ? { partId: p.id, ...rest } : { text: fallback, ...rest });
  const quote = (customer: number, subject: string, positions: unknown[], validUntil: string | null = inDays(30)) =>
    createQuote(ctx, createQuoteBody.parse({ customerId: customerIds[customer], subject, validUntil, positions }));

  const won = await quote(0, 'Konsolen für Verpackungsanlage VA-3', [
    part(bracket, { quantityMilli: 40_000, unitPriceCents: 8_450, discountBasisPoints: 300, vatBasisPoints: 1900, deliveryDate: inDays(21) }, 'Konsole geschweißt'),
    { text: 'Pulverbeschichtung RAL 7035', quantityMilli: 40_000, unitPriceCents: 1_250, vatBasisPoints: 1900, deliveryDate: inDays(21) },
    { text: 'Verpackung und Versand', quantityMilli: 1_000, unitPriceCents: 9_500, vatBasisPoints: 1900 },
  ]);
  await sendQuote(ctx, won.id, 'de');
  await winQuote(ctx, won.id);
  const order = await orderFromQuote(ctx, won.id, '4500012345');
  const producible = order.positions.find((p) => p.producible);
  if (producible) await createProductionOrderForPosition(ctx, producible.id, productionOrderBody.parse({ quantity: 40, priority: 3, release: true }));

  const waiting = await quote(1, 'Blechzuschnitte für Fördertechnik', [
    part(sheet, { quantityMilli: 200_000, unitPriceCents: 385, vatBasisPoints: 1900, deliveryDate: inDays(14) }, 'Blechzuschnitt 200 × 300'),
  ]);
  await sendQuote(ctx, waiting.id, 'de');

  await quote(2, 'Ersatzkonsolen Saisonbedarf', [
    part(bracket, { quantityMilli: 12_000, unitPriceCents: 8_900, vatBasisPoints: 1900, deliveryDate: inDays(45) }, 'Konsole geschweißt'),
  ]);

  const lost = await quote(4, 'Welded brackets, frame contract', [
    part(bracket, { quantityMilli: 500_000, unitPriceCents: 7_900, discountBasisPoints: 800, vatBasisPoints: 0, deliveryDate: inDays(60) }, 'Konsole geschweißt'),
  ], null);
  await sendQuote(ctx, lost.id, 'en');
  await loseQuote(ctx, lost.id, 'competitor', 'Anbieter aus Polen rund 12 % günstiger.');
}
