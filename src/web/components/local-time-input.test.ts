import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time-input';

describe('moments in a datetime-local input', () => {
  // in the hour a clock is set back the wall time names two moments: the text reads back, the moment may be the other one
  it('read back to the same wall time and, outside a doubled hour, the same minute', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
      const text = toLocalInput(ms);
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      const back = fromLocalInput(text);
      expect(toLocalInput(back)).toBe(text);
      expect([0, 3_600_000]).toContain(Math.abs(back - Math.floor(ms / 60_000) * 60_000));
    }));
  });

  it('are not a moment when empty or broken', () => {
    expect(fromLocalInput('')).toBeNaN();
    expect(fromLocalInput('gestern')).toBeNaN();
  });
});
