import { Button, Card, Group, Modal, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post, put } from '../api/client';
import { ProblemAlert, fieldError } from '../components/problem-alert';
import { useFormat } from '../i18n/format';

export interface PinMember { userId: string; name: string; personnelNumber: string | null; hasPin: boolean; pinLockedUntil: string | null }

const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, 8);

/** Creates a shop-floor worker without e-mail address who signs in with personnel number and PIN. */
export function CreateWorkerCard({ companyId, onDone }: { companyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const empty = { name: '', personnelNumber: '', pin: '' };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () => post(`/companies/${companyId}/workers`, form),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('terminal.workers.created', { name: form.name }) });
      setForm(empty);
      onDone();
    },
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={4}>{t('terminal.workers.create')}</Title>
      <Text size="sm" c="dark.5" mb="sm">{t('terminal.workers.createIntro')}</Text>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }} noValidate>
        <Stack>
          <ProblemAlert error={create.error} />
          <Group align="flex-start" grow>
            <TextInput label={t('terminal.workers.name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldError(create.error, 'body.name', t)} />
            <TextInput label={t('terminal.workers.personnelNumber')} required value={form.personnelNumber} onChange={(e) => setForm({ ...form, personnelNumber: e.currentTarget.value })} error={fieldError(create.error, 'body.personnelNumber', t)} />
            <PasswordInput label={t('terminal.workers.pin')} required inputMode="numeric" autoComplete="new-password" value={form.pin} onChange={(e) => setForm({ ...form, pin: digitsOnly(e.currentTarget.value) })} error={fieldError(create.error, 'body.pin', t)} />
          </Group>
          <Text size="sm" c="dark.5">{t('terminal.workers.pinHint')}</Text>
          <Group><Button type="submit" loading={create.isPending}>{t('terminal.workers.save')}</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Personnel number and PIN state of a member in the people table. */
export function PinState({ member }: { member: PinMember }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <Group gap={6} wrap="nowrap">
      {member.personnelNumber && <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{member.personnelNumber}</Text>}
      {member.hasPin && <Text size="sm" fw={600} c="teal.9" style={{ whiteSpace: 'nowrap' }}>{t('terminal.workers.hasPin')}</Text>}
      {member.pinLockedUntil && <Text size="sm" fw={600} c="red.9">{t('terminal.workers.lockedUntil', { until: dateTime(member.pinLockedUntil) })}</Text>}
    </Group>
  );
}

/** Lifts a PIN lock after wrong PINs (pause or daily limit), after asking. */
export function UnlockPinButton({ companyId, member, onDone }: { companyId: string; member: PinMember; onDone: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const unlock = useMutation({
    mutationFn: () => del(`/companies/${companyId}/members/${member.userId}/pin-lock`),
    onSuccess: () => {
      setAsking(false);
      notifications.show({ color: 'teal', message: t('terminal.workers.unlocked', { name: member.name }) });
      onDone();
    },
  });
  return (
    <>
      <Button variant="subtle" size="sm" onClick={() => setAsking(true)}>{t('terminal.workers.unlock')}</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('terminal.workers.unlockTitle', { name: member.name })}>
        <Stack>
          <ProblemAlert error={unlock.error} />
          <Text size="sm">{t('terminal.workers.unlockText', { name: member.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
            <Button loading={unlock.isPending} onClick={() => unlock.mutate()}>{t('terminal.workers.unlockConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Sets or resets the PIN (and the personnel number) of a member; can also remove it. */
export function PinModal({ companyId, member, onClose }: { companyId: string; member: PinMember | null; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [personnelNumber, setPersonnelNumber] = useState('');
  const close = (changed: boolean) => {
    setPin('');
    setPersonnelNumber('');
    save.reset();
    remove.reset();
    onClose(changed);
  };
  const save = useMutation({
    mutationFn: () => put(`/companies/${companyId}/members/${member!.userId}/pin`, { pin, ...(personnelNumber.trim() ? { personnelNumber: personnelNumber.trim() } : {}) }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('terminal.workers.pinSaved') });
      close(true);
    },
  });
  const remove = useMutation({ mutationFn: () => del(`/companies/${companyId}/members/${member!.userId}/pin`), onSuccess: () => close(true) });
  return (
    <Modal opened={member !== null} onClose={() => close(false)} title={member ? t('terminal.workers.setPinTitle', { name: member.name }) : ''}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} noValidate>
        <Stack>
          <ProblemAlert error={save.error ?? remove.error} />
          <TextInput
            label={t('terminal.workers.personnelNumber')}
            placeholder={member?.personnelNumber ?? ''}
            required={!member?.personnelNumber}
            value={personnelNumber}
            onChange={(e) => setPersonnelNumber(e.currentTarget.value)}
            error={fieldError(save.error, 'body.personnelNumber', t)}
          />
          <PasswordInput label={t('terminal.workers.pin')} required inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(digitsOnly(e.currentTarget.value))} error={fieldError(save.error, 'body.pin', t)} data-autofocus />
          <Text size="sm" c="dark.5">{t('terminal.workers.pinHint')}</Text>
          <Group justify="space-between">
            {member?.hasPin ? <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>{t('terminal.workers.removePin')}</Button> : <span />}
            <Button type="submit" loading={save.isPending}>{t('terminal.workers.savePin')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
