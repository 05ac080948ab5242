import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Quote,
  type QuoteEvent,
  type QuotePosition,
  applyQuoteEvent,
  currentVersion,
  isIsoDate,
  lostReasons,
  newQuote,
  orderFromWonQuote,
  positionProblems,
  quoteTotals,
  quoteTransitions,
} from './quotes.js';

const pos = (id: string, over: Partial<QuotePosition> = {}): QuotePosition => ({
  id,
  item: { kind: 'part', partId: `part-${id}` },
  quantityMilli: 10_000,
  unitPrice: { cents: 1250, currency: 'EUR' },
  discountBasisPoints: 0,
  vatBasisPoints: 1900,
  deliveryDate: '2027-03-01',
  ...over,
});

const positionArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    item: fc.oneof(fc.record({ kind: fc.constant('part' as const), partId: fc.constantFrom('p1', 'p2') }), fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom('Rüsten', 'Prüfbericht') })),
    quantityMilli: fc.integer({ min: 1, max: 5_000_000 }),
    unitPrice: fc.record({ cents: fc.integer({ min: 0, max: 10_000_000 }), currency: fc.constant('EUR' as const) }),
    discountBasisPoints: fc.integer({ min: 0, max: 10_000 }),
    vatBasisPoints: fc.constantFrom(1900, 700, 0),
    deliveryDate: fc.constantFrom(null, '2027-01-15', '2027-02-28'),
  });
const positionsArb = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => positionArb(`pos-${i}`))));

describe('quote totals', () => {
  it('computes nets per position, VAT per rate on the rate sum, and gross = net + VAT', () => {
    const t = quoteTotals('EUR', [
      pos('a', { quantityMilli: 3_000, unitPrice: { cents: 333, currency: 'EUR' } }), // 9.99
      pos('b', { quantityMilli: 3_000, unitPrice: { cents: 333, currency: 'EUR' } }), // 9.99
      pos('c', { quantityMilli: 1_000, unitPrice: { cents: 1000, currency: 'EUR' }, vatBasisPoints: 700 }),
    ]);
    expect(t.net.cents).toBe(2998);
    // 19 % of 19.98 = 3.7962 → 3.80, rounded once on the rate's sum
    expect(t.vat).toEqual([
      { vatBasisPoints: 1900, base: { cents: 1998, currency: 'EUR' }, tax: { cents: 380, currency: 'EUR' } },
      { vatBasisPoints: 700, base: { cents: 1000, currency: 'EUR' }, tax: { cents: 70, currency: 'EUR' } },
    ]);
    expect(t.gross.cents).toBe(2998 + 380 + 70);
    // rounding on the rate sum differs from rounding per line: 3 × 0.05 € at 19 % → 0.03 (not 3 × 0.01)
    const small = quoteTotals('EUR', ['x', 'y', 'z'].map((id) => pos(id, { quantityMilli: 1000, unitPrice: { cents: 5, currency: 'EUR' } })));
    expect(small.vat[0]!.tax.cents).toBe(3);
  });

  it('adds up for any valid positions and does not depend on their order', () => {
    fc.assert(
      fc.property(positionsArb, fc.nat(), (positions, seed) => {
        expect(positionProblems('EUR', positions)).toEqual([]);
        const t = quoteTotals('EUR', positions);
        expect(t.net.cents).toBe(t.positions.reduce((a, p) => a + p.net.cents, 0));
        expect(t.gross.cents).toBe(t.net.cents + t.vat.reduce((a, v) => a + v.tax.cents, 0));
        expect(t.vat.reduce((a, v) => a + v.base.cents, 0)).toBe(t.net.cents);
        for (const v of t.vat) expect(Math.abs(v.tax.cents - (v.base.cents * v.vatBasisPoints) / 10_000)).toBeLessThanOrEqual(0.5);
        const shuffled = [...positions].sort((a, b) => ((a.id.charCodeAt(4) * 31 + seed) % 7) - ((b.id.charCodeAt(4) * 31 + seed) % 7));
        const u = quoteTotals('EUR', shuffled);
        expect([u.net, u.vat, u.gross]).toEqual([t.net, t.vat, t.gross]);
      }),
    );
  });
});

describe('position problems', () => {
  it('names each problem with a code', () => {
    const problems = positionProblems('EUR', [
      pos('a', { quantityMilli: 0 }),
      pos('b', { quantityMilli: 1.5 }),
      pos('c', { unitPrice: { cents: 10.5, currency: 'EUR' } }),
      pos('d', { unitPrice: { cents: -1, currency: 'EUR' } }),
      pos('e', { unitPrice: { cents: 1, currency: 'CHF' } }),
      pos('f', { discountBasisPoints: 10_001 }),
      pos('g', { vatBasisPoints: -1 }),
      pos('h', { item: { kind: 'text', text: '  ' } }),
      pos('i', { deliveryDate: '2027-02-30' }),
      pos('i'),
      pos('j', { unitPrice: { cents: 1, currency: 'ABC' as 'EUR' } }),
    ]);
    expect(problems.map((p) => `${p.positionId}:${p.problem}`)).toEqual([
      'a:quantity-not-positive',
      'b:quantity-not-integer',
      'c:price-not-integer-cents',
      'd:price-negative',
      'e:currency-mismatch',
      'f:discount-out-of-range',
      'g:vat-out-of-range',
      'h:empty-text',
      'i:invalid-delivery-date',
      'i:duplicate-position-id',
      'j:unknown-currency',
    ]);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-2-1')).toBe(false);
  });
});

