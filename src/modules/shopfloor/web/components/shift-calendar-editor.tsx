import { ActionIcon, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { type BreakForm, type CalendarForm, type ShiftForm, type Weekday, WEEKDAYS, emptyShift, isNightShift, newKey, shiftLength } from '../master-data/calendar-form';
import { useMasterData } from '../master-data/use-master-data';

type Message = (path: string) => string | undefined;

const zones = () => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Berlin'];
  }
};

/** The weekly shift pattern and time zone of a work centre. */
export function ShiftCalendarEditor({ value, onChange, message, editable }: { value: CalendarForm; onChange: (next: CalendarForm) => void; message: Message; editable: boolean }) {
  const { m } = useMasterData();
  const timeZones = useMemo(() => [...new Set(['Europe/Berlin', ...zones(), value.timeZone])], [value.timeZone]);
  const setDay = (day: Weekday, shifts: ShiftForm[]) => onChange({ ...value, week: { ...value.week, [day]: shifts } });
  const copyMonday = () => {
    const copy = (s: ShiftForm): ShiftForm => ({ ...s, key: newKey(), breaks: s.breaks.map((b) => ({ ...b, key: newKey() })) });
    const week = { ...value.week };
    for (const d of ['tue', 'wed', 'thu', 'fri'] as const) week[d] = value.week.mon.map(copy);
    onChange({ ...value, week });
  };
  return (
    <Stack gap="md">
      <Select
        label={m('calendar.timeZone')}
        description={m('calendar.timeZoneHint')}
        data={timeZones}
        value={value.timeZone}
        onChange={(tz) => tz && onChange({ ...value, timeZone: tz })}
        searchable
        allowDeselect={false}
        readOnly={!editable}
        error={message('calendar.timeZone')}
        maw={360}
        size="md"
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {WEEKDAYS.map((day) => (
          <DayEditor key={day} day={day} shifts={value.week[day]} onChange={(s) => setDay(day, s)} message={message} editable={editable} onCopyMonday={day === 'mon' && editable && value.week.mon.length > 0 ? copyMonday : undefined} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function DayEditor({ day, shifts, onChange, message, editable, onCopyMonday }: { day: Weekday; shifts: ShiftForm[]; onChange: (s: ShiftForm[]) => void; message: Message; editable: boolean; onCopyMonday?: () => void }) {
  const { m } = useMasterData();
  const headingId = `day-${day}`;
  const last = shifts[shifts.length - 1];
  const add = () => onChange([...shifts, last ? emptyShift(last.end, last.end === '22:00' ? '06:00' : addHours(last.end, 8)) : emptyShift()]);
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={headingId} data-day={day}>
      <Group justify="space-between" mb={shifts.length ? 'sm' : 0} wrap="wrap" gap="xs">
        <Title order={3} size="h4" id={headingId}>{m(`weekdays.${day}`)}</Title>
        {shifts.length === 0 && <Text c="dimmed" size="sm">{m('calendar.noShifts')}</Text>}
      </Group>
      <Stack gap="sm">
        {shifts.map((s, i) => (
          <ShiftEditor
            key={s.key}
            shift={s}
            index={i}
            path={`calendar.week.${day}.${i}`}
            dayLabel={m(`weekdays.${day}`)}
            message={message}
            editable={editable}
            onChange={(next) => onChange(shifts.map((x) => (x.key === s.key ? next : x)))}
            onRemove={() => onChange(shifts.filter((x) => x.key !== s.key))}
          />
        ))}
      </Stack>
      {editable && (
        <Group mt="sm" gap="xs">
          <Button variant="light" size="md" onClick={add} disabled={shifts.length >= 6}>{m('calendar.addShift')}</Button>
          {onCopyMonday && <Button variant="default" size="md" onClick={onCopyMonday}>{m('calendar.copyMonday')}</Button>}
        </Group>
      )}
    </Card>
  );
}

function addHours(clock: string, hours: number): string {
  const match = /^(\d\d):(\d\d)$/.exec(clock);
  if (!match) return '14:00';
  return `${String((Number(match[1]) + hours) % 24).padStart(2, '0')}:${match[2]}`;
}

function ShiftEditor({ shift, index, path, dayLabel, message, editable, onChange, onRemove }: {
  shift: ShiftForm; index: number; path: string; dayLabel: string; message: Message; editable: boolean; onChange: (s: ShiftForm) => void; onRemove: () => void;
}) {
  const { m } = useMasterData();
  const legend = m('calendar.shift', { n: index + 1 });
  const length = shiftLength(shift);
  const setBreak = (b: BreakForm) => onChange({ ...shift, breaks: shift.breaks.map((x) => (x.key === b.key ? b : x)) });
  return (
    <fieldset className="wv-fieldset" data-shift={shift.name || index} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: '6px 10px 10px', margin: 0, minWidth: 0 }}>
      <legend style={{ padding: '0 4px', fontWeight: 600 }}>{legend}</legend>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput label={m('calendar.shiftName')} placeholder={m('calendar.shiftNamePlaceholder')} value={shift.name} onChange={(e) => onChange({ ...shift, name: e.currentTarget.value })} error={message(`${path}.name`)} w={140} size="md" readOnly={!editable} />
        <TextInput type="time" label={m('calendar.start')} value={shift.start} onChange={(e) => onChange({ ...shift, start: e.currentTarget.value })} error={message(`${path}.start`)} w={145} size="md" readOnly={!editable} />
        <TextInput type="time" label={m('calendar.end')} value={shift.end} onChange={(e) => onChange({ ...shift, end: e.currentTarget.value })} error={message(`${path}.end`)} w={145} size="md" readOnly={!editable} />
      </Group>
      <Group gap="xs" mt={6}>
        {length !== null && <Text size="sm" c="dimmed">{m('calendar.length', { hours: formatHours(length) })}</Text>}
        {isNightShift(shift) && <Badge variant="light" color="indigo" data-testid="night-shift">{m('calendar.nightShift')}</Badge>}
      </Group>
      <Stack gap={6} mt="xs">
        {shift.breaks.map((b, j) => {
          const breakLabel = m('calendar.breakN', { n: j + 1 });
          const outside = message(`${path}.breaks.${j}`);
          return (
            <div key={b.key} role="group" aria-label={`${dayLabel}, ${legend}, ${breakLabel}`}>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <Text size="sm" fw={500} w={64} pb={10}>{breakLabel}</Text>
                <TextInput type="time" label={m('calendar.breakStart')} value={b.start} onChange={(e) => setBreak({ ...b, start: e.currentTarget.value })} error={message(`${path}.breaks.${j}.start`)} w={145} size="md" readOnly={!editable} />
                <TextInput type="time" label={m('calendar.breakEnd')} value={b.end} onChange={(e) => setBreak({ ...b, end: e.currentTarget.value })} error={message(`${path}.breaks.${j}.end`)} w={145} size="md" readOnly={!editable} />
                {editable && (
                  <ActionIcon variant="subtle" color="red" size={44} aria-label={m('calendar.removeBreak', { n: j + 1 })} onClick={() => onChange({ ...shift, breaks: shift.breaks.filter((x) => x.key !== b.key) })}>
                    <span aria-hidden="true" style={{ fontSize: 22 }}>×</span>
                  </ActionIcon>
                )}
              </Group>
              {outside && <Text size="sm" c="red.8" role="alert">{outside}</Text>}
            </div>
          );
        })}
      </Stack>
      {editable && (
        <Group mt="sm" gap="xs">
          <Button variant="subtle" size="md" onClick={() => onChange({ ...shift, breaks: [...shift.breaks, { key: newKey(), start: suggestBreak(shift), end: suggestBreak(shift, 30) }] })} disabled={shift.breaks.length >= 10}>
            {m('calendar.addBreak')}
          </Button>
          <Button variant="subtle" color="red" size="md" onClick={onRemove}>{m('calendar.removeShift', { n: index + 1 })}</Button>
        </Group>
      )}
    </fieldset>
  );
}

const formatHours = (minutes: number) => (minutes % 60 === 0 ? String(minutes / 60) : `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`);

/** A break suggestion in the middle of the shift (wall clock), `plus` minutes later for its end. */
function suggestBreak(shift: ShiftForm, plus = 0): string {
  const length = shiftLength(shift) ?? 480;
  const start = /^(\d\d):(\d\d)$/.exec(shift.start);
  const from = start ? Number(start[1]) * 60 + Number(start[2]) : 360;
  const at = (from + Math.floor(length / 2 / 30) * 30 + plus) % 1440;
  return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
}
