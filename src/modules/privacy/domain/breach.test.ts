import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type BreachFacts, NOTIFY_WITHIN_MS, RISK_LEVELS, SUBJECTS_EXCEPTIONS, breachClock, notificationDeadline, openDuties, subjectsDuty } from './breach.js';

const HOUR = 3_600_000;
const moment = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
const reason = fc.option(fc.constantFrom('', '  ', 'USB-Stick war verschlüsselt'), { nil: null });
const facts: fc.Arbitrary<BreachFacts> = fc.record({
  becameKnownAt: moment,
  risk: fc.constantFrom(...RISK_LEVELS),
  riskReason: reason,
  authorityNotifiedAt: fc.option(moment, { nil: null }),
  delayReason: reason,
  subjectsInformedAt: fc.option(moment, { nil: null }),
  subjectsException: fc.option(fc.constantFrom(...SUBJECTS_EXCEPTIONS), { nil: null }),
});

describe('the 72-hour clock', () => {
  it('counts 72 elapsed hours, also across the end of summer time', () => {
    const known = DateTime.fromISO('2026-10-23T12:00', { zone: 'Europe/Berlin' });
    const deadline = DateTime.fromMillis(notificationDeadline(known.toMillis()), { zone: 'Europe/Berlin' });
    expect(deadline.toISO()).toBe('2026-10-26T11:00:00.000+01:00');
    const spring = DateTime.fromISO('2027-03-26T12:00', { zone: 'Europe/Berlin' });
    expect(DateTime.fromMillis(notificationDeadline(spring.toMillis()), { zone: 'Europe/Berlin' }).toISO()).toBe('2027-03-29T13:00:00.000+02:00');
    // the same instant seen from New York keeps the same deadline instant
    const inNewYork = known.setZone('America/New_York');
    expect(notificationDeadline(inNewYork.toMillis())).toBe(deadline.toMillis());
  });

  it('runs down to the deadline and is overdue after it, unless notified or no risk is likely', () => {
    fc.assert(fc.property(facts, fc.integer({ min: -200 * HOUR, max: 200 * HOUR }), (f, offset) => {
      const now = f.becameKnownAt + offset;
      const clock = breachClock(f, now);
      expect(clock.deadline - f.becameKnownAt).toBe(NOTIFY_WITHIN_MS);
      if (f.authorityNotifiedAt !== null) {
        expect(clock.state).toBe(f.authorityNotifiedAt <= clock.deadline ? 'notified-in-time' : 'notified-late');
        expect(breachClock(f, now + HOUR)).toEqual(clock);
      } else if (f.risk === 'unlikely') {
        expect(clock.state).toBe('not-required');
      } else {
        expect(clock.state).toBe(now <= clock.deadline ? 'running' : 'overdue');
        expect(clock.remainingMs).toBe(clock.deadline - now);
        expect(breachClock(f, now + HOUR).remainingMs).toBe(clock.remainingMs - HOUR);
      }
    }));
  });
});

describe('telling the people concerned (Art. 34)', () => {
  it('is required only at high risk, unless an exception applies', () => {
    const table = RISK_LEVELS.flatMap((risk) => [null, ...SUBJECTS_EXCEPTIONS].map((subjectsException) => [risk, subjectsException, subjectsDuty({ risk, subjectsException })]));
    expect(table).toEqual([
      ['unassessed', null, 'undecided'], ['unassessed', 'encrypted', 'undecided'], ['unassessed', 'risk-removed', 'undecided'], ['unassessed', 'disproportionate', 'undecided'],
      ['unlikely', null, 'not-required'], ['unlikely', 'encrypted', 'not-required'], ['unlikely', 'risk-removed', 'not-required'], ['unlikely', 'disproportionate', 'not-required'],
      ['risk', null, 'not-required'], ['risk', 'encrypted', 'not-required'], ['risk', 'risk-removed', 'not-required'], ['risk', 'disproportionate', 'not-required'],
      ['high', null, 'required'], ['high', 'encrypted', 'exempt'], ['high', 'risk-removed', 'exempt'], ['high', 'disproportionate', 'public-notice'],
    ]);
  });
});

describe('open duties', () => {
  it('are none exactly when every duty of Art. 33 and 34 is met or documented', () => {
    fc.assert(fc.property(facts, (f) => {
      const filled = (s: string | null) => s !== null && s.trim() !== '';
      const notified = f.authorityNotifiedAt !== null;
      const late = notified && f.authorityNotifiedAt! > f.becameKnownAt + NOTIFY_WITHIN_MS;
      const met = f.risk !== 'unassessed'
        && (f.risk !== 'unlikely' || notified || filled(f.riskReason))
        && (!['risk', 'high'].includes(f.risk) || notified)
        && (!late || filled(f.delayReason))
        && (f.risk !== 'high' || f.subjectsInformedAt !== null || f.subjectsException === 'encrypted' || f.subjectsException === 'risk-removed');
      expect(openDuties(f).length === 0).toBe(met);
    }));
  });

  it('never grow by giving a notice or informing the people', () => {
    fc.assert(fc.property(facts, moment, (f, at) => {
      const before = new Set(openDuties(f));
      if (f.authorityNotifiedAt === null) {
        const after = openDuties({ ...f, authorityNotifiedAt: at, delayReason: 'Wochenende' });
        for (const d of after) expect(before.has(d)).toBe(true);
      }
      const informed = openDuties({ ...f, subjectsInformedAt: at });
      for (const d of informed) expect(before.has(d)).toBe(true);
    }));
  });
});
