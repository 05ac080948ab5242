import type { AnswerValue, ClassificationName, Condition, DimensionId } from '../catalogue/measure-schema.js';
import type { SuggestionContext } from './check-facts.js';

/** A fact that made a condition true; the raw material of a suggestion's reason. */
export type MatchedFact =
  | { kind: 'dimension'; dimension: DimensionId; score: number; op: 'below' | 'atLeast'; threshold: number }
  | { kind: 'item'; item: string; value: AnswerValue }
  | { kind: 'classification'; name: ClassificationName; value: string | number | boolean }
  | { kind: 'profile'; key: 'employees' | 'valueChain'; value: string | number };

function isAnswerValue(value: unknown): value is AnswerValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Evaluates a trigger condition. Returns the facts that made it true, or null when it is false.
 * Missing facts (unanswered item, "not enough answers", unknown classification) make a leaf false,
 * so nothing is ever proposed because of an answer that was not given. `not` contributes no facts.
 */
export function evaluateCondition(condition: Condition, ctx: SuggestionContext): MatchedFact[] | null {
  if ('all' in condition) {
    const facts: MatchedFact[] = [];
    for (const part of condition.all) {
      const matched = evaluateCondition(part, ctx);
      if (!matched) return null;
      facts.push(...matched);
    }
    return facts;
  }
  if ('any' in condition) {
    let any = false;
    const facts: MatchedFact[] = [];
    for (const part of condition.any) {
      const matched = evaluateCondition(part, ctx);
      if (matched) {
        any = true;
        facts.push(...matched);
      }
    }
    return any ? facts : null;
  }
  if ('not' in condition) return evaluateCondition(condition.not, ctx) ? null : [];

  if ('dimension' in condition) {
    const score = ctx.result.dimensions.find((d) => d.id === condition.dimension)?.score;
    if (typeof score !== 'number') return null;
    if ('scoreBelow' in condition) {
      return score < condition.scoreBelow
        ? [{ kind: 'dimension', dimension: condition.dimension, score, op: 'below', threshold: condition.scoreBelow }]
        : null;
    }
    return score >= condition.scoreAtLeast
      ? [{ kind: 'dimension', dimension: condition.dimension, score, op: 'atLeast', threshold: condition.scoreAtLeast }]
      : null;
  }

  if ('item' in condition) {
    const value = ctx.answers[condition.item];
    if (!isAnswerValue(value)) return null;
    const fact: MatchedFact[] = [{ kind: 'item', item: condition.item, value }];
    if ('equals' in condition) return value === condition.equals ? fact : null;
    if ('in' in condition) return condition.in.includes(value) ? fact : null;
    if (typeof value !== 'number') return null;
    if ('below' in condition) return value < condition.below ? fact : null;
    return value >= condition.atLeast ? fact : null;
  }

  if ('classification' in condition) {
    const value = ctx.result[condition.classification];
    if (value === undefined || value === null) return null;
    const fact: MatchedFact[] = [{ kind: 'classification', name: condition.classification, value }];
    if ('equals' in condition) return value === condition.equals ? fact : null;
    return condition.in.includes(value) ? fact : null;
  }

  if (condition.profile === 'employees') {
    const employees = ctx.profile?.employees;
    if (employees === undefined) return null;
    const ok = 'below' in condition ? employees < condition.below : employees >= condition.atLeast;
    return ok ? [{ kind: 'profile', key: 'employees', value: employees }] : null;
  }
  const valueChain = ctx.profile?.valueChain;
  if (valueChain === undefined) return null;
  return condition.in.includes(valueChain) ? [{ kind: 'profile', key: 'valueChain', value: valueChain }] : null;
}
