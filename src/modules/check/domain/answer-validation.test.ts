import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../questionnaire/questionnaires.js';
import { answersArb } from '../test-support/answer-arbitraries.js';
import { validateAnswers } from './answer-validation.js';

const q = getQuestionnaire('2026.1');

function issuesOf(answers: unknown) {
  const r = validateAnswers(q, answers);
  return r.ok ? [] : r.issues;
}

describe('validateAnswers', () => {
  it('accepts every valid answers object, keeping every answer', () => {
    fc.assert(
      fc.property(answersArb(q), (answers) => {
        const r = validateAnswers(q, answers);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.answers).toEqual(answers);
      }),
    );
  });

  it('accepts "na" and "unknown" for every item', () => {
    for (const item of q.items) {
      expect(issuesOf({ [item.id]: 'na' }), item.id).toEqual([]);
      expect(issuesOf({ [item.id]: 'unknown' }), item.id).toEqual([]);
    }
  });

  it('names an unknown item', () => {
    expect(issuesOf({ 'strategy.nothing': 1 })).toEqual([expect.objectContaining({ itemId: 'strategy.nothing', code: 'unknownItem' })]);
  });

  it.each([
    ['isi.service.planning', 'yes', 'wrongType'],
    ['isi.service.planning', 1, 'wrongType'],
    ['strategy.goal', 2.5, 'wrongType'],
    ['strategy.goal', '3', 'wrongType'],
    ['strategy.goal', 5, 'outOfRange'],
    ['strategy.goal', -1, 'outOfRange'],
    ['isi.serviceRevenueShare', 100.5, 'outOfRange'],
    ['isi.serviceRevenueShare', -0.1, 'outOfRange'],
    ['isi.serviceRevenueShare', '10', 'wrongType'],
    ['dgm.complementaryModels', 1.5, 'wrongType'],
    ['dgm.complementaryModels', -1, 'outOfRange'],
    ['dgm.marketPosition', 'leader', 'notAnOption'],
    ['dgm.mainModel.revenueShare', 75, 'wrongType'],
    ['dgm.threat', ['no'], 'wrongType'],
    ['isi.competition.primary', { v: 'price' }, 'wrongType'],
  ])('rejects %s = %j as %s, naming the item', (itemId, value, code) => {
    const issues = issuesOf({ [itemId]: value });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ itemId, code });
    expect(issues[0]!.message).toContain(itemId);
  });

  it('accepts the range ends and large integers without an upper bound', () => {
    expect(issuesOf({ 'isi.serviceRevenueShare': 0, 'strategy.goal': 4, 'dgm.complementaryModels': 1000 })).toEqual([]);
    expect(issuesOf({ 'isi.serviceRevenueShare': 100, 'strategy.goal': 0, 'dgm.complementaryModels': 0 })).toEqual([]);
  });

  it('reads "unknown" on dgm.threat as its option "cannot assess"', () => {
    const r = validateAnswers(q, { 'dgm.threat': 'unknown' });
    expect(r).toEqual({ ok: true, answers: { 'dgm.threat': 'unknown' } });
  });

  it('reports every problem at once', () => {
    const issues = issuesOf({ 'strategy.goal': 9, 'x.y': true, 'dgm.marketPosition': 'top' });
    expect(issues.map((i) => i.itemId).sort()).toEqual(['dgm.marketPosition', 'strategy.goal', 'x.y']);
  });

  it('drops null (a cleared answer)', () => {
    expect(validateAnswers(q, { 'strategy.goal': null, 'data.erp': 'partial' })).toEqual({ ok: true, answers: { 'data.erp': 'partial' } });
  });

  it.each([[null], [[1, 2]], ['answers'], [3]])('rejects %j as a whole', (input) => {
    expect(issuesOf(input)).toEqual([expect.objectContaining({ code: 'notAnObject' })]);
  });
});
