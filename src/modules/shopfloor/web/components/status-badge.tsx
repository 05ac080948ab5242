import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OperationStatus } from '../../schemas';

/** Dark shades that keep white text at WCAG AA contrast (≥ 4.5:1). */
export const COLORS = {
  gray: '#495057',
  violet: '#5f3dc4',
  green: '#1e6b30',
  orange: '#b8400b',
  blue: '#1864ab',
  red: '#c92a2a',
  teal: '#087f5b',
};

export const STATUS_COLOR: Record<OperationStatus, string> = {
  planned: COLORS.gray,
  setup: COLORS.violet,
  running: COLORS.green,
  paused: COLORS.orange,
  finished: COLORS.blue,
};

export function StatusBadge({ status, size = 'md' }: { status: OperationStatus; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={STATUS_COLOR[status]} size={size} data-status={status}>
      {t(`shopfloor.status.${status}`)}
    </Badge>
  );
}
