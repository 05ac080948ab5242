import { NOT_APPLICABLE, UNKNOWN, type Item } from './questionnaire-schema.js';

/** One answer: the item's own value, or "na" (not applicable) or "unknown" (don't know). */
export type AnswerValue = boolean | number | string;
/** Answers by item id; an unanswered item is absent. */
export type Answers = Record<string, AnswerValue>;

export type AnswerState = 'absent' | 'na' | 'unknown' | 'answered';

/**
 * How an answer counts. A choice item may have an option literally called "unknown"
 * (dgm.threat: "cannot assess"); there the string is that option, a real answer.
 */
export function answerState(item: Item, value: AnswerValue | undefined): AnswerState {
  if (value === undefined) return 'absent';
  if (value === NOT_APPLICABLE) return 'na';
  if (value === UNKNOWN && !(item.type === 'choice' && item.options.some((o) => o.value === UNKNOWN))) return 'unknown';
  return 'answered';
}
