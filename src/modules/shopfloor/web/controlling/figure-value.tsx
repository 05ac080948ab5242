import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { KpiRow } from './api';
import { type Figure, emptyReason } from './empty-reason';

/** Dark orange with at least 4.5:1 contrast on white and on striped rows. */
const ABOVE_IDEAL_COLOR = '#9c3d00';

export const REASON_MARK = { noPlan: 'a', noRun: 'b', noQuantity: 'c' } as const;

/** A percentage, or "–" with a mark naming why it is empty; performance above 100 % flagged. */
export function FigureValue({ row, figure }: { row: KpiRow; figure: Figure }) {
  const { t } = useTranslation();
  const { percent } = useFormat();
  const reason = emptyReason(row, figure);
  if (reason) {
    return (
      <span data-empty={reason}>
        –<sup aria-hidden="true">{REASON_MARK[reason]}</sup>
        <VisuallyHidden>{t(`shopfloorControlling.empty.${reason}`)}</VisuallyHidden>
      </span>
    );
  }
  const value = percent(row[figure] as number, 1);
  if (figure === 'performance' && row.performanceAboveIdeal) {
    return (
      <Stack gap={0} align="flex-end" data-above-ideal="true" title={t('shopfloorControlling.aboveIdealHint')}>
        <Text span inherit fw={700} c={ABOVE_IDEAL_COLOR}>{value}</Text>
        <Text span size="xs" fw={700} c={ABOVE_IDEAL_COLOR} style={{ whiteSpace: 'nowrap' }}>⚠ {t('shopfloorControlling.aboveIdeal')}</Text>
      </Stack>
    );
  }
  return <>{value}</>;
}
