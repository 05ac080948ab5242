import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Interval,
  clip,
  clipNormalised,
  containsInstant,
  durationWithin,
  intersect,
  normalize,
  subtract,
  totalDuration,
  union,
} from './intervals';

const iv = (start: number, end: number): Interval => ({ start, end });

// Independent model: integer bounds within [0, SIZE), each unit cell [k, k+1) either covered or not.
const SIZE = 60;
const intervalArb = fc
  .tuple(fc.integer({ min: 0, max: SIZE }), fc.integer({ min: 0, max: SIZE }))
  .map(([a, b]) => iv(Math.min(a, b), Math.max(a, b)));
const setArb = fc.array(intervalArb, { maxLength: 8 });

function cells(intervals: readonly Interval[]): boolean[] {
  const c = new Array<boolean>(SIZE).fill(false);
  for (const { start, end } of intervals) for (let k = start; k < end; k++) c[k] = true;
  return c;
}
const count = (c: boolean[]) => c.filter(Boolean).length;

function isNormal(intervals: readonly Interval[]): boolean {
  return intervals.every((x, i) => x.start < x.end && (i === 0 || intervals[i - 1].end < x.start));
}

describe('normalize', () => {
  it('sorts, merges overlapping and touching intervals and drops empty ones', () => {
    expect(normalize([iv(10, 20), iv(0, 5), iv(5, 7), iv(15, 30), iv(40, 40), iv(50, 60)])).toEqual([
      iv(0, 7),
      iv(10, 30),
      iv(50, 60),
    ]);
  });

  it('keeps an interval contained in another only once', () => {
    expect(normalize([iv(0, 100), iv(10, 20)])).toEqual([iv(0, 100)]);
  });

  it('rejects an end before the start and non-finite bounds', () => {
    expect(() => normalize([iv(5, 4)])).toThrow(RangeError);
    expect(() => normalize([iv(Number.NaN, 4)])).toThrow(RangeError);
    expect(() => normalize([iv(0, Number.POSITIVE_INFINITY)])).toThrow(RangeError);
  });

  it('does not modify its input', () => {
    const input = [iv(10, 20), iv(0, 15)];
    normalize(input);
    expect(input).toEqual([iv(10, 20), iv(0, 15)]);
  });
});

describe('set operations, examples', () => {
  const a = [iv(0, 10), iv(20, 30)];
  const b = [iv(5, 25)];

  it('union', () => expect(union(a, b)).toEqual([iv(0, 30)]));
  it('intersection', () => expect(intersect(a, b)).toEqual([iv(5, 10), iv(20, 25)]));
  it('subtraction', () => {
    expect(subtract(a, b)).toEqual([iv(0, 5), iv(25, 30)]);
    expect(subtract(b, a)).toEqual([iv(10, 20)]);
  });
  it('subtracting several holes from one interval', () => {
    expect(subtract([iv(0, 100)], [iv(10, 20), iv(30, 40), iv(95, 200)])).toEqual([iv(0, 10), iv(20, 30), iv(40, 95)]);
  });
  it('total duration counts overlaps once', () => expect(totalDuration([iv(0, 10), iv(5, 15), iv(20, 21)])).toBe(16));
  it('clipping', () => {
    expect(clip([iv(0, 10), iv(20, 30)], iv(8, 22))).toEqual([iv(8, 10), iv(20, 22)]);
    expect(clipNormalised([iv(0, 10), iv(20, 30)], iv(10, 20))).toEqual([]);
    expect(durationWithin([iv(0, 10), iv(20, 30)], iv(8, 22))).toBe(4);
  });
  it('half-open: the end instant is not contained', () => {
    expect(containsInstant([iv(0, 10)], 0)).toBe(true);
    expect(containsInstant([iv(0, 10)], 10)).toBe(false);
    expect(intersect([iv(0, 10)], [iv(10, 20)])).toEqual([]);
  });
});

describe('set operations agree with a cell model (property)', () => {
  it('normalize covers the same cells and is in normal form', () => {
    fc.assert(
      fc.property(setArb, (a) => {
        const n = normalize(a);
        expect(isNormal(n)).toBe(true);
        expect(cells(n)).toEqual(cells(a));
        expect(totalDuration(a)).toBe(count(cells(a)));
      }),
    );
  });

  it('union, intersection and subtraction', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const ca = cells(a);
        const cb = cells(b);
        const u = union(a, b);
        const i = intersect(a, b);
        const s = subtract(a, b);
        for (const r of [u, i, s]) expect(isNormal(r)).toBe(true);
        expect(cells(u)).toEqual(ca.map((x, k) => x || cb[k]));
        expect(cells(i)).toEqual(ca.map((x, k) => x && cb[k]));
        expect(cells(s)).toEqual(ca.map((x, k) => x && !cb[k]));
      }),
    );
  });

  it('clip, clipNormalised, durationWithin and containsInstant', () => {
    fc.assert(
      fc.property(setArb, intervalArb, fc.integer({ min: -1, max: SIZE }), (a, w, t) => {
        const ca = cells(a);
        const cw = cells([w]);
        const expected = ca.map((x, k) => x && cw[k]);
        expect(cells(clip(a, w))).toEqual(expected);
        expect(clipNormalised(normalize(a), w)).toEqual(clip(a, w));
        expect(durationWithin(normalize(a), w)).toBe(count(expected));
        expect(containsInstant(normalize(a), t)).toBe(t >= 0 && t < SIZE && ca[t]);
      }),
    );
  });
});

describe('algebra laws (property)', () => {
  it('commutativity and idempotence', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        expect(union(a, b)).toEqual(union(b, a));
        expect(intersect(a, b)).toEqual(intersect(b, a));
        expect(union(a, a)).toEqual(normalize(a));
        expect(intersect(a, a)).toEqual(normalize(a));
        expect(normalize(normalize(a))).toEqual(normalize(a));
        expect(subtract(a, a)).toEqual([]);
      }),
    );
  });

  it('durations: |A∪B| + |A∩B| = |A| + |B| and |A\\B| = |A| − |A∩B|', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const d = totalDuration;
        expect(d(union(a, b)) + d(intersect(a, b))).toBe(d(a) + d(b));
        expect(d(subtract(a, b))).toBe(d(a) - d(intersect(a, b)));
        expect(intersect(subtract(a, b), b)).toEqual([]);
        expect(union(subtract(a, b), intersect(a, b))).toEqual(normalize(a));
      }),
    );
  });

  it('associativity and distributivity', () => {
    fc.assert(
      fc.property(setArb, setArb, setArb, (a, b, c) => {
        expect(union(union(a, b), c)).toEqual(union(a, union(b, c)));
        expect(intersect(intersect(a, b), c)).toEqual(intersect(a, intersect(b, c)));
        expect(intersect(a, union(b, c))).toEqual(union(intersect(a, b), intersect(a, c)));
        expect(subtract(a, union(b, c))).toEqual(subtract(subtract(a, b), c));
      }),
    );
  });

  it('real-valued (non-integer) bounds: durations still add up', () => {
    const real = fc
      .tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
      .map(([x, y]) => iv(Math.min(x, y), Math.max(x, y)));
    fc.assert(
      fc.property(fc.array(real, { maxLength: 6 }), fc.array(real, { maxLength: 6 }), (a, b) => {
        const d = totalDuration;
        expect(d(union(a, b)) + d(intersect(a, b))).toBeCloseTo(d(a) + d(b), 3);
        expect(isNormal(subtract(a, b))).toBe(true);
      }),
    );
  });
});
