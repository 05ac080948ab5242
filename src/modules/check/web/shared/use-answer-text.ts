import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { AnswerValue } from '../../domain/answers';
import type { Item } from '../../domain/questionnaire-schema';

/** Turns a stored answer into the words the person chose. */
export function useAnswerText() {
  const { t } = useTranslation();
  const { localized, number } = useFormat();
  return (item: Item | undefined, value: AnswerValue | undefined): string => {
    if (value === undefined) return t('check.answers.none');
    if (item?.type === 'choice') {
      const option = item.options.find((o) => o.value === value);
      if (option) return localized(option.label);
    }
    if (value === 'na') return t('check.answers.na');
    if (value === 'unknown') return t('check.answers.unknown');
    if (typeof value === 'boolean') return t(value ? 'check.answers.yes' : 'check.answers.no');
    if (item?.type === 'scale' && typeof value === 'number') return item.steps[value] ? localized(item.steps[value]) : String(value);
    if (typeof value === 'number') {
      const unit = item && (item.type === 'number' || item.type === 'integer') && item.unit ? ` ${localized(item.unit)}` : '';
      return `${number(value, Number.isInteger(value) ? 0 : 1)}${unit}`;
    }
    return String(value);
  };
}
