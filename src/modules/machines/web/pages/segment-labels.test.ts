import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelledSegments } from './segment-labels';

const HOUR = 3_600_000;
const from = Date.parse('2026-12-01T00:00:00Z');
const seg = (startH: number, endH: number, label = '4711') => ({ start: new Date(from + startH * HOUR).toISOString(), end: new Date(from + endH * HOUR).toISOString(), label });

describe('order labels on the machine chart', () => {
  it('labels an order that is wide enough on screen', () => {
    expect(labelledSegments([seg(2, 3)], { from, to: from + 24 * HOUR }, 900)).toEqual([true]);
  });

  it('leaves the labels off short orders on a week, where they would pile into a strip', () => {
    const week = { from, to: from + 7 * 24 * HOUR };
    const orders = Array.from({ length: 30 }, (_, i) => seg(i * 5, i * 5 + 1, `A-${1000 + i}`));
    expect(labelledSegments(orders, week, 900).filter(Boolean)).toHaveLength(0);
    expect(labelledSegments([seg(0, 48, 'A-2000')], week, 900)).toEqual([true]);
  });

  it('never lets two shown labels overlap and shows none without a width', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(160), fc.integer({ min: 1, max: 20 })), { maxLength: 40 }), fc.integer({ min: 0, max: 1600 }), (raw, width) => {
      const segments = raw.map(([s, d]) => seg(s, s + d)).sort((a, b) => a.start.localeCompare(b.start));
      const range = { from, to: from + 168 * HOUR };
      const shown = labelledSegments(segments, range, width);
      const px = (t: string) => ((Date.parse(t) - range.from) / (range.to - range.from)) * width;
      const boxes = segments.filter((_, i) => shown[i]).map((s) => [px(s.start), px(s.start) + s.label.length * 6.5 + 8]);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]).toBeGreaterThanOrEqual(boxes[i - 1]![1]! - 1e-9);
      if (width === 0) expect(shown.every((x) => !x)).toBe(true);
    }));
  });
});
