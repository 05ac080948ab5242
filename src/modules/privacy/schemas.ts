import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { type ClockState, type OpenDuty, RISK_LEVELS, SUBJECTS_EXCEPTIONS, type SubjectsDuty } from './domain/breach.js';
import type { NoticeDraftSection } from './domain/breach-notice.js';

// HTTP API contract of the privacy module, shared by the routes, the tests and the web pages.

const text = (max: number) => z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
/** An optional text: empty or missing is stored as null. */
const optionalText = (max: number) =>
  z.string({ error: 'must be a text' }).trim().max(max, { error: `must be at most ${max} characters` }).nullish().transform((v) => (v ? v : null));
const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp with time zone, e.g. "2026-03-02T06:00:00+01:00"' });
const optionalTimestamp = timestamp.nullish().transform((v) => v ?? null);
const count = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }).max(100_000_000).nullish().transform((v) => v ?? null);

export const breachParams = companyParams.extend({ breachId: z.uuid({ error: 'must be a breach id' }) });

export const breachBody = z.strictObject({
  title: text(200),
  becameKnownAt: timestamp,
  occurredFrom: optionalTimestamp,
  occurredTo: optionalTimestamp,
  nature: optionalText(5000),
  subjectCategories: optionalText(1000),
  subjectCount: count,
  recordCategories: optionalText(1000),
  recordCount: count,
  consequences: optionalText(5000),
  measures: optionalText(5000),
  contact: optionalText(500),
  risk: z.enum(RISK_LEVELS, { error: `must be one of ${RISK_LEVELS.join(', ')}` }).default('unassessed'),
  riskReason: optionalText(5000),
  delayReason: optionalText(5000),
  subjectsException: z.enum(SUBJECTS_EXCEPTIONS, { error: `must be one of ${SUBJECTS_EXCEPTIONS.join(', ')}` }).nullish().transform((v) => v ?? null),
});
export type BreachBody = z.output<typeof breachBody>;

export const NOTICE_RECIPIENTS = ['authority', 'subjects'] as const;
export type NoticeRecipient = (typeof NOTICE_RECIPIENTS)[number];
export const noticeBody = z.strictObject({
  recipient: z.enum(NOTICE_RECIPIENTS, { error: 'must be authority or subjects' }),
  sentAt: timestamp,
  reference: optionalText(200),
});
export type NoticeBody = z.output<typeof noticeBody>;

export const langQuery = z.strictObject({ lang: z.enum(['de', 'en']).optional() });

export interface BreachNotice {
  id: string;
  recipient: NoticeRecipient;
  sentAt: string;
  reference: string | null;
  /** The authority notice's sections as they were when it was given. */
  content: NoticeDraftSection[];
  createdAt: string;
}

export interface BreachSummary {
  id: string;
  title: string;
  becameKnownAt: string;
  risk: (typeof RISK_LEVELS)[number];
  clock: { state: ClockState; deadline: string; remainingMs: number };
  openDuties: OpenDuty[];
  closedAt: string | null;
}

export interface Breach extends BreachSummary {
  occurredFrom: string | null;
  occurredTo: string | null;
  nature: string | null;
  subjectCategories: string | null;
  subjectCount: number | null;
  recordCategories: string | null;
  recordCount: number | null;
  consequences: string | null;
  measures: string | null;
  contact: string | null;
  riskReason: string | null;
  delayReason: string | null;
  subjectsException: (typeof SUBJECTS_EXCEPTIONS)[number] | null;
  authorityNotifiedAt: string | null;
  authorityReference: string | null;
  subjectsInformedAt: string | null;
  subjectsDuty: SubjectsDuty;
  /** The notice to the authority as it would be given now (Art. 33 (3)). */
  draft: NoticeDraftSection[];
  notices: BreachNotice[];
  updatedAt: string;
}

export const controllerBody = z.strictObject({
  name: optionalText(300),
  address: optionalText(1000),
  contact: optionalText(1000),
  representative: optionalText(1000),
  dataProtectionOfficer: optionalText(1000),
  measures: optionalText(20_000),
});

export const completionBody = z.strictObject({
  recipients: optionalText(2000),
  processors: optionalText(2000),
  thirdCountries: optionalText(2000),
});

export const activityParams = companyParams.extend({
  activityKey: z.string().regex(/^[a-z0-9-]{1,40}\.[a-z0-9-]{1,60}$/, { error: 'must be the key of an activity of the record' }),
});
export const recordVersionParams = companyParams.extend({ recordVersion: z.coerce.number({ error: 'must be a version number' }).int().min(1).max(1_000_000) });
