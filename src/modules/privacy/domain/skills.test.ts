import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AWARENESS, COMPETENCES, type Competence, MAX_LEVEL, REMIND_DAYS, type TrainingFacts, awarenessDuty, dayIn, daysBetween, gapsOf, levelBand, oneYearAfter, summarise, urgencyOf, validUntil,
} from './skills.js';

const DAY = 86_400_000;
const dayArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const training = (completedOn: string, expiresOn: string | null = null, competences: Competence[] = [AWARENESS]): TrainingFacts => ({ competences, completedOn, expiresOn });

describe('levels after DigComp', () => {
  it('groups the eight levels into the four bands, with 0 as no knowledge yet', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(levelBand)).toEqual(['none', 'foundation', 'foundation', 'intermediate', 'intermediate', 'advanced', 'advanced', 'specialised', 'specialised']);
  });
});

describe('days in the firm', () => {
  it('takes the calendar day in the firm zone, also around midnight and the change of summer time', () => {
    expect(dayIn('Europe/Berlin', Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(dayIn('Europe/Berlin', Date.parse('2027-03-27T23:30:00Z'))).toBe('2027-03-28');
    expect(dayIn('Europe/Berlin', Date.parse('2027-03-28T21:59:00Z'))).toBe('2027-03-28');
    expect(dayIn('Europe/Berlin', Date.parse('2027-03-28T22:00:00Z'))).toBe('2027-03-29');
    expect(dayIn('America/New_York', Date.parse('2027-01-01T03:00:00Z'))).toBe('2026-12-31');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });

  it('counts a year to the same day, 29 February to 28 February', () => {
    expect(oneYearAfter('2027-06-30')).toBe('2028-06-30');
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
    fc.assert(fc.property(dayArb, (d) => {
      const next = oneYearAfter(d);
      expect(daysBetween(d, next)).toBeGreaterThanOrEqual(365);
      expect(daysBetween(d, next)).toBeLessThanOrEqual(366);
    }));
  });
});

describe('the yearly security-awareness training', () => {
  it('is due at once for someone never trained, and trainings without awareness do not count', () => {
    expect(awarenessDuty([], '2027-05-04')).toEqual({ state: 'never', dueOn: '2027-05-04', lastOn: null, days: 0 });
    expect(awarenessDuty([training('2027-01-10', null, ['ai'])], '2027-05-04').state).toBe('never');
  });

  it('is due a year after the last training, or at its earlier expiry', () => {
    expect(awarenessDuty([training('2026-06-01')], '2027-05-04')).toEqual({ state: 'due-soon', dueOn: '2027-06-01', lastOn: '2026-06-01', days: 28 });
    expect(awarenessDuty([training('2026-06-01', '2026-12-31')], '2027-05-04')).toMatchObject({ state: 'overdue', dueOn: '2026-12-31', days: -124 });
    expect(awarenessDuty([training('2026-06-01', '2026-12-31'), training('2027-02-01')], '2027-05-04')).toMatchObject({ state: 'current', dueOn: '2028-02-01', lastOn: '2027-02-01' });
    // an expiry later than a year does not stretch the yearly duty
    expect(validUntil(training('2027-02-01', '2030-01-01'), AWARENESS)).toBe('2028-02-01');
    expect(validUntil(training('2027-02-01', '2030-01-01'), 'ai')).toBe('2030-01-01');
  });

  it('is current exactly while today is more than the reminder window before the due day', () => {
    fc.assert(fc.property(fc.array(fc.tuple(dayArb, fc.option(fc.integer({ min: 0, max: 800 }), { nil: null })), { minLength: 1, maxLength: 4 }), dayArb, (rows, today) => {
      const trainings = rows.map(([on, expiresIn]) => training(on, expiresIn === null ? null : addDays(on, expiresIn)));
      const duty = awarenessDuty(trainings, today);
      const counted = trainings.filter((t) => t.completedOn <= today);
      if (counted.length === 0) {
        expect(duty.state).toBe('never');
        return;
      }
      expect(duty.dueOn).toBe(counted.map((t) => validUntil(t, AWARENESS)).sort().at(-1));
      expect(duty.dueOn <= oneYearAfter(duty.lastOn!)).toBe(true);
      expect(duty.state).toBe(duty.dueOn < today ? 'overdue' : daysBetween(today, duty.dueOn) <= REMIND_DAYS ? 'due-soon' : 'current');
    }));
  });
});

describe('who is not ready for a requirement', () => {
  const needs = [{ competence: 'human-machine' as const, level: 3 }, { competence: AWARENESS, level: 2 }];

  it('flags a competence not assessed, a level below the required one, and awareness without a current training', () => {
    expect(gapsOf({ levels: { 'human-machine': 3, [AWARENESS]: 4 }, awareness: 'current' }, needs)).toEqual([]);
    expect(gapsOf({ levels: { 'human-machine': 2 }, awareness: 'current' }, needs)).toEqual([
      { competence: 'human-machine', required: 3, level: 2, reason: 'below' },
      { competence: AWARENESS, required: 2, level: null, reason: 'not-assessed' },
    ]);
    expect(gapsOf({ levels: { 'human-machine': 5, [AWARENESS]: 4 }, awareness: 'overdue' }, needs)).toEqual([{ competence: AWARENESS, required: 2, level: 4, reason: 'awareness-training-due' }]);
    expect(gapsOf({ levels: { 'human-machine': 5, [AWARENESS]: 4 }, awareness: 'due-soon' }, needs)).toEqual([]);
  });

  it('never flags someone at or above every required level with a current training, and always flags someone below one', () => {
    const levels = fc.dictionary(fc.constantFrom(...COMPETENCES), fc.integer({ min: 0, max: MAX_LEVEL }));
    const needArb = fc.uniqueArray(fc.record({ competence: fc.constantFrom(...COMPETENCES), level: fc.integer({ min: 1, max: MAX_LEVEL }) }), { selector: (n) => n.competence, maxLength: 6 });
    fc.assert(fc.property(levels, needArb, (lv, ns) => {
      const gaps = gapsOf({ levels: lv, awareness: 'current' }, ns);
      const short = ns.filter((n) => (lv[n.competence] ?? -1) < n.level);
      expect(gaps.map((g) => g.competence)).toEqual(short.map((n) => n.competence));
    }));
  });

  it('is soon within 30 days of go-live, overdue after it and ready when nobody lacks anything', () => {
    expect(urgencyOf(2, '2027-06-01', '2027-04-01')).toEqual({ urgency: 'planned', days: 61 });
    expect(urgencyOf(2, '2027-06-01', '2027-05-02')).toEqual({ urgency: 'soon', days: 30 });
    expect(urgencyOf(2, '2027-06-01', '2027-06-01')).toEqual({ urgency: 'soon', days: 0 });
    expect(urgencyOf(2, '2027-06-01', '2027-06-02')).toEqual({ urgency: 'overdue', days: -1 });
    expect(urgencyOf(0, '2027-06-01', '2027-06-02')).toEqual({ urgency: 'ready', days: -1 });
  });
});

describe('matrix summaries', () => {
  it('counts every person once per competence, in a band or as not assessed', () => {
    const levels = fc.dictionary(fc.constantFrom(...COMPETENCES), fc.integer({ min: 0, max: MAX_LEVEL }));
    fc.assert(fc.property(fc.array(levels.map((lv) => ({ levels: lv })), { maxLength: 30 }), (people) => {
      for (const s of summarise(people)) {
        expect(Object.values(s.bands).reduce((a, b) => a + b, 0) + s.notAssessed).toBe(people.length);
        const assessed = people.map((p) => p.levels[s.competence]).filter((l): l is number => l !== undefined);
        if (assessed.length === 0) expect(s.median).toBeNull();
        else expect(assessed.filter((l) => l <= s.median!).length).toBeGreaterThanOrEqual(assessed.length / 2);
      }
    }));
    expect(summarise([{ levels: { ai: 1 } }, { levels: { ai: 5 } }, { levels: {} }]).find((s) => s.competence === 'ai')).toEqual({
      competence: 'ai', bands: { none: 0, foundation: 1, intermediate: 0, advanced: 1, specialised: 0 }, notAssessed: 1, median: 1,
    });
  });
});
