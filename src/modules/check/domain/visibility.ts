import { answerState, type Answers } from './answers.js';
import type { Condition, Item, Questionnaire } from './questionnaire-schema.js';

/** A condition is true, false, or cannot be decided yet (screener unanswered or "don't know"). */
export type Truth = true | false | 'undetermined';

export function evaluateCondition(condition: Condition, items: ReadonlyMap<string, Item>, answers: Answers): Truth {
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluateCondition(c, items, answers));
    if (parts.includes(true)) return true;
    return parts.every((p) => p === false) ? false : 'undetermined';
  }
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluateCondition(c, items, answers));
    if (parts.includes(false)) return false;
    return parts.every((p) => p === true) ? true : 'undetermined';
  }
  const item = items.get(condition.item);
  const value = answers[condition.item];
  const state = item ? answerState(item, value) : 'absent';
  if (state === 'absent' || state === 'unknown') return 'undetermined';
  if (state === 'na') return false;
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value!);
  return typeof value === 'number' && value >= condition.atLeast;
}

/**
 * Ids of the items relevant for these answers. A deep section or item is hidden only when its
 * condition is definitely false; while the screener answer is missing or "don't know" it is shown,
 * so nobody is kept from answering. "Not applicable" on a screener item counts as "no".
 */
export function visibleItemIds(questionnaire: Questionnaire, answers: Answers): Set<string> {
  const items = new Map(questionnaire.items.map((i) => [i.id, i]));
  const hiddenSections = new Set(
    questionnaire.sections
      .filter((s) => s.showIf !== undefined && evaluateCondition(s.showIf, items, answers) === false)
      .map((s) => s.id),
  );
  return new Set(
    questionnaire.items
      .filter((i) => !hiddenSections.has(i.section))
      .filter((i) => i.showIf === undefined || evaluateCondition(i.showIf, items, answers) !== false)
      .map((i) => i.id),
  );
}
