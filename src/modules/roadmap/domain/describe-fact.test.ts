import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../../check/public.js';
import { answerLabel, describeFact } from './describe-fact.js';

describe('describeFact', () => {
  const questionnaire = getQuestionnaire();

  it('names the answer with the label the person saw, for every scale step and choice option', () => {
    for (const item of questionnaire.items) {
      if (item.type === 'scale') item.steps.forEach((step, i) => expect(answerLabel(item.id, i)).toEqual(step));
      if (item.type === 'choice') for (const o of item.options) expect(answerLabel(item.id, o.value)).toEqual(o.label);
    }
  });

  it('never shows an internal item id in a reason', () => {
    for (const item of questionnaire.items.slice(0, 20)) {
      const value = item.type === 'scale' ? 1 : item.type === 'choice' ? item.options[0].value : item.type === 'boolean' ? false : 3;
      const text = describeFact({ kind: 'item', item: item.id, value } as Parameters<typeof describeFact>[0]);
      expect(text.de).not.toContain(item.id);
      expect(text.en).not.toContain(item.id);
    }
    expect(describeFact({ kind: 'item', item: 'strategy.prioritisation', value: false } as Parameters<typeof describeFact>[0]).de).toBe('Ihre Antwort: „nein“');
  });
});
