import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Reason, type ReasonDraft, checkReason, defaultReasons, downtimeTree, isPlannedDowntime, reasonPath } from './reason-tree';

let n = 0;
const id = () => `id-${++n}`;
const defaults = defaultReasons(id);
const group = defaults.find((r) => r.isGroup && r.label.de === 'Störung')!;
const electrical = defaults.find((r) => r.label.de === 'Elektrik')!;
const scrap = defaults.find((r) => r.kind === 'scrap')!;
const draft = (d: Partial<ReasonDraft>): ReasonDraft => ({ kind: 'downtime', parentId: group.id, isGroup: false, label: { de: 'Neu', en: 'New' }, loss: 'availability', planned: false, ...d });
const codes = (d: ReasonDraft, all: readonly Reason[] = defaults) => checkReason(d, all).map((i) => `${i.field}:${i.code}`);

describe('reason tree', () => {
  it('defaults: every downtime reason is classed, groups and scrap reasons are not, and each default passes the rules', () => {
    for (const r of defaults) {
      if (r.kind === 'downtime' && !r.isGroup) expect(r.loss !== null && r.planned !== null).toBe(true);
      else expect([r.loss, r.planned]).toEqual([null, null]);
      expect(checkReason(r, defaults)).toEqual([]);
    }
    expect(defaults.some((r) => r.planned === true)).toBe(true);
  });

  it('accepts a reason in a group and a top-level reason', () => {
    expect(codes(draft({}))).toEqual([]);
    expect(codes(draft({ parentId: null }))).toEqual([]);
  });

  it('two levels only: a group is never inside a group, reasons only in groups', () => {
    expect(codes(draft({ isGroup: true, loss: null, planned: null }))).toEqual(['isGroup:groupInGroup']);
    expect(codes(draft({ parentId: electrical.id }))).toEqual(['parentId:parentNotAGroup']);
    expect(codes(draft({ parentId: 'nope' }))).toEqual(['parentId:parentUnknown']);
    expect(codes(draft({ parentId: scrap.id }))).toEqual(['parentId:parentUnknown']);
    const inactive = defaults.map((r) => (r.id === group.id ? { ...r, active: false } : r));
    expect(codes(draft({}), inactive)).toEqual(['parentId:parentInactive']);
  });

  it('classes: reasons need loss and planned, groups and scrap reasons have none', () => {
    expect(codes(draft({ loss: null }))).toEqual(['loss:reasonNeedsClass']);
    expect(codes(draft({ planned: null }))).toEqual(['planned:reasonNeedsClass']);
    expect(codes(draft({ parentId: null, isGroup: true }))).toEqual(['loss:groupNeedsNoClass']);
    expect(codes(draft({ kind: 'scrap', parentId: null }))).toEqual(['loss:scrapNeedsNoClass']);
    expect(codes(draft({ kind: 'scrap', parentId: group.id, loss: null, planned: null }))).toEqual(['parentId:scrapInTree']);
  });

  it('labels are unique among active siblings in both languages, ignoring case', () => {
    expect(codes(draft({ label: { de: 'elektrik', en: 'x' } }))).toEqual(['label:labelTaken']);
    expect(codes(draft({ label: { de: 'x', en: 'ELECTRICAL' } }))).toEqual(['label:labelTaken']);
    expect(codes(draft({ parentId: null, label: { de: 'Elektrik', en: 'Electrical' } }))).toEqual([]);
    // Changing a reason does not collide with itself; an inactive sibling frees its name.
    expect(codes({ ...electrical, label: { de: 'Elektrik', en: 'Electric' } })).toEqual([]);
    const off = defaults.map((r) => (r.id === electrical.id ? { ...r, active: false } : r));
    expect(codes(draft({ label: { de: 'Elektrik', en: 'Electrical' } }), off)).toEqual([]);
  });

  it('the kind of a reason stays; a group with reasons stays a group', () => {
    expect(codes({ ...electrical, kind: 'scrap', parentId: null, loss: null, planned: null })).toContain('kind:kindChanged');
    expect(codes({ ...group, isGroup: false, loss: 'availability', planned: false })).toEqual(['isGroup:groupNotEmpty']);
  });

  it('tree for the terminal: active groups with active reasons, then top-level reasons; path labels', () => {
    const tree = downtimeTree(defaults);
    expect(tree.map((g) => g.group?.label.de ?? null)).toEqual(['Störung', 'Material', 'Organisation', 'Geplant', null]);
    expect(tree.at(-1)!.reasons.map((r) => r.label.de)).toEqual(['Sonstiges']);
    const withoutElectrical = downtimeTree(defaults.map((r) => (r.id === electrical.id ? { ...r, active: false } : r)));
    expect(withoutElectrical[0].reasons.map((r) => r.label.de)).not.toContain('Elektrik');
    expect(reasonPath(electrical, defaults, 'de')).toBe('Störung › Elektrik');
    expect(reasonPath(electrical, defaults, 'en')).toBe('Breakdown › Electrical');
  });

  it('property: only a downtime reason classed planned makes a pause planned downtime', () => {
    const byId = new Map(defaults.map((r) => [r.id, r]));
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...defaults.map((r) => r.id)), fc.string(), fc.constant(null)), (reason) => {
        const r = reason === null ? undefined : byId.get(reason);
        expect(isPlannedDowntime(reason, byId)).toBe(r !== undefined && r.kind === 'downtime' && r.planned === true);
      }),
    );
  });

  it('property: a tree built from any valid sequence of additions has two levels and classed leaves', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.boolean(), parent: fc.nat(), planned: fc.boolean(), label: fc.string({ minLength: 1, maxLength: 5 }) }), { maxLength: 30 }), (steps) => {
        let all: Reason[] = [];
        steps.forEach((s, i) => {
          const groups = all.filter((r) => r.isGroup);
          const parentId = s.group || groups.length === 0 ? null : groups[s.parent % groups.length].id;
          const d: Reason = { id: `r${i}`, kind: 'downtime', parentId, isGroup: s.group, label: { de: s.label, en: s.label }, loss: s.group ? null : 'availability', planned: s.group ? null : s.planned, position: i, active: true };
          if (checkReason(d, all).length === 0) all = [...all, d];
        });
        for (const r of all) {
          const parent = all.find((p) => p.id === r.parentId);
          if (parent) expect(parent.isGroup && parent.parentId === null && !r.isGroup).toBe(true);
          if (!r.isGroup) expect(r.loss !== null && r.planned !== null).toBe(true);
        }
        for (const g of downtimeTree(all)) for (const r of g.reasons) expect(r.isGroup).toBe(false);
      }),
    );
  });
});
