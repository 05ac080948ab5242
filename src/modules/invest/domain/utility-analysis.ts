/**
 * Utility analysis (Nutzwertanalyse): what ROI misses, as a weighted score 0–100.
 *
 * Each criterion gets a score from 0 to 5 where 5 is always the favourable end (very low risk,
 * very fast effect, very little dependency on suppliers …). Weights are any non-negative numbers
 * and are normalised to sum 1, so utility = Σ (weight / Σ weights) · score / 5 · 100.
 */

export const MAX_CRITERION_SCORE = 5;

export const DEFAULT_CRITERION_IDS = [
  'risk',
  'timeToEffect',
  'brandImage',
  'staffSatisfaction',
  'strategicFit',
  'supplierDependency',
] as const;
export type DefaultCriterionId = (typeof DEFAULT_CRITERION_IDS)[number];

/**
 * Starting weights the owner is expected to adapt; labels and explanations are in
 * i18n/{de,en}.json under invest.criteria.<id>.
 */
export const DEFAULT_CRITERION_WEIGHTS: Readonly<Record<DefaultCriterionId, number>> = {
  risk: 0.25,
  timeToEffect: 0.15,
  brandImage: 0.1,
  staffSatisfaction: 0.15,
  strategicFit: 0.25,
  supplierDependency: 0.1,
};

export interface CriterionRating {
  id: string;
  weight: number;
  score: number;
}

export interface CriterionContribution extends CriterionRating {
  normalisedWeight: number;
  /** Points this criterion adds to the 0–100 total. */
  points: number;
}

export interface UtilityResult {
  score: number;
  criteria: CriterionContribution[];
}

/** The 0–100 utility score with each criterion's share, or null without criteria. */
export function utilityAnalysis(criteria: readonly CriterionRating[]): UtilityResult | null {
  if (criteria.length === 0) return null;
  const ids = new Set<string>();
  for (const c of criteria) {
    if (ids.has(c.id)) throw new RangeError(`criterion ${c.id} is listed twice`);
    ids.add(c.id);
    if (!(Number.isFinite(c.weight) && c.weight >= 0)) throw new RangeError(`weight of ${c.id} must not be negative`);
    if (!(c.score >= 0 && c.score <= MAX_CRITERION_SCORE)) {
      throw new RangeError(`score of ${c.id} must be between 0 and ${MAX_CRITERION_SCORE}`);
    }
  }
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (!(total > 0)) throw new RangeError('at least one criterion needs a weight above 0');
  const contributions = criteria.map((c) => {
    const normalisedWeight = c.weight / total;
    return { ...c, normalisedWeight, points: (normalisedWeight * c.score * 100) / MAX_CRITERION_SCORE };
  });
  return { score: contributions.reduce((s, c) => s + c.points, 0), criteria: contributions };
}

/** Shorthand for the score alone. */
export function utilityScore(criteria: readonly CriterionRating[]): number | null {
  return utilityAnalysis(criteria)?.score ?? null;
}

export interface Alternative<Figures> {
  id: string;
  /** Score 0–5 per criterion id; every weighted criterion must be scored. */
  scores: Readonly<Record<string, number>>;
  /** Money figures shown beside the score (e.g. NPV, IRR, payback); passed through unchanged. */
  figures: Figures;
}

export interface RankedAlternative<Figures> {
  id: string;
  /** 1 = best; alternatives with the same score share a rank (1, 2, 2, 4). */
  rank: number;
  utility: UtilityResult;
  figures: Figures;
}

/**
 * Compares alternatives on the same criteria and weights, best utility first; equal scores keep
 * their input order and share a rank.
 */
export function compareAlternatives<Figures>(
  weights: readonly { id: string; weight: number }[],
  alternatives: readonly Alternative<Figures>[],
): RankedAlternative<Figures>[] {
  if (weights.length === 0) throw new RangeError('comparing alternatives needs at least one criterion');
  const rated = alternatives.map((alternative) => {
    const criteria = weights.map(({ id, weight }) => {
      const score = alternative.scores[id];
      if (score === undefined) throw new RangeError(`alternative ${alternative.id} has no score for ${id}`);
      return { id, weight, score };
    });
    return { id: alternative.id, utility: utilityAnalysis(criteria)!, figures: alternative.figures };
  });
  const sorted = rated
    .map((r, index) => ({ r, index }))
    .sort((a, b) =>
      sameScore(a.r.utility.score, b.r.utility.score) ? a.index - b.index : b.r.utility.score - a.r.utility.score,
    )
    .map(({ r }) => r);
  return sorted.map((r) => ({
    ...r,
    rank: sorted.findIndex((other) => sameScore(other.utility.score, r.utility.score)) + 1,
  }));
}

// Weights like 0.1 + 0.2 make mathematically equal scores differ in the last bits.
function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9;
}
