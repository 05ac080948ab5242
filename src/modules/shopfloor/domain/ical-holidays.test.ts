import { describe, expect, it } from 'vitest';
import { parseIcalHolidays } from './ical-holidays';

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Feiertage//DE',
  'BEGIN:VEVENT',
  'UID:1',
  'DTSTART;VALUE=DATE:20261225',
  'DTEND;VALUE=DATE:20261227',
  'SUMMARY:Weihnachten\\, 1. und 2. Feiertag',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2',
  'DTSTART;VALUE=DATE:20261003',
  'SUMMARY:Tag der Deutschen',
  '  Einheit',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:3',
  'DTSTART;TZID=Europe/Berlin:20261224T120000',
  'DTEND;TZID=Europe/Berlin:20261224T235959',
  'SUMMARY:Heiligabend nachmittags',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:4',
  'DTSTART;VALUE=DATE:20260101',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Neujahr',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:5',
  'DTSTART;VALUE=DATE:20260501',
  'STATUS:CANCELLED',
  'SUMMARY:Abgesagt',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:6',
  'DTSTART;VALUE=DATE:20260803',
  'DURATION:P1W',
  'SUMMARY:Betriebsurlaub',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('parseIcalHolidays', () => {
  it('reads all-day events, multi-day events (DTEND exclusive, DURATION), repetitions, folding and escapes', () => {
    const r = parseIcalHolidays(ics, { until: '2027-12-31' });
    expect(r.holidays).toEqual([
      { date: '2026-01-01', summary: 'Neujahr' },
      { date: '2026-08-03', summary: 'Betriebsurlaub' },
      { date: '2026-08-04', summary: 'Betriebsurlaub' },
      { date: '2026-08-05', summary: 'Betriebsurlaub' },
      { date: '2026-08-06', summary: 'Betriebsurlaub' },
      { date: '2026-08-07', summary: 'Betriebsurlaub' },
      { date: '2026-08-08', summary: 'Betriebsurlaub' },
      { date: '2026-08-09', summary: 'Betriebsurlaub' },
      { date: '2026-10-03', summary: 'Tag der Deutschen Einheit' },
      { date: '2026-12-25', summary: 'Weihnachten, 1. und 2. Feiertag' },
      { date: '2026-12-26', summary: 'Weihnachten, 1. und 2. Feiertag' },
      { date: '2027-01-01', summary: 'Neujahr' },
    ]);
  });

  it('warns about timed events and repetitions without end (cut at the horizon)', () => {
    const r = parseIcalHolidays(ics, { until: '2027-12-31' });
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/Heiligabend nachmittags.*not an all-day event/);
    expect(r.warnings[1]).toBe('event "Neujahr" repeats without end; its days up to 2027-12-31 were taken');
  });

  it('expands a weekly repetition with EXDATE and UNTIL, multi-day occurrences included, without a warning', () => {
    const r = parseIcalHolidays([
      'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'SUMMARY:Wartung', 'DTSTART;VALUE=DATE:20260105', 'DTEND;VALUE=DATE:20260107',
      'RRULE:FREQ=WEEKLY;UNTIL=20260126', 'EXDATE;VALUE=DATE:20260112', 'END:VEVENT', 'END:VCALENDAR',
    ].join('\r\n'), { until: '2030-12-31' });
    expect(r.holidays.map((h) => h.date)).toEqual(['2026-01-05', '2026-01-06', '2026-01-19', '2026-01-20', '2026-01-26', '2026-01-27']);
    expect(r.warnings).toEqual([]);
  });

  it('accepts LF line endings and a date without VALUE=DATE; reports invalid dates', () => {
    const r = parseIcalHolidays(
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260406\nSUMMARY:Ostermontag\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260230\nSUMMARY:Kaputt\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    expect(r.holidays).toEqual([{ date: '2026-04-06', summary: 'Ostermontag' }]);
    expect(r.warnings).toEqual(['event "Kaputt" has an invalid date 20260230 and was skipped']);
  });

  it('warns when the text is not a calendar', () => {
    expect(parseIcalHolidays('hello')).toEqual({
      holidays: [],
      warnings: ['the file contains no BEGIN:VCALENDAR; it may not be an iCalendar file'],
    });
  });
});
