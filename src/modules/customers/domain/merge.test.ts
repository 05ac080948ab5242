import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CustomerFields,
  type CustomerGraph,
  type MergeField,
  type MergeableCustomer,
  type Side,
  applyMerge,
  linkKinds,
  mergeFields,
  planMerge,
  resolveCustomerId,
  undoMerge,
} from './merge.js';

const fields = (over: Partial<CustomerFields> = {}): CustomerFields => ({
  ...(Object.fromEntries(mergeFields.map((f) => [f, null])) as CustomerFields),
  ...over,
});
const customer = (id: string, over: Partial<CustomerFields> = {}, aliases: string[] = []): MergeableCustomer => ({ id, fields: fields(over), aliases, mergedInto: null });

function merge(g: CustomerGraph, survivor: string, absorbed: string, choices: Partial<Record<MergeField, Side>> = {}) {
  const p = planMerge(g, survivor, absorbed, choices);
  if (!p.ok) throw new Error(p.refusal);
  return { plan: p.plan, ...applyMerge(g, p.plan) };
}

describe('merging two customers', () => {
  const g: CustomerGraph = {
    customers: [
      customer('a', { name: 'Kögel Dreherei GmbH', customerNumber: 'K-1001', vatId: null, city: 'Ulm', paymentTermsDays: 30 }),
      customer('b', { name: 'Koegel Dreherei', customerNumber: 'K-1040', vatId: 'DE136695976', city: 'Neu-Ulm', paymentTermsDays: 14 }, ['K-0999']),
    ],
    links: [
      { kind: 'contact', id: 'p1', customerId: 'a' },
      { kind: 'contact', id: 'p2', customerId: 'b' },
      { kind: 'quote', id: 'q1', customerId: 'b' },
      { kind: 'order', id: 'o1', customerId: 'b' },
      { kind: 'consent', id: 'k1', customerId: 'b' },
    ],
  };

  it('shows both sides, keeps the survivor by default, fills its gaps and takes what is chosen', () => {
    const { plan, graph } = merge(g, 'a', 'b', { city: 'absorbed' });
    const row = (f: MergeField) => plan.fields.find((x) => x.field === f)!;
    expect(row('name')).toEqual({ field: 'name', survivor: 'Kögel Dreherei GmbH', absorbed: 'Koegel Dreherei', chosen: 'survivor', result: 'Kögel Dreherei GmbH' });
    expect(row('vatId')).toMatchObject({ chosen: 'absorbed', result: 'DE136695976' });
    expect(row('city')).toMatchObject({ chosen: 'absorbed', result: 'Neu-Ulm' });
    expect(row('paymentTermsDays')).toMatchObject({ chosen: 'survivor', result: 30 });
    expect(plan.moves).toEqual([{ kind: 'contact', id: 'p2' }, { kind: 'quote', id: 'q1' }, { kind: 'order', id: 'o1' }, { kind: 'consent', id: 'k1' }]);
    expect(graph.links.every((l) => l.customerId === 'a')).toBe(true);
    const a = graph.customers.find((c) => c.id === 'a')!;
    expect(a.aliases).toEqual(['K-1040', 'K-0999']);
    expect(graph.customers.find((c) => c.id === 'b')!.mergedInto).toBe('a');
    expect(resolveCustomerId(graph.customers, 'b')).toBe('a');
    expect(resolveCustomerId(graph.customers, 'zz')).toBeNull();
  });

  it('refuses to merge a customer with itself, an unknown one, or one already merged', () => {
    expect(planMerge(g, 'a', 'a')).toEqual({ ok: false, refusal: 'same-customer' });
    expect(planMerge(g, 'a', 'x')).toEqual({ ok: false, refusal: 'unknown-customer' });
    const { graph } = merge(g, 'a', 'b');
    expect(planMerge(graph, 'b', 'a')).toEqual({ ok: false, refusal: 'already-merged' });
  });

  it('is undone exactly, keeps links made after the merge on the survivor, and refuses when a moved link moved on or the survivor was edited', () => {
    const { graph, undo } = merge(g, 'a', 'b');
    const later: CustomerGraph = { ...graph, links: [...graph.links, { kind: 'interaction', id: 'i9', customerId: 'a' }] };
    const back = undoMerge(later, undo);
    expect(back.ok && back.graph).toEqual({ ...g, links: [...g.links, { kind: 'interaction', id: 'i9', customerId: 'a' }] });

    const third: CustomerGraph = { customers: [...graph.customers, customer('c')], links: graph.links.map((l) => (l.id === 'q1' ? { ...l, customerId: 'c' } : l)) };
    expect(undoMerge(third, undo)).toEqual({ ok: false, conflicts: [{ code: 'link-moved-since', kind: 'quote', id: 'q1', customerId: 'c' }] });
    expect(undoMerge({ ...graph, links: graph.links.filter((l) => l.id !== 'o1') }, undo)).toEqual({ ok: false, conflicts: [{ code: 'link-missing', kind: 'order', id: 'o1' }] });

    const edited: CustomerGraph = { ...graph, customers: graph.customers.map((c) => (c.id === 'a' ? { ...c, fields: { ...c.fields, phone: '+49 731 1' } } : c)) };
    expect(undoMerge(edited, undo)).toEqual({ ok: false, conflicts: [{ code: 'survivor-edited-since', customerId: 'a' }] });
    expect(undoMerge(edited, undo, true)).toEqual({ ok: true, graph: g });
  });
});

