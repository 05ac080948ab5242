import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuarter } from './quarter.js';
import { CAPACITY_BY_CLASS, capacityClassOf, scheduleMeasures, type PlannableMeasure } from './schedule.js';

const dagArb = fc
  .array(
    fc.record({ durationQuarters: fc.integer({ min: 1, max: 4 }), personDays: fc.integer({ min: 0, max: 150 }), deps: fc.array(fc.nat(), { maxLength: 3 }) }),
    { maxLength: 15 },
  )
  .map((nodes) =>
    nodes.map((n, i): PlannableMeasure => ({
      id: `m${i}`,
      durationQuarters: n.durationQuarters,
      personDays: n.personDays,
      dependsOn: i === 0 ? [] : [...new Set(n.deps.map((d) => `m${d % i}`))],
    })),
  )
  .chain((nodes) => fc.shuffledSubarray(nodes, { minLength: nodes.length, maxLength: nodes.length }));

const startArb = fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`);
const employeesArb = fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined });

describe('scheduleMeasures', () => {
  it('never exceeds the capacity, starts nothing before its prerequisites end or before the start, and plans everything (property)', () => {
    fc.assert(
      fc.property(dagArb, startArb, employeesArb, (measures, start, employees) => {
        const schedule = scheduleMeasures(measures, { start, employees });
        const capacity = CAPACITY_BY_CLASS[capacityClassOf(employees)];
        expect(schedule.capacity).toEqual(capacity);
        expect(schedule.measures.map((m) => m.id).sort()).toEqual(measures.map((m) => m.id).sort());
        const placed = new Map(schedule.measures.map((m) => [m.id, { from: parseQuarter(m.start), to: parseQuarter(m.end), ...m }]));
        const running = new Map<number, number>();
        const load = new Map<number, number>();
        for (const m of measures) {
          const p = placed.get(m.id)!;
          expect(p.from).toBeGreaterThanOrEqual(parseQuarter(start));
          expect(p.to - p.from + 1).toBe(p.quarters);
          expect(p.quarters).toBeGreaterThanOrEqual(m.durationQuarters);
          for (const d of m.dependsOn) expect(p.from).toBeGreaterThan(placed.get(d)!.to);
          for (let q = p.from; q <= p.to; q++) {
            running.set(q, (running.get(q) ?? 0) + 1);
            load.set(q, (load.get(q) ?? 0) + m.personDays / p.quarters);
          }
        }
        for (const n of running.values()) expect(n).toBeLessThanOrEqual(capacity.parallel);
        for (const pd of load.values()) expect(pd).toBeLessThanOrEqual(capacity.personDaysPerQuarter + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it('runs one measure at a time in a micro firm and several in a medium firm', () => {
    const two: PlannableMeasure[] = [
      { id: 'a', dependsOn: [], durationQuarters: 1, personDays: 5 },
      { id: 'b', dependsOn: [], durationQuarters: 1, personDays: 5 },
    ];
    expect(scheduleMeasures(two, { start: '2026-Q3', employees: 3 }).measures.map((m) => m.start)).toEqual(['2026-Q3', '2026-Q4']);
    expect(scheduleMeasures(two, { start: '2026-Q3', employees: 120 }).measures.map((m) => m.start)).toEqual(['2026-Q3', '2026-Q3']);
  });

  it('starts a measure only after its prerequisite has ended', () => {
    const schedule = scheduleMeasures(
      [
        { id: 'concept', dependsOn: [], durationQuarters: 2, personDays: 10 },
        { id: 'plan', dependsOn: ['concept'], durationQuarters: 1, personDays: 2 },
      ],
      { start: '2026-Q4', employees: 300 },
    );
    expect(schedule.measures).toEqual([
      { id: 'concept', start: '2026-Q4', end: '2027-Q1', quarters: 2, personDaysPerQuarter: 5 },
      { id: 'plan', start: '2027-Q2', end: '2027-Q2', quarters: 1, personDaysPerQuarter: 2 },
    ]);
  });

  it('stretches a measure larger than one quarter’s budget', () => {
    // 80 person-days at 15 per quarter (micro firm) need ceil(80 / 15) = 6 quarters.
    const [m] = scheduleMeasures([{ id: 'erp', dependsOn: [], durationQuarters: 4, personDays: 80 }], { start: '2026-Q1', employees: 5 }).measures;
    expect(m).toMatchObject({ start: '2026-Q1', end: '2027-Q2', quarters: 6 });
  });

  it('sets yearly re-evaluation dates from the start until after the plan ends', () => {
    const schedule = scheduleMeasures([{ id: 'a', dependsOn: [], durationQuarters: 6, personDays: 6 }], { start: '2026-Q3', employees: 20 });
    expect(schedule.measures[0]!.end).toBe('2027-Q4');
    expect(schedule.reviews).toEqual(['2027-07-01', '2028-07-01']);
    expect(scheduleMeasures([], { start: '2026-Q1' }).reviews).toEqual(['2027-01-01']);
  });

  it('plans firms of unknown size like micro firms', () => {
    expect(capacityClassOf(undefined)).toBe('micro');
    expect([9, 10, 49, 50, 249, 250].map(capacityClassOf)).toEqual(['micro', 'small', 'small', 'medium', 'medium', 'large']);
  });

  it('rejects cycles, duplicate ids, bad durations and bad start quarters', () => {
    const m = (id: string, dependsOn: string[] = []): PlannableMeasure => ({ id, dependsOn, durationQuarters: 1, personDays: 1 });
    expect(() => scheduleMeasures([m('a', ['b']), m('b', ['a'])], { start: '2026-Q1' })).toThrow(/cycle/);
    expect(() => scheduleMeasures([m('a'), m('a')], { start: '2026-Q1' })).toThrow(/duplicate/);
    expect(() => scheduleMeasures([{ ...m('a'), durationQuarters: 0 }], { start: '2026-Q1' })).toThrow(/duration/);
    expect(() => scheduleMeasures([m('a')], { start: '2026-Q5' })).toThrow(/quarter/);
  });
});
