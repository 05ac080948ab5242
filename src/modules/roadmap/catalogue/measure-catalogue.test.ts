import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS as CHECK_DIMENSION_IDS, getQuestionnaire } from '../../check/public.js';
import { findCycle } from '../domain/find-cycle.js';
import { measureCatalogue } from './measure-catalogue.js';
import { DIMENSION_IDS, EFFORT_PERSON_DAYS, type Condition, type Measure } from './measure-schema.js';
import { parseMeasureCatalogue } from './parse-measure-catalogue.js';

const measures = measureCatalogue.measures;
const SEED_FILES = [
  '000_492dc13965806fc4.txt',
  '001_44815d73da74db4d.txt',
  '002_635a5fcdf7260187.txt',
  '003_8c8bab9eeb204c50.txt',
  '004_7fd011561ada0747.txt',
];

type QItem = { id: string; type: string; options?: Array<{ value: string }> };
const items = new Map((getQuestionnaire('2026.1').items as QItem[]).map((i) => [i.id, i]));

type Leaf = Exclude<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition }>;
function leaves(condition: Condition): Leaf[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}
/** Leaves that can contribute a fact (outside `not`, not a profile fact). */
function positiveLeaves(condition: Condition): Leaf[] {
  if ('all' in condition) return condition.all.flatMap(positiveLeaves);
  if ('any' in condition) return condition.any.flatMap(positiveLeaves);
  if ('not' in condition) return [];
  return 'profile' in condition ? [] : [condition];
}
function conditionsOf(m: Measure): Condition[] {
  return [...m.triggers.map((t) => t.when), ...(m.doneWhen ? [m.doneWhen] : []), ...(m.notApplicableWhen ? [m.notApplicableWhen] : [])];
}

