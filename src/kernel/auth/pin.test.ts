import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashPin, minutesLeft, personnelNumberSchema, pinSchema, verifyPin } from './pin.js';

describe('PIN rules', () => {
  it('accepts exactly 4 to 8 digits', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 12 }), (digits) => {
      expect(pinSchema.safeParse(digits).success).toBe(digits.length >= 4 && digits.length <= 8);
    }));
    fc.assert(fc.property(fc.string({ minLength: 4, maxLength: 8 }).filter((s) => /\D/.test(s)), (text) => {
      expect(pinSchema.safeParse(text).success).toBe(false);
    }));
    expect(['0000', '12345678'].map((p) => pinSchema.safeParse(p).success)).toEqual([true, true]);
    expect(['123', '123456789', '12 34', '١٢٣٤', ' 1234'].map((p) => pinSchema.safeParse(p).success)).toEqual([false, false, false, false, false]);
  });

  it('takes personnel numbers of letters, digits and . _ - /', () => {
    expect(['1001', 'A-17', 'ms.42', 'P/7'].map((n) => personnelNumberSchema.safeParse(n).success)).toEqual([true, true, true, true]);
    expect(['', '  ', 'a b', '<1>', 'x'.repeat(21)].map((n) => personnelNumberSchema.safeParse(n).success)).toEqual([false, false, false, false, false]);
  });

  it('reports the minutes left of a lock rounded up, and 0 once it has ended', () => {
    fc.assert(fc.property(fc.integer({ min: -3_600_000, max: 3_600_000 }), fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (offset, now) => {
      const left = minutesLeft(new Date(now.getTime() + offset), now);
      if (offset <= 0) expect(left).toBe(0);
      else {
        expect(left * 60_000).toBeGreaterThanOrEqual(offset);
        expect((left - 1) * 60_000).toBeLessThan(offset);
      }
    }));
    expect(minutesLeft(null, new Date())).toBe(0);
  });

  it('hashes with argon2id and verifies only the right PIN', async () => {
    const hash = await hashPin('4711');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPin(hash, '4711')).toBe(true);
    expect(await verifyPin(hash, '4712')).toBe(false);
    expect(await verifyPin(null, '4711')).toBe(false);
  });
});
