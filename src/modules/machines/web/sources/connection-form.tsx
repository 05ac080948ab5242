import { ActionIcon, Button, Group, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../../../web/layout/app-layout';
import { FormProblem } from '../manage/form-helpers';
import { useMachines } from '../manage-api';
import { type Connection, type ConnectionInput, type MachineKey, useSaveConnection } from '../sources-api';
import { ACCESSIBLE_ERRORS, sourceFieldError } from './field-error';

type Security = 'none' | 'sign' | 'signAndEncrypt';
const SECURITY: Record<Security, { securityMode: 'None' | 'Sign' | 'SignAndEncrypt'; securityPolicy: 'None' | 'Basic256Sha256' }> = {
  none: { securityMode: 'None', securityPolicy: 'None' },
  sign: { securityMode: 'Sign', securityPolicy: 'Basic256Sha256' },
  signAndEncrypt: { securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256' },
};
const securityOf = (c?: Connection): Security =>
  c?.kind === 'opcua' ? (c.securityMode === 'SignAndEncrypt' ? 'signAndEncrypt' : c.securityMode === 'Sign' ? 'sign' : 'none') : 'none';

const randomSuffix = () => Math.random().toString(36).slice(2, 8);

/** Create or change an MQTT broker or OPC UA server connection. */
export function ConnectionForm({ kind, connection, onSaved }: { kind: 'mqtt' | 'opcua'; connection?: Connection; onSaved?: (c: Connection) => void }) {
  const { t } = useTranslation();
  const company = useCompany();
  const machines = useMachines(company.id);
  const save = useSaveConnection(company.id, connection?.id);
  const mqtt = connection?.kind === 'mqtt' ? connection : undefined;
  const [form, setForm] = useState({
    name: connection?.name ?? '',
    enabled: connection?.enabled ?? true,
    url: connection?.url ?? (kind === 'mqtt' ? 'mqtt://' : 'opc.tcp://'),
    username: connection?.username ?? '',
    password: '',
    clientId: mqtt?.clientId ?? `werkverbund-${randomSuffix()}`,
    topic: mqtt?.topic ?? 'werk/{machine}/{point}',
    payload: mqtt?.payload ?? ('value' as 'json' | 'value'),
    machineId: mqtt?.machineId ?? null,
    point: mqtt?.point ?? '',
    machineKeys: mqtt?.machineKeys ?? ([{ key: '', machineId: '' }] as MachineKey[]),
    security: securityOf(connection),
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const err = (path: string, key: string) => sourceFieldError(t, save.error, path, key);
  const segments = form.topic.split('/');
  const namesMachine = segments.includes('{machine}');
  const namesPoint = segments.includes('{point}');
  const machineOptions = (machines.data ?? []).map((m) => ({ value: m.id, label: m.name }));

  const input = (): ConnectionInput => {
    const common = { name: form.name.trim(), enabled: form.enabled, url: form.url.trim(), username: form.username, password: form.password === '' && connection ? null : form.password };
    if (kind === 'opcua') return { kind, ...common, ...SECURITY[form.security] };
    return {
      kind,
      ...common,
      clientId: form.clientId.trim(),
      topic: form.topic.trim(),
      payload: form.payload,
      machineId: namesMachine ? null : form.machineId,
      point: form.payload === 'value' && !namesPoint && form.point.trim() ? form.point.trim() : null,
      machineKeys: namesMachine ? form.machineKeys.filter((k) => k.key.trim() || k.machineId).map((k) => ({ key: k.key.trim(), machineId: k.machineId })) : [],
    };
  };

  return (
    <form
      noValidate
      style={ACCESSIBLE_ERRORS}
      aria-label={connection ? t('machinesSources.form.editLabel', { name: connection.name }) : t(`machinesSources.form.createLabel.${kind}`)}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(input(), { onSuccess: (c) => { set({ password: '' }); onSaved?.(c); } });
      }}
    >
      <Stack>
        <FormProblem error={save.error} />
        <Group grow align="flex-start">
          <TextInput label={t('machinesSources.form.name')} required maxLength={200} value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} error={err('body.name', 'name')} />
          <TextInput
            label={t(`machinesSources.form.url.${kind}`)}
            description={t(`machinesSources.form.urlHint.${kind}`)}
            required
            value={form.url}
            onChange={(e) => set({ url: e.currentTarget.value })}
            error={err('body.url', `url.${kind}`)}
          />
        </Group>
        {kind === 'opcua' && (
          <Select
            label={t('machinesSources.form.security')}
            description={t('machinesSources.form.securityHint')}
            allowDeselect={false}
            value={form.security}
            data={(['none', 'sign', 'signAndEncrypt'] as Security[]).map((s) => ({ value: s, label: t(`machinesSources.security.${s}`) }))}
            onChange={(v) => v && set({ security: v as Security })}
            error={err('body.securityPolicy', 'security')}
          />
        )}
        <Group grow align="flex-start">
          <TextInput label={t('machinesSources.form.username')} description={t(`machinesSources.form.usernameHint.${kind}`)} autoComplete="off" value={form.username} onChange={(e) => set({ username: e.currentTarget.value })} error={err('body.username', 'username')} />
          <PasswordInput
            label={t('machinesSources.form.password')}
            description={connection?.hasPassword ? t('machinesSources.form.passwordKept') : t('machinesSources.form.passwordHint')}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={err('body.password', 'password')}
          />
        </Group>
        {kind === 'mqtt' && (
          <>
            <Group grow align="flex-start">
              <TextInput label={t('machinesSources.form.clientId')} description={t('machinesSources.form.clientIdHint')} required value={form.clientId} onChange={(e) => set({ clientId: e.currentTarget.value })} error={err('body.clientId', 'clientId')} />
              <TextInput label={t('machinesSources.form.topic')} description={t('machinesSources.form.topicHint')} required value={form.topic} onChange={(e) => set({ topic: e.currentTarget.value })} error={err('body.topic', 'topic')} styles={{ input: { fontFamily: 'monospace' } }} />
            </Group>
            <Select
              label={t('machinesSources.form.payload')}
              allowDeselect={false}
              value={form.payload}
              data={[{ value: 'value', label: t('machinesSources.payload.value') }, { value: 'json', label: t('machinesSources.payload.json') }]}
              onChange={(v) => v && set({ payload: v as 'json' | 'value' })}
            />
            {!namesMachine && (
              <Select label={t('machinesSources.form.machine')} description={t('machinesSources.form.machineHint')} required value={form.machineId} data={machineOptions} onChange={(v) => set({ machineId: v })} error={err('body.machineId', 'machine')} />
            )}
            {form.payload === 'value' && !namesPoint && (
              <TextInput label={t('machinesSources.form.point')} description={t('machinesSources.form.pointHint')} required value={form.point} onChange={(e) => set({ point: e.currentTarget.value })} error={err('body.point', 'point')} />
            )}
            {namesMachine && (
              <Stack gap="xs" role="group" aria-labelledby="machine-keys-title">
                <Text fw={500} size="sm" id="machine-keys-title">{t('machinesSources.form.machineKeys')}</Text>
                <Text size="sm" c="dimmed">{t('machinesSources.form.machineKeysHint')}</Text>
                {form.machineKeys.map((k, i) => (
                  <Group key={i} align="flex-end" wrap="nowrap">
                    <TextInput
                      label={t('machinesSources.form.key', { n: i + 1 })}
                      value={k.key}
                      onChange={(e) => set({ machineKeys: form.machineKeys.map((x, j) => (j === i ? { ...x, key: e.currentTarget.value } : x)) })}
                      error={err(`body.machineKeys.${i}.key`, 'key')}
                      style={{ flex: 1 }}
                    />
                    <Select
                      label={t('machinesSources.form.keyMachine', { n: i + 1 })}
                      value={k.machineId || null}
                      data={machineOptions}
                      onChange={(v) => set({ machineKeys: form.machineKeys.map((x, j) => (j === i ? { ...x, machineId: v ?? '' } : x)) })}
                      error={err(`body.machineKeys.${i}.machineId`, 'machine')}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={t('machinesSources.form.removeKey', { n: i + 1 })} onClick={() => set({ machineKeys: form.machineKeys.filter((_, j) => j !== i) })}>
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                {err('body.machineKeys', 'machineKeys') && <Text c="red.9" size="sm">{err('body.machineKeys', 'machineKeys')}</Text>}
                <Group>
                  <Button variant="light" size="xs" onClick={() => set({ machineKeys: [...form.machineKeys, { key: '', machineId: '' }] })}>{t('machinesSources.form.addKey')}</Button>
                </Group>
              </Stack>
            )}
          </>
        )}
        <Switch label={t('machinesSources.form.enabled')} checked={form.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        <Group>
          <Button type="submit" loading={save.isPending}>{connection ? t('machinesSources.form.save') : t('machinesSources.form.create')}</Button>
          {save.isSuccess && connection && <span role="status">{t('machinesSources.form.saved')}</span>}
        </Group>
      </Stack>
    </form>
  );
}
