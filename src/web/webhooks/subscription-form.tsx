import { Alert, Button, Checkbox, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ProblemAlert } from '../components/problem-alert';
import { useFormat } from '../i18n/format';
import { type EventCatalogue, type Subscription, type SubscriptionInput, useWebhooksMutation, webhooksApi } from './webhooks-api';

const darkTitle = { title: { color: 'var(--mantine-color-red-9)' } };

/** Whether the API refused the field at `path` (or below it). */
const refused = (error: unknown, path: string) => error instanceof ApiError && error.errors.some((e) => e.path === path || e.path.startsWith(`${path}.`));

/**
 * Creates or changes a subscription: address, description, event types (by their names), the
 * filters that apply to the chosen types (nothing chosen: every value) and whether it sends.
 * Refused input stays as typed; the fields say what to change.
 */
export function SubscriptionForm({ companyId, catalogue, editing, opened, onClose, onCreated }: {
  companyId: string;
  catalogue: EventCatalogue;
  editing: Subscription | null;
  opened: boolean;
  onClose: () => void;
  onCreated: (created: Subscription) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t(editing ? 'webhooksPage.form.editTitle' : 'webhooksPage.form.createTitle')}>
      {opened && <FormBody key={editing?.id ?? 'new'} companyId={companyId} catalogue={catalogue} editing={editing} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function FormBody({ companyId, catalogue, editing, onClose, onCreated }: { companyId: string; catalogue: EventCatalogue; editing: Subscription | null; onClose: () => void; onCreated: (created: Subscription) => void }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const [f, setF] = useState<SubscriptionInput>(() => ({
    url: editing?.url ?? '',
    description: editing?.description ?? '',
    eventTypes: editing?.eventTypes ?? [],
    filter: editing?.filter ?? {},
    active: editing?.active ?? true,
  }));
  const fields = catalogue.filters.filter((field) => field.eventTypes.some((type) => f.eventTypes.includes(type)));
  const body = (): SubscriptionInput => ({
    url: f.url.trim(),
    description: f.description.trim(),
    eventTypes: f.eventTypes,
    // only the filters of the chosen types, and only where something is chosen
    filter: Object.fromEntries(fields.map((field) => [field.path, f.filter[field.path] ?? []]).filter(([, values]) => values.length > 0)),
    active: f.active,
  });
  const save = useWebhooksMutation(companyId, () => webhooksApi.save(companyId, editing?.id ?? null, body()));
  const error = save.error;
  const message = (path: string, key: string) => (refused(error, path) ? t(`webhooksPage.form.errors.${key}`) : undefined);
  return (
    <form
      noValidate
      aria-label={t(editing ? 'webhooksPage.form.editTitle' : 'webhooksPage.form.createTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined, { onSuccess: (saved) => (editing ? onClose() : onCreated(saved)) });
      }}
    >
      <Stack gap="sm">
        {error instanceof ApiError && error.code === 'validation' ? (
          <Alert styles={darkTitle} color="red" role="alert" title={t('errors.validation')} data-testid="problem">{t('webhooksPage.form.keptInput')}</Alert>
        ) : (
          <ProblemAlert error={error} />
        )}
        <TextInput label={t('webhooksPage.form.url')} description={t('webhooksPage.form.urlHint')} placeholder="https://" required value={f.url} onChange={(e) => setF({ ...f, url: e.currentTarget.value })} error={message('body.url', 'url')} />
        <TextInput label={t('webhooksPage.form.description')} description={t('webhooksPage.form.descriptionHint')} value={f.description} onChange={(e) => setF({ ...f, description: e.currentTarget.value })} error={message('body.description', 'description')} />
        <Checkbox.Group label={t('webhooksPage.form.events')} description={t('webhooksPage.form.eventsHint')} required value={f.eventTypes} onChange={(v) => setF({ ...f, eventTypes: catalogue.eventTypes.filter((type) => v.includes(type)) })} error={message('body.eventTypes', 'eventTypes')}>
          <Stack gap={6} mt="xs">
            {catalogue.eventTypes.map((type) => <Checkbox key={type} value={type} label={catalogue.labels[type] ? localized(catalogue.labels[type]) : type} />)}
          </Stack>
        </Checkbox.Group>
        {fields.map((field) => (
          <Checkbox.Group
            key={field.path}
            label={localized(field.label)}
            description={t('webhooksPage.form.filterHint')}
            value={(f.filter[field.path] ?? []).map(String)}
            onChange={(v) => setF({ ...f, filter: { ...f.filter, [field.path]: field.values.map((x) => x.value).filter((x) => v.includes(x)) } })}
            error={message(`body.filter.${field.path}`, 'filter')}
          >
            <Group mt="xs">
              {field.values.map((value) => <Checkbox key={value.value} value={value.value} label={localized(value.label)} />)}
            </Group>
          </Checkbox.Group>
        ))}
        <Switch label={t('webhooksPage.form.active')} checked={f.active} onChange={(e) => setF({ ...f, active: e.currentTarget.checked })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('webhooksPage.form.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t(editing ? 'webhooksPage.form.save' : 'webhooksPage.form.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
