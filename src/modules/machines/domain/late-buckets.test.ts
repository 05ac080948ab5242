import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLate } from './late-buckets.js';

describe('late buckets split into whole buckets and single keys', () => {
  it('recomputes a bucket whole exactly when it has at least the threshold of late keys, and keeps every other key in order', () => {
    const key = fc.record({ p: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), b: fc.constantFrom('09:00', '09:01', '09:02', '09:03') });
    fc.assert(
      fc.property(fc.uniqueArray(key, { selector: (k) => `${k.p}/${k.b}`, maxLength: 24 }), fc.integer({ min: 1, max: 7 }), (late, from) => {
        const { wholeBuckets, keys } = splitLate(late, from);
        const perBucket = (b: string) => late.filter((k) => k.b === b).length;
        expect(new Set(wholeBuckets).size).toBe(wholeBuckets.length);
        for (const b of wholeBuckets) expect(perBucket(b)).toBeGreaterThanOrEqual(from);
        for (const k of late) {
          if (perBucket(k.b) >= from) expect(wholeBuckets).toContain(k.b);
          else expect(keys).toContain(k);
        }
        expect(keys).toEqual(late.filter((k) => !wholeBuckets.includes(k.b)));
      }),
    );
  });

  it('keeps the keys of a bucket just below the threshold', () => {
    const late = [{ b: 'm1' }, { b: 'm1' }, { b: 'm2' }, { b: 'm2' }, { b: 'm2' }];
    expect(splitLate(late, 3)).toEqual({ wholeBuckets: ['m2'], keys: [{ b: 'm1' }, { b: 'm1' }] });
    expect(splitLate(late, 2)).toEqual({ wholeBuckets: ['m1', 'm2'], keys: [] });
    expect(splitLate([], 1)).toEqual({ wholeBuckets: [], keys: [] });
  });
});
