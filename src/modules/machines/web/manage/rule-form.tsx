import { Alert, Button, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type Point, type Rule, type RuleDefinition, SEVERITIES, type Severity, api, useMachinesMutation } from '../manage-api';
import { FormProblem, fieldMessage, toNumber, darkTitle } from './form-helpers';
import { ruleSummary } from './rule-summary';

type Kind = 'high' | 'low' | 'rateOfChange' | 'noData';
interface FormState {
  pointId: string | null;
  name: string;
  severity: Severity;
  enabled: boolean;
  kind: Kind;
  limit: string | number;
  hysteresis: string | number;
  minDurationSeconds: string | number;
  maxPerMinute: string | number;
  minutes: string | number;
}

const initial = (rule: Rule | undefined, pointId: string | null): FormState => {
  const r = rule?.rule;
  return {
    pointId: rule?.pointId ?? pointId,
    name: rule?.name ?? '',
    severity: rule?.severity ?? 'warning',
    enabled: rule?.enabled ?? true,
    kind: !r ? 'high' : r.kind === 'threshold' ? r.direction : r.kind,
    limit: r?.kind === 'threshold' ? r.limit : '',
    hysteresis: r && r.kind !== 'noData' ? r.hysteresis : 0,
    minDurationSeconds: r && r.kind !== 'noData' ? r.minDurationSeconds : 0,
    maxPerMinute: r?.kind === 'rateOfChange' ? r.maxPerMinute : '',
    minutes: r?.kind === 'noData' ? r.minutes : 5,
  };
};

const definition = (f: FormState): RuleDefinition => {
  if (f.kind === 'noData') return { kind: 'noData', minutes: toNumber(f.minutes) };
  const common = { hysteresis: toNumber(f.hysteresis), minDurationSeconds: toNumber(f.minDurationSeconds) };
  if (f.kind === 'rateOfChange') return { kind: 'rateOfChange', maxPerMinute: toNumber(f.maxPerMinute), ...common };
  return { kind: 'threshold', direction: f.kind, limit: toNumber(f.limit), ...common };
};

/** Create or change an alarm rule; explains hysteresis and minimum duration with the entered numbers. */
export function RuleForm({ machineId, points, rule, onDone }: { machineId: string; points: Point[]; rule?: Rule; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const company = useCompany();
  const [f, setF] = useState<FormState>(() => initial(rule, points[0]?.id ?? null));
  const save = useMachinesMutation(company.id, () =>
    api.saveRule(company.id, machineId, rule?.id ?? null, { pointId: f.pointId ?? '', name: f.name.trim(), severity: f.severity, enabled: f.enabled, rule: definition(f) }),
  );
  const point = points.find((p) => p.id === f.pointId);
  const unit = point?.unit ?? '';
  const decimal = i18n.language === 'en' ? '.' : ',';
  const num = (key: keyof FormState, label: string, path: string, errorKey: string, extra: { description?: string; suffix?: string; min?: number } = {}) => (
    <NumberInput
      label={label}
      description={extra.description}
      decimalSeparator={decimal}
      min={extra.min}
      suffix={extra.suffix}
      value={f[key] as string | number}
      onChange={(v) => setF({ ...f, [key]: v })}
      error={fieldMessage(t, save.error, path, errorKey)}
      required
    />
  );
  const d = definition(f);
  const complete = Object.values(d).every((v) => typeof v !== 'number' || Number.isFinite(v));
  return (
    <form
      noValidate
      aria-label={rule ? t('machinesManage.rules.editTitle') : t('machinesManage.rules.createTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined, { onSuccess: () => { setF(initial(undefined, f.pointId)); onDone(); } });
      }}
    >
      <Title order={3} size="h5" mb="xs">{rule ? t('machinesManage.rules.editTitle') : t('machinesManage.rules.createTitle')}</Title>
      <Stack gap="sm">
        <FormProblem error={save.error} />
        <Group grow align="flex-start">
          <Select label={t('machinesManage.rules.point')} required allowDeselect={false} value={f.pointId} data={points.map((p) => ({ value: p.id, label: p.label ? `${p.label} (${p.name})` : p.name }))} onChange={(v) => setF({ ...f, pointId: v })} error={fieldMessage(t, save.error, 'body.pointId', 'pointId')} />
          <TextInput label={t('machinesManage.rules.name')} description={t('machinesManage.rules.nameHint')} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} error={fieldMessage(t, save.error, 'body.name', 'ruleName')} />
        </Group>
        <Group grow align="flex-start">
          <Select label={t('machinesManage.rules.kind')} allowDeselect={false} value={f.kind} data={(['high', 'low', 'rateOfChange', 'noData'] as Kind[]).map((k) => ({ value: k, label: t(`machinesManage.rules.kinds.${k}`) }))} onChange={(v) => v && setF({ ...f, kind: v as Kind })} />
          <Select label={t('machinesManage.rules.severity')} allowDeselect={false} value={f.severity} data={SEVERITIES.map((s) => ({ value: s, label: t(`machinesManage.severity.${s}`) }))} onChange={(v) => v && setF({ ...f, severity: v as Severity })} error={fieldMessage(t, save.error, 'body.severity', 'severity')} />
        </Group>
        {(f.kind === 'high' || f.kind === 'low') && (
          <Group grow align="flex-start">
            {num('limit', t('machinesManage.rules.limit'), 'body.rule.limit', 'limit', { suffix: unit ? ` ${unit}` : undefined })}
            {num('hysteresis', t('machinesManage.rules.hysteresis'), 'body.rule.hysteresis', 'hysteresis', { min: 0, suffix: unit ? ` ${unit}` : undefined })}
            {num('minDurationSeconds', t('machinesManage.rules.minDuration'), 'body.rule.minDurationSeconds', 'minDuration', { min: 0, suffix: ' s' })}
          </Group>
        )}
        {f.kind === 'rateOfChange' && (
          <Group grow align="flex-start">
            {num('maxPerMinute', t('machinesManage.rules.maxPerMinute', { unit: unit || t('machinesManage.rules.units') }), 'body.rule.maxPerMinute', 'maxPerMinute', { min: 0 })}
            {num('hysteresis', t('machinesManage.rules.hysteresis'), 'body.rule.hysteresis', 'hysteresis', { min: 0 })}
            {num('minDurationSeconds', t('machinesManage.rules.minDuration'), 'body.rule.minDurationSeconds', 'minDuration', { min: 0, suffix: ' s' })}
          </Group>
        )}
        {f.kind === 'noData' && num('minutes', t('machinesManage.rules.minutes'), 'body.rule.minutes', 'minutes', { min: 0, description: t('machinesManage.rules.minutesHint') })}
        {f.kind !== 'noData' && (
          <Alert styles={darkTitle('gray')} color="gray" variant="light" title={t('machinesManage.rules.hysteresisTitle')} data-testid="hysteresis-help">
            <Text size="sm">{t('machinesManage.rules.hysteresisHelp')}</Text>
          </Alert>
        )}
        {complete && <Text size="sm" fw={500} role="status" data-testid="rule-summary">{ruleSummary(t, d, unit, number)}</Text>}
        <Switch label={t('machinesManage.rules.enabled')} checked={f.enabled} onChange={(e) => setF({ ...f, enabled: e.currentTarget.checked })} />
        <Group>
          <Button type="submit" loading={save.isPending}>{rule ? t('machinesManage.save') : t('machinesManage.rules.create')}</Button>
          {rule && <Button variant="default" onClick={onDone}>{t('machinesManage.cancel')}</Button>}
        </Group>
      </Stack>
    </form>
  );
}
