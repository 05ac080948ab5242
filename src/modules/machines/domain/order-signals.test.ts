import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS, type MinuteAggregate, alarmDuring, crossesLimits, limitsOfRules, summariseSignal } from './order-signals.js';

const T = Date.parse('2026-11-02T08:00:00Z');
const minute = (i: number, values: number[]): MinuteAggregate => ({ bucket: T + i * MINUTE_MS, count: values.length, min: Math.min(...values), max: Math.max(...values), sum: values.reduce((a, b) => a + b, 0) });

describe('machine signals during an operation', () => {
  it('takes the tightest threshold limits and ignores rate-of-change and no-data rules', () => {
    expect(limitsOfRules([
      { kind: 'threshold', direction: 'high', limit: 150, hysteresis: 0, minDurationSeconds: 0 },
      { kind: 'threshold', direction: 'high', limit: 140, hysteresis: 0, minDurationSeconds: 0 },
      { kind: 'threshold', direction: 'low', limit: 80, hysteresis: 0, minDurationSeconds: 0 },
      { kind: 'threshold', direction: 'low', limit: 90, hysteresis: 0, minDurationSeconds: 0 },
      { kind: 'rateOfChange', maxPerMinute: 5, hysteresis: 0, minDurationSeconds: 0 },
      { kind: 'noData', minutes: 5 },
    ])).toEqual({ low: 90, high: 140 });
    expect(limitsOfRules([])).toEqual({ low: null, high: null });
  });

  it('counts whole minutes for min, mean and max, and only the part inside the span as time outside the limits', () => {
    const minutes = [minute(0, [100, 102]), minute(1, [160]), minute(2, [100]), minute(5, [999])];
    // the span starts half-way through minute 1 and ends with minute 2; minute 5 lies outside
    const s = summariseSignal(minutes, [{ start: T + 1.5 * MINUTE_MS, end: T + 3 * MINUTE_MS }], { low: null, high: 150 });
    expect(s).toEqual({ count: 2, min: 100, max: 160, mean: 130, outsideMs: 30_000 });
    expect(summariseSignal(minutes, [{ start: T + 10 * MINUTE_MS, end: T + 11 * MINUTE_MS }], { low: null, high: 150 })).toBeNull();
  });

  it('counts a minute shared by two phases once', () => {
    const spans = [{ start: T, end: T + 30_000 }, { start: T + 40_000, end: T + 2 * MINUTE_MS }];
    const s = summariseSignal([minute(0, [200]), minute(1, [200])], spans, { low: null, high: 150 });
    expect(s).toMatchObject({ count: 2, outsideMs: 30_000 + 20_000 + MINUTE_MS });
  });

  it('an alarm counts when it was raised or still open during a span', () => {
    const spans = [{ start: T, end: T + 10 * MINUTE_MS }];
    expect(alarmDuring({ raisedAt: T - MINUTE_MS, clearedAt: T + MINUTE_MS }, spans, T + 99 * MINUTE_MS)).toBe(true);
    expect(alarmDuring({ raisedAt: T - 2 * MINUTE_MS, clearedAt: T }, spans, T + 99 * MINUTE_MS)).toBe(false);
    expect(alarmDuring({ raisedAt: T - MINUTE_MS, clearedAt: null }, spans, T + 99 * MINUTE_MS)).toBe(true);
    expect(alarmDuring({ raisedAt: T + 10 * MINUTE_MS, clearedAt: null }, spans, T + 99 * MINUTE_MS)).toBe(false);
  });

  const minutesArb = fc.uniqueArray(
    fc.record({ i: fc.integer({ min: 0, max: 120 }), values: fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 5 }) }),
    { selector: (m) => m.i, maxLength: 60 },
  ).map((list) => list.map((m) => minute(m.i, m.values)));
  const spansArb = fc.uniqueArray(fc.integer({ min: 0, max: 240 }), { minLength: 2, maxLength: 10 })
    .map((cuts) => cuts.sort((a, b) => a - b))
    .map((cuts) => cuts.flatMap((c, k) => (k % 2 === 0 && k + 1 < cuts.length ? [{ start: T + c * 30_000, end: T + cuts[k + 1]! * 30_000 }] : [])));
  const limitsArb = fc.record({ low: fc.option(fc.integer({ min: -500, max: 500 }), { nil: null }), high: fc.option(fc.integer({ min: -500, max: 500 }), { nil: null }) });

  it('min ≤ mean ≤ max, time outside never exceeds the spans, and none without limits (property)', () => {
    fc.assert(fc.property(minutesArb, spansArb, limitsArb, (minutes, spans, limits) => {
      const s = summariseSignal(minutes, spans, limits);
      const total = spans.reduce((sum, x) => sum + x.end - x.start, 0);
      if (s === null) return;
      expect(s.min).toBeLessThanOrEqual(s.mean);
      expect(s.mean).toBeLessThanOrEqual(s.max);
      expect(s.outsideMs).toBeGreaterThanOrEqual(0);
      expect(s.outsideMs).toBeLessThanOrEqual(total);
      expect(summariseSignal(minutes, spans, { low: null, high: null })!.outsideMs).toBe(0);
      // the order of the minutes does not matter
      expect(summariseSignal([...minutes].reverse(), spans, limits)).toEqual(s);
    }));
  });

  it('wider limits never give more time outside (property)', () => {
    fc.assert(fc.property(minutesArb, spansArb, limitsArb, fc.nat(100), (minutes, spans, limits, widen) => {
      const narrow = summariseSignal(minutes, spans, limits);
      const wide = summariseSignal(minutes, spans, { low: limits.low === null ? null : limits.low - widen, high: limits.high === null ? null : limits.high + widen });
      expect(wide?.outsideMs ?? 0).toBeLessThanOrEqual(narrow?.outsideMs ?? 0);
      for (const m of minutes) if (!crossesLimits(m, limits)) expect(crossesLimits(m, { low: limits.low === null ? null : limits.low - widen, high: limits.high === null ? null : limits.high + widen })).toBe(false);
    }));
  });
});
