import { DateTime } from 'luxon';

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

interface Property {
  name: string;
  params: Map<string, string>;
  value: string;
}

function parseProperty(line: string): Property | null {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    else if (line[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [name, ...rawParams] = line.slice(0, colon).split(';');
  const params = new Map<string, string>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq > 0) params.set(p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function parseDateValue(prop: Property): DateTime | 'timed' | null {
  if (prop.params.get('VALUE') === 'DATE' || /^\d{8}$/.test(prop.value)) {
    if (!/^\d{8}$/.test(prop.value)) return null;
    const d = DateTime.fromFormat(prop.value, 'yyyyMMdd', { zone: 'UTC' });
    return d.isValid ? d : null;
  }
  return 'timed';
}

/**
 * Reads all-day events (DTSTART;VALUE=DATE) from an iCalendar file (RFC 5545) as holidays.
 * Understood: line folding, DTEND (exclusive) or DURATION in days/weeks for multi-day events,
 * SUMMARY with escapes, STATUS:CANCELLED. Timed events are skipped and recurrence rules are not
 * expanded (only the first date is taken); both produce a warning.
 */
export function parseIcalHolidays(text: string): IcalHolidayImport {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const byDate = new Map<string, string>();
  const warnings: string[] = [];
  let event: Property[] | null = null;
  let sawCalendar = false;

  for (const raw of lines) {
    const line = raw.trimEnd();
    const upper = line.toUpperCase();
    if (upper === 'BEGIN:VCALENDAR') sawCalendar = true;
    if (upper === 'BEGIN:VEVENT') {
      event = [];
      continue;
    }
    if (upper === 'END:VEVENT') {
      if (event) readEvent(event, byDate, warnings);
      event = null;
      continue;
    }
    if (event) {
      const prop = parseProperty(line);
      if (prop) event.push(prop);
    }
  }
  if (!sawCalendar) warnings.push('the file contains no BEGIN:VCALENDAR; it may not be an iCalendar file');

  const holidays = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, summary]) => ({ date, summary }));
  return { holidays, warnings };
}

function readEvent(props: Property[], byDate: Map<string, string>, warnings: string[]): void {
  const get = (name: string) => props.find((p) => p.name === name);
  const summary = unescapeText(get('SUMMARY')?.value ?? '').trim();
  const label = summary ? `"${summary}"` : 'without summary';
  if (get('STATUS')?.value.toUpperCase() === 'CANCELLED') return;

  const dtstart = get('DTSTART');
  if (!dtstart) {
    warnings.push(`event ${label} has no DTSTART and was skipped`);
    return;
  }
  const start = parseDateValue(dtstart);
  if (start === 'timed') {
    warnings.push(`event ${label} is not an all-day event (DTSTART ${dtstart.value}) and was skipped`);
    return;
  }
  if (!start) {
    warnings.push(`event ${label} has an invalid date ${dtstart.value} and was skipped`);
    return;
  }

  let days = 1;
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend) {
    const end = parseDateValue(dtend);
    if (end === 'timed' || !end || end <= start) {
      warnings.push(`event ${label} has an unusable DTEND ${dtend.value}; only its first day was taken`);
    } else {
      days = Math.round(end.diff(start, 'days').days);
    }
  } else if (duration) {
    const m = /^P(?:(\d+)W|(\d+)D)$/.exec(duration.value.toUpperCase());
    if (m && Number(m[1] ?? m[2]) > 0) days = m[1] ? Number(m[1]) * 7 : Number(m[2]);
    else warnings.push(`event ${label} has an unusable DURATION ${duration.value}; only its first day was taken`);
  }
  if (get('RRULE') || get('RDATE')) {
    warnings.push(`event ${label} repeats; the repetition was not expanded, only ${start.toISODate()} was taken`);
  }

  for (let i = 0; i < days; i++) {
    const date = start.plus({ days: i }).toISODate() as string;
    if (!byDate.has(date)) byDate.set(date, summary);
  }
}
