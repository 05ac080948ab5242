import { z } from 'zod';
import { MAX_HORIZON_YEARS } from './domain/cash-flows.js';
import { DEFAULT_DISCOUNT_RATE } from './domain/evaluate.js';
import {
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
