import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { put } from '../../../../web/api/client';
import { checkKeys, checkPath, useCheckSettings } from '../api';
import { CheckProblemAlert } from '../shared/check-problem-alert';

/** Owners decide whether the firm takes part in the anonymous comparison among peers. */
export function PeerOptInCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useCheckSettings(companyId, true);
  const save = useMutation({
    mutationFn: (peerOptIn: boolean) => put<{ peerOptIn: boolean }>(`${checkPath(companyId)}/settings`, { peerOptIn }),
    onSuccess: (data) => {
      queryClient.setQueryData(checkKeys.settings(companyId), data);
      void queryClient.invalidateQueries({ queryKey: checkKeys.all(companyId) });
    },
  });
  const checked = settings.data?.peerOptIn ?? false;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('check.home.peerTitle')}</Title>
        <Text size="sm">{t('check.home.peerText')}</Text>
        <CheckProblemAlert error={save.error} />
        <Switch
          size="md"
          label={t('check.home.peerSwitch')}
          description={checked ? t('check.home.peerOn') : t('check.home.peerOff')}
          checked={checked}
          disabled={!settings.data || save.isPending}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
          data-testid="peer-opt-in"
        />
      </Stack>
    </Card>
  );
}
