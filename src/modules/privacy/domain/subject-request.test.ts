import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, MAX_EXTENSION_MONTHS, type RequestFacts, addDays, addMonthsClamped, daysBetween, endOfDay, extensionRefusal, localDate, requestClock, responseDeadline, startOfDay, stateOf } from './subject-request.js';

const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago', 'UTC'];
const zone = fc.constantFrom(...ZONES);
const date = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
const DAY = 86_400_000;
const open = (receivedOn: string, extensionMonths = 0): RequestFacts => ({ receivedOn, extensionMonths, state: 'open', closedAt: null });

describe('the deadline of Art. 12 (3)', () => {
  it('is the same day one month later, or the last day of a shorter month', () => {
    expect(responseDeadline('2027-01-31', 0)).toBe('2027-02-28');
    expect(responseDeadline('2028-01-31', 0)).toBe('2028-02-29');
    expect(responseDeadline('2027-03-15', 0)).toBe('2027-04-15');
    expect(responseDeadline('2027-12-31', 0)).toBe('2028-01-31');
    expect(responseDeadline('2027-08-31', 0)).toBe('2027-09-30');
    // an extension counts from the day of receipt, not from the clamped first deadline
    expect(responseDeadline('2027-01-31', 2)).toBe('2027-04-30');
    expect(responseDeadline('2027-11-30', 1)).toBe('2028-01-30');
  });

  it('keeps the day of the month where it exists and clamps only where it does not', () => {
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 36 }), (d, months) => {
      const out = addMonthsClamped(d, months);
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      const [oy, om, od] = out.split('-').map(Number) as [number, number, number];
      expect(oy * 12 + om - (y * 12 + m)).toBe(months);
      const last = new Date(Date.UTC(oy, om, 0)).getUTCDate();
      expect(od).toBe(Math.min(day, last));
    }));
  });

  it('never comes before the month has run and never takes more than a month', () => {
    fc.assert(fc.property(date, fc.integer({ min: 0, max: MAX_EXTENSION_MONTHS }), (d, ext) => {
      const days = daysBetween(d, responseDeadline(d, ext));
      expect(days).toBeGreaterThanOrEqual(28 * (1 + ext) - 3 * ext);
      expect(days).toBeLessThanOrEqual(31 * (1 + ext));
      if (ext > 0) expect(daysBetween(responseDeadline(d, ext - 1), responseDeadline(d, ext))).toBeGreaterThan(0);
    }));
  });
});

describe('days in the firm’s time zone', () => {
  it('ends a deadline day at the start of the next one there, also on the days summer time begins or ends', () => {
    expect(new Date(endOfDay('2027-03-28', 'Europe/Berlin')).toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(new Date(endOfDay('2027-10-30', 'Europe/Berlin')).toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(new Date(endOfDay('2027-10-31', 'Europe/Berlin')).toISOString()).toBe('2027-10-31T23:00:00.000Z');
    // Santiago skips midnight when summer time begins: that day starts at 01:00
    expect(localDate(startOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06');
    expect(endOfDay('2027-03-28', 'Europe/Berlin') - startOfDay('2027-03-28', 'Europe/Berlin')).toBe(23 * 3_600_000);
  });

  it('makes every day a contiguous span of 23 to 25 hours that belongs to that day and no other', () => {
    fc.assert(fc.property(date, zone, (d, z) => {
      const start = startOfDay(d, z);
      const end = endOfDay(d, z);
      expect(localDate(start, z)).toBe(d);
      expect(localDate(end - 1, z)).toBe(d);
      expect(localDate(end, z)).toBe(addDays(d, 1));
      expect(localDate(start - 1, z)).toBe(addDays(d, -1));
      expect(end - start).toBeGreaterThanOrEqual(22 * 3_600_000);
      expect(end - start).toBeLessThanOrEqual(26 * 3_600_000);
    }));
  });

  it('counts down whole days, is overdue from the first moment after the deadline day, and due soon in its last week', () => {
    fc.assert(fc.property(instant, zone, fc.integer({ min: -40, max: 40 }), (now, z, offset) => {
      const receivedOn = addDays(localDate(now, z), offset - 30);
      const clock = requestClock(open(receivedOn), now, z);
      expect(clock.deadline).toBe(responseDeadline(receivedOn, 0));
      expect(clock.daysLeft).toBe(daysBetween(localDate(now, z), clock.deadline));
      expect(clock.state === 'overdue').toBe(now >= clock.dueAt);
      expect(clock.state === 'overdue').toBe(clock.daysLeft < 0);
      if (clock.state !== 'overdue') expect(clock.state).toBe(clock.daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'running');
    }));
  });

  it('names the same deadline day wherever the server runs, for the same firm zone', () => {
    fc.assert(fc.property(date, zone, (d, z) => {
      const clock = requestClock(open(d), startOfDay(d, z) + DAY / 2, z);
      expect(clock.deadline).toBe(responseDeadline(d, 0));
    }));
  });
});

describe('extension and state', () => {
  const now = Date.UTC(2027, 1, 10, 9);
  it('extends while open, to at most two further months, longer than before, before the first month ends', () => {
    expect(extensionRefusal(open('2027-02-01'), 2, now, 'Europe/Berlin')).toBeNull();
    expect(extensionRefusal(open('2027-02-01'), 3, now, 'Europe/Berlin')).toBe('too-long');
    expect(extensionRefusal(open('2027-02-01', 1), 1, now, 'Europe/Berlin')).toBe('not-longer');
    expect(extensionRefusal(open('2026-12-20'), 1, now, 'Europe/Berlin')).toBe('deadline-passed');
    expect(extensionRefusal({ ...open('2027-02-01'), state: 'done', closedAt: now }, 1, now, 'Europe/Berlin')).toBe('closed');
    expect(stateOf(open('2027-02-01', 1))).toBe('extended');
    expect(stateOf({ state: 'refused', extensionMonths: 1 })).toBe('refused');
  });

  it('answers in time when closed before the end of the deadline day', () => {
    const facts = { receivedOn: '2027-01-31', extensionMonths: 0, state: 'done' as const, closedAt: endOfDay('2027-02-28', 'Europe/Berlin') - 1 };
    expect(requestClock(facts, now, 'Europe/Berlin').state).toBe('answered');
    expect(requestClock({ ...facts, closedAt: facts.closedAt + 1 }, now, 'Europe/Berlin').state).toBe('answered-late');
  });
});
