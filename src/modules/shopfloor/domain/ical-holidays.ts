import { type CalendarEvent, readCalendar } from '../../../kernel/ical/index.js';

export interface IcalHoliday {
  /** ISO date YYYY-MM-DD. */
  readonly date: string;
  readonly summary: string;
}

export interface IcalHolidayImport {
  /** Sorted by date, one entry per date (the first summary wins). */
  readonly holidays: readonly IcalHoliday[];
  /** Events that were skipped or only partly understood, in plain words. */
  readonly warnings: readonly string[];
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Repetitions without end are taken up to the end of the third year after this one. */
export const defaultHolidayHorizon = (now = new Date()) => `${now.getUTCFullYear() + 3}-12-31`;

/**
 * Reads all-day events (DTSTART;VALUE=DATE) from an iCalendar file (RFC 5545, read by the kernel's
 * iCal service) as holidays: multi-day events (DTEND exclusive, or DURATION in days/weeks),
 * repetitions (RRULE, RDATE, EXDATE) expanded up to `until`, STATUS:CANCELLED left out. Timed
 * events are skipped, and a repetition without end is cut at `until`; both produce a warning.
 */
export function parseIcalHolidays(text: string, options: { until?: string } = {}): IcalHolidayImport {
  const until = options.until ?? defaultHolidayHorizon();
  const calendar = readCalendar(text);
  const byDate = new Map<string, string>();
  const warnings: string[] = [];
  for (const event of calendar.events) readEvent(event, until, byDate, warnings);
  if (!calendar.isCalendar) warnings.push('the file contains no BEGIN:VCALENDAR; it may not be an iCalendar file');
  const holidays = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, summary]) => ({ date, summary }));
  return { holidays, warnings };
}

function readEvent(event: CalendarEvent, until: string, byDate: Map<string, string>, warnings: string[]): void {
  const { summary, start } = event;
  const label = summary ? `"${summary}"` : 'without summary';
  if (event.status === 'CANCELLED') return;
  if (!start) {
    warnings.push(`event ${label} has no DTSTART and was skipped`);
    return;
  }
  if (!start.allDay) {
    warnings.push(`event ${label} is not an all-day event (DTSTART ${start.text}) and was skipped`);
    return;
  }
  if (!start.day) {
    warnings.push(`event ${label} has an invalid date ${start.text} and was skipped`);
    return;
  }

  let days = 1;
  if (event.end) {
    const end = event.end.day;
    if (!end || end <= start.day) warnings.push(`event ${label} has an unusable DTEND ${event.end.text}; only its first day was taken`);
    else days = Math.round((Date.parse(end) - Date.parse(start.day)) / 86_400_000);
  } else if (event.duration) {
    if (event.duration.days && event.duration.days > 0) days = event.duration.days;
    else warnings.push(`event ${label} has an unusable DURATION ${event.duration.text}; only its first day was taken`);
  }

  const occurrences = event.occurrenceDays(until);
  if (!occurrences.complete && event.repeats) warnings.push(`event ${label} repeats without end; its days up to ${until} were taken`);
  for (const first of occurrences.days) {
    for (let i = 0; i < days; i++) {
      const date = addDays(first, i);
      if (!byDate.has(date)) byDate.set(date, summary);
    }
  }
}
