import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../questionnaire/questionnaires.js';
import { answersArb } from '../test-support/answer-arbitraries.js';
import { compareChecks } from './check-comparison.js';
import { scoreDimensions } from './dimension-score.js';
import { parseQuestionnaire, type Questionnaire } from './questionnaire-schema.js';

const q = getQuestionnaire('2026.1');

/** A later version: strategy.prioritisation removed, strategy.goal changed to a boolean, one new strategy item. */
function nextVersion(): Questionnaire {
  const data = structuredClone(q);
  data.version = '2027.1';
  data.items = data.items.filter((i) => i.id !== 'strategy.prioritisation');
  const goal = data.items.findIndex((i) => i.id === 'strategy.goal');
  const old = data.items[goal]!;
  data.items[goal] = { id: old.id, section: old.section, text: old.text, why: old.why, feeds: old.feeds, type: 'boolean', points: { yes: 1, no: 0 } };
  data.items.push({ id: 'strategy.budget', section: 'strategy', type: 'boolean', text: { de: 'Budget?', en: 'Budget?' }, why: { de: 'x', en: 'x' }, feeds: [{ dimension: 'strategy', weight: 3 }], points: { yes: 1, no: 0 } });
  return parseQuestionnaire(data);
}
const v2 = nextVersion();

describe('compareChecks', () => {
  it('shows no change for the same answers in the same version', () => {
    fc.assert(
      fc.property(answersArb(q), (answers) => {
        const c = compareChecks({ questionnaire: q, answers }, { questionnaire: q, answers });
        const full = scoreDimensions(q, answers);
        for (const d of c.dimensions) {
          expect(d.before).toBe(full.find((x) => x.id === d.id)!.score);
          expect(d.change).toBe(d.before === null ? null : 0);
        }
        expect(c.sharedItemIds).toHaveLength(q.items.length);
      }),
      { numRuns: 30 },
    );
  });

  it('uses only items both versions share with the same answer type', () => {
    const c = compareChecks({ questionnaire: q, answers: {} }, { questionnaire: v2, answers: {} });
    expect(c.sharedItemIds).not.toContain('strategy.prioritisation');
    expect(c.sharedItemIds).not.toContain('strategy.goal');
    expect(c.sharedItemIds).not.toContain('strategy.budget');
    expect(c.sharedItemIds).toContain('strategy.microGoals');
    expect(c.sharedItemIds).toHaveLength(q.items.length - 2);
    expect(c).toMatchObject({ fromVersion: '2026.1', toVersion: '2027.1' });
    expect(c.dimensions.find((d) => d.id === 'strategy')!.sharedItems).toBe(2); // microGoals, investmentEvaluation
  });

  it('ignores answers to items the other version lacks', () => {
    const earlier = { 'strategy.microGoals': 2, 'strategy.investmentEvaluation': 'payback', 'strategy.goal': 0, 'strategy.prioritisation': false };
    const later = { 'strategy.microGoals': 4, 'strategy.investmentEvaluation': 'payback', 'strategy.goal': true, 'strategy.budget': true };
    const d = compareChecks({ questionnaire: q, answers: earlier }, { questionnaire: v2, answers: later }).dimensions.find((x) => x.id === 'strategy')!;
    // shared: microGoals (weight 2, scale 0–4) and investmentEvaluation (weight 1.5, "payback" = 1 of 3 points)
    const score = (micro: number) => Math.round((100 * (2 * (micro / 4) + 1.5 * (1 / 3))) / 3.5);
    expect(d).toEqual({ id: 'strategy', before: score(2), after: score(4), change: score(4) - score(2), sharedItems: 2 });
  });

  it('reports change = after − before whenever both exist', () => {
    fc.assert(
      fc.property(answersArb(q), answersArb(v2), (a, b) => {
        for (const d of compareChecks({ questionnaire: q, answers: a }, { questionnaire: v2, answers: b }).dimensions) {
          if (d.before === null || d.after === null) expect(d.change).toBeNull();
          else expect(d.change).toBe(d.after - d.before);
        }
      }),
      { numRuns: 30 },
    );
  });
});
