import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber, writeNumber } from './number-text';

const value = (text: string, lang: 'de' | 'en' = 'de', rules = {}) => {
  const r = readNumber(text, lang, rules);
  return r.ok ? r.value : r.problem.code;
};

describe('reading typed numbers', () => {
  it('refuses what is not the number meant instead of changing it', () => {
    expect(value('-5abc', 'de', { integer: true, min: 0 })).toBe('notANumber');
    expect(value('1e9')).toBe('notANumber');
    expect(value('12 Stück')).toBe('notANumber');
    expect(value('-25000', 'de', { min: 0 })).toBe('negative');
    expect(value('0', 'de', { integer: true, min: 1 })).toBe('tooSmall');
    expect(value('-150', 'de', { min: -99 })).toBe('tooSmall');
    expect(value('2,5', 'de', { integer: true })).toBe('notWhole');
    expect(value('1,234', 'de', { decimals: 2 })).toBe('tooManyDecimals');
    expect(value('', 'de')).toBe('required');
    expect(value('', 'de', { optional: true })).toBe(null);
    expect(value('101', 'de', { max: 100 })).toBe('tooLarge');
  });

  it('reads German and English writing', () => {
    expect(value('25.000')).toBe(25000);
    expect(value('1.234,56')).toBe(1234.56);
    expect(value('2,5')).toBe(2.5);
    expect(value('2.5')).toBe(2.5);
    expect(value('−3,5')).toBe(-3.5);
    expect(value('25,000', 'en')).toBe(25000);
    expect(value('1,234.56', 'en')).toBe(1234.56);
    expect(value('2,5', 'en')).toBe(2.5);
    expect(value(' 40 ', 'en', { integer: true })).toBe(40);
  });

  it('reads back what it writes, in both languages', () => {
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom('de' as const, 'en' as const), (n, lang) => {
      const rounded = Number(n.toFixed(4));
      expect(value(writeNumber(rounded, lang, 4), lang)).toBe(rounded === 0 ? 0 : rounded);
    }));
  });
});
