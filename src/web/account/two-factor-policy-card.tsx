import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { put } from '../api/client';
import { ME_KEY, type MeCompany, useMe } from '../api/me';
import { ProblemAlert } from '../components/problem-alert';
import './translations';

/** The owner's company setting: every member who signs in with a password needs a second factor. */
export function TwoFactorPolicyCard({ company }: { company: MeCompany }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (required: boolean) => put(`/companies/${company.id}/two-factor`, { required }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
  if (!company.permissions.includes('security.manage')) return null;
  return (
    <Paper withBorder p="lg" mb="lg" component="section" aria-labelledby="two-factor-policy-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="two-factor-policy-title">{t('account.policy.title')}</Title>
        <Text size="sm">{t('account.policy.intro')}</Text>
        <ProblemAlert error={save.error} />
        <Switch
          label={t('account.policy.switch')}
          description={me?.user.totpEnabled ? undefined : t('account.policy.enableFirst')}
          checked={company.requireTotp ?? false}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
        />
      </Stack>
    </Paper>
  );
}
