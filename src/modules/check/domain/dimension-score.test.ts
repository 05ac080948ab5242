import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../questionnaire/questionnaires.js';
import { answersArb } from '../test-support/answer-arbitraries.js';
import type { AnswerValue, Answers } from './answers.js';
import { levelOf, scoreDimensions } from './dimension-score.js';
import { parseQuestionnaire, type Item } from './questionnaire-schema.js';

const q = getQuestionnaire('2026.1');
const L = (x: string) => ({ de: x, en: x });

/** Small questionnaire feeding "strategy": a (scale, weight 2), b (boolean), c (choice), d (number, deep section). */
const mini = parseQuestionnaire({
  version: '2099.1',
  title: L('mini'),
  dimensions: structuredClone(q.dimensions),
  sections: [
    { id: 'screener', screener: true, title: L('s') },
    { id: 'main', title: L('m') },
    { id: 'deep', title: L('d'), showIf: { item: 's.gate', equals: true } },
  ],
  items: [
    { id: 's.gate', section: 'screener', type: 'boolean', text: L('g'), why: L('g') },
    { id: 'm.a', section: 'main', type: 'scale', text: L('a'), why: L('a'), steps: Array(5).fill(L('x')), points: [0, 1, 2, 3, 4], feeds: [{ dimension: 'strategy', weight: 2 }] },
    { id: 'm.b', section: 'main', type: 'boolean', text: L('b'), why: L('b'), points: { yes: 1, no: 0 }, feeds: [{ dimension: 'strategy', weight: 1 }] },
    { id: 'm.c', section: 'main', type: 'choice', text: L('c'), why: L('c'), options: [{ value: 'x', label: L('x'), points: 0 }, { value: 'y', label: L('y'), points: 2 }, { value: 'z', label: L('z'), points: 4 }], feeds: [{ dimension: 'strategy', weight: 1 }] },
    { id: 'd.d', section: 'deep', type: 'number', min: 0, max: 100, text: L('d'), why: L('d'), bands: [{ from: 0, points: 0 }, { from: 50, points: 1 }, { from: 80, points: 2 }], feeds: [{ dimension: 'strategy', weight: 1 }] },
  ],
});
const strategy = (answers: Answers) => scoreDimensions(mini, answers).find((d) => d.id === 'strategy')!;

describe('levelOf', () => {
  it.each([
    [0, 1], [19, 1], [20, 2], [39, 2], [40, 3], [59, 3], [60, 4], [79, 4], [80, 5], [100, 5],
  ])('score %i is level %i', (score, level) => expect(levelOf(score)).toBe(level));
});

describe('scoreDimensions on a small questionnaire', () => {
  it('weights the share of the best answer per item', () => {
    const d = strategy({ 'm.a': 2, 'm.b': true, 'm.c': 'y' });
    const expected = Math.round((100 * (2 * (2 / 4) + 1 * 1 + 1 * (2 / 4))) / (2 + 1 + 1));
    expect(d.score).toBe(expected);
    expect(d.level).toBe(levelOf(expected));
    expect(d.levelDescription).toEqual(q.dimensions[0]!.levels[levelOf(expected) - 1]);
    expect(d.nextLevelDescription).toEqual(q.dimensions[0]!.levels[levelOf(expected)]);
    expect(d).toMatchObject({ applicable: 4, answered: 3, openItems: ['d.d'] });
  });

  it('scores numbers by their band', () => {
    for (const [value, points] of [[0, 0], [49.9, 0], [50, 1], [79, 1], [80, 2], [100, 2]] as const) {
      const d = strategy({ 's.gate': true, 'm.a': 0, 'd.d': value });
      expect(d.contributions.find((c) => c.itemId === 'd.d')).toMatchObject({ points, maxPoints: 2, weight: 1 });
      expect(d.score).toBe(Math.round((100 * (points / 2)) / 3));
    }
  });

  it('needs at least half of the applicable items answered', () => {
    expect(strategy({ 'm.a': 4 }).score).toBeNull(); // 1 of 4
    expect(strategy({ 'm.a': 4, 'm.b': false }).score).toBe(Math.round((100 * 2) / 3)); // 2 of 4
    expect(strategy({}).score).toBeNull();
    expect(strategy({}).level).toBeNull();
    expect(strategy({}).levelDescription).toBeNull();
  });

  it('does not count hidden items or "na", and counts "unknown" as applicable but unanswered', () => {
    expect(strategy({ 's.gate': false, 'm.a': 4 })).toMatchObject({ applicable: 3, answered: 1, score: null });
    expect(strategy({ 's.gate': false, 'm.a': 4, 'm.b': 'na' })).toMatchObject({ applicable: 2, answered: 1, score: 100 });
    expect(strategy({ 's.gate': false, 'm.a': 4, 'm.b': 'na', 'm.c': 'na' })).toMatchObject({ applicable: 1, answered: 1, score: 100 });
    const withUnknown = strategy({ 's.gate': false, 'm.a': 4, 'm.b': 'unknown', 'm.c': 'unknown' });
    expect(withUnknown).toMatchObject({ applicable: 3, answered: 1, score: null });
    expect(withUnknown.openItems.sort()).toEqual(['m.b', 'm.c']);
    // "unknown" is not zero: the same answers without the unknowns would score 100 once enough are answered
    expect(strategy({ 's.gate': false, 'm.a': 4, 'm.b': true, 'm.c': 'unknown' }).score).toBe(100);
  });

  it('has no next level at level 5', () => {
    const d = strategy({ 's.gate': false, 'm.a': 4, 'm.b': true, 'm.c': 'z' });
    expect(d).toMatchObject({ score: 100, level: 5, nextLevelDescription: null });
  });

  it('lists which answers moved the score', () => {
    const d = strategy({ 's.gate': false, 'm.a': 1, 'm.b': true, 'm.c': 'x' });
    expect(d.contributions.map((c) => [c.itemId, c.answer, c.points, c.maxPoints, c.weight])).toEqual([
      ['m.a', 1, 1, 4, 2],
      ['m.b', true, 1, 1, 1],
      ['m.c', 'x', 0, 4, 1],
    ]);
    // share of 0–100: weight × fraction / total weight
    expect(d.contributions.map((c) => c.scoreShare)).toEqual([12.5, 25, 0]);
    expect(d.contributions.map((c) => c.potential)).toEqual([37.5, 0, 25]);
  });
});

