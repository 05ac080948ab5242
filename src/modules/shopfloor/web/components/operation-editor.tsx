import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { WorkCentre } from '../../schemas';
import { type OperationForm, emptyParameter, move } from '../master-data/part-form';
import { useMasterData } from '../master-data/use-master-data';
import { ParameterEditor } from './parameter-editor';

/** One operation of a routing: work centre, times and its process-parameter form. */
export function OperationEditor({ value, index, count, workCentres, message, editable, onChange, onRemove, onMove, focusAfterMove }: {
  value: OperationForm; index: number; count: number; workCentres: WorkCentre[]; message: (path: string) => string | undefined; editable: boolean;
  onChange: (o: OperationForm) => void; onRemove: () => void; onMove: (by: number) => void;
  /** Set after this operation was moved: keeps the keyboard focus on its move buttons. */
  focusAfterMove?: { by: number };
}) {
  const { m } = useMasterData();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    const preferred = focusAfterMove.by < 0 ? [up, down] : [down, up];
    preferred.find((r) => r.current && !r.current.disabled)?.current?.focus();
  }, [focusAfterMove]);
  const path = `operations.${index}`;
  const heading = m('operations.heading', { n: index + 1, name: value.name || '…' });
  const headingId = `operation-${value.key}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-operation={index + 1}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={3} size="h4" id={headingId}>{heading}</Title>
        {editable && (
          <Group gap={4}>
            <Button ref={up} variant="default" size="md" onClick={() => onMove(-1)} disabled={index === 0} aria-label={m('operations.up', { n: index + 1 })}>↑ {m('operations.upShort')}</Button>
            <Button ref={down} variant="default" size="md" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={m('operations.down', { n: index + 1 })}>↓ {m('operations.downShort')}</Button>
            <Button variant="subtle" color="red" size="md" onClick={onRemove} aria-label={m('operations.remove', { n: index + 1 })}>{m('operations.removeShort')}</Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput label={m('operations.name')} value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} error={message(`${path}.name`)} readOnly={!editable} size="md" />
        <Select
          label={m('operations.workCentre')}
          data={workCentres.map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
          value={value.workCentreId || null}
          onChange={(id) => onChange({ ...value, workCentreId: id ?? '' })}
          error={message(`${path}.workCentreId`)}
          readOnly={!editable}
          searchable
         
          size="md"
        />
        <TextInput label={m('operations.setupMinutes')} inputMode="decimal" value={value.setupMinutes} onChange={(e) => onChange({ ...value, setupMinutes: e.currentTarget.value })} error={message(`${path}.setupMinutes`)} readOnly={!editable} size="md" />
        <TextInput label={m('operations.idealCycleSeconds')} inputMode="decimal" value={value.idealCycleSeconds} onChange={(e) => onChange({ ...value, idealCycleSeconds: e.currentTarget.value })} error={message(`${path}.idealCycleSeconds`)} readOnly={!editable} size="md" />
      </SimpleGrid>
      <Title order={4} size="h5" mt="md" mb={4}>{m('parameters.title')}</Title>
      {value.parameters.length === 0 && <Text size="sm" c="dimmed">{m('parameters.none')}</Text>}
      <Stack gap="sm">
        {value.parameters.map((p, j) => (
          <ParameterEditor
            key={p.key}
            value={p}
            index={j}
            count={value.parameters.length}
            path={`${path}.parameters.${j}`}
            message={message}
            editable={editable}
            onChange={(next) => onChange({ ...value, parameters: value.parameters.map((x) => (x.key === p.key ? next : x)) })}
            onRemove={() => onChange({ ...value, parameters: value.parameters.filter((x) => x.key !== p.key) })}
            onMove={(by) => onChange({ ...value, parameters: move(value.parameters, j, by) })}
          />
        ))}
      </Stack>
      {editable && (
        <Group mt="sm">
          <Button variant="light" size="md" onClick={() => onChange({ ...value, parameters: [...value.parameters, emptyParameter()] })} disabled={value.parameters.length >= 50}>
            {m('parameters.add')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
