import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_COLUMNS_FROM, AMOUNT_COLUMNS, FIGURE_COLUMNS, shownColumns } from './kpi-columns';

const all = [...AMOUNT_COLUMNS, ...FIGURE_COLUMNS];

describe('controlling table columns', () => {
  it('shows every column where they fit, one set at a time where they do not', () => {
    expect(shownColumns(ALL_COLUMNS_FROM, 'figures')).toEqual(all);
    expect(shownColumns(ALL_COLUMNS_FROM - 1, 'figures')).toEqual([...FIGURE_COLUMNS]);
    expect(shownColumns(ALL_COLUMNS_FROM - 1, 'amounts')).toEqual([...AMOUNT_COLUMNS]);
  });
  it('at any width no column is lost: the two sets together show all of them, each once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (width) => {
        const together = [...shownColumns(width, 'figures'), ...shownColumns(width, 'amounts')];
        expect(new Set(together)).toEqual(new Set(all));
        for (const set of ['figures', 'amounts'] as const) {
          const shown = shownColumns(width, set);
          expect(new Set(shown).size).toBe(shown.length);
        }
      }),
    );
  });
  it('a narrower table never shows more columns than a wider one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), fc.constantFrom('figures' as const, 'amounts' as const), (a, b, set) => {
        const [narrow, wide] = a < b ? [a, b] : [b, a];
        expect(shownColumns(narrow, set).length).toBeLessThanOrEqual(shownColumns(wide, set).length);
      }),
    );
  });
});
