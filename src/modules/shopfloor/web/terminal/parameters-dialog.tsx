import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type ParameterDefinition, isOutOfTolerance, toleranceLimits } from '../../domain/process-parameters';
import { PhotoParameterField } from '../components/photo-parameter-field';

/** The operation's process-parameter form, with the tolerance warning per number. */
export function ParametersDialog({ opened, definitions, onClose, onBook }: {
  opened: boolean; definitions: ParameterDefinition[]; onClose: () => void; onBook: (values: Array<{ name: string; value: number | string }>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const company = useCompany();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const [values, setValues] = useState<Record<string, number | string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setValues({});
      setProblem(null);
    }
  }, [opened]);
  const filled = (d: ParameterDefinition) => {
    const v = values[d.id];
    return d.type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' && v.trim() !== '';
  };
  const withUnit = (n: number, unit?: string) => `${number(n)}${unit ? ` ${unit}` : ''}`;
  const hint = (d: ParameterDefinition) => {
    if (d.type !== 'number' || d.target === undefined) return undefined;
    const { lower, upper } = toleranceLimits(d);
    return t('shopfloor.parameters.target', {
      target: withUnit(d.target, d.unit),
      lower: lower === null ? '–' : withUnit(lower, d.unit),
      upper: upper === null ? '–' : withUnit(upper, d.unit),
    });
  };
  const submit = () => {
    const missing = definitions.filter((d) => d.required && !filled(d));
    if (missing.length > 0) return setProblem(t('shopfloor.parameters.missing', { labels: missing.map((d) => d.label[lang]).join(', ') }));
    const list = definitions.filter(filled).map((d) => ({ name: d.id, value: d.type === 'number' ? (values[d.id] as number) : String(values[d.id]).trim() }));
    if (list.length === 0) return setProblem(t('shopfloor.parameters.empty'));
    onBook(list);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('shopfloor.parameters.title')} size="lg" centered>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="md">
          {definitions.map((d, i) => {
            const label = d.type === 'number' && d.unit ? `${d.label[lang]} (${d.unit})` : d.label[lang];
            const v = values[d.id];
            const out = d.type === 'number' && typeof v === 'number' && isOutOfTolerance(v, d);
            const set = (value: number | string | null) => setValues((old) => ({ ...old, [d.id]: value ?? '' }));
            return (
              <Stack key={d.id} gap={4} data-parameter={d.id}>
                {d.type === 'number' && (
                  <NumberInput size="xl" label={label} description={hint(d)} value={v ?? ''} onChange={set} required={d.required} decimalSeparator={lang === 'de' ? ',' : '.'} inputMode="decimal" aria-invalid={out || undefined} data-autofocus={i === 0 || undefined} />
                )}
                {d.type === 'text' && <TextInput size="xl" label={label} value={(v as string) ?? ''} onChange={(e) => set(e.currentTarget.value)} required={d.required} maxLength={1000} />}
                {d.type === 'choice' && <Select size="xl" label={label} value={(v as string) || null} onChange={set} required={d.required} data={[...(d.options ?? [])]} />}
                {d.type === 'photo' && <PhotoParameterField companyId={company.id} label={label} required={d.required} value={(v as string) || undefined} onChange={set} />}
                {out && (
                  <Text c="red.9" fw={700} role="alert" data-testid="tolerance-warning">
                    ⚠ {t('shopfloor.parameters.outOfToleranceHint', { label: d.label[lang], range: hint(d) ?? '' })}
                  </Text>
                )}
              </Stack>
            );
          })}
          {problem && <Alert color="red" role="alert">{problem}</Alert>}
          <Group justify="end">
            <Button size="lg" variant="default" onClick={onClose}>{t('shopfloor.parameters.cancel')}</Button>
            <Button size="xl" type="submit">{t('shopfloor.parameters.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
