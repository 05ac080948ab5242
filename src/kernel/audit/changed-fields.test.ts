import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, sameValue } from './changed-fields.js';

/** The same object with its keys in reverse order, at every depth (as jsonb may give it back). */
const reordered = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(reordered)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reordered(x)]))
      : v;

describe('changed fields of an update', () => {
  it('a value read back with its keys reordered is the same; a changed leaf is not', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(sameValue(value, reordered(value))).toBe(true);
      expect(sameValue({ x: value }, { x: value, y: 1 })).toBe(false);
    }));
    fc.assert(fc.property(fc.array(fc.integer(), { minLength: 1 }), fc.nat(), (list, i) => {
      const changed = list.map((n, k) => (k === i % list.length ? n + 1 : n));
      expect(sameValue(list, changed)).toBe(false);
      expect(sameValue(list, [...list].reverse())).toBe(list.every((n, k) => n === list[list.length - 1 - k]));
    }));
  });

  it('an absent optional field equals one left undefined', () => {
    expect(sameValue({ unit: undefined, id: 'a' }, { id: 'a' })).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue([], null)).toBe(false);
  });

  it('names the changes in both languages, and nothing when nothing changed', () => {
    const label = (locale: 'de' | 'en', name: string) => `${locale}:${name}`;
    expect(changedFields([], label)).toBeUndefined();
    expect(changedFields(['name', 'routing'], label)).toEqual({ de: 'de:name, de:routing', en: 'en:name, en:routing' });
  });
});
