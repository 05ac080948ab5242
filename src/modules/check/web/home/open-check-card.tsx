import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../../web/i18n/format';
import { type CheckRunSummary, useRun } from '../api';
import { AnswerProgress } from '../shared/answer-progress';

export function OpenCheckCard({ companyId, run, canAnswer }: { companyId: string; run: CheckRunSummary; canAnswer: boolean }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const detail = useRun(companyId, run.id);
  const base = `/c/${companyId}/check/${run.id}`;
  return (
    <Card withBorder padding="lg" data-testid="open-check">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('check.home.openTitle')}</Title>
        <Text size="sm" c="dimmed">{t('check.home.openStarted', { date: date(run.createdAt) })} · {t('check.results.respondentsCount', { count: run.respondentCount })}</Text>
        {detail.data && <AnswerProgress answered={detail.data.progress.answered} visible={detail.data.progress.visible} />}
        <Group>
          {canAnswer && <Button component={Link} to={base}>{t('check.home.continue')}</Button>}
          <Button component={Link} to={`${base}/results`} variant="default">{t('check.home.viewInterim')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