const eventArb: fc.Arbitrary<QuoteEvent> = fc.oneof(
  positionsArb.map((positions) => ({ kind: 'edit' as const, positions })),
  fc.nat(1000).map((at) => ({ kind: 'send' as const, at })),
  fc.constant({ kind: 'revise' as const }),
  fc.nat(1000).map((at) => ({ kind: 'win' as const, at })),
  fc.tuple(fc.nat(1000), fc.constantFrom(...lostReasons)).map(([at, reason]) => ({ kind: 'lose' as const, at, reason })),
);

describe('quote states', () => {
  it('goes draft → sent → won, and a won quote becomes an order with the accepted version', () => {
    let q: Quote = newQuote('q1', 'c1', 'EUR');
    expect(applyQuoteEvent(q, { kind: 'send', at: 1 })).toEqual({ ok: false, refusal: 'no-positions' });
    expect(orderFromWonQuote(q)).toEqual({ ok: false, refusal: 'not-won' });
    const step = (e: QuoteEvent) => {
      const r = applyQuoteEvent(q, e);
      if (!r.ok) throw new Error(r.refusal);
      q = r.quote;
    };
    step({ kind: 'edit', positions: [pos('a'), pos('b', { item: { kind: 'text', text: 'Prüfbericht' } })] });
    step({ kind: 'send', at: 10 });
    expect(applyQuoteEvent(q, { kind: 'edit', positions: [] })).toEqual({ ok: false, refusal: 'not-a-draft' });
    step({ kind: 'revise' });
    step({ kind: 'edit', positions: [pos('a', { quantityMilli: 20_000 })] });
    step({ kind: 'send', at: 20 });
    step({ kind: 'win', at: 30 });
    expect(q.versions.map((v) => [v.version, v.positions.length, v.sentAt])).toEqual([[1, 2, 10], [2, 1, 20]]);
    expect(applyQuoteEvent(q, { kind: 'revise' })).toEqual({ ok: false, refusal: 'already-decided' });
    const order = orderFromWonQuote(q);
    expect(order.ok && order.order.positions).toEqual([
      {
        number: 10,
        item: { kind: 'part', partId: 'part-a' },
        quantityMilli: 20_000,
        unitPrice: { cents: 1250, currency: 'EUR' },
        discountBasisPoints: 0,
        vatBasisPoints: 1900,
        promisedDate: '2027-03-01',
        producible: true,
        source: { quoteId: 'q1', version: 2, positionId: 'a' },
      },
    ]);
  });

  it('is lost only with a known reason, and never from a draft', () => {
    const edited = applyQuoteEvent(newQuote('q', 'c', 'EUR'), { kind: 'edit', positions: [pos('a')] });
    if (!edited.ok) throw new Error(edited.refusal);
    const q = applyQuoteEvent(edited.quote, { kind: 'send', at: 1 });
    if (!q.ok) throw new Error(q.refusal);
    expect(applyQuoteEvent(q.quote, { kind: 'lose', at: 2, reason: 'weather' as 'price' })).toEqual({ ok: false, refusal: 'unknown-lost-reason' });
    const lost = applyQuoteEvent(q.quote, { kind: 'lose', at: 2, reason: 'price' });
    expect(lost.ok && [lost.quote.state, lost.quote.lostReason, lost.quote.decidedAt]).toEqual(['lost', 'price', 2]);
    expect(applyQuoteEvent(newQuote('q', 'c', 'EUR'), { kind: 'lose', at: 2, reason: 'price' })).toEqual({ ok: false, refusal: 'not-sent' });
  });

  it('over any sequence of events: only listed transitions apply, sent versions stay frozen, versions count up, decisions are final', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 25 }), (events) => {
        let q = newQuote('q', 'c', 'EUR');
        const frozen = new Map<number, string>();
        for (const e of events) {
          const before = q;
          const r = applyQuoteEvent(q, e);
          if (!quoteTransitions[before.state].includes(e.kind)) expect(r.ok).toBe(false);
          if (!r.ok) continue;
          q = r.quote;
          if (before.state === 'won' || before.state === 'lost') throw new Error('a decided quote changed');
          for (const v of q.versions) if (v.sentAt !== null && !frozen.has(v.version)) frozen.set(v.version, JSON.stringify(v));
          for (const [version, json] of frozen) expect(JSON.stringify(q.versions[version - 1])).toBe(json);
          expect(q.versions.map((v) => v.version)).toEqual(q.versions.map((_, i) => i + 1));
          expect(q.versions.slice(0, -1).every((v) => v.sentAt !== null)).toBe(true);
          expect(currentVersion(q).sentAt === null).toBe(q.state === 'draft');
        }
        const order = orderFromWonQuote(q);
        expect(order.ok).toBe(q.state === 'won');
        if (order.ok) {
          const accepted = currentVersion(q);
          expect(order.order.positions.map((p) => p.source.positionId)).toEqual(accepted.positions.map((p) => p.id));
          expect(quoteTotals('EUR', order.order.positions.map((p) => ({ ...p, id: p.source.positionId, deliveryDate: p.promisedDate }))).gross).toEqual(quoteTotals('EUR', accepted.positions).gross);
        }
      }),
    );
  });
});
