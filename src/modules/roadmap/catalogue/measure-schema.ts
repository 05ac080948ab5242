import { z } from 'zod';
import { DIMENSION_IDS, type DimensionId } from '../../check/public.js';

export { DIMENSION_IDS, type DimensionId };

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

/** Cost bands in euros (external costs: licences, hardware, consultants; own staff time is effort). */
export const COST_BANDS = ['minimal', 'low', 'medium', 'high'] as const;
export type CostBand = (typeof COST_BANDS)[number];
export const COST_BAND_EUR: Record<CostBand, { min: number; max: number | null }> = {
  minimal: { min: 0, max: 1_000 },
  low: { min: 1_000, max: 10_000 },
  medium: { min: 10_000, max: 50_000 },
  high: { min: 50_000, max: null },
};

/**
 * Person-day ranges that define the effort levels. A measure's typical person-days must lie in
 * the range of its effort level (checked when the catalogue is loaded).
 */
export const EFFORT_PERSON_DAYS: Record<Level, { min: number; max: number }> = {
  low: { min: 0, max: 10 },
  medium: { min: 10, max: 40 },
  high: { min: 40, max: Number.POSITIVE_INFINITY },
};

/** Kinds of measures; funding programmes declare which kinds they fund. */
export const MEASURE_KINDS = [
  'advice',
  'strategy',
  'qualification',
  'software',
  'hardware',
  'security',
  'businessModel',
  'marketing',
  'cooperation',
  'research',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const WERKVERBUND_MODULES = [
  'check',
  'roadmap',
  'invest',
  'shopfloor',
  'machines',
  'crm',
  'network',
  'bizmodel',
  'privacy',
] as const;
export type WerkverbundModule = (typeof WERKVERBUND_MODULES)[number];

export const CLASSIFICATIONS = [
  'serviceStage',
  'digitalBusinessModelProvider',
  'digitalisationDegree',
  'servicesCompetitiveFactor',
  'dependency',
] as const;
export type ClassificationName = (typeof CLASSIFICATIONS)[number];

export const localizedTextSchema = z.object({
  de: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const answerValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
const classificationValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Declarative trigger conditions. Leaves compare one fact; `all`, `any` and `not` combine them.
 * A leaf whose fact is missing (unanswered item, dimension with "not enough answers") is false.
 */
export type Condition =
  | { dimension: DimensionId; scoreBelow: number }
  | { dimension: DimensionId; scoreAtLeast: number }
  | { item: string; equals: AnswerValue }
  | { item: string; in: AnswerValue[] }
  | { item: string; below: number }
  | { item: string; atLeast: number }
  | { classification: ClassificationName; equals: string | number | boolean }
  | { classification: ClassificationName; in: Array<string | number | boolean> }
  | { profile: 'employees'; below: number }
  | { profile: 'employees'; atLeast: number }
  | { profile: 'valueChain'; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const score = z.number().min(0).max(100);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ dimension: z.enum(DIMENSION_IDS), scoreBelow: score }),
    z.strictObject({ dimension: z.enum(DIMENSION_IDS), scoreAtLeast: score }),
    z.strictObject({ item: z.string().min(1), equals: answerValueSchema }),
    z.strictObject({ item: z.string().min(1), in: z.array(answerValueSchema).min(1) }),
    z.strictObject({ item: z.string().min(1), below: z.number() }),
    z.strictObject({ item: z.string().min(1), atLeast: z.number() }),
    z.strictObject({ classification: z.enum(CLASSIFICATIONS), equals: classificationValueSchema }),
    z.strictObject({ classification: z.enum(CLASSIFICATIONS), in: z.array(classificationValueSchema).min(1) }),
    z.strictObject({ profile: z.literal('employees'), below: z.number().int().min(1) }),
    z.strictObject({ profile: z.literal('employees'), atLeast: z.number().int().min(1) }),
    z.strictObject({ profile: z.literal('valueChain'), in: z.array(z.string()).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export const triggerSchema = z.strictObject({
  when: conditionSchema,
  because: localizedTextSchema,
});
export type Trigger = z.infer<typeof triggerSchema>;

export const sourceSchema = z.strictObject({
  file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'source file must name a seed file'),
  section: z.string().min(1),
});

export const measureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'measure ids are kebab-case'),
  title: localizedTextSchema,
  description: localizedTextSchema,
  microGoal: localizedTextSchema,
  dimensions: z.array(z.enum(DIMENSION_IDS)).min(1),
  kinds: z.array(z.enum(MEASURE_KINDS)).min(1),
  triggers: z.array(triggerSchema).min(1),
  /** True when the measure is already in place: it is then neither proposed nor added as prerequisite. */
  doneWhen: conditionSchema.optional(),
  /** True when the measure does not fit the firm (e.g. machine measures without machines). */
  notApplicableWhen: conditionSchema.optional(),
  effort: z.strictObject({
    level: z.enum(LEVELS),
    personDays: z.strictObject({ min: z.number().min(0), typical: z.number().min(0), max: z.number().min(0) }),
  }),
  cost: z.enum(COST_BANDS),
  benefit: z.enum(LEVELS),
  durationQuarters: z.number().int().min(1).max(8),
  timeToEffectMonths: z.number().int().min(0).max(60),
  prerequisites: z.array(z.string()),
  modules: z.array(z.enum(WERKVERBUND_MODULES)),
  sources: z.array(sourceSchema).min(1),
});
export type Measure = z.infer<typeof measureSchema>;

export const measureCatalogueSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d+$/),
  measures: z.array(measureSchema).min(1),
});
export type MeasureCatalogue = z.infer<typeof measureCatalogueSchema>;
