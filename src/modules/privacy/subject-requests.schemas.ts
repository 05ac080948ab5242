import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import type { DataSubjectSection, ErasureOutcome } from '../../kernel/modules/data-subjects.js';
import type { Localized } from '../../kernel/modules/module-manifest.js';
import { type ClockState, MAX_EXTENSION_MONTHS, REQUEST_KINDS, type RequestKind, type RequestState } from './domain/subject-request.js';

// HTTP API contract of data-subject requests, shared by the routes, the tests and the web pages.

const text = (max: number) => z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  z.string({ error: 'must be a text' }).trim().max(max, { error: `must be at most ${max} characters` }).nullish().transform((v) => (v ? v : null));
const day = z.iso.date({ error: 'must be a date, e.g. "2027-03-15"' });

export const requestParams = companyParams.extend({ requestId: z.uuid({ error: 'must be a request id' }) });

export const requestBody = z.strictObject({
  kind: z.enum(REQUEST_KINDS, { error: `must be one of ${REQUEST_KINDS.join(', ')}` }),
  requesterName: text(200),
  requesterReach: optionalText(500),
  receivedOn: day,
  notes: optionalText(5000),
});
export type RequestBody = z.output<typeof requestBody>;

export const peopleQuery = z.strictObject({ q: text(200).refine((v) => v.length >= 2, { error: 'must have at least 2 characters' }) });

const personRef = z.strictObject({
  moduleId: z.string({ error: 'must be a module id' }).regex(/^[a-z][a-z0-9-]{0,40}$/, { error: 'must be a module id' }),
  ref: text(300),
});
export const linkBody = z.strictObject({
  /** The search that found the people: they are looked up again, so only people the company holds are linked. */
  query: text(200),
  people: z.array(personRef, { error: 'must be a list of people' }).min(1, { error: 'must name at least one person' }).max(50),
});
export const unlinkBody = personRef;

export const extendBody = z.strictObject({
  months: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or 2' }).max(MAX_EXTENSION_MONTHS, { error: 'must be 1 or 2' }),
  reason: text(2000),
});
export const closeBody = z.strictObject({
  outcome: z.enum(['done', 'refused'], { error: 'must be done or refused' }),
  note: optionalText(5000),
});
export const erasureBody = z.strictObject({ confirm: z.literal(true, { error: 'must be true' }) });

export interface RequestClockView { deadline: string; dueAt: string; daysLeft: number; state: ClockState }

export interface SubjectRequestSummary {
  id: string;
  kind: RequestKind;
  requesterName: string;
  receivedOn: string;
  state: RequestState;
  extensionMonths: number;
  clock: RequestClockView;
  people: number;
  erasedAt: string | null;
  closedAt: string | null;
}

export interface LinkedPerson {
  moduleId: string;
  moduleName: Localized;
  ref: string;
  kind: Localized;
  name: string;
  email: string | null;
  phone: string | null;
  context: Localized | null;
}

export interface FoundPerson extends LinkedPerson { linked: boolean }

export interface ErasureStep extends ErasureOutcome {
  moduleId: string;
  moduleName: Localized;
  kind: Localized;
  name: string;
}

export interface SubjectRequest extends SubjectRequestSummary {
  requesterReach: string | null;
  notes: string | null;
  extensionReason: string | null;
  closingNote: string | null;
  people: number;
  linked: LinkedPerson[];
  /** What the erasure did, once run. */
  erasure: ErasureStep[] | null;
  log: Array<{ id: string; at: string; text: string; actor: string | null }>;
  updatedAt: string;
}

export interface ErasurePreview {
  steps: ErasureStep[];
  /** Reasons the erasure cannot run as it stands (e.g. the last owner). */
  blocked: Array<{ name: string; reason: Localized }>;
}

export interface SubjectExport {
  request: { kind: RequestKind; requesterName: string; receivedOn: string; deadline: string };
  generatedAt: string;
  people: Array<{ moduleId: string; moduleName: Localized; kind: Localized; name: string; sections: DataSubjectSection[] }>;
}
