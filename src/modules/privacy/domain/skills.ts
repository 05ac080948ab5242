/**
 * Skills and training: the competences a firm tracks, levels after DigComp 2.2, the yearly
 * security-awareness duty and who is not ready for a go-live. Pure rules; days are `YYYY-MM-DD`
 * in the firm's time zone.
 */

/** The digital competences of the matrix (issue 22; the seeds' list for small manufacturers). */
export const COMPETENCES = ['digital-basics', 'data-literacy', 'human-machine', 'ai', 'ecosystems', 'security-awareness'] as const;
export type Competence = (typeof COMPETENCES)[number];

/**
 * 0 = no knowledge yet (assessed, below DigComp's first level); 1–8 the DigComp proficiency levels:
 * 1–2 foundation, 3–4 intermediate, 5–6 advanced, 7–8 highly specialised.
 */
export const MIN_LEVEL = 0;
export const MAX_LEVEL = 8;
export const LEVEL_BANDS = ['none', 'foundation', 'intermediate', 'advanced', 'specialised'] as const;
export type LevelBand = (typeof LEVEL_BANDS)[number];

export function levelBand(level: number): LevelBand {
  if (level <= 0) return 'none';
  return LEVEL_BANDS[Math.min(4, Math.ceil(level / 2))]!;
}

/** The competence whose yearly training is a duty (security awareness). */
export const AWARENESS: Competence = 'security-awareness';
/** A reminder this many days before a due date or a go-live. */
export const REMIND_DAYS = 30;

// ------------------------------------------------------------------ days

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar day of `now` in `timeZone`. */
export function dayIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

/** The same day a year later; 29 February becomes 28 February. */
export function oneYearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = m === 2 && d === 29 && !leap(y + 1) ? 28 : d;
  return `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

// ------------------------------------------------------------------ training and the awareness duty

export interface TrainingFacts {
  competences: readonly Competence[];
  completedOn: string;
  expiresOn: string | null;
}

/** Until when a training counts: its expiry date, for awareness at most a year. */
export function validUntil(training: TrainingFacts, competence: Competence): string {
  const yearly = competence === AWARENESS ? oneYearAfter(training.completedOn) : null;
  if (training.expiresOn === null) return yearly ?? '9999-12-31';
  return yearly !== null && yearly < training.expiresOn ? yearly : training.expiresOn;
}

export type AwarenessState = 'never' | 'overdue' | 'due-soon' | 'current';

export interface AwarenessDuty {
  state: AwarenessState;
  /** The day the next training is due; today for someone never trained. */
  dueOn: string;
  /** The latest awareness training counted, if any. */
  lastOn: string | null;
  /** Days until due (negative when overdue). */
  days: number;
}

/**
 * The yearly security-awareness training: due a year after the last one (or at its earlier expiry);
 * someone never trained is due at once.
 */
export function awarenessDuty(trainings: readonly TrainingFacts[], today: string): AwarenessDuty {
  const counted = trainings.filter((t) => t.competences.includes(AWARENESS) && t.completedOn <= today);
  if (counted.length === 0) return { state: 'never', dueOn: today, lastOn: null, days: 0 };
  const dueOn = counted.map((t) => validUntil(t, AWARENESS)).reduce((a, b) => (a > b ? a : b));
  const lastOn = counted.map((t) => t.completedOn).reduce((a, b) => (a > b ? a : b));
  const days = daysBetween(today, dueOn);
  const state: AwarenessState = days < 0 ? 'overdue' : days <= REMIND_DAYS ? 'due-soon' : 'current';
  return { state, dueOn, lastOn, days };
}

// ------------------------------------------------------------------ requirements and who is not ready

export interface Need {
  competence: Competence;
  level: number;
}

export interface PersonSkills {
  /** Assessed level per competence; missing = not assessed. */
  levels: Partial<Record<Competence, number>>;
  awareness: AwarenessState;
}

export type GapReason = 'not-assessed' | 'below' | 'awareness-training-due';
export interface Gap {
  competence: Competence;
  required: number;
  /** The assessed level, null when not assessed. */
  level: number | null;
  reason: GapReason;
}

/**
 * What a person lacks for the needs: a competence not assessed or below the required level; for
 * security awareness also a training that is not current (an expired training does not count).
 */
export function gapsOf(person: PersonSkills, needs: readonly Need[]): Gap[] {
  const gaps: Gap[] = [];
  for (const need of needs) {
    const level = person.levels[need.competence];
    if (level === undefined) gaps.push({ competence: need.competence, required: need.level, level: null, reason: 'not-assessed' });
    else if (level < need.level) gaps.push({ competence: need.competence, required: need.level, level, reason: 'below' });
    else if (need.competence === AWARENESS && (person.awareness === 'never' || person.awareness === 'overdue')) {
      gaps.push({ competence: need.competence, required: need.level, level, reason: 'awareness-training-due' });
    }
  }
  return gaps;
}

/** What a requirement is for: a measure of the roadmap plan, a machine, or a software named freely. */
export const REQUIREMENT_SUBJECTS = ['measure', 'machine', 'software'] as const;
export type RequirementSubject = (typeof REQUIREMENT_SUBJECTS)[number];

export type Urgency = 'ready' | 'planned' | 'soon' | 'overdue';

/**
 * How pressing a requirement is: `ready` when nobody lacks anything; otherwise by the days to
 * go-live — `soon` within the reminder window (go-live day included), `overdue` after it.
 */
export function urgencyOf(flagged: number, goLiveOn: string, today: string): { urgency: Urgency; days: number } {
  const days = daysBetween(today, goLiveOn);
  if (flagged === 0) return { urgency: 'ready', days };
  return { urgency: days < 0 ? 'overdue' : days <= REMIND_DAYS ? 'soon' : 'planned', days };
}

// ------------------------------------------------------------------ matrix summaries

export interface CompetenceSummary {
  competence: Competence;
  /** People per band, and those not assessed. */
  bands: Record<LevelBand, number>;
  notAssessed: number;
  /** Median of the assessed levels (the lower of the two middle ones), null when none. */
  median: number | null;
}

export function summarise(people: readonly Pick<PersonSkills, 'levels'>[]): CompetenceSummary[] {
  return COMPETENCES.map((competence) => {
    const bands = Object.fromEntries(LEVEL_BANDS.map((b) => [b, 0])) as Record<LevelBand, number>;
    const levels: number[] = [];
    for (const p of people) {
      const level = p.levels[competence];
      if (level === undefined) continue;
      levels.push(level);
      bands[levelBand(level)] += 1;
    }
    levels.sort((a, b) => a - b);
    return { competence, bands, notAssessed: people.length - levels.length, median: levels.length ? levels[Math.floor((levels.length - 1) / 2)]! : null };
  });
}
