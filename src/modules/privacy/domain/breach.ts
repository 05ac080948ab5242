/**
 * The duties after a personal-data breach (GDPR Art. 33 and 34), decided from what the firm has
 * recorded. Pure: times are epoch milliseconds, every open duty a typed code the UI translates.
 */

/** Art. 33 (1): the supervisory authority is told within 72 hours of the firm becoming aware. */
export const NOTIFY_WITHIN_MS = 72 * 60 * 60 * 1000;

/** The firm's assessment of the risk to the people concerned. */
export const RISK_LEVELS = ['unassessed', 'unlikely', 'risk', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Art. 34 (3): when people need not be told despite a high risk; `disproportionate` needs a public notice instead. */
export const SUBJECTS_EXCEPTIONS = ['encrypted', 'risk-removed', 'disproportionate'] as const;
export type SubjectsException = (typeof SUBJECTS_EXCEPTIONS)[number];

export interface BreachFacts {
  becameKnownAt: number;
  risk: RiskLevel;
  /** Why the risk was assessed so (Art. 33 (5)): required when no notice is given. */
  riskReason: string | null;
  authorityNotifiedAt: number | null;
  /** Art. 33 (1): a notice after 72 hours gives the reasons for the delay. */
  delayReason: string | null;
  subjectsInformedAt: number | null;
  subjectsException: SubjectsException | null;
}

/** Where the 72-hour clock stands. */
export type ClockState = 'running' | 'overdue' | 'notified-in-time' | 'notified-late' | 'not-required';

export interface BreachClock {
  state: ClockState;
  deadline: number;
  /** Until the deadline (negative once past); measured to `now`, or to the notice once given. */
  remainingMs: number;
}

/** The deadline is 72 elapsed hours, not three calendar days: a change of summer time moves the wall clock, not the duty. */
export function notificationDeadline(becameKnownAt: number): number {
  return becameKnownAt + NOTIFY_WITHIN_MS;
}

/** The clock runs until the authority is notified or the risk is assessed as unlikely. */
export function breachClock(facts: BreachFacts, now: number): BreachClock {
  const deadline = notificationDeadline(facts.becameKnownAt);
  if (facts.authorityNotifiedAt !== null) {
    const remainingMs = deadline - facts.authorityNotifiedAt;
    return { state: remainingMs >= 0 ? 'notified-in-time' : 'notified-late', deadline, remainingMs };
  }
  if (facts.risk === 'unlikely') return { state: 'not-required', deadline, remainingMs: deadline - now };
  return { state: now <= deadline ? 'running' : 'overdue', deadline, remainingMs: deadline - now };
}

/** Must the people concerned be told (Art. 34)? */
export type SubjectsDuty = 'undecided' | 'not-required' | 'required' | 'exempt' | 'public-notice';

export function subjectsDuty(facts: Pick<BreachFacts, 'risk' | 'subjectsException'>): SubjectsDuty {
  if (facts.risk === 'unassessed') return 'undecided';
  if (facts.risk !== 'high') return 'not-required';
  if (facts.subjectsException === null) return 'required';
  return facts.subjectsException === 'disproportionate' ? 'public-notice' : 'exempt';
}

/** What is still to do before a breach can be closed, in the order it is done. */
export const OPEN_DUTIES = [
  'risk-unassessed',
  'risk-reason-missing',
  'authority-not-notified',
  'delay-reason-missing',
  'subjects-not-informed',
] as const;
export type OpenDuty = (typeof OPEN_DUTIES)[number];

const blank = (s: string | null) => s === null || s.trim() === '';

export function openDuties(facts: BreachFacts): OpenDuty[] {
  const open: OpenDuty[] = [];
  if (facts.risk === 'unassessed') open.push('risk-unassessed');
  // a breach not notified must still be documented with the reasoning (Art. 33 (5))
  if (facts.risk === 'unlikely' && facts.authorityNotifiedAt === null && blank(facts.riskReason)) open.push('risk-reason-missing');
  if ((facts.risk === 'risk' || facts.risk === 'high') && facts.authorityNotifiedAt === null) open.push('authority-not-notified');
  if (facts.authorityNotifiedAt !== null && facts.authorityNotifiedAt > notificationDeadline(facts.becameKnownAt) && blank(facts.delayReason)) open.push('delay-reason-missing');
  const duty = subjectsDuty(facts);
  if ((duty === 'required' || duty === 'public-notice') && facts.subjectsInformedAt === null) open.push('subjects-not-informed');
  return open;
}
