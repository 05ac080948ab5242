import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../catalogue/measure-schema.js';
import { orderMeasures, type Orderable } from './order.js';
import { comparePriority } from './priority.js';

const level = fc.constantFrom<Level>(...LEVELS);

/** A random acyclic set of measures (edges only to earlier-generated ids), shuffled. */
const dagArb = fc
  .array(fc.record({ effort: level, benefit: level, deps: fc.array(fc.nat(), { maxLength: 4 }) }), { maxLength: 25 })
  .map((nodes) =>
    nodes.map((n, i): Orderable => ({
      id: `m${i}`,
      effort: n.effort,
      benefit: n.benefit,
      dependsOn: i === 0 ? [] : [...new Set(n.deps.map((d) => `m${d % i}`))],
    })),
  )
  .chain((nodes) => fc.shuffledSubarray(nodes, { minLength: nodes.length, maxLength: nodes.length }));

describe('orderMeasures', () => {
  it('puts every measure after everything it depends on, and keeps every measure exactly once', () => {
    fc.assert(
      fc.property(dagArb, (measures) => {
        const ordered = orderMeasures(measures);
        expect(ordered.map((m) => m.id).sort()).toEqual(measures.map((m) => m.id).sort());
        const position = new Map(ordered.map((m, i) => [m.id, i]));
        for (const m of ordered) for (const d of m.dependsOn) expect(position.get(d)!).toBeLessThan(position.get(m.id)!);
      }),
    );
  });

  it('always takes the highest-priority measure among those whose prerequisites are placed', () => {
    fc.assert(
      fc.property(dagArb, (measures) => {
        const ordered = orderMeasures(measures);
        const placed = new Set<string>();
        ordered.forEach((m) => {
          const ready = measures.filter((x) => !placed.has(x.id) && x.dependsOn.every((d) => placed.has(d)));
          for (const other of ready) expect(comparePriority(m, other)).toBeLessThanOrEqual(0);
          placed.add(m.id);
        });
      }),
    );
  });

  it('without dependencies sorts quick wins first and keeps the input order among equals', () => {
    const m = (id: string, effort: Level, benefit: Level): Orderable => ({ id, effort, benefit, dependsOn: [] });
    const ordered = orderMeasures([m('q1', 'high', 'low'), m('b1', 'high', 'high'), m('w1', 'low', 'high'), m('w2', 'low', 'high'), m('f1', 'low', 'low')]);
    expect(ordered.map((x) => x.id)).toEqual(['w1', 'w2', 'b1', 'f1', 'q1']);
  });

  it('moves a quick win behind the big bet it depends on', () => {
    const ordered = orderMeasures([
      { id: 'plan', effort: 'low', benefit: 'high', dependsOn: ['concept'] },
      { id: 'concept', effort: 'high', benefit: 'high', dependsOn: [] },
    ]);
    expect(ordered.map((x) => x.id)).toEqual(['concept', 'plan']);
  });

  it('ignores dependencies outside the list', () => {
    expect(orderMeasures([{ id: 'a', effort: 'low', benefit: 'low', dependsOn: ['elsewhere'] }]).map((x) => x.id)).toEqual(['a']);
  });

  it('rejects cycles and duplicate ids', () => {
    const m = (id: string, dependsOn: string[]): Orderable => ({ id, effort: 'low', benefit: 'high', dependsOn });
    expect(() => orderMeasures([m('a', ['b']), m('b', ['a'])])).toThrow(/cycle/);
    expect(() => orderMeasures([m('a', []), m('a', [])])).toThrow(/duplicate/);
  });
});
