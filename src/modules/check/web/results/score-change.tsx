import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';

/** A change in score points, with direction in words (not only by colour). */
export function ScoreChange({ change }: { change: number | null }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  if (change === null) return <Text span>{t('check.results.noChange')}</Text>;
  if (change === 0) return <Text span>{t('check.results.same')}</Text>;
  const up = change > 0;
  return (
    <Text span c={up ? 'teal.9' : 'red.8'} fw={600}>
      {up ? '▲' : '▼'} {t(up ? 'check.results.up' : 'check.results.down', { value: number(Math.abs(change)) })}
    </Text>
  );
}
