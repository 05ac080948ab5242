import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';

/** Answered of visible questions, as a bar with the same figures in words. */
export function AnswerProgress({ answered, visible }: { answered: number; visible: number }) {
  const { t } = useTranslation();
  const { percent } = useFormat();
  const share = visible === 0 ? 0 : answered / visible;
  const text = t('check.wizard.progress', { answered, visible, percent: percent(share) });
  return (
    <Stack gap={6}>
      <Progress value={Math.round(share * 100)} size="lg" radius="xl" aria-label={t('check.wizard.progressLabel')} data-testid="check-progress" />
      <Text size="sm" data-testid="check-progress-text">{text}</Text>
    </Stack>
  );
}
