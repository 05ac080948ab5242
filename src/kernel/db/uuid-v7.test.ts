import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuid-v7.js';

describe('uuidv7', () => {
  it('is a version-7 RFC 9562 UUID carrying the time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        const id = uuidv7(ms);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
      }),
    );
  });

  it('sorts by time', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 2 ** 40 }), (t, d) => {
      expect(uuidv7(t) < uuidv7(t + d)).toBe(true);
    }));
  });
});
