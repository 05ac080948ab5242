import { Button, Checkbox, Group, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { toleranceLimits } from '../../domain/process-parameters';
import { PARAMETER_TYPES, type ParameterForm, idFromLabel, parseDecimal, typeHas } from '../master-data/part-form';
import { useMasterData } from '../master-data/use-master-data';

type Message = (path: string) => string | undefined;

/** One field of an operation's process-parameter form. */
export function ParameterEditor({ value, index, count, path, message, editable, onChange, onRemove, onMove }: {
  value: ParameterForm; index: number; count: number; path: string; message: Message; editable: boolean;
  onChange: (p: ParameterForm) => void; onRemove: () => void; onMove: (by: number) => void;
}) {
  const { m } = useMasterData();
  const set = <K extends keyof ParameterForm>(key: K, v: ParameterForm[K]) => onChange({ ...value, [key]: v });
  const has = typeHas(value.type);
  const legend = m('parameters.field', { n: index + 1, label: value.labelDe || value.labelEn || '…' });
  return (
    <fieldset style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: '8px 12px 12px', margin: 0, minWidth: 0 }} data-parameter={value.id || index}>
      <legend style={{ padding: '0 4px', fontWeight: 600 }}>{legend}</legend>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput label={m('parameters.labelDe')} readOnly={!editable} value={value.labelDe} onChange={(e) => set('labelDe', e.currentTarget.value)} error={message(`${path}.label.de`)} size="md" />
        <TextInput label={m('parameters.labelEn')} readOnly={!editable} value={value.labelEn} placeholder={value.labelDe} onChange={(e) => set('labelEn', e.currentTarget.value)} error={message(`${path}.label.en`)} size="md" />
        <TextInput label={m('parameters.id')} readOnly={!editable} description={m('parameters.idHint')} value={value.id} placeholder={idFromLabel(value.labelDe || value.labelEn)} onChange={(e) => set('id', e.currentTarget.value)} error={message(`${path}.id`)} size="md" />
        <Select
          label={m('parameters.type')}
          data={PARAMETER_TYPES.map((type) => ({ value: type, label: m(`parameters.types.${type}`) }))}
          value={value.type}
          onChange={(type) => type && onChange({ ...value, type: type as ParameterForm['type'] })}
          allowDeselect={false}
          error={message(`${path}.type`)}
          readOnly={!editable}
         
          size="md"
        />
      </SimpleGrid>
      {has.numberFields && (
        <>
          <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" verticalSpacing="xs" mt="xs">
            <TextInput label={m('parameters.unit')} readOnly={!editable} value={value.unit} onChange={(e) => set('unit', e.currentTarget.value)} error={message(`${path}.unit`)} size="md" />
            <TextInput label={m('parameters.target')} readOnly={!editable} inputMode="decimal" value={value.target} onChange={(e) => set('target', e.currentTarget.value)} error={message(`${path}.target`)} size="md" />
            <TextInput label={m('parameters.lowerTolerance')} readOnly={!editable} inputMode="decimal" value={value.lowerTolerance} onChange={(e) => set('lowerTolerance', e.currentTarget.value)} error={message(`${path}.lowerTolerance`)} size="md" />
            <TextInput label={m('parameters.upperTolerance')} readOnly={!editable} inputMode="decimal" value={value.upperTolerance} onChange={(e) => set('upperTolerance', e.currentTarget.value)} error={message(`${path}.upperTolerance`)} size="md" />
          </SimpleGrid>
          <RangeNote value={value} />
        </>
      )}
      {has.options && (
        <Textarea label={m('parameters.options')} readOnly={!editable} description={m('parameters.optionsHint')} value={value.options} onChange={(e) => set('options', e.currentTarget.value)} error={message(`${path}.options`)} autosize minRows={2} mt="xs" maw={420} />
      )}
      <Group gap="sm" mt="sm" wrap="wrap">
        <Checkbox label={m('parameters.required')} disabled={!editable} checked={value.required} onChange={(e) => set('required', e.currentTarget.checked)} size="md" />
        {editable && (
          <Group gap={4} ml="auto">
            <Button variant="default" size="sm" h={44} onClick={() => onMove(-1)} disabled={index === 0} aria-label={m('parameters.up', { label: legend })}>↑</Button>
            <Button variant="default" size="sm" h={44} onClick={() => onMove(1)} disabled={index === count - 1} aria-label={m('parameters.down', { label: legend })}>↓</Button>
            <Button variant="subtle" color="red" size="sm" h={44} onClick={onRemove}>{m('parameters.remove')}</Button>
          </Group>
        )}
      </Group>
    </fieldset>
  );
}

/** "Allowed 23.5 to 25 A", computed with the same rule the server and the terminal use. */
function RangeNote({ value }: { value: ParameterForm }) {
  const { m, i18n } = useMasterData();
  const target = parseDecimal(value.target);
  const lower = parseDecimal(value.lowerTolerance);
  const upper = parseDecimal(value.upperTolerance);
  if (target === undefined || [target, lower, upper].some((n) => n !== undefined && Number.isNaN(n))) return null;
  const limits = toleranceLimits({ target, lowerTolerance: lower, upperTolerance: upper });
  const fmt = (n: number | null) => (n === null ? m('parameters.unbounded') : `${new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 6 }).format(n)}${value.unit ? ` ${value.unit}` : ''}`);
  return <Text size="sm" c="dimmed" mt={4} data-testid="tolerance-range">{m('parameters.range', { lower: fmt(limits.lower), upper: fmt(limits.upper) })}</Text>;
}
