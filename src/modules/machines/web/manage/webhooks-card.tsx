import { Alert, Button, Card, Code, CopyButton, Group, Modal, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Webhook, api, useMachinesMutation, useWebhooks } from '../manage-api';
import { FormProblem, fieldMessage, darkTitle } from './form-helpers';

const VERIFY = `// Node.js: check a request before trusting it
const crypto = require('node:crypto');
const expected = 'sha256=' + crypto.createHmac('sha256', SECRET)
  .update(req.headers['x-werkverbund-timestamp'] + '.' + rawBody).digest('hex');
const ok = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(req.headers['x-werkverbund-signature']));`;

/** Webhooks: URL, description, on/off; the signing secret is shown once when created. */
export function WebhooksCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const webhooks = useWebhooks(companyId);
  const [form, setForm] = useState({ url: '', description: '' });
  const [created, setCreated] = useState<Webhook | null>(null);
  const create = useMachinesMutation(companyId, () => api.createWebhook(companyId, { url: form.url.trim(), description: form.description.trim(), enabled: true }));
  const toggle = useMachinesMutation(companyId, (w: Webhook) => api.updateWebhook(companyId, w.id, { url: w.url, description: w.description, enabled: !w.enabled }));
  const remove = useMachinesMutation(companyId, (id: string) => api.deleteWebhook(companyId, id));
  const test = useMachinesMutation(companyId, (w: Webhook) => api.testWebhook(companyId, w.id));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="webhooks-title">
      <Title order={2} size="h4" id="webhooks-title">{t('machinesManage.webhooks.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('machinesManage.webhooks.intro')}</Text>
      <FormProblem error={toggle.error ?? remove.error ?? test.error} />
      {webhooks.data && webhooks.data.length > 0 ? (
        <Paper withBorder mb="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('machinesManage.webhooks.url')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.webhooks.enabled')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {webhooks.data.map((w) => (
                  <Table.Tr key={w.id} data-webhook-row={w.url}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{w.url}</Text>
                      {w.description && <Text size="xs" c="dimmed">{w.description}</Text>}
                    </Table.Th>
                    <Table.Td>
                      <Switch checked={w.enabled} onChange={() => toggle.mutate(w)} aria-label={t('machinesManage.webhooks.enabledLabel', { url: w.url })} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" loading={test.isPending && test.variables?.id === w.id} onClick={() => test.mutate(w)} aria-label={t('machinesManage.webhooks.testLabel', { url: w.url })}>{t('machinesManage.webhooks.test')}</Button>
                        <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => remove.mutate(w.id)} aria-label={t('machinesManage.webhooks.deleteLabel', { url: w.url })}>{t('machinesManage.delete')}</Button>
                      </Group>
                      {test.data && test.variables?.id === w.id && (
                        <Text size="sm" role="status" data-testid="webhook-test-result" c={test.data.ok ? undefined : 'red.9'} fw={600}>
                          {test.data.ok
                            ? t('machinesManage.webhooks.testOk', { status: test.data.status })
                            : t('machinesManage.webhooks.testFailed', { error: test.data.status ? `HTTP ${test.data.status}` : test.data.error })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : (
        <Text mb="sm">{t('machinesManage.webhooks.empty')}</Text>
      )}
      <form
        noValidate
        aria-label={t('machinesManage.webhooks.createTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(undefined, { onSuccess: (w) => { setCreated(w); setForm({ url: '', description: '' }); } });
        }}
      >
        <Stack gap="sm">
          <FormProblem error={create.error} />
          <Group grow align="flex-start">
            <TextInput label={t('machinesManage.webhooks.url')} description={t('machinesManage.webhooks.urlHint')} placeholder="https://" required value={form.url} onChange={(e) => setForm({ ...form, url: e.currentTarget.value })} error={fieldMessage(t, create.error, 'body.url', 'url')} />
            <TextInput label={t('machinesManage.webhooks.description')} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} error={fieldMessage(t, create.error, 'body.description', 'description')} />
          </Group>
          <Group><Button type="submit" loading={create.isPending}>{t('machinesManage.webhooks.create')}</Button></Group>
        </Stack>
      </form>
      <Modal opened={created !== null} onClose={() => setCreated(null)} size="lg" title={t('machinesManage.webhooks.createdTitle')}>
        {created?.secret && (
          <Stack data-testid="webhook-secret">
            <Alert styles={darkTitle('red')} color="red" title={t('machinesManage.devices.onceTitle')}>{t('machinesManage.webhooks.once')}</Alert>
            <Group wrap="nowrap">
              <Code style={{ flex: 1, wordBreak: 'break-all' }}>{created.secret}</Code>
              <CopyButton value={created.secret}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? t('machinesManage.devices.copied') : t('machinesManage.devices.copy')}</Button>}</CopyButton>
            </Group>
            <Text size="sm">{t('machinesManage.webhooks.verify')}</Text>
            <Code block style={{ whiteSpace: 'pre-wrap' }}>{VERIFY}</Code>
            <Group justify="flex-end"><Button onClick={() => setCreated(null)}>{t('machinesManage.devices.done')}</Button></Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
