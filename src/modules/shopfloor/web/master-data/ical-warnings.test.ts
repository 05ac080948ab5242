import { describe, expect, it } from 'vitest';
import { parseIcalHolidays } from '../../domain/ical-holidays';
import { readIcalWarning } from './ical-warnings';

const event = (lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

describe('iCal import notes in the user language', () => {
  it('recognises every note the parser gives', () => {
    const ical = [
      'BEGIN:VCALENDAR',
      ...event(['SUMMARY:Feier', 'DTSTART:20261218T150000Z']),
      ...event(['SUMMARY:Ohne Start']),
      ...event(['SUMMARY:Kaputt', 'DTSTART;VALUE=DATE:20261340']),
      ...event(['SUMMARY:Ende', 'DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20260901']),
      ...event(['SUMMARY:Dauer', 'DTSTART;VALUE=DATE:20261002', 'DURATION:PT3H']),
      ...event(['SUMMARY:Neujahr', 'DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=YEARLY']),
      ...event(['DTSTART:20261218T150000Z']),
      'END:VCALENDAR',
    ].join('\r\n');
    const notes = [...parseIcalHolidays(ical, { until: '2029-12-31' }).warnings, ...parseIcalHolidays('DTSTART;VALUE=DATE:20260101').warnings].map(readIcalWarning);
    expect(notes.map((n) => n.key)).toEqual(['timed', 'noStart', 'invalidDate', 'badEnd', 'badDuration', 'repeats', 'timedUnnamed', 'notCalendar']);
    expect(notes[0].params).toMatchObject({ summary: 'Feier', value: '20261218T150000Z' });
    expect(notes[5].params).toMatchObject({ summary: 'Neujahr', date: '2029-12-31' });
  });

  it('shows an unknown note as it is', () => {
    expect(readIcalWarning('something new')).toEqual({ key: null, params: {}, text: 'something new' });
  });
});
