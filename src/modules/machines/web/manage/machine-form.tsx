import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../../../web/layout/app-layout';
import { type Machine, api, useMachinesMutation, useWorkCentres } from '../manage-api';
import { FormProblem, fieldMessage } from './form-helpers';

/** Create or change a machine: name, work centre (when the shop-floor module is on), description. */
export function MachineForm({ machine, onSaved }: { machine?: Machine; onSaved?: (m: Machine) => void }) {
  const { t } = useTranslation();
  const company = useCompany();
  const shopfloor = company.modules.some((m) => m.id === 'shopfloor' && m.enabled) && company.permissions.includes('shopfloor.read');
  const workCentres = useWorkCentres(company.id, shopfloor);
  const [form, setForm] = useState({ name: machine?.name ?? '', description: machine?.description ?? '', workCentreId: machine?.workCentreId ?? null });
  const save = useMachinesMutation(company.id, () => api.saveMachine(company.id, machine?.id ?? null, { ...form, name: form.name.trim() }));
  return (
    <form
      noValidate
      aria-label={machine ? t('machinesManage.machine.editForm', { name: machine.name }) : t('machinesManage.machine.createForm')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined, {
          onSuccess: (m) => {
            if (!machine) setForm({ name: '', description: '', workCentreId: null });
            onSaved?.(m);
          },
        });
      }}
    >
      <Stack>
        <FormProblem error={save.error} />
        <Group grow align="flex-start">
          <TextInput label={t('machinesManage.machine.name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldMessage(t, save.error, 'body.name', 'machineName')} maxLength={200} />
          {shopfloor && (
            <Select
              label={t('machinesManage.machine.workCentre')}
              description={t('machinesManage.machine.workCentreHint')}
              clearable
              value={form.workCentreId}
              data={(workCentres.data ?? []).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
              onChange={(v) => setForm({ ...form, workCentreId: v })}
              error={fieldMessage(t, save.error, 'body.workCentreId', 'workCentre')}
            />
          )}
        </Group>
        <Textarea label={t('machinesManage.machine.description')} autosize minRows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} error={fieldMessage(t, save.error, 'body.description', 'description')} />
        <Group>
          <Button type="submit" loading={save.isPending}>{machine ? t('machinesManage.save') : t('machinesManage.machine.create')}</Button>
          {save.isSuccess && machine && <span role="status">{t('machinesManage.saved')}</span>}
        </Group>
      </Stack>
    </form>
  );
}
