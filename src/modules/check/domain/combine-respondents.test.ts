import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../questionnaire/questionnaires.js';
import { anyAnswerArb, realAnswerArb } from '../test-support/answer-arbitraries.js';
import type { AnswerValue } from './answers.js';
import { RESPONDENT_ROLES, combineItem, combineRespondents, itemDisagreement, type Respondent } from './combine-respondents.js';

const q = getQuestionnaire('2026.1');
const item = (id: string) => q.items.find((i) => i.id === id)!;
const scale = item('strategy.goal');
const bool = item('strategy.prioritisation');
const choice = item('dgm.marketPosition');
const num = item('isi.serviceRevenueShare');
const int = item('dgm.complementaryModels');
const threat = item('dgm.threat');

describe('combineItem', () => {
  it('takes the lower median of scale answers', () => {
    expect(combineItem(scale, [0, 4, 3])).toBe(3);
    expect(combineItem(scale, [1, 3])).toBe(1);
    expect(combineItem(scale, [2, 2, 4, 4])).toBe(2);
    expect(combineItem(int, [5, 1, 2, 9])).toBe(2);
  });

  it('takes the median of numbers', () => {
    expect(combineItem(num, [10, 30])).toBe(20);
    expect(combineItem(num, [5, 50, 7])).toBe(7);
  });

  it('takes the majority of booleans and choices, "unknown" on a tie', () => {
    expect(combineItem(bool, [true, true, false])).toBe(true);
    expect(combineItem(bool, [true, false])).toBe('unknown');
    expect(combineItem(choice, ['techLeader', 'nicheLeader', 'nicheLeader'])).toBe('nicheLeader');
    expect(combineItem(choice, ['techLeader', 'nicheLeader', 'costLeader'])).toBe('unknown');
  });

  it('handles "na" and "unknown"', () => {
    expect(combineItem(scale, [])).toBeUndefined();
    expect(combineItem(scale, ['na', 'na', 3])).toBe('na');
    expect(combineItem(scale, ['na', 3])).toBe(3); // not more than half
    expect(combineItem(scale, ['unknown', 'unknown', 1])).toBe(1); // "don't know" is no vote
    expect(combineItem(scale, ['unknown', 'na'])).toBe('unknown');
    expect(combineItem(scale, ['unknown'])).toBe('unknown');
  });

  it('treats the dgm.threat option "unknown" as a vote', () => {
    expect(combineItem(threat, ['unknown', 'unknown', 'no'])).toBe('unknown');
    expect(combineItem(threat, ['no', 'no', 'unknown'])).toBe('no');
  });

  it('gives a scale or number answer within the range of the answers given', () => {
    fc.assert(
      fc.property(fc.constantFrom(scale, num, int), fc.integer({ min: 1, max: 7 }), fc.nat(), (it, n, seed) => {
        const values = fc.sample(realAnswerArb(it), { numRuns: n, seed }) as number[];
        const c = combineItem(it, values) as number;
        expect(c).toBeGreaterThanOrEqual(Math.min(...values));
        expect(c).toBeLessThanOrEqual(Math.max(...values));
        if (it.type !== 'number') expect(values).toContain(c);
      }),
    );
  });

  it('returns the answer itself when everyone agrees', () => {
    const items = q.items;
    fc.assert(
      fc.property(fc.constantFrom(...items).chain((it) => fc.tuple(fc.constant(it), anyAnswerArb(it), fc.integer({ min: 1, max: 6 }))), ([it, value, n]) => {
        const values = Array<AnswerValue>(n).fill(value);
        expect(combineItem(it, values)).toBe(value);
        expect(itemDisagreement(it, values)).toBe(n === 1 || value === 'unknown' && (it.type !== 'choice' || !it.options.some((o) => o.value === 'unknown')) ? null : 0);
      }),
    );
  });
});

describe('itemDisagreement', () => {
  it('is the mean distance over pairs', () => {
    expect(itemDisagreement(bool, [true, false])).toBe(1);
    expect(itemDisagreement(bool, [true, true, false])).toBeCloseTo(2 / 3);
    expect(itemDisagreement(scale, [0, 4])).toBe(1);
    expect(itemDisagreement(scale, [1, 2])).toBe(0.25);
    expect(itemDisagreement(num, [0, 50])).toBe(0.5);
    expect(itemDisagreement(int, [2, 4])).toBe(0.5);
    expect(itemDisagreement(int, [0, 0])).toBe(0);
    expect(itemDisagreement(scale, ['na', 3])).toBe(1);
    expect(itemDisagreement(scale, ['unknown', 3])).toBeNull();
    expect(itemDisagreement(scale, [3])).toBeNull();
  });

  it('stays within 0–1', () => {
    fc.assert(
      fc.property(fc.constantFrom(...q.items).chain((it) => fc.tuple(fc.constant(it), fc.array(anyAnswerArb(it), { maxLength: 6 }))), ([it, values]) => {
        const d = itemDisagreement(it, values);
        if (d !== null) {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('combineRespondents', () => {
  const owner: Respondent = { id: 'u1', role: 'owner', answers: { 'strategy.goal': 4, 'strategy.prioritisation': true, 'data.erp': 'integrated' } };
  const shopfloor: Respondent = { id: 'u2', role: 'shopfloor', answers: { 'strategy.goal': 0, 'strategy.prioritisation': true } };
  const member: Respondent = { id: 'u3', role: 'member', answers: { 'strategy.goal': 1, 'strategy.prioritisation': true, 'data.erp': 'integrated' } };
  const result = combineRespondents(q, [owner, shopfloor, member]);

  it('combines per item', () => {
    expect(result.answers).toEqual({ 'strategy.goal': 1, 'strategy.prioritisation': true, 'data.erp': 'integrated' });
  });

  it('shows disagreement per item and per dimension', () => {
    const goal = result.items.find((i) => i.itemId === 'strategy.goal')!;
    // pairs: |4-0|, |4-1|, |0-1| over 4
    expect(goal).toEqual({ itemId: 'strategy.goal', respondents: 3, disagreement: (4 + 3 + 1) / 4 / 3 });
    const strategy = result.dimensions.find((d) => d.id === 'strategy')!;
    const goalWeight = 2;
    const prioWeight = 1;
    expect(strategy.disagreement).toBeCloseTo((goalWeight * goal.disagreement! + prioWeight * 0) / (goalWeight + prioWeight));
    expect(result.dimensions.find((d) => d.id === 'security')!.disagreement).toBeNull();
  });

  it('shows how far each role lies from the combined answer', () => {
    const role = (r: string) => result.roles.find((x) => x.role === r)!;
    expect(result.roles.map((r) => r.role)).toEqual([...RESPONDENT_ROLES]);
    expect(role('owner')).toEqual({ role: 'owner', respondents: 1, deviation: (3 / 4 + 0 + 0) / 3 });
    expect(role('shopfloor')).toEqual({ role: 'shopfloor', respondents: 1, deviation: (1 / 4 + 0) / 2 });
    expect(role('member').deviation).toBe(0);
    expect(role('advisor')).toEqual({ role: 'advisor', respondents: 0, deviation: null });
  });

  it('is unaffected by the order of respondents', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([owner, shopfloor, member], { minLength: 3, maxLength: 3 }), (order) => {
        expect(combineRespondents(q, order)).toEqual(result);
      }),
    );
  });
});
