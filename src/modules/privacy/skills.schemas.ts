import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { type AwarenessDuty, COMPETENCES, REQUIREMENT_SUBJECTS, type Competence, type CompetenceSummary, type Gap, MAX_LEVEL, MIN_LEVEL, type Need, type Urgency } from './domain/skills.js';

// HTTP API contract of skills and training, shared by the routes, the tests and the web pages.

const text = (max: number) => z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  z.string({ error: 'must be a text' }).trim().max(max, { error: `must be at most ${max} characters` }).nullish().transform((v) => (v ? v : null));
const day = z.iso.date({ error: 'must be a date "YYYY-MM-DD"' });
const competence = z.enum(COMPETENCES, { error: `must be one of ${COMPETENCES.join(', ')}` });
const level = (min: number) => z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(min, { error: `must be between ${min} and ${MAX_LEVEL}` }).max(MAX_LEVEL, { error: `must be between ${min} and ${MAX_LEVEL}` });
const personId = z.uuid({ error: 'must be a person of the company' });

export const skillPersonParams = companyParams.extend({ skillPersonId: personId });
export const trainingParams = companyParams.extend({ trainingId: z.uuid({ error: 'must be a training id' }) });
export const requirementParams = companyParams.extend({ requirementId: z.uuid({ error: 'must be a requirement id' }) });

/** Levels to set (0–8) or to clear (null) per competence; competences left out stay as they are. */
export const levelsBody = z.strictObject({
  levels: z.partialRecord(competence, level(MIN_LEVEL).nullable()),
});
export type LevelsBody = z.output<typeof levelsBody>;

export const trainingBody = z.strictObject({
  personId,
  title: text(200),
  competences: z.array(competence).max(COMPETENCES.length).refine((cs) => new Set(cs).size === cs.length, { error: 'must not name a competence twice' }).default([]),
  completedOn: day,
  provider: optionalText(200),
  expiresOn: day.nullish().transform((v) => v ?? null),
});
export type TrainingBody = z.output<typeof trainingBody>;

export const requirementBody = z.strictObject({
  subject: z.enum(REQUIREMENT_SUBJECTS, { error: 'must be measure, machine or software' }),
  planItemId: z.uuid({ error: 'must be a measure of the plan' }).nullish().transform((v) => v ?? null),
  machineId: z.uuid({ error: 'must be a machine of the company' }).nullish().transform((v) => v ?? null),
  softwareName: optionalText(200),
  goLiveOn: day,
  needs: z.array(z.strictObject({ competence, level: level(1) })).min(1, { error: 'must name at least one competence' }).max(COMPETENCES.length)
    .refine((ns) => new Set(ns.map((n) => n.competence)).size === ns.length, { error: 'must not name a competence twice' }),
  personIds: z.array(personId).max(500).default([]),
  note: optionalText(2000),
  /** A go-live date in the past is questioned; true answers the question (the go-live really was then). */
  confirmPastGoLive: z.boolean().default(false),
});
export type RequirementBody = z.output<typeof requirementBody>;

// ------------------------------------------------------------------ answers

/** `terminal`: a worker without e-mail address who signs in on the shop-floor terminal with a PIN. */
export type PersonKind = 'account' | 'terminal';

export interface AssessedLevel {
  level: number;
  assessedAt: string;
  assessedBy: string | null;
}

export interface SkillPerson {
  userId: string;
  name: string;
  kind: PersonKind;
  levels: Partial<Record<Competence, AssessedLevel>>;
  awareness: AwarenessDuty;
  /** Requirements the person is not ready for. */
  flagged: number;
}

export interface SkillsMatrix {
  today: string;
  people: SkillPerson[];
  summary: CompetenceSummary[];
  /** Requirements with someone not ready, by urgency. */
  requirements: Record<Urgency, number>;
}

export interface Training {
  id: string;
  personId: string;
  title: string;
  competences: Competence[];
  completedOn: string;
  provider: string | null;
  expiresOn: string | null;
  /** Past its expiry date. */
  expired: boolean;
}

export interface FlaggedPerson {
  userId: string;
  name: string;
  kind: PersonKind;
  gaps: Gap[];
}

export interface Requirement {
  id: string;
  subject: (typeof REQUIREMENT_SUBJECTS)[number];
  planItemId: string | null;
  machineId: string | null;
  softwareName: string | null;
  /** The measure's title, the machine's or the software's name; null when the measure or machine is gone. */
  title: { de: string; en: string } | null;
  goLiveOn: string;
  days: number;
  urgency: Urgency;
  needs: Need[];
  note: string | null;
  /** The people who will use it, each with what they lack (empty when ready). */
  people: FlaggedPerson[];
  flagged: number;
}

export interface RequirementsView {
  today: string;
  requirements: Requirement[];
  /** What a requirement can point at. */
  options: {
    measures: Array<{ id: string; title: { de: string; en: string } }>;
    machines: Array<{ id: string; name: string }>;
    people: Array<{ userId: string; name: string; kind: PersonKind }>;
  };
}

export interface PersonRecord extends SkillPerson {
  today: string;
  trainings: Training[];
  /** Requirements the person is named in, with their gaps. */
  requirements: Array<Pick<Requirement, 'id' | 'subject' | 'title' | 'goLiveOn' | 'days' | 'urgency'> & { gaps: Gap[] }>;
}
