import { Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, post } from '../../../../web/api/client';
import { type CheckRunSummary, checkKeys, checkPath } from '../api';
import { CheckProblemAlert } from '../shared/check-problem-alert';

/** What the check is and how it works, with the button that starts one. */
export function StartCheckCard({ companyId, canStart, hasOpen }: { companyId: string; canStart: boolean; hasOpen: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = (id: string) => navigate(`/c/${companyId}/check/${id}`);
  const start = useMutation({
    mutationFn: () => post<CheckRunSummary>(`${checkPath(companyId)}/runs`),
    onSuccess: (run) => {
      void queryClient.invalidateQueries({ queryKey: checkKeys.runs(companyId) });
      open(run.id);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'check_open_exists' && typeof error.body.checkId === 'string') open(error.body.checkId);
    },
  });
  const redirecting = start.error instanceof ApiError && start.error.code === 'check_open_exists';
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('check.home.howTitle')}</Title>
        <List spacing="xs">
          <List.Item>{t('check.home.how.time')}</List.Item>
          <List.Item>{t('check.home.how.colleagues')}</List.Item>
          <List.Item>{t('check.home.how.unknown')}</List.Item>
          <List.Item>{t('check.home.how.data')}</List.Item>
        </List>
        {!redirecting && <CheckProblemAlert error={start.error} />}
        {!hasOpen && canStart && (
          <div>
            <Button size="lg" onClick={() => start.mutate()} loading={start.isPending}>{t('check.home.start')}</Button>
          </div>
        )}
        {!hasOpen && !canStart && <Text size="sm">{t('check.home.noOpenCheck')}</Text>}
      </Stack>
    </Card>
  );
}
