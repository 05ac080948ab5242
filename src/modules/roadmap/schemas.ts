import { z } from 'zod';
import { MEASURE_KINDS, type CostBand, type DimensionId, type Level, type LocalizedText, type MeasureKind } from './catalogue/measure-schema.js';
import { regionSchema } from './catalogue/funding-schema.js';
import type { Quadrant } from './domain/matrix.js';

/** The API contract of the Roadmap, shared by routes and web pages. */

export const PLAN_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter like 2026-Q3');
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const planItemParams = z.object({ companyId: z.uuid(), itemId: z.uuid() });
export const fundingParams = z.object({ companyId: z.uuid(), programmeId: z.uuid() });
export const reportQuery = z.object({ lang: z.enum(['de', 'en']).optional() });

export const acceptBody = z.object({
  measureIds: z.array(z.string().max(80)).max(100).default([]),
  /** Suggestions of other modules by their `ref` (see `fromModules` of the suggestions). */
  suggestionRefs: z.array(z.string().max(200)).max(100).default([]),
}).refine((b) => b.measureIds.length + b.suggestionRefs.length > 0, { path: ['measureIds'], error: 'name at least one measure' });

export const addItemBody = z.object({
  title: shortText(200),
  description: optionalText(4000),
  startQuarter: quarter.nullable().optional(),
  endQuarter: quarter.nullable().optional(),
});

export const updateItemBody = z
  .object({
    status: z.enum(PLAN_STATUSES).optional(),
    ownerUserId: z.uuid().nullable().optional(),
    ownerText: optionalText(200),
    startQuarter: quarter.nullable().optional(),
    endQuarter: quarter.nullable().optional(),
    microGoal: optionalText(1000),
    kpiName: optionalText(200),
    kpiTarget: optionalText(100),
    kpiUnit: optionalText(50),
    title: shortText(200).optional(),
    description: optionalText(4000),
  })
  .strict();
export type UpdateItemBody = z.infer<typeof updateItemBody>;

export const scheduleBody = z.object({ startQuarter: quarter.optional() });

const isoDate = z.iso.date();
export const fundingBody = z.object({
  name: shortText(200),
  provider: shortText(200),
  regions: z.array(regionSchema).min(1).max(20),
  kinds: z.array(z.enum(MEASURE_KINDS)).min(1),
  percentMax: z.number().min(0).max(100).nullable().optional(),
  rateText: optionalText(1000),
  validFrom: isoDate.nullable().optional(),
  validUntil: isoDate.nullable().optional(),
  link: z.url().max(500).nullable().optional(),
  note: optionalText(2000),
});
export type FundingBody = z.infer<typeof fundingBody>;
export const fundingPatchBody = fundingBody.partial().strict();

export interface FundingProgrammeView {
  id: string;
  seedId: string | null;
  name: string;
  provider: string;
  regions: string[];
  kinds: MeasureKind[];
  percentMax: number | null;
  rateText: LocalizedText;
  validFrom: string | null;
  validUntil: string | null;
  link: string | null;
  /** Seeded from the source documents: an example whose validity must be checked. */
  historical: boolean;
  note: LocalizedText;
}

export interface FundingMatchView {
  programmeId: string;
  name: string;
  provider: string;
  scope: 'state' | 'country' | 'eu';
  historical: boolean;
  expired: boolean;
}

export interface SuggestionView {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  microGoal: LocalizedText;
  dimensions: DimensionId[];
  reason: LocalizedText;
  reasons: LocalizedText[];
  reasonItems: string[];
  effort: Level;
  personDays: number;
  cost: CostBand;
  benefit: Level;
  quadrant: Quadrant;
  durationQuarters: number;
  timeToEffectMonths: number;
  dependsOn: string[];
  funding: FundingMatchView[];
  /** The plan item of this measure, when it is in the plan. */
  planItem: { id: string; status: PlanStatus } | null;
}

/** A measure suggested by another module (e.g. a gap of the IT-security check). */
export interface ModuleSuggestionView {
  /** "<module>:<key>", what `plan/accept` takes as `suggestionRefs`. */
  ref: string;
  moduleId: string;
  /** Where the suggestion comes from, e.g. "IT-Sicherheits-Check". */
  source: LocalizedText;
  title: LocalizedText;
  description: LocalizedText;
  reason: LocalizedText;
  effort: Level;
  planItem: { id: string; status: PlanStatus } | null;
}

export interface SuggestionsView {
  check: { id: string; completedAt: string } | null;
  suggestions: SuggestionView[];
  fromModules: ModuleSuggestionView[];
}

export interface PlanItemView {
  id: string;
  measureId: string | null;
  title: LocalizedText;
  description: LocalizedText | null;
  custom: boolean;
  status: PlanStatus;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerText: string | null;
  startQuarter: string | null;
  endQuarter: string | null;
  microGoal: string | null;
  kpiName: string | null;
  kpiTarget: string | null;
  kpiUnit: string | null;
  sourceCheckId: string | null;
  acceptedAt: string;
  doneAt: string | null;
  dimensions: DimensionId[];
  effort: Level | null;
  benefit: Level | null;
  quadrant: Quadrant | null;
  /** Catalogue prerequisites that are also in the plan (plan item ids). */
  dependsOn: string[];
  /** Investment evaluations attached to this measure (empty while the invest module is off). */
  evaluations: PlanItemEvaluationView[];
}

/** Expected-case figures of an investment evaluation attached to a plan item. */
export interface PlanItemEvaluationView {
  evaluationId: string;
  title: string;
  /** Net present value in whole euro cents. */
  npvCents: number | null;
  /** Fraction (0.12 = 12 %); null when there is none. */
  irr: number | null;
  paybackYears: number | null;
  /** 0–100; null while a weighted criterion is not rated. */
  utilityScore: number | null;
}

export interface PlanView {
  items: PlanItemView[];
  startQuarter: string | null;
  scheduledAt: string | null;
  /** Yearly re-evaluation dates of the last schedule (rolling micro-goals). */
  reviews: string[];
  nextReview: string | null;
  capacity: { sizeClass: string; parallel: number; personDaysPerQuarter: number };
  members: Array<{ id: string; name: string }>;
  /** Whether the invest module is on for the company (evaluations can be attached). */
  investEnabled: boolean;
}

export interface ProgressView {
  latest: { id: string; completedAt: string } | null;
  previous: { id: string; completedAt: string } | null;
  dimensions: Array<{ id: DimensionId; name: LocalizedText; before: number | null; after: number | null; change: number | null }>;
  /** Plan measures finished (status done) between the two checks. */
  completed: Array<{ id: string; title: LocalizedText; doneAt: string; dimensions: DimensionId[] }>;
}
