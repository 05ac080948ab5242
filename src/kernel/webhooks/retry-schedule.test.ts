import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from './retry-schedule.js';

describe('retry schedule of notifications', () => {
  it('waits 10 s, 30 s, 1 min, 5 min, … and gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([10_000, 30_000, 60_000, 300_000]);
    expect(retryDelayMs(MAX_ATTEMPTS - 1)).toBe(3_600_000);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });

  it('property: never shorter than the wait before, at most an hour, and ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (attempts) => {
        const delay = retryDelayMs(attempts);
        if (attempts >= MAX_ATTEMPTS) {
          expect(delay).toBeNull();
          return;
        }
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(3_600_000);
        if (attempts > 1) expect(delay).toBeGreaterThanOrEqual(retryDelayMs(attempts - 1)!);
      }),
    );
  });

  it('gives a delivery almost four hours before it fails', () => {
    let total = 0;
    for (let a = 1; retryDelayMs(a) !== null; a++) total += retryDelayMs(a)!;
    expect(total).toBeGreaterThan(3.5 * 3_600_000);
  });
});
