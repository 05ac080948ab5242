import { BASIS_POINTS, type Currency, type Money, QUANTITY_SCALE, divideRounded, moneyProblem, positionNet, sumMoney } from './money.js';

/** What a position sells: a part of Shop floor's master data (by id) or a free text line. */
export type PositionItem = { kind: 'part'; partId: string } | { kind: 'text'; text: string };

export interface QuotePosition {
  id: string;
  item: PositionItem;
  /** thousandths of a unit (pieces: 12 → 12000) */
  quantityMilli: number;
  unitPrice: Money;
  /** 0..10000 basis points */
  discountBasisPoints: number;
  /** VAT rate in basis points (1900, 700, 0) */
  vatBasisPoints: number;
  /** promised delivery date 'YYYY-MM-DD', or null when not promised yet */
  deliveryDate: string | null;
}

export const quoteStates = ['draft', 'sent', 'won', 'lost'] as const;
export type QuoteState = (typeof quoteStates)[number];
/** The states of a customer order, in the order it passes them. */
export const customerOrderStates = ['open', 'in-production', 'partly-delivered', 'delivered', 'cancelled'] as const;
export const lostReasons = ['price', 'delivery-time', 'competitor', 'no-demand', 'technical', 'no-response', 'other'] as const;
export type LostReason = (typeof lostReasons)[number];

export interface QuoteVersion {
  version: number;
  positions: QuotePosition[];
  /** epoch ms when this version was sent; null while it is a draft */
  sentAt: number | null;
}

export interface Quote {
  id: string;
  customerId: string;
  currency: Currency;
  state: QuoteState;
  /** oldest first; the last one is the current version, earlier ones are frozen */
  versions: QuoteVersion[];
  decidedAt: number | null;
  lostReason: LostReason | null;
}

export type QuoteEvent =
  | { kind: 'edit'; positions: QuotePosition[] }
  | { kind: 'send'; at: number }
  | { kind: 'revise' }
  | { kind: 'win'; at: number }
  | { kind: 'lose'; at: number; reason: LostReason };

export type QuoteRefusal =
  | 'not-a-draft'
  | 'not-sent'
  | 'already-decided'
  | 'no-positions'
  | 'invalid-position'
  | 'unknown-lost-reason';

export type PositionProblem =
  | 'quantity-not-positive'
  | 'quantity-not-integer'
  | 'price-not-integer-cents'
  | 'price-negative'
  | 'price-unsafe'
  | 'currency-mismatch'
  | 'unknown-currency'
  | 'discount-out-of-range'
  | 'vat-out-of-range'
  | 'empty-text'
  | 'invalid-delivery-date'
  | 'duplicate-position-id';

/** The allowed transitions, as a table so the UI can show which buttons apply. */
export const quoteTransitions: Record<QuoteState, ReadonlyArray<QuoteEvent['kind']>> = {
  draft: ['edit', 'send'],
  sent: ['revise', 'win', 'lose'],
  won: [],
  lost: [],
};

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isIsoDate(s: string): boolean {
  const m = isoDate.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Every problem of a list of positions for a quote in `currency` (empty when all is well). */
export function positionProblems(currency: Currency, positions: readonly QuotePosition[]): Array<{ positionId: string; problem: PositionProblem }> {
  const out: Array<{ positionId: string; problem: PositionProblem }> = [];
  const seen = new Set<string>();
  for (const p of positions) {
    const add = (problem: PositionProblem) => out.push({ positionId: p.id, problem });
    if (seen.has(p.id)) add('duplicate-position-id');
    seen.add(p.id);
    if (!Number.isSafeInteger(p.quantityMilli)) add('quantity-not-integer');
    else if (p.quantityMilli <= 0) add('quantity-not-positive');
    const money = moneyProblem(p.unitPrice);
    if (money === 'unknown-currency') add('unknown-currency');
    else if (money === 'not-integer-cents') add('price-not-integer-cents');
    else if (money === 'unsafe-amount') add('price-unsafe');
    else if (p.unitPrice.cents < 0) add('price-negative');
    if (money !== 'unknown-currency' && p.unitPrice.currency !== currency) add('currency-mismatch');
    if (!Number.isInteger(p.discountBasisPoints) || p.discountBasisPoints < 0 || p.discountBasisPoints > BASIS_POINTS) add('discount-out-of-range');
    if (!Number.isInteger(p.vatBasisPoints) || p.vatBasisPoints < 0 || p.vatBasisPoints > BASIS_POINTS) add('vat-out-of-range');
    if (p.item.kind === 'text' && p.item.text.trim() === '') add('empty-text');
    if (p.deliveryDate !== null && !isIsoDate(p.deliveryDate)) add('invalid-delivery-date');
  }
  return out;
}

export interface QuoteTotals {
  /** net per position, in the order of the positions */
  positions: Array<{ positionId: string; net: Money }>;
  net: Money;
  /** VAT per rate: computed on the sum of the net amounts of that rate, rounded once per rate */
  vat: Array<{ vatBasisPoints: number; base: Money; tax: Money }>;
  gross: Money;
}

/**
 * Totals of valid positions. Each position's net is rounded to cents once (see money.ts); VAT is
 * computed per rate on the sum of that rate's nets and rounded once per rate (as §14 UStG invoices
 * show it), so the gross is exactly net + the listed taxes.
 */
export function quoteTotals(currency: Currency, positions: readonly QuotePosition[]): QuoteTotals {
  const nets = positions.map((p) => ({ positionId: p.id, net: positionNet(p.quantityMilli, p.unitPrice, p.discountBasisPoints), rate: p.vatBasisPoints }));
  const net = sumMoney(currency, nets.map((n) => n.net));
  const rates = [...new Set(nets.map((n) => n.rate))].sort((a, b) => b - a);
  const vat = rates.map((rate) => {
    const base = sumMoney(currency, nets.filter((n) => n.rate === rate).map((n) => n.net));
    const tax: Money = { cents: Number(divideRounded(BigInt(base.cents) * BigInt(rate), BigInt(BASIS_POINTS))), currency };
    return { vatBasisPoints: rate, base, tax };
  });
  const gross = sumMoney(currency, [net, ...vat.map((v) => v.tax)]);
  return { positions: nets.map(({ positionId, net: n }) => ({ positionId, net: n })), net, vat, gross };
}

export function currentVersion(q: Quote): QuoteVersion {
  return q.versions[q.versions.length - 1]!;
}

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; refusal: QuoteRefusal };

