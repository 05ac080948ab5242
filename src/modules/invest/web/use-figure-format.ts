import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../web/i18n/format';
import type { MoneyFigures } from '../schemas';

export type FigureId = 'npv' | 'irr' | 'paybackYears' | 'discountedPaybackYears' | 'roi';
export const FIGURE_IDS: FigureId[] = ['npv', 'irr', 'paybackYears', 'discountedPaybackYears', 'roi'];

/** Each money figure as text in the user's language, with the words for "none". */
export function useFigureFormat() {
  const { t } = useTranslation();
  const { money, percent, number } = useFormat();
  const years = (value: number | null) => (value === null ? t('invest.figures.notReached') : t('invest.web.years', { value: number(value, 1) }));
  return (figures: MoneyFigures, id: FigureId): string => {
    switch (id) {
      case 'npv':
        return money(Math.round(figures.npvCents));
      case 'irr':
        return figures.irr === null ? t('invest.figures.noIrr') : percent(figures.irr, 1);
      case 'paybackYears':
        return years(figures.paybackYears);
      case 'discountedPaybackYears':
        return years(figures.discountedPaybackYears);
      case 'roi':
        return figures.roi === null ? t('invest.figures.noOutflow') : percent(figures.roi, 1);
    }
  };
}
