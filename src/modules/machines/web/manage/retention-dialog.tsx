import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { useCompany } from '../../../../web/layout/app-layout';
import { type Point, type RetentionSetting, api, useMachinesMutation, usePointRetention } from '../manage-api';
import { FormProblem, fieldMessage } from './form-helpers';

const LEVELS = [['rawDays', 'raw'], ['minuteDays', 'minute'], ['hourDays', 'hour']] as const;
type Days = Record<keyof RetentionSetting, string | number>;

/** How long a data point's raw samples and aggregates are kept; an empty field takes the default. */
export function RetentionDialog({ machineId, point, onClose }: { machineId: string; point: Point | null; onClose: () => void }) {
  const { t } = useTranslation();
  const company = useCompany();
  const retention = usePointRetention(company.id, machineId, point?.id ?? null);
  const [days, setDays] = useState<Days>({ rawDays: '', minuteDays: '', hourDays: '' });
  const setting = retention.data?.setting;
  useEffect(() => {
    if (setting) setDays({ rawDays: setting.rawDays ?? '', minuteDays: setting.minuteDays ?? '', hourDays: setting.hourDays ?? '' });
  }, [setting]);
  // Empty means the default; anything else goes to the server as typed, which refuses what is not a whole number of days.
  const body = (): RetentionSetting => {
    const value = (v: string | number) => (v === '' ? null : Number(typeof v === 'string' ? v.replace(',', '.') : v));
    return { rawDays: value(days.rawDays), minuteDays: value(days.minuteDays), hourDays: value(days.hourDays) };
  };
  const save = useMachinesMutation(company.id, () => api.saveRetention(company.id, machineId, point!.id, body()));
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal opened={point !== null} onClose={close} size="lg" title={point ? t('machinesManage.retention.title', { name: point.label || point.name }) : ''}>
      {!retention.data ? <Loading /> : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(undefined, { onSuccess: close });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('machinesManage.retention.intro')}</Text>
            <FormProblem error={save.error} />
            <Group grow align="flex-start">
              {LEVELS.map(([field, label]) => (
                <NumberInput
                  key={field}
                  label={t(`machinesManage.retention.${label}`)}
                  description={t('machinesManage.retention.default', { days: retention.data.defaults[field] })}
                  min={1}
                  max={36_500}
                  allowDecimal={false}
                  value={days[field]}
                  onChange={(v) => setDays({ ...days, [field]: v })}
                  error={fieldMessage(t, save.error, `body.${field}`, 'retentionDays')}
                />
              ))}
            </Group>
            <Text size="sm" c="dimmed">{t('machinesManage.retention.rule')}</Text>
            <Text size="sm" data-testid="retention-effective">
              {t('machinesManage.retention.effective', { raw: retention.data.effective.rawDays, minute: retention.data.effective.minuteDays, hour: retention.data.effective.hourDays })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('machinesManage.cancel')}</Button>
              <Button type="submit" loading={save.isPending}>{t('machinesManage.retention.save')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
