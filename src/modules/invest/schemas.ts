import { z } from 'zod';
import { MAX_HORIZON_YEARS, type CashFlowYear } from './domain/cash-flows.js';
import { DEFAULT_DISCOUNT_RATE } from './domain/evaluate.js';
import type { CumulativeChart, ScenarioName } from './domain/scenarios.js';
import { DEFAULT_DEVIATIONS, DEFAULT_HORIZON_YEARS, defaultCriteria } from './evaluation-defaults.js';
import {
  type UtilityResult,
  DEFAULT_CRITERION_IDS,
  DEFAULT_CRITERION_WEIGHTS,
  MAX_CRITERION_SCORE,
  type DefaultCriterionId,
} from './domain/utility-analysis.js';

const isDefaultCriterion = (id: string): id is DefaultCriterionId =>
  (DEFAULT_CRITERION_IDS as readonly string[]).includes(id);

export const discountRateSchema = z
  .number({ error: 'must be a number, e.g. 0.08 for 8 %' })
  .gt(-1, { error: 'must be greater than -1' })
  .max(1, { error: 'must be a fraction, e.g. 0.08 for 8 % (at most 1 = 100 %)' });

export const scenarioCashFlowsSchema = z.strictObject({
  cashFlows: z
    .array(z.number({ error: 'must be a number' }), { error: 'must be a list of yearly amounts' })
    .min(1, { error: 'needs at least the amount of year 0' })
    .max(MAX_HORIZON_YEARS + 1, { error: `may cover at most ${MAX_HORIZON_YEARS} years after year 0` }),
});

export const criterionRatingSchema = z
  .strictObject({
    id: z.string({ error: 'must be a text' }).min(1, { error: 'must not be empty' }),
    weight: z.number({ error: 'must be a number' }).min(0, { error: 'must not be negative' }).optional(),
    score: z
      .number({ error: `must be a number from 0 to ${MAX_CRITERION_SCORE}` })
      .min(0, { error: `must be from 0 to ${MAX_CRITERION_SCORE}` })
      .max(MAX_CRITERION_SCORE, { error: `must be from 0 to ${MAX_CRITERION_SCORE}` }),
  })
  .refine((c) => c.weight !== undefined || isDefaultCriterion(c.id), {
    error: `needs a weight (only the default criteria ${DEFAULT_CRITERION_IDS.join(', ')} have one)`,
    path: ['weight'],
  })
  .transform((c) => ({
    id: c.id,
    weight: c.weight ?? (isDefaultCriterion(c.id) ? DEFAULT_CRITERION_WEIGHTS[c.id] : 0),
    score: c.score,
  }));

/** Input of `werkverbund invest evaluate`; amounts in any one currency unit (NPV comes out in it). */
export const evaluationInputSchema = z.strictObject({
  discountRate: discountRateSchema.default(DEFAULT_DISCOUNT_RATE),
  scenarios: z
    .record(z.string(), scenarioCashFlowsSchema, { error: 'must be an object of named scenarios' })
    .refine((s) => Object.keys(s).length > 0, { error: 'needs at least one scenario, e.g. "expected"' }),
  criteria: z
    .array(criterionRatingSchema, { error: 'must be a list of criteria' })
    .default([])
    .superRefine((criteria, ctx) => {
      const seen = new Set<string>();
      criteria.forEach((c, i) => {
        if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `criterion "${c.id}" is listed twice`, path: [i, 'id'] });
        seen.add(c.id);
      });
      // An element that failed its own checks has no numeric weight; do not report twice.
      if (criteria.length > 0 && !criteria.some((c) => typeof c.weight !== 'number' || c.weight > 0)) {
        ctx.addIssue({ code: 'custom', message: 'at least one criterion needs a weight above 0' });
      }
    }),
});

export type EvaluationInputJson = z.input<typeof evaluationInputSchema>;

// ---------------------------------------------------------------------------------------------
// HTTP API contract of stored evaluations, shared by the routes and the web pages.
// Money is in integer euro cents; rates are fractions; deviations are percent.