describe('measure catalogue 2026.1', () => {
  it('has at least 40 measures with unique ids', () => {
    expect(measures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(measures.map((m) => m.id)).size).toBe(measures.length);
  });

  it('covers the measures the roadmap promises', () => {
    const required = [
      'strategy-goal-picture', 'yearly-micro-goals', 'digitalisation-team', 'bm-innovation-management',
      'first-complementary-model', 'tablets-shop-floor', 'erp-system', 'crm-system', 'website', 'data-strategy',
      'machine-data-capture', 'condition-monitoring', 'security-concept', 'gdpr-training', 'security-awareness',
      'backup-restore', 'sales-platforms', 'production-cooperation', 'skills-programme', 'employer-branding',
      'cloud-exit-strategy', 'research-cooperation', 'market-screening', 'digital-services-on-products', 'funding-and-advice',
    ];
    const ids = new Set(measures.map((m) => m.id));
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has only prerequisites that exist and no cycles', () => {
    const ids = new Set(measures.map((m) => m.id));
    const dangling = measures.flatMap((m) => m.prerequisites.filter((p) => !ids.has(p) || p === m.id).map((p) => `${m.id} → ${p}`));
    expect(dangling).toEqual([]);
    expect(findCycle(measures.map((m) => ({ id: m.id, dependsOn: m.prerequisites })))).toBeNull();
  });

  it('has German and English text that differ', () => {
    for (const m of measures) {
      for (const field of [m.title, m.description, m.microGoal, ...m.triggers.map((t) => t.because)]) {
        expect(field.de.trim().length, m.id).toBeGreaterThan(0);
        expect(field.en.trim().length, m.id).toBeGreaterThan(0);
      }
      expect(m.title.de, m.id).not.toBe(m.title.en);
    }
  });

  it('gives every measure typical person-days that fit its effort level', () => {
    for (const m of measures) {
      const band = EFFORT_PERSON_DAYS[m.effort.level];
      expect(m.effort.personDays.typical, m.id).toBeGreaterThanOrEqual(band.min);
      expect(m.effort.personDays.typical, m.id).toBeLessThanOrEqual(band.max);
      expect(m.effort.personDays.min, m.id).toBeLessThanOrEqual(m.effort.personDays.typical);
      expect(m.effort.personDays.max, m.id).toBeGreaterThanOrEqual(m.effort.personDays.typical);
    }
  });

  it('names a seed file as source of every measure', () => {
    for (const m of measures) for (const s of m.sources) expect(SEED_FILES, m.id).toContain(s.file);
  });

  it('gives every trigger a fact that can explain it', () => {
    for (const m of measures) for (const t of m.triggers) expect(positiveLeaves(t.when).length, m.id).toBeGreaterThan(0);
  });

  it('uses the dimension ids of the Digital-Check', () => {
    expect([...DIMENSION_IDS]).toEqual([...CHECK_DIMENSION_IDS]);
  });

  it('refers only to items of the check questionnaire, with values those items can take', () => {
    const problems: string[] = [];
    for (const m of measures) {
      for (const leaf of conditionsOf(m).flatMap(leaves)) {
        if (!('item' in leaf)) continue;
        const item = items.get(leaf.item);
        if (!item) {
          problems.push(`${m.id}: unknown item ${leaf.item}`);
          continue;
        }
        const values = 'equals' in leaf ? [leaf.equals] : 'in' in leaf ? leaf.in : [];
        const numeric = 'below' in leaf || 'atLeast' in leaf;
        if (numeric && !['scale', 'number', 'integer'].includes(item.type)) problems.push(`${m.id}: ${leaf.item} is not numeric`);
        for (const v of values) {
          const ok =
            item.type === 'boolean' ? typeof v === 'boolean'
            : item.type === 'choice' ? item.options!.some((o) => o.value === v)
            : typeof v === 'number';
          if (!ok) problems.push(`${m.id}: ${leaf.item} cannot be ${JSON.stringify(v)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('parseMeasureCatalogue', () => {
  const base = measures.find((m) => m.id === 'data-strategy')!;
  const measure = (id: string, prerequisites: string[] = []): Measure => ({ ...structuredClone(base), id, prerequisites });

  it('accepts a small valid catalogue', () => {
    expect(parseMeasureCatalogue({ version: '2099.1', measures: [measure('a'), measure('b', ['a'])] }).measures).toHaveLength(2);
  });

  it('rejects a prerequisite cycle', () => {
    expect(() => parseMeasureCatalogue({ version: '2099.1', measures: [measure('a', ['c']), measure('b', ['a']), measure('c', ['b'])] })).toThrow(/cycle/);
  });

  it('rejects a measure that needs itself', () => {
    expect(() => parseMeasureCatalogue({ version: '2099.1', measures: [measure('a', ['a'])] })).toThrow(/itself/);
  });

  it('rejects unknown prerequisites and duplicate ids', () => {
    expect(() => parseMeasureCatalogue({ version: '2099.1', measures: [measure('a', ['nope'])] })).toThrow(/unknown prerequisite nope/);
    expect(() => parseMeasureCatalogue({ version: '2099.1', measures: [measure('a'), measure('a')] })).toThrow(/duplicate measure id a/);
  });

  it('rejects person-days outside the effort level', () => {
    const m = measure('a');
    m.effort = { level: 'low', personDays: { min: 20, typical: 30, max: 40 } };
    expect(() => parseMeasureCatalogue({ version: '2099.1', measures: [m] })).toThrow(/do not fit effort low/);
  });

  it('rejects a measure without trigger or with an unknown condition', () => {
    expect(() => parseMeasureCatalogue({ version: '2099.1', measures: [{ ...measure('a'), triggers: [] }] })).toThrow(/invalid measure catalogue/);
    const odd = { ...measure('a'), triggers: [{ when: { item: 'x', greaterThan: 3 }, because: { de: 'x', en: 'x' } }] };
    expect(() => parseMeasureCatalogue({ version: '2099.1', measures: [odd] })).toThrow(/invalid measure catalogue/);
  });
});
