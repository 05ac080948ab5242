import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterList } from '../../../../web/components/list-filter';
import type { Reason } from '../../domain/reason-tree';
import { reasonSearchTexts, withGroups } from './reason-search';

const reason = (id: string, de: string, en: string, parentId: string | null = null, isGroup = false): Reason => ({
  id, kind: 'downtime', parentId, isGroup, label: { de, en }, loss: isGroup ? null : 'availability', planned: isGroup ? null : false, position: 0, active: true,
});

const catalogue = [
  reason('g1', 'Störung', 'Breakdown', null, true),
  reason('r1', 'Werkzeugbruch', 'Tool breakage', 'g1'),
  reason('r2', 'Hydraulik', 'Hydraulics', 'g1'),
  reason('g2', 'Rüsten', 'Set-up', null, true),
  reason('r3', 'Werkzeugwechsel', 'Tool change', 'g2'),
  reason('r4', 'Materialmangel', 'Material shortage'),
];
const search = (q: string) => withGroups(catalogue, filterList(catalogue, q, (r) => reasonSearchTexts(r, catalogue))).map((r) => r.id);

describe('searching the reason catalogue', () => {
  it('shows a found reason under its group, and not the group’s other reasons', () => {
    expect(search('hydraulik')).toEqual(['g1', 'r2']);
  });
  it('finds by the English name too, folding case and umlauts', () => {
    expect(search('TOOL')).toEqual(['g1', 'r1', 'g2', 'r3']);
    expect(search('rusten')).toEqual(['g2', 'r3']);
  });
  it('a found group brings all of its reasons', () => {
    expect(search('störung')).toEqual(['g1', 'r1', 'r2']);
  });
  it('a reason without a group stands alone', () => {
    expect(search('material')).toEqual(['r4']);
  });
  it('whatever is found: every shown reason’s group is shown, and nothing is shown twice', () => {
    fc.assert(
      fc.property(fc.subarray(catalogue), (found) => {
        const shown = withGroups(catalogue, found);
        const ids = shown.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const r of found) expect(ids).toContain(r.id);
        for (const r of shown) if (r.parentId) expect(ids).toContain(r.parentId);
        for (const r of shown) expect(found.some((f) => f.id === r.id || f.parentId === r.id)).toBe(true);
      }),
    );
  });
});
