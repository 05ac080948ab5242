import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS, downsample, rollUp } from './downsample.js';

const T0 = Date.UTC(2026, 2, 1, 8, 0, 0);

describe('downsample', () => {
  it('summarises each UTC minute: min, max, avg, count, last', () => {
    const samples = [
      { ts: T0 + 10_000, value: 4 },
      { ts: T0 + 50_000, value: 10 },
      { ts: T0 + 30_000, value: 1 },
      { ts: T0 + 60_000, value: 7 },
      { ts: T0 + 61_000, value: 'text is skipped' },
      { ts: T0 + 119_999, value: true },
    ];
    expect(downsample(samples, MINUTE_MS)).toEqual([
      { bucket: T0, count: 3, min: 1, max: 10, sum: 15, avg: 5, last: 10, lastTs: T0 + 50_000 },
      { bucket: T0 + 60_000, count: 2, min: 1, max: 7, sum: 8, avg: 4, last: 1, lastTs: T0 + 119_999 },
    ]);
  });

  it('puts a sample on a bucket border into the later bucket, also before 1970', () => {
    expect(downsample([{ ts: T0 + HOUR_MS, value: 1 }], HOUR_MS).map((a) => a.bucket)).toEqual([T0 + HOUR_MS]);
    expect(downsample([{ ts: -1, value: 1 }], MINUTE_MS).map((a) => a.bucket)).toEqual([-MINUTE_MS]);
  });

  const samplesArb = fc.array(
    fc.record({ ts: fc.integer({ min: T0, max: T0 + 5 * HOUR_MS }), value: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constant('x')) }),
    { maxLength: 200 },
  );
  const numericCount = (samples: Array<{ value: unknown }>) => samples.filter((s) => typeof s.value !== 'string').length;

  it('counts every numeric sample exactly once and keeps min ≤ avg ≤ max (property)', () => {
    fc.assert(
      fc.property(samplesArb, fc.constantFrom(MINUTE_MS, HOUR_MS), (samples, size) => {
        const aggregates = downsample(samples, size);
        expect(aggregates.reduce((n, a) => n + a.count, 0)).toBe(numericCount(samples));
        for (const a of aggregates) {
          expect(a.min).toBeLessThanOrEqual(a.avg);
          expect(a.avg).toBeLessThanOrEqual(a.max);
          expect(a.bucket % size).toBe(0);
        }
        const buckets = aggregates.map((a) => a.bucket);
        expect(buckets).toEqual([...new Set(buckets)].sort((x, y) => x - y));
      }),
    );
  });

  it('agrees with a direct computation per bucket (property)', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const byMinute = downsample(samples, MINUTE_MS);
        for (const a of byMinute) {
          const inside = samples
            .filter((s) => s.ts >= a.bucket && s.ts < a.bucket + MINUTE_MS && typeof s.value !== 'string')
            .map((s) => ({ ts: s.ts, x: s.value === true ? 1 : s.value === false ? 0 : (s.value as number) }));
          expect(a.count).toBe(inside.length);
          expect(a.min).toBe(Math.min(...inside.map((s) => s.x)));
          expect(a.max).toBe(Math.max(...inside.map((s) => s.x)));
          expect(a.sum).toBe(inside.reduce((n, s) => n + s.x, 0));
          expect(a.lastTs).toBe(Math.max(...inside.map((s) => s.ts)));
        }
      }),
    );
  });

  it('rolling minutes up into hours equals aggregating the raw samples by hour (property)', () => {
    const unique = fc.uniqueArray(fc.record({ ts: fc.integer({ min: T0, max: T0 + 5 * HOUR_MS }), value: fc.integer({ min: -1000, max: 1000 }) }), { selector: (s) => s.ts, maxLength: 200 });
    fc.assert(
      fc.property(unique, (samples) => {
        const direct = downsample(samples, HOUR_MS);
        const rolled = rollUp(downsample(samples, MINUTE_MS), HOUR_MS);
        const pick = (as: typeof direct) => as.map(({ bucket, count, min, max, sum, last, lastTs }) => ({ bucket, count, min, max, sum, last, lastTs }));
        expect(pick(rolled)).toEqual(pick(direct));
      }),
    );
  });
});
