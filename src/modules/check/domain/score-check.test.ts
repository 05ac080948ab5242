import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../questionnaire/questionnaires.js';
import { answersArb } from '../test-support/answer-arbitraries.js';
import { DIMENSION_IDS } from './questionnaire-schema.js';
import { CheckInputError, scoreCheck } from './score-check.js';

const q = getQuestionnaire();

function errorOf(input: unknown): CheckInputError {
  try {
    scoreCheck(input);
  } catch (error) {
    if (error instanceof CheckInputError) return error;
    throw error;
  }
  throw new Error('expected a CheckInputError');
}

describe('scoreCheck', () => {
  it('has the output types of the issue whenever every item is answered', () => {
    fc.assert(
      fc.property(answersArb(q, { complete: true, special: false }), fc.integer({ min: 1, max: 999 }), (answers, employees) => {
        const r = scoreCheck({ profile: { employees, industry: '25' }, answers });
        expect(r.questionnaireVersion).toBe(q.version);
        expect(r.dimensions.map((d) => d.id)).toEqual([...DIMENSION_IDS]);
        for (const d of r.dimensions) {
          expect(Number.isInteger(d.score)).toBe(true);
          expect([1, 2, 3, 4, 5]).toContain(d.level);
        }
        expect([1, 2, 3]).toContain(r.serviceStage);
        expect(r.digitalBusinessModelProvider).toBe(r.serviceStage === 3);
        expect(['low', 'medium', 'high']).toContain(r.digitalisationDegree);
        expect(typeof r.servicesCompetitiveFactor).toBe('boolean');
        expect(['low', 'moderate', 'elevated', 'high']).toContain(r.dependency);
        expect(r.progress.answeredItems).toBe(r.progress.visibleItems);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
      { numRuns: 50 },
    );
  });

  it('scores a partly answered check without blocking', () => {
    const r = scoreCheck({ profile: {}, answers: { 'strategy.goal': 'unknown', 'dgm.tech.internet': 'na' } });
    expect(r.dimensions.every((d) => d.score === null)).toBe(true);
    expect(r.serviceStage).toBeNull();
    expect(r.profile).toEqual({ sizeClass: null, wzSection: null, studyIndustry: null });
    expect(r.progress.answeredItems).toBe(2);
  });

  it('fills the profile fields used for comparison', () => {
    expect(scoreCheck({ profile: { employees: 120, industry: '28' }, answers: {} }).profile).toEqual({ sizeClass: '100to249', wzSection: 'C', studyIndustry: 'machinery' });
  });

  it('treats answers in hidden sections as not applicable', () => {
    const answers = { 'scr.machines': false, 'production.machineDataUse': 4, 'production.interfaces': 'open', 'production.paperless': 0, 'production.processParameters': false };
    const production = scoreCheck({ answers }).dimensions.find((d) => d.id === 'production')!;
    expect(production.contributions.map((c) => c.itemId)).not.toContain('production.machineDataUse');
    const shown = scoreCheck({ answers: { ...answers, 'scr.machines': true } }).dimensions.find((d) => d.id === 'production')!;
    expect(shown.contributions.map((c) => c.itemId)).toContain('production.machineDataUse');
  });

  it('classifies from hidden study items as not applicable', () => {
    // dgm.tech.cloud "no" hides the cloud section but keeps the technology counted as not used
    const answers = Object.fromEntries(['internet', 'mobileDevices', 'webPlatforms', 'conditionMonitoring', 'connectedMachines', 'm2m', 'cloud', 'apps', 'analytics', 'vrAr'].map((k) => [`dgm.tech.${k}`, false]));
    expect(scoreCheck({ answers }).digitalisationDegree).toBe('low');
  });

  it.each([
    [{ answers: { 'strategy.goal': 7 } }, 'strategy.goal'],
    [{ answers: { 'no.such.item': true } }, 'no.such.item'],
    [{ answers: { 'dgm.threat': 'maybe' } }, 'dgm.threat'],
    [{ profile: { employees: 0 }, answers: {} }, 'profile.employees'],
    [{ profile: { region: 'berlin' }, answers: {} }, 'profile.region'],
    [{ profile: {} }, 'answers'],
    [{ answers: {}, extra: 1 }, '(input)'],
    [{ answers: {}, questionnaireVersion: '1999.1' }, 'questionnaireVersion'],
  ])('rejects %j naming %s', (input, name) => {
    const error = errorOf(input);
    expect(error.issues.map((i) => i.itemId)).toContain(name);
    expect(error.message).toContain(name === '(input)' ? 'extra' : name);
  });
});