const MAX_CENTS = 1e13; // 100 billion euros: far above any plausible project, far below 2^53
const cents = z.int({ error: 'must be a whole number of cents' }).min(-MAX_CENTS).max(MAX_CENTS);
const nonNegativeCents = cents.min(0, { error: 'must not be negative' });
const year = z.int({ error: 'must be a whole year' }).min(0).max(MAX_HORIZON_YEARS);

export const subsidyInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amountCents: nonNegativeCents }),
  z.strictObject({ kind: z.literal('rate'), rate: z.number().min(0).max(1, { error: 'must be a share from 0 to 1' }) }),
]);

/** The plain inputs of one scenario (without the horizon, which the evaluation sets). */
export const planInputsSchema = z.strictObject({
  investmentCents: nonNegativeCents.default(0),
  subsidy: subsidyInputSchema.nullable().default(null),
  /** Name of the funding programme the subsidy comes from, for the record. */
  fundingProgramme: z.string().trim().max(200).nullable().default(null),
  /** Year the whole subsidy arrives; null: together with the investment. */
  subsidyYear: year.nullable().default(null),
  runningCostsPerYearCents: nonNegativeCents.default(0),
  savingsPerYearCents: nonNegativeCents.default(0),
  extraRevenuePerYearCents: nonNegativeCents.default(0),
  /** Negative for a dismantling or disposal cost. */
  residualValueCents: cents.default(0),
  operationStartYear: year.default(1),
});

const percent = z.number({ error: 'must be a percentage' }).min(-100, { error: 'must be at least -100 %' }).max(1000);
export const deviationsSchema = z.strictObject({
  investment: percent.optional(),
  subsidy: percent.optional(),
  runningCosts: percent.optional(),
  savings: percent.optional(),
  extraRevenue: percent.optional(),
  residualValue: percent.optional(),
});

/** Worst or best case: deviations from the expected case, own plain inputs, or own net cash flows. */
export const scenarioSpecSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('deviations'), deviations: deviationsSchema }),
  z.strictObject({ mode: z.literal('inputs'), inputs: planInputsSchema }),
  z.strictObject({ mode: z.literal('cashFlows'), cashFlowsCents: z.array(cents).min(2).max(MAX_HORIZON_YEARS + 1) }),
]);

export const storedCriterionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][\w-]{0,49}$/, { error: 'must be a short id of letters, digits, - or _' }),
  /** Required for own criteria; the default criteria are labelled by the UI. */
  label: z.string().trim().min(1).max(100).nullable().default(null),
  weight: z.number().min(0, { error: 'must not be negative' }).max(1000),
  /** 0–5, 5 always the favourable end; null while not rated. */
  score: z.number().min(0).max(MAX_CRITERION_SCORE, { error: `must be from 0 to ${MAX_CRITERION_SCORE}` }).nullable(),
});

export const evaluationBody = z
  .strictObject({
    title: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
    description: z.string().trim().max(5000).default(''),
    planItemId: z.uuid().nullable().default(null),
    measureId: z.string().trim().min(1).max(100).nullable().default(null),
    horizonYears: z.int().min(1).max(MAX_HORIZON_YEARS).default(DEFAULT_HORIZON_YEARS),
    discountRate: discountRateSchema.default(DEFAULT_DISCOUNT_RATE),
    inputs: planInputsSchema.default(() => planInputsSchema.parse({})),
    scenarios: z
      .strictObject({ worst: scenarioSpecSchema, best: scenarioSpecSchema })
      .default(() => ({
        worst: { mode: 'deviations' as const, deviations: { ...DEFAULT_DEVIATIONS.worst } },
        best: { mode: 'deviations' as const, deviations: { ...DEFAULT_DEVIATIONS.best } },
      })),
    criteria: z.array(storedCriterionSchema).max(20).default(defaultCriteria),
  })
  .superRefine((e, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });
    const checkInputs = (inputs: z.output<typeof planInputsSchema>, path: PropertyKey[]) => {
      if (inputs.subsidy?.kind === 'amount' && inputs.subsidy.amountCents > inputs.investmentCents) {
        issue([...path, 'subsidy', 'amountCents'], 'must not exceed the investment');
      }
      if (inputs.subsidyYear !== null && inputs.subsidyYear > e.horizonYears) issue([...path, 'subsidyYear'], 'must lie within the horizon');
      if (inputs.operationStartYear > e.horizonYears) issue([...path, 'operationStartYear'], 'must lie within the horizon');
    };
    checkInputs(e.inputs, ['inputs']);
    for (const name of ['worst', 'best'] as const) {
      const spec = e.scenarios[name];
      if (spec.mode === 'inputs') checkInputs(spec.inputs, ['scenarios', name, 'inputs']);
      if (spec.mode === 'cashFlows' && spec.cashFlowsCents.length !== e.horizonYears + 1) {
        issue(['scenarios', name, 'cashFlowsCents'], 'needs one amount per year from year 0 to the horizon');
      }
    }
    const seen = new Set<string>();
    e.criteria.forEach((c, i) => {
      if (seen.has(c.id)) issue(['criteria', i, 'id'], 'is listed twice');
      seen.add(c.id);
      if (!isDefaultCriterion(c.id) && c.label === null) issue(['criteria', i, 'label'], 'an own criterion needs a label');
    });
    if (e.criteria.length > 0 && !e.criteria.some((c) => c.weight > 0)) issue(['criteria'], 'at least one criterion needs a weight above 0');
  });

