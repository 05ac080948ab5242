import { describe, expect, it } from 'vitest';
import { readCalendar } from './index.js';

const calendar = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//DE', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');

const only = (text: string) => {
  const read = readCalendar(text);
  expect(read.isCalendar).toBe(true);
  expect(read.events).toHaveLength(1);
  return read.events[0]!;
};

describe('iCal (RFC 5545) with recurrence', () => {
  it('expands a weekly rule with UNTIL and leaves out an EXDATE', () => {
    const event = only(calendar(['UID:w', 'SUMMARY:Inventur', 'DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY;UNTIL=20260202', 'EXDATE;VALUE=DATE:20260119']));
    expect(event.repeats).toBe(true);
    expect(event.occurrenceDays('2030-12-31')).toEqual({ days: ['2026-01-05', '2026-01-12', '2026-01-26', '2026-02-02'], complete: true });
  });

  it('expands COUNT, INTERVAL and BYDAY, and adds RDATE days', () => {
    const event = only(calendar(['SUMMARY:Wartung', 'DTSTART;VALUE=DATE:20260302', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=5', 'RDATE;VALUE=DATE:20260415']));
    expect(event.occurrenceDays('2026-12-31').days).toEqual(['2026-03-02', '2026-03-06', '2026-03-16', '2026-03-20', '2026-03-30', '2026-04-15']);
  });

  it('cuts a rule without end at the given day and says so', () => {
    const event = only(calendar(['SUMMARY:Neujahr', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY']));
    expect(event.occurrenceDays('2028-12-31')).toEqual({ days: ['2026-01-01', '2027-01-01', '2028-01-01'], complete: false });
    expect(event.occurrenceDays('2040-12-31', 2)).toEqual({ days: ['2026-01-01', '2027-01-01'], complete: false });
  });

  it('expands a monthly rule on the last Friday until a timed UNTIL', () => {
    const event = only(calendar(['SUMMARY:Monatsabschluss', 'DTSTART;VALUE=DATE:20260130', 'RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260430T235959Z']));
    expect(event.occurrenceDays('2027-12-31').days).toEqual(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24']);
  });

  it('reads escapes, folding, status, end and duration, and tells all-day from timed values', () => {
    const read = readCalendar(calendar(
      ['SUMMARY:Weihnachten\\, 1. und', '  2. Feiertag', 'DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261227', 'STATUS:cancelled'],
      ['SUMMARY:Feier', 'DTSTART;TZID=Europe/Berlin:20261218T150000', 'DURATION:PT3H'],
      ['SUMMARY:Urlaub', 'DTSTART:20260803', 'DURATION:P1W'],
      ['SUMMARY:Kaputt', 'DTSTART;VALUE=DATE:20260230'],
    ));
    const [christmas, party, leave, broken] = read.events;
    expect(christmas).toMatchObject({ summary: 'Weihnachten, 1. und 2. Feiertag', status: 'CANCELLED', start: { allDay: true, day: '2026-12-25' }, end: { day: '2026-12-27' } });
    expect(party).toMatchObject({ start: { allDay: false, text: '20261218T150000', day: null }, duration: { text: 'PT3H', days: null } });
    expect(leave).toMatchObject({ start: { allDay: true, day: '2026-08-03' }, duration: { days: 7 }, repeats: false });
    expect(leave!.occurrenceDays('2020-01-01').days).toEqual(['2026-08-03']);
    expect(broken!.start).toEqual({ allDay: true, text: '20260230', day: null });
  });

  it('gives no events for text that is not a calendar', () => {
    expect(readCalendar('hello')).toEqual({ isCalendar: false, events: [] });
    expect(readCalendar('DTSTART;VALUE=DATE:20260101')).toEqual({ isCalendar: false, events: [] });
  });
});
