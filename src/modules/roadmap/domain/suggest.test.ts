import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire, scoreCheck } from '../../check/public.js';
import { measureCatalogue } from '../catalogue/measure-catalogue.js';
import { DIMENSION_IDS, type Measure, type MeasureCatalogue } from '../catalogue/measure-schema.js';
import type { CheckFacts, SuggestionContext } from './check-facts.js';
import { evaluateCondition } from './evaluate-condition.js';
import { quadrantOf } from './matrix.js';
import { suggestMeasures } from './suggest.js';

type QItem = { id: string; type: string; options?: Array<{ value: string }>; min?: number; max?: number };
const qItems = getQuestionnaire('2026.1').items as QItem[];
const itemIds = new Set(qItems.map((i) => i.id));

function answerArb(item: QItem): fc.Arbitrary<unknown> {
  const real: fc.Arbitrary<unknown> =
    item.type === 'boolean' ? fc.boolean()
    : item.type === 'choice' ? fc.constantFrom(...item.options!.map((o) => o.value))
    : item.type === 'scale' ? fc.integer({ min: 0, max: 4 })
    : item.type === 'integer' ? fc.integer({ min: item.min ?? 0, max: item.max ?? 10 })
    : fc.integer({ min: item.min ?? 0, max: item.max ?? 100 });
  return fc.oneof({ weight: 8, arbitrary: real }, { weight: 1, arbitrary: fc.constantFrom('na', 'unknown') });
}
const answersArb = fc.record(Object.fromEntries(qItems.map((i) => [i.id, answerArb(i)])), { requiredKeys: [] });
const profileArb = fc.record({ employees: fc.integer({ min: 1, max: 600 }) }, { requiredKeys: [] });

/** Contexts with arbitrary scores and classifications, not necessarily consistent with the answers. */
const syntheticArb: fc.Arbitrary<SuggestionContext> = fc.record({
  result: fc.record({
    dimensions: fc.constant(DIMENSION_IDS).chain((ids) =>
      fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) }))),
    ),
    serviceStage: fc.option(fc.constantFrom<1 | 2 | 3>(1, 2, 3), { nil: null }),
    digitalBusinessModelProvider: fc.option(fc.boolean(), { nil: null }),
    digitalisationDegree: fc.option(fc.constantFrom('low' as const, 'medium' as const, 'high' as const), { nil: null }),
    servicesCompetitiveFactor: fc.option(fc.boolean(), { nil: null }),
    dependency: fc.option(fc.constantFrom('low' as const, 'moderate' as const, 'elevated' as const, 'high' as const), { nil: null }),
  }),
  answers: answersArb,
  profile: profileArb,
});
/** Contexts whose result is the real check result of the answers. */
const scoredArb: fc.Arbitrary<SuggestionContext> = fc.record({ answers: answersArb, profile: profileArb }).map(({ answers, profile }) => ({
  result: scoreCheck({ profile, answers }),
  answers,
  profile,
}));

const byId = new Map(measureCatalogue.measures.map((m) => [m.id, m]));
const holds = (m: Measure, key: 'doneWhen' | 'notApplicableWhen', ctx: SuggestionContext) => !!m[key] && evaluateCondition(m[key]!, ctx) !== null;

function checkInvariants(ctx: SuggestionContext) {
  const suggestions = suggestMeasures(ctx, measureCatalogue);
  const position = new Map(suggestions.map((s, i) => [s.id, i]));
  expect(position.size).toBe(suggestions.length);
  for (const s of suggestions) {
    const m = byId.get(s.id)!;
    // Nothing without a reason.
    expect(s.reasons.length).toBeGreaterThan(0);
    expect(s.reasonItems.length).toBeGreaterThan(0);
    expect(s.reason.de.length).toBeGreaterThan(0);
    expect(s.reason.en.length).toBeGreaterThan(0);
    for (const item of s.reasonItems) expect(itemIds.has(item) || /^dimension:/.test(item)).toBe(true);
    // A rule reason means one of the measure's triggers is true; a prerequisite reason names a suggested measure needing it.
    for (const r of s.reasons) {
      if (r.kind === 'rule') expect(m.triggers.some((t) => evaluateCondition(t.when, ctx) !== null)).toBe(true);
      else expect(byId.get(r.prerequisiteOf!)!.prerequisites).toContain(s.id);
      if (r.kind === 'prerequisite') expect(position.has(r.prerequisiteOf!)).toBe(true);
    }
    // Measures in place or not fitting are never proposed.
    expect(holds(m, 'doneWhen', ctx) || holds(m, 'notApplicableWhen', ctx)).toBe(false);
    // Every dependency is suggested and comes first; every suggested prerequisite is listed.
    for (const d of s.dependsOn) expect(position.get(d)!).toBeLessThan(position.get(s.id)!);
    expect(s.dependsOn).toEqual(m.prerequisites.filter((p) => position.has(p)));
    // Prerequisites not in place are part of the suggestions.
    for (const p of m.prerequisites) {
      const pm = byId.get(p)!;
      if (!holds(pm, 'doneWhen', ctx) && !holds(pm, 'notApplicableWhen', ctx)) expect(position.has(p)).toBe(true);
    }
    expect(s.quadrant).toBe(quadrantOf(m.effort.level, m.benefit));
  }
  // Every measure with a firing trigger that is not in place is proposed.
  for (const m of measureCatalogue.measures) {
    const fires = m.triggers.some((t) => evaluateCondition(t.when, ctx) !== null);
    if (fires && !holds(m, 'doneWhen', ctx) && !holds(m, 'notApplicableWhen', ctx)) expect(position.has(m.id)).toBe(true);
  }
}