/** The answer earning the most (best) or fewest (worst) points. */
function extremeAnswer(item: Item, best: boolean): AnswerValue {
  const pick = <T>(candidates: T[], points: (c: T) => number) =>
    candidates.reduce((a, b) => ((best ? points(b) > points(a) : points(b) < points(a)) ? b : a));
  switch (item.type) {
    case 'boolean':
      return item.points ? (best === item.points.yes >= item.points.no) : true;
    case 'scale':
      return pick([0, 1, 2, 3, 4], (v) => item.points?.[v] ?? 0);
    case 'choice':
      return pick(item.options, (o) => o.points ?? 0).value;
    case 'number':
    case 'integer':
      return best ? (item.max ?? item.min + 100) : item.min;
  }
}

describe('scoreDimensions on the shipped questionnaire', () => {
  it('gives 100 and level 5 everywhere for the best answers, 0 and level 1 for the worst', () => {
    const all = (best: boolean) => Object.fromEntries(q.items.map((i) => [i.id, extremeAnswer(i, best)]));
    for (const d of scoreDimensions(q, all(true))) expect([d.id, d.score, d.level]).toEqual([d.id, 100, 5]);
    for (const d of scoreDimensions(q, all(false))) expect([d.id, d.score, d.level]).toEqual([d.id, 0, 1]);
  });

  it('obeys the coverage rule and keeps scores, levels and shares consistent', () => {
    fc.assert(
      fc.property(answersArb(q), (answers) => {
        for (const d of scoreDimensions(q, answers)) {
          const enough = d.answered > 0 && d.answered * 2 >= d.applicable;
          expect(d.score === null).toBe(!enough);
          expect(d.contributions).toHaveLength(d.answered);
          expect(d.openItems.length + d.answered).toBe(d.applicable);
          if (d.score === null) continue;
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
          expect(d.level).toBe(levelOf(d.score));
          const shares = d.contributions.reduce((s, c) => s + c.scoreShare, 0);
          expect(Math.abs(shares - d.score)).toBeLessThanOrEqual(0.5 + 0.05 * d.answered);
          const total = d.contributions.reduce((s, c) => s + c.scoreShare + c.potential, 0);
          expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.1 * d.answered + 1e-9);
        }
      }),
    );
  });

  it('never lowers a score when one scale answer is raised', () => {
    const scales = q.items.filter((i) => i.type === 'scale');
    fc.assert(
      fc.property(answersArb(q, { complete: true, special: false }), fc.constantFrom(...scales), fc.integer({ min: 0, max: 3 }), (answers, item, v) => {
        const lower = scoreDimensions(q, { ...answers, [item.id]: v });
        const higher = scoreDimensions(q, { ...answers, [item.id]: v + 1 });
        for (const feed of item.feeds) {
          const a = lower.find((d) => d.id === feed.dimension)!.score;
          const b = higher.find((d) => d.id === feed.dimension)!.score;
          if (a !== null && b !== null) expect(b).toBeGreaterThanOrEqual(a);
        }
      }),
    );
  });

  it('"na" and "unknown" never count as zero points: the item just drops out of the answered set', () => {
    const screener = new Set(q.sections.filter((x) => x.screener).map((x) => x.id));
    const deepScored = q.items.filter((i) => i.feeds.length > 0 && !screener.has(i.section));
    fc.assert(
      fc.property(answersArb(q, { complete: true, special: false }), fc.constantFrom(...deepScored), fc.constantFrom('na', 'unknown'), (answers, item, special) => {
        const before = scoreDimensions(q, answers);
        const after = scoreDimensions(q, { ...answers, [item.id]: special });
        for (const feed of item.feeds) {
          const b = before.find((x) => x.id === feed.dimension)!;
          const a = after.find((x) => x.id === feed.dimension)!;
          if (!b.contributions.some((c) => c.itemId === item.id)) continue; // item hidden
          expect(a.answered).toBe(b.answered - 1);
          expect(a.applicable).toBe(special === 'na' ? b.applicable - 1 : b.applicable);
          const strip = (cs: typeof a.contributions) => cs.filter((c) => c.itemId !== item.id).map((c) => [c.itemId, c.points]);
          expect(strip(a.contributions)).toEqual(strip(b.contributions));
        }
      }),
    );
  });
});
