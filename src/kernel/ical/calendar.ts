import ICAL from 'ical.js';

/** A DTSTART/DTEND value as the file holds it. */
export interface CalendarValue {
  allDay: boolean;
  /** As written in the file, e.g. 20261224 or 20261224T120000Z. */
  text: string;
  /** YYYY-MM-DD of an all-day value that is a real calendar day; null otherwise. */
  day: string | null;
}

export interface CalendarEvent {
  uid: string | null;
  summary: string;
  /** Upper case, e.g. CANCELLED; null when not given. */
  status: string | null;
  start: CalendarValue | null;
  end: CalendarValue | null;
  /** DURATION as written and in whole days when it is given in days or weeks. */
  duration: { text: string; days: number | null } | null;
  /** Has a recurrence rule or extra dates (RRULE, RDATE). */
  repeats: boolean;
  /**
   * Start days of the occurrences of an all-day event, recurrence rules expanded (RRULE with
   * COUNT/UNTIL/INTERVAL/BY…, RDATE, EXDATE applied), from the first up to `until` (YYYY-MM-DD,
   * inclusive), at most `limit` (a single event is its one day, whatever `until`). `complete` is
   * false when occurrences after `until` remain.
   */
  occurrenceDays(until: string, limit?: number): { days: string[]; complete: boolean };
}

export interface CalendarRead {
  /** The text is an iCalendar object (BEGIN:VCALENDAR … ). */
  isCalendar: boolean;
  events: CalendarEvent[];
}

const DAY_PROPERTIES = /^(DTSTART|DTEND|RDATE|EXDATE)((?:;[^:\r\n]*)?):(\d{8}(?:,\d{8})*)\r?$/gim;

/** The day a "YYYY-MM-DD" really exists in the calendar (not 2026-02-30). */
function realDay(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? value : null;
}

function calendarValue(property: ICAL.Property | null): CalendarValue | null {
  if (!property) return null;
  const raw = String(property.jCal[3] ?? '');
  const allDay = property.type === 'date';
  return { allDay, text: raw.replace(/[-:]/g, ''), day: allDay ? realDay(raw) : null };
}

/**
 * Reads the events of an iCalendar file (RFC 5545) with ical.js: line folding, escapes,
 * parameters, time zones and recurrence. A bare 8-digit DTSTART/DTEND (without VALUE=DATE, as
 * several exporters write it) is read as a day. Text that is not iCalendar gives no events.
 */
export function readCalendar(text: string): CalendarRead {
  const source = text.replace(DAY_PROPERTIES, (line, name: string, params: string, value: string) =>
    /VALUE=/i.test(params) ? line : `${name}${params};VALUE=DATE:${value}`);
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(source));
  } catch {
    return { isCalendar: false, events: [] };
  }
  if (root.name !== 'vcalendar') return { isCalendar: false, events: [] };
  const events = root.getAllSubcomponents('vevent').map((component): CalendarEvent => {
    const start = calendarValue(component.getFirstProperty('dtstart'));
    const durationText = component.getFirstProperty('duration')?.jCal[3];
    const days = typeof durationText === 'string' ? /^P(?:(\d+)W|(\d+)D)$/i.exec(durationText) : null;
    const repeats = component.hasProperty('rrule') || component.hasProperty('rdate');
    return {
      uid: (component.getFirstPropertyValue('uid') as string | null) ?? null,
      summary: String(component.getFirstPropertyValue('summary') ?? '').trim(),
      status: component.getFirstPropertyValue('status') ? String(component.getFirstPropertyValue('status')).toUpperCase() : null,
      start,
      end: calendarValue(component.getFirstProperty('dtend')),
      duration: typeof durationText === 'string' ? { text: durationText, days: days ? (days[1] ? Number(days[1]) * 7 : Number(days[2])) : null } : null,
      repeats,
      occurrenceDays(until, limit = 3660) {
        if (!start?.day) return { days: [], complete: true };
        if (!repeats) return { days: [start.day], complete: true };
        const iterator = new ICAL.Event(component).iterator();
        const found: string[] = [];
        for (let next = iterator.next(); next; next = iterator.next()) {
          const day = next.toString().slice(0, 10);
          if (day > until || found.length >= limit) return { days: found, complete: false };
          found.push(day);
        }
        return { days: found, complete: true };
      },
    };
  });
  return { isCalendar: true, events };
}