const noScores: CheckFacts = { dimensions: DIMENSION_IDS.map((id) => ({ id, score: null })) };
const withScores = (scores: Partial<Record<(typeof DIMENSION_IDS)[number], number>>): CheckFacts => ({
  dimensions: DIMENSION_IDS.map((id) => ({ id, score: scores[id] ?? null })),
});
const ids = (ctx: SuggestionContext, catalogue: MeasureCatalogue = measureCatalogue) => suggestMeasures(ctx, catalogue).map((s) => s.id);

describe('suggestMeasures', () => {
  it('keeps its promises for arbitrary check results (property)', () => {
    fc.assert(fc.property(syntheticArb, checkInvariants), { numRuns: 100 });
  });

  it('keeps its promises for real check results (property)', () => {
    fc.assert(fc.property(scoredArb, checkInvariants), { numRuns: 100 });
  });

  it('proposes nothing when nothing is known', () => {
    expect(ids({ result: noScores, answers: {} })).toEqual([]);
  });

  it('proposes the security concept for a low security score, explained by the answers that cost points', () => {
    const result: CheckFacts = {
      dimensions: [
        {
          id: 'security',
          score: 30,
          contributions: [
            { itemId: 'security.backup', potential: 5 },
            { itemId: 'security.concept', potential: 40 },
            { itemId: 'security.breach72h', potential: 0 },
          ],
        },
      ],
    };
    const concept = suggestMeasures({ result, answers: {} }, measureCatalogue).find((s) => s.id === 'security-concept')!;
    expect(concept.reasonItems).toEqual(['security.concept', 'security.backup']);
    expect(concept.reason.de).toContain('IT-Sicherheit & Datenschutz: 30 von 100');
    expect(concept.reason.en).toContain('IT security & data protection: 30 of 100');
  });

  it('names the answer that triggered a measure', () => {
    const crm = suggestMeasures({ result: noScores, answers: { 'customers.crm': 'spreadsheet' } }, measureCatalogue).find((s) => s.id === 'crm-system')!;
    expect(crm.reasonItems).toEqual(['customers.crm']);
    expect(crm.reasons).toHaveLength(1);
    expect(crm.reasons[0]!.kind).toBe('rule');
  });

  it('leaves out a measure already in place, even when a trigger fires', () => {
    const answers = { 'security.concept': 3, 'security.breach72h': false };
    const result = withScores({ security: 20 });
    const suggested = ids({ result, answers });
    expect(suggested).not.toContain('security-concept');
    const plan = suggestMeasures({ result, answers }, measureCatalogue).find((s) => s.id === 'incident-response-plan')!;
    expect(plan.dependsOn).toEqual([]);
  });

  it('leaves out machine measures for a firm without machines', () => {
    const answers = { 'scr.machines': false, 'dgm.tech.connectedMachines': false };
    expect(ids({ result: withScores({ production: 10 }), answers })).not.toContain('machine-data-capture');
    expect(ids({ result: withScores({ production: 10 }), answers: { ...answers, 'scr.machines': true } })).toContain('machine-data-capture');
  });

  it('adds a missing prerequisite with the reason and reason items of the measure that needs it', () => {
    const suggestions = suggestMeasures({ result: noScores, answers: { 'strategy.microGoals': 0 } }, measureCatalogue);
    const goals = suggestions.find((s) => s.id === 'yearly-micro-goals')!;
    const picture = suggestions.find((s) => s.id === 'strategy-goal-picture')!;
    expect(picture.reasons).toEqual([expect.objectContaining({ kind: 'prerequisite', prerequisiteOf: 'yearly-micro-goals' })]);
    expect(picture.reason.de).toContain('Jährlich rollierende Mikroziele');
    expect(picture.reasonItems).toEqual(goals.reasonItems);
    expect(goals.dependsOn).toEqual(['strategy-goal-picture']);
    expect(suggestions.findIndex((s) => s.id === 'strategy-goal-picture')).toBeLessThan(suggestions.findIndex((s) => s.id === 'yearly-micro-goals'));
  });

  it('does not add a prerequisite that is already in place', () => {
    const suggestions = suggestMeasures({ result: noScores, answers: { 'strategy.microGoals': 0, 'strategy.goal': 4 } }, measureCatalogue);
    expect(suggestions.map((s) => s.id)).toEqual(['yearly-micro-goals']);
    expect(suggestions[0]!.dependsOn).toEqual([]);
  });

  it('explains classifications by the study items behind them', () => {
    const answers = { 'dgm.mainModel.revenueShare': '75-100', 'dgm.mainModel.status': 'proven', 'dgm.threat': 'no' };
    const review = suggestMeasures({ result: { ...noScores, dependency: 'elevated' }, answers }, measureCatalogue).find((s) => s.id === 'bm-portfolio-review')!;
    expect(review.reasonItems.sort()).toEqual(['dgm.mainModel.revenueShare', 'dgm.mainModel.status', 'dgm.threat']);
    expect(review.reason.de).toContain('Abhängigkeit vom Hauptgeschäftsmodell: erhöht');
  });

  it('skips a trigger whose facts name no item, so nothing is proposed on the profile alone', () => {
    const base = measureCatalogue.measures.find((m) => m.id === 'website')!;
    const catalogue: MeasureCatalogue = {
      version: '2099.1',
      measures: [{ ...base, prerequisites: [], doneWhen: undefined, triggers: [{ when: { profile: 'employees', atLeast: 1 }, because: { de: 'x', en: 'x' } }] }],
    };
    expect(ids({ result: noScores, answers: {}, profile: { employees: 5 } }, catalogue)).toEqual([]);
  });
});
