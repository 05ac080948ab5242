import './translations';
import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { useCompany } from '../layout/app-layout';
import { DeliveryLog } from './delivery-log';
import { SecretModal } from './secret-modal';
import { SubscriptionForm } from './subscription-form';
import { SubscriptionList, nameOf } from './subscription-list';
import { type Subscription, useEventCatalogue, useSubscriptions, useWebhooksMutation, webhooksApi } from './webhooks-api';

type Confirm = { kind: 'delete' | 'rotate'; subscription: Subscription } | null;

/**
 * The company's webhooks (admins, `webhooks.manage`): subscriptions to the events the modules emit,
 * with filters, the signing secret shown once, and the delivery log with retries.
 */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const allowed = company.permissions.includes('webhooks.manage');
  const subscriptions = useSubscriptions(company.id, allowed);
  const catalogue = useEventCatalogue(company.id, allowed);
  const [form, setForm] = useState<{ editing: Subscription | null } | null>(null);
  const [secret, setSecret] = useState<{ value: string; rotated: boolean } | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const remove = useWebhooksMutation(company.id, (s: Subscription) => webhooksApi.remove(company.id, s.id));
  const rotate = useWebhooksMutation(company.id, (s: Subscription) => webhooksApi.rotate(company.id, s.id));

  if (!allowed) {
    return (
      <>
        <PageHeader title={t('webhooksPage.title')} />
        <Alert color="blue" styles={{ title: { color: 'var(--mantine-color-blue-9)' } }} title={t('webhooksPage.adminsOnly')} />
      </>
    );
  }
  const error = subscriptions.error ?? catalogue.error;
  if (error && !(subscriptions.data && catalogue.data)) return <ProblemAlert error={error} />;
  if (!subscriptions.data || !catalogue.data) return <Loading />;

  const confirmed = () => {
    if (!confirm) return;
    const { kind, subscription } = confirm;
    if (kind === 'delete') remove.mutate(subscription, { onSuccess: () => setConfirm(null) });
    else rotate.mutate(subscription, { onSuccess: (s) => { setConfirm(null); setSecret({ value: s.secret ?? '', rotated: true }); } });
  };
  return (
    <>
      <PageHeader title={t('webhooksPage.title')} intro={t('webhooksPage.intro')} />
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="webhook-subscriptions-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="webhook-subscriptions-title">{t('webhooksPage.list.title')}</Title>
            <Button onClick={() => setForm({ editing: null })}>{t('webhooksPage.create')}</Button>
          </Group>
          <SubscriptionList
            companyId={company.id}
            subscriptions={subscriptions.data}
            catalogue={catalogue.data}
            onEdit={(s) => setForm({ editing: s })}
            onRotate={(s) => setConfirm({ kind: 'rotate', subscription: s })}
            onDelete={(s) => setConfirm({ kind: 'delete', subscription: s })}
          />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="webhook-log-title">
          <Title order={2} size="h4" id="webhook-log-title">{t('webhooksPage.log.title')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('webhooksPage.log.intro')}</Text>
          <DeliveryLog companyId={company.id} catalogue={catalogue.data} subscriptions={subscriptions.data} />
        </Card>
      </Stack>
      <SubscriptionForm
        companyId={company.id}
        catalogue={catalogue.data}
        editing={form?.editing ?? null}
        opened={form !== null}
        onClose={() => setForm(null)}
        onCreated={(s) => { setForm(null); setSecret({ value: s.secret ?? '', rotated: false }); }}
      />
      <SecretModal secret={secret?.value ?? null} rotated={secret?.rotated ?? false} onClose={() => setSecret(null)} />
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm ? t(confirm.kind === 'delete' ? 'webhooksPage.confirm.deleteTitle' : 'webhooksPage.confirm.rotateTitle') : ''}>
        {confirm && (
          <Stack>
            <ProblemAlert error={confirm.kind === 'delete' ? remove.error : rotate.error} />
            <Text>{t(confirm.kind === 'delete' ? 'webhooksPage.confirm.deleteText' : 'webhooksPage.confirm.rotateText', { name: nameOf(confirm.subscription) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>{t('webhooksPage.confirm.cancel')}</Button>
              <Button color={confirm.kind === 'delete' ? 'red.9' : undefined} loading={remove.isPending || rotate.isPending} onClick={confirmed}>
                {t(confirm.kind === 'delete' ? 'webhooksPage.confirm.delete' : 'webhooksPage.confirm.rotate')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