/** Random graphs: 2–5 customers, up to 40 links of every kind pointing at random customers. */
const graphArb = fc.integer({ min: 2, max: 5 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  const value = fc.oneof(fc.constant(null), fc.constant(''), fc.constantFrom('Kögel', 'K-1', 'Ulm', 'DE136695976'), fc.integer({ min: 0, max: 90 }));
  const fieldsArb = fc.record(Object.fromEntries(mergeFields.map((f) => [f, value])) as Record<MergeField, fc.Arbitrary<string | number | null>>);
  return fc.record({
    customers: fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), fields: fieldsArb, aliases: fc.uniqueArray(fc.constantFrom('A-1', 'A-2', 'A-3'), { maxLength: 2 }), mergedInto: fc.constant(null) }))),
    links: fc.uniqueArray(fc.record({ kind: fc.constantFrom(...linkKinds), id: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'), customerId: fc.constantFrom(...ids) }), {
      maxLength: 40,
      selector: (l) => `${l.kind}/${l.id}`,
    }),
    survivor: fc.nat(n - 1),
    offset: fc.integer({ min: 1, max: n - 1 }),
    choices: fc.dictionary(fc.constantFrom(...mergeFields), fc.constantFrom<Side>('survivor', 'absorbed')),
  }).map((r) => ({ graph: { customers: r.customers as MergeableCustomer[], links: r.links }, survivor: ids[r.survivor]!, absorbed: ids[(r.survivor + r.offset) % n]!, choices: r.choices, ids }));
});

const linkSet = (g: CustomerGraph) => g.links.map((l) => `${l.kind}/${l.id}`).sort();

describe('merge over random graphs of customers, contacts, quotes and orders', () => {
  it('keeps every link exactly once, moves exactly the absorbed customer\'s links, and undo restores the graph exactly', () => {
    fc.assert(
      fc.property(graphArb, ({ graph, survivor, absorbed, choices }) => {
        const before = structuredClone(graph);
        const { plan, graph: after, undo } = merge(graph, survivor, absorbed, choices);
        expect(graph).toEqual(before); // the input is not touched
        expect(linkSet(after)).toEqual(linkSet(graph));
        expect(new Set(linkSet(after)).size).toBe(after.links.length);
        after.links.forEach((l, i) => {
          const old = graph.links[i]!;
          expect([l.kind, l.id]).toEqual([old.kind, old.id]);
          expect(l.customerId).toBe(old.customerId === absorbed ? survivor : old.customerId);
        });
        expect(plan.moves.length).toBe(graph.links.filter((l) => l.customerId === absorbed).length);
        const s = after.customers.find((c) => c.id === survivor)!;
        for (const f of plan.fields) expect(s.fields[f.field]).toBe(f.chosen === 'survivor' ? before.customers.find((c) => c.id === survivor)!.fields[f.field] : before.customers.find((c) => c.id === absorbed)!.fields[f.field]);
        for (const [f, side] of Object.entries(choices)) expect(plan.fields.find((x) => x.field === f)!.chosen).toBe(side);
        expect(resolveCustomerId(after.customers, absorbed)).toBe(survivor);
        expect(after.customers.filter((c) => c.id !== survivor && c.id !== absorbed)).toEqual(graph.customers.filter((c) => c.id !== survivor && c.id !== absorbed));
        const back = undoMerge(after, undo);
        expect(back).toEqual({ ok: true, graph: before });
      }),
    );
  });

  it('undoes two merges in reverse order back to the start, and refuses the first undo while the survivor is merged on', () => {
    fc.assert(
      fc.property(graphArb.filter((x) => x.ids.length >= 3), ({ graph, ids }) => {
        const [x, y, z] = ids as [string, string, string];
        const first = merge(graph, y, x);
        const second = merge(first.graph, z, y);
        expect(linkSet(second.graph)).toEqual(linkSet(graph));
        expect(resolveCustomerId(second.graph.customers, x)).toBe(z);
        const early = undoMerge(second.graph, first.undo);
        expect(early.ok).toBe(false);
        const one = undoMerge(second.graph, second.undo);
        if (!one.ok) throw new Error(JSON.stringify(one.conflicts));
        expect(one.graph).toEqual(first.graph);
        expect(undoMerge(one.graph, first.undo)).toEqual({ ok: true, graph: graph });
      }),
    );
  });
});
