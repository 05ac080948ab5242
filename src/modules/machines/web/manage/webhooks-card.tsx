import { Anchor, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Alarm webhooks are the company's webhook subscriptions to the events `machines.alarm.*`, set up
 * on the kernel's page (company settings, Webhooks) with event types, severities, log and retries.
 */
export function WebhooksCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="webhooks-title">
      <Title order={2} size="h4" id="webhooks-title">{t('machinesManage.webhooks.title')}</Title>
      <Text size="sm" mb="sm">{t('machinesManage.webhooks.intro')}</Text>
      <Anchor component={Link} to={`/c/${companyId}/webhooks`} data-testid="alarm-webhooks-link">{t('machinesManage.webhooks.link')}</Anchor>
    </Card>
  );
}
