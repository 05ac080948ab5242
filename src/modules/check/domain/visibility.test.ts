import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../questionnaire/questionnaires.js';
import { answersArb } from '../test-support/answer-arbitraries.js';
import type { Answers } from './answers.js';
import { parseQuestionnaire, type Condition, type Questionnaire } from './questionnaire-schema.js';
import { evaluateCondition, visibleItemIds, type Truth } from './visibility.js';

const q = getQuestionnaire('2026.1');
const sectionItems = (section: string) => q.items.filter((i) => i.section === section).map((i) => i.id);

describe('visibleItemIds on the shipped questionnaire', () => {
  it('shows everything before the screener is answered', () => {
    expect(visibleItemIds(q, {}).size).toBe(q.items.length);
  });

  it.each([
    ['scr.machines', 'machineData'],
    ['scr.cooperation', 'partnerNetwork'],
    ['dgm.tech.cloud', 'cloud'],
  ])('%s decides on section %s', (screener, section) => {
    const deep = sectionItems(section);
    expect(deep.length).toBeGreaterThan(0);
    const visibleWith = (value: unknown) => visibleItemIds(q, { [screener]: value } as Answers);
    for (const id of deep) {
      expect(visibleWith(true).has(id)).toBe(true);
      expect(visibleWith('unknown').has(id)).toBe(true);
      expect(visibleWith(false).has(id)).toBe(false);
      expect(visibleWith('na').has(id)).toBe(false);
    }
    expect(visibleWith(false).size).toBe(q.items.length - deep.length);
  });

  it('always shows screener and unconditional items', () => {
    const unconditional = q.items.filter((i) => !q.sections.find((s) => s.id === i.section)!.showIf && !i.showIf).map((i) => i.id);
    fc.assert(
      fc.property(answersArb(q), (answers) => {
        const visible = visibleItemIds(q, answers);
        for (const id of unconditional) expect(visible.has(id)).toBe(true);
      }),
    );
  });
});

describe('evaluateCondition', () => {
  // A tiny questionnaire: two screener booleans, one screener scale.
  const mini: Questionnaire = parseQuestionnaire({
    ...structuredClone(q),
    sections: [{ id: 'screener', screener: true, title: { de: 'E', en: 'S' } }],
    items: [
      ...['a', 'b'].map((k) => ({ id: `s.${k}`, section: 'screener', type: 'boolean', text: { de: k, en: k }, why: { de: k, en: k } })),
      { id: 's.c', section: 'screener', type: 'scale', text: { de: 'c', en: 'c' }, why: { de: 'c', en: 'c' }, steps: Array(5).fill({ de: 'x', en: 'x' }) },
    ],
  });
  const items = new Map(mini.items.map((i) => [i.id, i]));
  const truthOf = (v: unknown): Truth => (v === true ? true : v === false || v === 'na' ? false : 'undetermined');
  const boolAnswer = fc.constantFrom<unknown>(true, false, 'na', 'unknown', undefined);

  it('equals on a boolean: true/false by the answer, undetermined when missing or "don\'t know"', () => {
    for (const v of [true, false, 'na', 'unknown', undefined]) {
      const answers = (v === undefined ? {} : { 's.a': v }) as Answers;
      expect(evaluateCondition({ item: 's.a', equals: true }, items, answers)).toBe(truthOf(v));
    }
  });

  it('atLeast and in on a scale', () => {
    for (let v = 0; v <= 4; v++) {
      expect(evaluateCondition({ item: 's.c', atLeast: 2 }, items, { 's.c': v })).toBe(v >= 2);
      expect(evaluateCondition({ item: 's.c', in: [1, 3] }, items, { 's.c': v })).toBe(v === 1 || v === 3);
    }
  });

  it('any/all follow three-valued logic: decided only when every completion agrees', () => {
    fc.assert(
      fc.property(boolAnswer, boolAnswer, fc.boolean(), (a, b, useAll) => {
        const answers = Object.fromEntries(Object.entries({ 's.a': a, 's.b': b }).filter(([, v]) => v !== undefined)) as Answers;
        const parts: Condition[] = [{ item: 's.a', equals: true }, { item: 's.b', equals: true }];
        const condition: Condition = useAll ? { all: parts } : { any: parts };
        const possible = (t: Truth) => (t === 'undetermined' ? [true, false] : [t]);
        const outcomes = new Set(possible(truthOf(a)).flatMap((x) => possible(truthOf(b)).map((y) => (useAll ? x && y : x || y))));
        const expected: Truth = outcomes.size === 1 ? [...outcomes][0]! : 'undetermined';
        expect(evaluateCondition(condition, items, answers)).toBe(expected);
      }),
    );
  });
});
