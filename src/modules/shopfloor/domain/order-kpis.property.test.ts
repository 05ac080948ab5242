import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type OrderFacts, aggregateOrderKpis, isOnTime } from './order-kpis';

// aggregateOrderKpis finds the local day or month of each finish among the period's local spans and
// computes the end of each due date once; the result must equal the per-order time-zone arithmetic.
describe('aggregateOrderKpis grouping', () => {
  const zones = ['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
  const HOUR = 3_600_000;
  const base = Date.parse('2025-01-01T00:00:00Z');

  it('groups by the local day or month of finishing and counts on-time deliveries as per order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom('day' as const, 'month' as const, 'total' as const),
        fc.integer({ min: 0, max: 24 * 400 }),
        fc.integer({ min: 1, max: 24 * 120 }),
        fc.array(
          fc.record({
            releasedHour: fc.integer({ min: 0, max: 24 * 500 }),
            leadMinutes: fc.option(fc.integer({ min: 0, max: 60 * 24 * 40 }), { nil: null }),
            dueOffsetDays: fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }),
          }),
          { maxLength: 60 },
        ),
        (timeZone, groupBy, startHour, lengthHours, raw) => {
          const period = { start: base + startHour * HOUR, end: base + (startHour + lengthHours) * HOUR };
          const orders: OrderFacts[] = raw.map((o, i) => {
            const releasedAt = base + o.releasedHour * HOUR;
            const dueDate = o.dueOffsetDays === null ? null : DateTime.fromMillis(releasedAt, { zone: timeZone }).plus({ days: o.dueOffsetDays }).toISODate();
            return { orderId: `o${i}`, releasedAt, finishedAt: o.leadMinutes === null ? null : releasedAt + o.leadMinutes * 60_000, dueDate };
          });
          const rows = aggregateOrderKpis(orders, { period, groupBy, timeZone });

          const expected = new Map<string, { finished: number; withDueDate: number; onTime: number }>();
          for (const o of orders) {
            if (o.finishedAt === null || o.finishedAt < period.start || o.finishedAt >= period.end) continue;
            const key = groupBy === 'total' ? '' : DateTime.fromMillis(o.finishedAt, { zone: timeZone }).toFormat(groupBy === 'day' ? 'yyyy-MM-dd' : 'yyyy-MM');
            const e = expected.get(key) ?? { finished: 0, withDueDate: 0, onTime: 0 };
            e.finished++;
            const onTime = isOnTime(o, timeZone);
            if (onTime !== null) e.withDueDate++;
            if (onTime) e.onTime++;
            expected.set(key, e);
          }
          const actual = new Map(rows.filter((r) => r.finished > 0).map((r) => [r.day ?? r.month ?? '', { finished: r.finished, withDueDate: r.withDueDate, onTime: r.onTime }]));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
