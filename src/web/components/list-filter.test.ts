import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterList } from './list-filter';

describe('filtering a list by a search text', () => {
  it('finds regardless of case, accents and ß, by every word', () => {
    const items = [{ t: ['Müller Präzision', 'HAL-200'] }, { t: ['Straßenbau Nord', 'KON-117'] }, { t: ['Bauer', 'WIN-7'] }];
    const found = (q: string) => filterList(items, q, (i) => i.t).map((i) => i.t[0]);
    expect(found('muller')).toEqual(['Müller Präzision']);
    expect(found('MUELLER praez')).toEqual(['Müller Präzision']);
    expect(found('STRASSE')).toEqual(['Straßenbau Nord']);
    expect(found('bau')).toEqual(['Straßenbau Nord', 'Bauer']);
    expect(found('bau 117')).toEqual(['Straßenbau Nord']);
    expect(found('  ')).toHaveLength(3);
  });

  it('keeps items in their order, always finds an item by one of its own texts, and narrows with every added word', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'ä', 'A', 'ß', ' ', '-'), maxLength: 8 });
    const items = fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { maxLength: 10 });
    fc.assert(fc.property(items, text, text, (list, query, more) => {
      const result = filterList(list, query, (i) => i);
      expect(result.map((r) => list.indexOf(r))).toEqual([...result.map((r) => list.indexOf(r))].sort((a, b) => a - b));
      for (const item of list) for (const own of item) expect(filterList(list, own, (i) => i)).toContain(item);
      const narrower = filterList(list, `${query} ${more}`, (i) => i);
      for (const r of narrower) expect(result).toContain(r);
    }));
  });
});
