import { DateTime } from 'luxon';

/**
 * Data-subject requests (GDPR Art. 12, 15–17): the one-month deadline of Art. 12 (3), its extension
 * by up to two further months, and the state a request is in. Dates are calendar days in the firm's
 * time zone (`YYYY-MM-DD`); a deadline runs to the end of its day there.
 */

export const REQUEST_KINDS = ['access', 'erasure', 'rectification'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** As stored; `extended` is an open request whose deadline was extended. */
export const STORED_STATES = ['open', 'done', 'refused'] as const;
export type StoredState = (typeof STORED_STATES)[number];
export type RequestState = StoredState | 'extended';

/** At most two further months (Art. 12 (3) sentence 2). */
export const MAX_EXTENSION_MONTHS = 2;
/** A running deadline this close is shown as due soon and listed in the notification centre. */
export const DUE_SOON_DAYS = 7;

const DAY_MS = 86_400_000;

/** The calendar day of an instant in a time zone. */
export function localDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

const parse = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const format = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The same day `months` later; where that month is shorter, its last day (31 January + 1 month =
 * 28 or 29 February) — how a period in months ends under Regulation 1182/71 Art. 3 (2) (c).
 */
export function addMonthsClamped(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** The last day to answer: one month after receipt, plus the extension, counted from the day of receipt. */
export function responseDeadline(receivedOn: string, extensionMonths: number): string {
  return addMonthsClamped(receivedOn, 1 + extensionMonths);
}

/** The first instant of a calendar day in a zone (a day may start at 01:00 where midnight is skipped). */
export function startOfDay(date: string, timeZone: string): number {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis();
}

/** The instant a deadline day ends in the zone: the start of the next day there. */
export function endOfDay(date: string, timeZone: string): number {
  return startOfDay(addDays(date, 1), timeZone);
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}

export type ClockState = 'running' | 'due-soon' | 'overdue' | 'answered' | 'answered-late';

export interface RequestFacts {
  receivedOn: string;
  extensionMonths: number;
  state: StoredState;
  /** When the request was closed (done or refused), as an instant. */
  closedAt: number | null;
}

export interface RequestClock {
  deadline: string;
  /** The instant the deadline day ends in the firm's zone. */
  dueAt: number;
  /** Calendar days from today (in the firm's zone) to the deadline day; 0 on the day itself. */
  daysLeft: number;
  state: ClockState;
}

/** The deadline and how it stands at `now`. */
export function requestClock(facts: RequestFacts, now: number, timeZone: string): RequestClock {
  const deadline = responseDeadline(facts.receivedOn, facts.extensionMonths);
  const dueAt = endOfDay(deadline, timeZone);
  const daysLeft = daysBetween(localDate(now, timeZone), deadline);
  if (facts.state !== 'open') {
    return { deadline, dueAt, daysLeft, state: facts.closedAt !== null && facts.closedAt >= dueAt ? 'answered-late' : 'answered' };
  }
  const state = now >= dueAt ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'running';
  return { deadline, dueAt, daysLeft, state };
}

export const stateOf = (facts: Pick<RequestFacts, 'state' | 'extensionMonths'>): RequestState =>
  facts.state === 'open' && facts.extensionMonths > 0 ? 'extended' : facts.state;

export type ExtensionRefusal = 'closed' | 'too-long' | 'not-longer' | 'deadline-passed';

/**
 * Whether the deadline may be extended to `months` further months in total: only while the request
 * is open, only longer than before, at most two months, and before the current deadline has passed
 * (the person must be told of the extension within the first month, Art. 12 (3)).
 */
export function extensionRefusal(facts: RequestFacts, months: number, now: number, timeZone: string): ExtensionRefusal | null {
  if (facts.state !== 'open') return 'closed';
  if (months > MAX_EXTENSION_MONTHS) return 'too-long';
  if (months <= facts.extensionMonths) return 'not-longer';
  if (now >= endOfDay(responseDeadline(facts.receivedOn, 0), timeZone)) return 'deadline-passed';
  return null;
}

/** A date of receipt that cannot be right: in the future (in the firm's zone). */
export function receivedInFuture(receivedOn: string, now: number, timeZone: string): boolean {
  return daysBetween(localDate(now, timeZone), receivedOn) > 0;
}
