import '../load-translations';
import '../load-manage-translations';
import { Alert, Anchor, Button, Card, Checkbox, Group, MultiSelect, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { type NotificationSettings, SEVERITIES, type Severity, api, useMachinesMutation, useNotificationSettings } from '../manage-api';
import { DeliveriesCard } from '../manage/deliveries-card';
import { FormProblem, fieldMessage, darkTitle } from '../manage/form-helpers';
import { WebhooksCard } from '../manage/webhooks-card';

function SettingsForm({ companyId, settings }: { companyId: string; settings: NotificationSettings }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ severities: settings.severities, memberIds: settings.memberIds, addresses: settings.addresses });
  const save = useMachinesMutation(companyId, () => api.putSettings(companyId, f));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recipients-title">
      <Title order={2} size="h4" id="recipients-title">{t('machinesManage.settings.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('machinesManage.settings.intro')}</Text>
      <form noValidate aria-label={t('machinesManage.settings.title')} onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <Stack gap="sm">
          <FormProblem error={save.error} />
          <Checkbox.Group label={t('machinesManage.settings.severities')} description={t('machinesManage.settings.severitiesHint')} value={f.severities} onChange={(v) => setF({ ...f, severities: v as Severity[] })}>
            <Group mt="xs">
              {SEVERITIES.map((s) => <Checkbox key={s} value={s} label={t(`machinesManage.severity.${s}`)} />)}
            </Group>
          </Checkbox.Group>
          <MultiSelect
            label={t('machinesManage.settings.members')}
            description={t('machinesManage.settings.membersHint')}
            data={settings.members.map((m) => ({ value: m.userId, label: `${m.name} <${m.email}>` }))}
            value={f.memberIds}
            onChange={(v) => setF({ ...f, memberIds: v })}
            searchable
            error={fieldMessage(t, save.error, 'body.memberIds', 'memberIds')}
          />
          <TagsInput
            label={t('machinesManage.settings.addresses')}
            description={t('machinesManage.settings.addressesHint')}
            value={f.addresses}
            onChange={(v) => setF({ ...f, addresses: v })}
            splitChars={[',', ' ', ';']}
            error={fieldMessage(t, save.error, 'body.addresses', 'addresses')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>{t('machinesManage.save')}</Button>
            {save.isSuccess && <Text size="sm" role="status">{t('machinesManage.saved')}</Text>}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Where alarm notifications go besides the app: e-mail recipients, severities, webhooks, and the delivery log. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const canManage = company.permissions.includes('machines.manage');
  const settings = useNotificationSettings(company.id);
  const back = <Anchor component={Link} to={`/c/${company.id}/machines`} size="sm">{t('machinesManage.backToOverview')}</Anchor>;
  if (!canManage) {
    return (
      <>
        {back}
        <PageHeader title={t('machinesManage.notifications.pageTitle')} />
        <Alert styles={darkTitle('blue')} color="blue" title={t('machinesManage.settings.managersOnly')} />
      </>
    );
  }
  if (settings.error && !settings.data) return <ProblemAlert error={settings.error} />;
  if (!settings.data) return <Loading />;
  return (
    <>
      {back}
      <PageHeader title={t('machinesManage.notifications.pageTitle')} intro={t('machinesManage.notifications.pageIntro')} />
      <Stack gap="lg">
        <SettingsForm companyId={company.id} settings={settings.data} />
        <WebhooksCard companyId={company.id} />
        <DeliveriesCard companyId={company.id} />
      </Stack>
    </>
  );
}
