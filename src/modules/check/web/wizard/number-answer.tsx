import { NumberInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { AnswerValue } from '../../domain/answers';
import type { Item } from '../../domain/questionnaire-schema';

type NumericItem = Extract<Item, { type: 'number' | 'integer' }>;

/** A number answer, saved when the field is left or Enter is pressed (not on every keystroke). */
export function NumberAnswer({ item, value, onAnswer }: { item: NumericItem; value: AnswerValue | undefined; onAnswer: (value: number | null) => void }) {
  const { t } = useTranslation();
  const { localized, locale, number } = useFormat();
  const stored = typeof value === 'number' ? value : '';
  const [text, setText] = useState<string | number>(stored);
  useEffect(() => setText(stored), [stored]);

  const commit = () => {
    const next = typeof text === 'number' ? text : text.trim() === '' ? null : Number(text.replace(',', '.'));
    if (next !== null && Number.isNaN(next)) return;
    if (next === (typeof value === 'number' ? value : null)) return;
    if (next === null && typeof value !== 'number') return;
    onAnswer(next);
  };
  const unit = item.unit ? localized(item.unit) : undefined;
  const range = item.max !== undefined ? t('check.wizard.numberRange', { min: number(item.min), max: number(item.max) }) : t('check.wizard.numberMin', { min: number(item.min) });
  const german = locale === 'de-DE';
  return (
    <NumberInput
      label={unit ? t('check.wizard.numberLabel', { unit }) : t('check.wizard.numberLabelPlain')}
      description={range}
      min={item.min}
      max={item.max}
      allowDecimal={item.type === 'number'}
      allowNegative={item.min < 0}
      decimalSeparator={german ? ',' : '.'}
      thousandSeparator={german ? '.' : ','}
      value={text}
      onChange={setText}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      maw={260}
      size="md"
      mb="sm"
    />
  );
}
