import { answerState, type AnswerValue, type Answers } from './answers.js';
import type { Item, Questionnaire } from './questionnaire-schema.js';

export type AnswerIssueCode = 'notAnObject' | 'unknownItem' | 'wrongType' | 'outOfRange' | 'notAnOption';

export interface AnswerIssue {
  /** The offending item id; empty when the answers as a whole are not an object. */
  itemId: string;
  code: AnswerIssueCode;
  message: string;
}

export type AnswerValidation = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

const SPECIAL = 'or "na" (not applicable) or "unknown" (don\'t know)';

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `${typeof value} ${JSON.stringify(value)}`;
}

function checkValue(item: Item, value: AnswerValue): AnswerIssue | undefined {
  const issue = (code: AnswerIssueCode, message: string): AnswerIssue => ({ itemId: item.id, code, message: `${item.id}: ${message}` });
  if (answerState(item, value) !== 'answered') return undefined;
  switch (item.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : issue('wrongType', `expected true or false ${SPECIAL}, got ${describe(value)}`);
    case 'choice': {
      const options = item.options.map((o) => o.value);
      if (typeof value !== 'string') return issue('wrongType', `expected one of ${options.join(', ')} ${SPECIAL}, got ${describe(value)}`);
      return options.includes(value) ? undefined : issue('notAnOption', `"${value}" is not an option; expected one of ${options.join(', ')} ${SPECIAL}`);
    }
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) return issue('wrongType', `expected a whole number from 0 to 4 ${SPECIAL}, got ${describe(value)}`);
      return value >= 0 && value <= 4 ? undefined : issue('outOfRange', `${value} is outside the scale 0–4`);
    case 'number':
    case 'integer': {
      const whole = item.type === 'integer';
      const range = item.max === undefined ? `at least ${item.min}` : `from ${item.min} to ${item.max}`;
      if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
        return issue('wrongType', `expected ${whole ? 'a whole number' : 'a number'} ${range} ${SPECIAL}, got ${describe(value)}`);
      }
      if (value < item.min || (item.max !== undefined && value > item.max)) return issue('outOfRange', `${value} is out of range; expected ${range}`);
      return undefined;
    }
  }
}

/**
 * Checks answers against a questionnaire version. Every problem is reported, each naming its
 * item. A `null` value means "not answered" (an answer that was cleared) and is dropped.
 */
export function validateAnswers(questionnaire: Questionnaire, input: unknown): AnswerValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ itemId: '', code: 'notAnObject', message: `answers must be an object of item id → value, got ${describe(input)}` }] };
  }
  const items = new Map(questionnaire.items.map((i) => [i.id, i]));
  const issues: AnswerIssue[] = [];
  const answers: Answers = {};
  for (const [itemId, value] of Object.entries(input)) {
    if (value === null) continue;
    const item = items.get(itemId);
    if (!item) {
      issues.push({ itemId, code: 'unknownItem', message: `${itemId}: no such item in questionnaire ${questionnaire.version}` });
      continue;
    }
    if (typeof value !== 'boolean' && typeof value !== 'number' && typeof value !== 'string') {
      issues.push({ itemId, code: 'wrongType', message: `${itemId}: expected a single value, got ${describe(value)}` });
      continue;
    }
    const problem = checkValue(item, value);
    if (problem) issues.push(problem);
    else answers[itemId] = value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}
