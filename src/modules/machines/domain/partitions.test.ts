import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, boundsOf, partitionOf, partitionsToDrop } from './partitions.js';

describe('daily partitions', () => {
  it('names the UTC day of an instant', () => {
    expect(partitionOf(Date.UTC(2026, 2, 29, 23, 59, 59, 999))).toBe('d20260329');
    expect(partitionOf(Date.UTC(2026, 2, 30))).toBe('d20260330');
    expect(boundsOf('d20260330')).toEqual({ from: Date.UTC(2026, 2, 30), to: Date.UTC(2026, 2, 31) });
    expect(boundsOf('d20260231')).toBeUndefined();
    expect(boundsOf('public')).toBeUndefined();
  });

  it('every instant lies within the bounds of its partition (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000_000, max: 4_102_444_799_999 }), (ts) => {
        const b = boundsOf(partitionOf(ts))!;
        expect(b.from <= ts && ts < b.to).toBe(true);
        expect(b.to - b.from).toBe(DAY_MS);
      }),
    );
  });

  it('drops only days that ended more than N days ago', () => {
    const now = Date.UTC(2026, 2, 10, 12);
    const names = ['d20260301', 'd20260302', 'd20260303', 'd20260309', 'other'];
    // 7 days before now is 2026-03-03 12:00: 03-01 and 03-02 ended before, 03-03 has not.
    expect(partitionsToDrop(names, now, 7)).toEqual(['d20260301', 'd20260302']);
    expect(partitionsToDrop(names, now, 0)).toEqual(['d20260301', 'd20260302', 'd20260303', 'd20260309']);
  });
});