export const evaluationParams = z.object({ companyId: z.uuid(), evaluationId: z.uuid() });

export const compareQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.uuid()).min(2, { error: 'choose 2 to 4 evaluations' }).max(4, { error: 'choose 2 to 4 evaluations' })),
});

export type PlanInputs = z.output<typeof planInputsSchema>;
export type ScenarioSpecData = z.output<typeof scenarioSpecSchema>;
export type StoredCriterion = z.output<typeof storedCriterionSchema>;
/** What a client sends to create or replace an evaluation (defaults filled by the server). */
export type EvaluationBody = z.input<typeof evaluationBody>;
/** A complete evaluation as stored. */
export type EvaluationData = z.output<typeof evaluationBody>;

export interface ScenarioResult {
  /** Net present value in cents (fractional). */
  npvCents: number;
  irr: number | null;
  /** Every rate at which the NPV is zero; more than one means the IRR is ambiguous. */
  irrCandidates: number[];
  paybackYears: number | null;
  discountedPaybackYears: number | null;
  roi: number | null;
  /** Yearly breakdown in cents, outflows negative. */
  years: CashFlowYear[];
}

export interface EvaluationResults {
  scenarios: Record<ScenarioName, ScenarioResult>;
  /** Cumulative net cash flow in cents per scenario over the years 0 … horizon. */
  chart: CumulativeChart;
  /** 0–100; null without criteria or while a weighted criterion is not rated. */
  utility: UtilityResult | null;
  /** Ids of weighted criteria without a score. */
  unratedCriteria: string[];
}

export interface EvaluationDetail extends EvaluationData {
  id: string;
  /** The catalogue measure's title when `measureId` names one (in both languages). */
  measureTitle: { de: string; en: string } | null;
  createdAt: string;
  updatedAt: string;
  results: EvaluationResults;
}

/** Figures of the expected case, for lists. */
export interface EvaluationSummary {
  id: string;
  title: string;
  description: string;
  planItemId: string | null;
  measureId: string | null;
  horizonYears: number;
  updatedAt: string;
  npvCents: number;
  irr: number | null;
  paybackYears: number | null;
  utilityScore: number | null;
}

export type MoneyFigures = Omit<ScenarioResult, 'years' | 'irrCandidates'>;

export interface ComparedAlternative {
  id: string;
  title: string;
  /** 1 = highest utility on the common weights; null when a weighted criterion is not rated. */
  rank: number | null;
  /** On the common weights (those of the first alternative). */
  utilityScore: number | null;
  /** On the evaluation's own weights. */
  ownUtilityScore: number | null;
  investmentCents: number;
  scenarios: Record<ScenarioName, MoneyFigures>;
}

export interface EvaluationComparison {
  /** The evaluation whose criteria and weights all alternatives are scored on. */
  weightsFrom: string;
  criteria: Array<{ id: string; label: string | null; weight: number }>;
  /** In the order asked for. */
  alternatives: ComparedAlternative[];
}
