import { Button, Group, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert';
import { useFormat } from '../i18n/format';
import { type EventCatalogue, type Subscription, type TestResult, useWebhooksMutation, webhooksApi } from './webhooks-api';

/** How a subscription is called on screen: its description, else its address. */
export const nameOf = (s: Pick<Subscription, 'description' | 'url'>) => s.description || s.url;

/** "Alarm severity: Critical, Warning" per filter of the subscription, in the catalogue's order and words. */
function FilterLines({ subscription, catalogue }: { subscription: Subscription; catalogue: EventCatalogue }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  return (
    <>
      {Object.entries(subscription.filter).map(([path, values]) => {
        const field = catalogue.filters.find((f) => f.path === path);
        const names = field ? field.values.filter((v) => values.includes(v.value)).map((v) => localized(v.label)) : values.map(String);
        return (
          <Text key={path} size="xs">
            {field ? localized(field.label) : path}: {names.length > 0 ? names.join(', ') : t('webhooksPage.list.noValue')}
          </Text>
        );
      })}
    </>
  );
}

/** The company's subscriptions with their events (by name) and filters; switch on/off, edit, test, new secret, delete. */
export function SubscriptionList({ companyId, subscriptions, catalogue, onEdit, onRotate, onDelete }: {
  companyId: string;
  subscriptions: Subscription[];
  catalogue: EventCatalogue;
  onEdit: (s: Subscription) => void;
  onRotate: (s: Subscription) => void;
  onDelete: (s: Subscription) => void;
}) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const toggle = useWebhooksMutation(companyId, (s: Subscription) =>
    webhooksApi.save(companyId, s.id, { url: s.url, description: s.description, eventTypes: s.eventTypes, filter: s.filter, active: !s.active }),
  );
  const test = useWebhooksMutation(companyId, (s: Subscription) => webhooksApi.test(companyId, s.id));
  const label = (type: string) => (catalogue.labels[type] ? localized(catalogue.labels[type]) : type);
  const result = (r: TestResult) => (r.ok ? t('webhooksPage.list.testOk', { status: r.status }) : t('webhooksPage.list.testFailed', { error: r.status ? `HTTP ${r.status}` : r.error }));
  if (subscriptions.length === 0) return <Text>{t('webhooksPage.list.empty')}</Text>;
  return (
    <Stack gap="sm">
    <ProblemAlert error={toggle.error ?? test.error} />
    <Paper withBorder>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('webhooksPage.list.receiver')}</Table.Th>
              <Table.Th scope="col">{t('webhooksPage.list.events')}</Table.Th>
              <Table.Th scope="col">{t('webhooksPage.list.active')}</Table.Th>
              <Table.Th scope="col">{t('webhooksPage.list.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subscriptions.map((s) => (
              <Table.Tr key={s.id} data-webhook-row={nameOf(s)}>
                <Table.Th scope="row" fw={400}>
                  {s.description && <Text size="sm" fw={600}>{s.description}</Text>}
                  <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{s.url}</Text>
                </Table.Th>
                <Table.Td>
                  <Stack gap={2}>
                    {s.eventTypes.map((type) => <Text key={type} size="sm">{label(type)}</Text>)}
                    <FilterLines subscription={s} catalogue={catalogue} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Switch checked={s.active} onChange={() => toggle.mutate(s)} aria-label={t('webhooksPage.list.activeLabel', { name: nameOf(s) })} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => onEdit(s)} aria-label={t('webhooksPage.list.editLabel', { name: nameOf(s) })}>{t('webhooksPage.list.edit')}</Button>
                    <Button size="xs" variant="light" loading={test.isPending && test.variables?.id === s.id} onClick={() => test.mutate(s)} aria-label={t('webhooksPage.list.testLabel', { name: nameOf(s) })}>{t('webhooksPage.list.test')}</Button>
                    <Button size="xs" variant="default" onClick={() => onRotate(s)} aria-label={t('webhooksPage.list.rotateLabel', { name: nameOf(s) })}>{t('webhooksPage.list.rotate')}</Button>
                    <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => onDelete(s)} aria-label={t('webhooksPage.list.deleteLabel', { name: nameOf(s) })}>{t('webhooksPage.list.delete')}</Button>
                  </Group>
                  {test.variables?.id === s.id && test.data && (
                    <Text size="sm" role="status" data-testid="webhook-test-result" c={test.data.ok ? undefined : 'red.9'} fw={600} mt={4}>{result(test.data)}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
    </Stack>
  );
}