/**
 * The quote after `event`. Drafts are edited and sent; a sent version is frozen — to change it the
 * quote is revised into a new draft version (the sent one stays as it was); only a sent quote is
 * won or lost, and a decided quote changes no more.
 */
export function applyQuoteEvent(q: Quote, event: QuoteEvent): QuoteResult {
  const refuse = (refusal: QuoteRefusal): QuoteResult => ({ ok: false, refusal });
  if (q.state === 'won' || q.state === 'lost') return refuse('already-decided');
  const current = currentVersion(q);
  const replaceCurrent = (v: QuoteVersion) => [...q.versions.slice(0, -1), v];
  switch (event.kind) {
    case 'edit':
      if (q.state !== 'draft') return refuse('not-a-draft');
      if (positionProblems(q.currency, event.positions).length > 0) return refuse('invalid-position');
      return { ok: true, quote: { ...q, versions: replaceCurrent({ ...current, positions: event.positions }) } };
    case 'send':
      if (q.state !== 'draft') return refuse('not-a-draft');
      if (current.positions.length === 0) return refuse('no-positions');
      if (positionProblems(q.currency, current.positions).length > 0) return refuse('invalid-position');
      return { ok: true, quote: { ...q, state: 'sent', versions: replaceCurrent({ ...current, sentAt: event.at }) } };
    case 'revise':
      if (q.state !== 'sent') return refuse('not-sent');
      return {
        ok: true,
        quote: { ...q, state: 'draft', versions: [...q.versions, { version: current.version + 1, positions: current.positions.map((p) => ({ ...p })), sentAt: null }] },
      };
    case 'win':
      if (q.state !== 'sent') return refuse('not-sent');
      return { ok: true, quote: { ...q, state: 'won', decidedAt: event.at } };
    case 'lose':
      if (q.state !== 'sent') return refuse('not-sent');
      if (!(lostReasons as readonly string[]).includes(event.reason)) return refuse('unknown-lost-reason');
      return { ok: true, quote: { ...q, state: 'lost', decidedAt: event.at, lostReason: event.reason } };
  }
}

export interface OrderPositionDraft {
  /** position number on the order, 10, 20, 30 … as order papers number them */
  number: number;
  item: PositionItem;
  quantityMilli: number;
  unitPrice: Money;
  discountBasisPoints: number;
  vatBasisPoints: number;
  promisedDate: string | null;
  /** only part positions can get production orders, and only in whole pieces */
  producible: boolean;
  source: { quoteId: string; version: number; positionId: string };
}

export interface CustomerOrderDraft {
  customerId: string;
  currency: Currency;
  quoteId: string;
  quoteVersion: number;
  positions: OrderPositionDraft[];
}

/**
 * The customer order a won quote becomes: the sent (= accepted) version's positions in their
 * order, each carrying its source, prices unchanged, the delivery date as the promised date.
 */
export function orderFromWonQuote(q: Quote): { ok: true; order: CustomerOrderDraft } | { ok: false; refusal: 'not-won' } {
  if (q.state !== 'won') return { ok: false, refusal: 'not-won' };
  const v = currentVersion(q);
  return {
    ok: true,
    order: {
      customerId: q.customerId,
      currency: q.currency,
      quoteId: q.id,
      quoteVersion: v.version,
      positions: v.positions.map((p, i) => ({
        number: (i + 1) * 10,
        item: p.item,
        quantityMilli: p.quantityMilli,
        unitPrice: p.unitPrice,
        discountBasisPoints: p.discountBasisPoints,
        vatBasisPoints: p.vatBasisPoints,
        promisedDate: p.deliveryDate,
        producible: p.item.kind === 'part' && p.quantityMilli % QUANTITY_SCALE === 0,
        source: { quoteId: q.id, version: v.version, positionId: p.id },
      })),
    },
  };
}

export function newQuote(id: string, customerId: string, currency: Currency): Quote {
  return { id, customerId, currency, state: 'draft', versions: [{ version: 1, positions: [], sentAt: null }], decidedAt: null, lostReason: null };
}
