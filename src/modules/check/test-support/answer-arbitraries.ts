import fc from 'fast-check';
import type { AnswerValue, Answers } from '../domain/answers.js';
import type { Item, Questionnaire } from '../domain/questionnaire-schema.js';

/** A real answer (not "na"/"unknown") valid for the item. */
export function realAnswerArb(item: Item): fc.Arbitrary<AnswerValue> {
  switch (item.type) {
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...item.options.map((o) => o.value));
    case 'scale':
      return fc.integer({ min: 0, max: 4 });
    case 'number':
      return fc.double({ min: item.min, max: item.max, noNaN: true, noDefaultInfinity: true });
    case 'integer':
      return fc.integer({ min: item.min, max: item.max ?? item.min + 50 });
  }
}

/** Any valid answer including "na" and "unknown". */
export function anyAnswerArb(item: Item): fc.Arbitrary<AnswerValue> {
  return fc.oneof({ weight: 6, arbitrary: realAnswerArb(item) }, { weight: 1, arbitrary: fc.constantFrom<AnswerValue>('na', 'unknown') });
}

/** A valid answers object where each item is answered or absent. */
export function answersArb(questionnaire: Questionnaire, options: { complete?: boolean; special?: boolean } = {}): fc.Arbitrary<Answers> {
  const parts: Record<string, fc.Arbitrary<AnswerValue>> = {};
  for (const item of questionnaire.items) parts[item.id] = options.special === false ? realAnswerArb(item) : anyAnswerArb(item);
  return (options.complete ? fc.record(parts) : fc.record(parts, { requiredKeys: [] })) as fc.Arbitrary<Answers>;
}
