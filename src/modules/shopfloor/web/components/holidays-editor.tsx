import { Alert, Button, Card, FileInput, Group, List, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { ApiError } from '../../../../web/api/client';
import type { WorkCentre } from '../../schemas';
import { readFileText, useImportHolidays } from '../master-data/api';
import { readIcalWarning } from '../master-data/ical-warnings';
import { useMasterData } from '../master-data/use-master-data';

/** Holidays of a work centre's calendar: add and remove dates, import all-day events from iCal. */
export function HolidaysEditor({ holidays, onChange, message, editable, workCentreId, onImported }: {
  holidays: string[];
  onChange: (next: string[]) => void;
  message: (path: string) => string | undefined;
  editable: boolean;
  workCentreId?: string;
  onImported: (centre: WorkCentre) => void;
}) {
  const { m, company } = useMasterData();
  const { date } = useFormat();
  const [day, setDay] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    onChange([...new Set([...holidays, day])].sort());
    setDay('');
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="holidays-title">
      <Title order={2} size="h3" id="holidays-title" mb={4}>{m('holidays.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{m('holidays.intro')}</Text>
      {holidays.length === 0 ? (
        <Text size="sm" mb="sm">{m('holidays.none')}</Text>
      ) : (
        <List listStyleType="none" spacing={4} mb="sm" data-testid="holiday-list" aria-label={m('holidays.title')}>
          {holidays.map((h, i) => (
            <List.Item key={h} data-date={h}>
              <Group gap="xs" wrap="nowrap">
                <Text w={130}>{date(`${h}T12:00:00`)}</Text>
                {editable && (
                  <Button variant="subtle" color="red" size="sm" h={40} onClick={() => onChange(holidays.filter((x) => x !== h))} aria-label={m('holidays.remove', { date: date(`${h}T12:00:00`) })}>
                    {m('holidays.removeShort')}
                  </Button>
                )}
                {message(`calendar.holidays.${i}`) && <Text c="red.8" size="sm">{message(`calendar.holidays.${i}`)}</Text>}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {editable && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput type="date" label={m('holidays.date')} value={day} onChange={(e) => setDay(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} w={190} size="md" />
          <Button variant="light" size="md" onClick={add} disabled={!day}>{m('holidays.add')}</Button>
        </Group>
      )}
      {editable && (workCentreId ? <IcalImport companyId={company.id} workCentreId={workCentreId} onImported={onImported} /> : <Text size="sm" c="dimmed" mt="md">{m('ical.afterSave')}</Text>)}
    </Card>
  );
}

/** Alert titles in the text colour: the coloured default is too faint on the light background. */
const readableTitle = { title: { color: 'var(--mantine-color-text)' } };

function IcalImport({ companyId, workCentreId, onImported }: { companyId: string; workCentreId: string; onImported: (c: WorkCentre) => void }) {
  const { m } = useMasterData();
  const { date } = useFormat();
  const importer = useImportHolidays(companyId, workCentreId);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [replace, setReplace] = useState(false);
  const run = async () => {
    const ical = file ? await readFileText(file) : text;
    importer.mutate({ ical, replace }, { onSuccess: (r) => onImported(r.workCentre) });
  };
  const result = importer.data;
  const warnings = importer.error instanceof ApiError && Array.isArray(importer.error.body.warnings) ? (importer.error.body.warnings as string[]) : result?.warnings ?? [];
  return (
    <Stack gap="sm" mt="lg" component="section" aria-labelledby="ical-title">
      <Title order={3} size="h4" id="ical-title">{m('ical.title')}</Title>
      <Text size="sm" c="dimmed">{m('ical.intro')}</Text>
      <FileInput label={m('ical.file')} placeholder={m('ical.choose')} accept=".ics,text/calendar" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': m('form.clearFile') }} size="md" maw={420} />
      <Textarea label={m('ical.paste')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} maxRows={10} size="md" disabled={file !== null} styles={{ input: { fontFamily: 'monospace' } }} />
      <Switch label={m('ical.replace')} checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} size="md" />
      <Group>
        <Button size="md" onClick={run} loading={importer.isPending} disabled={!file && !text.trim()}>{m('ical.import')}</Button>
      </Group>
      <ProblemAlert error={importer.error} />
      {result && (
        <Alert color="green" role="status" data-testid="ical-result" styles={readableTitle} title={m('ical.done', { imported: result.imported.length, added: result.added.length })}>
          {result.added.length > 0 && <Text size="sm">{m('ical.addedDates', { dates: result.added.map((d) => date(`${d}T12:00:00`)).join(', ') })}</Text>}
          <Text size="sm">{m('ical.savedNote')}</Text>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" styles={readableTitle} title={m('ical.warnings')} data-testid="ical-warnings">
          <List size="sm">
            {warnings.map(readIcalWarning).map((w) => (
              <List.Item key={w.text}>{w.key ? m(`ical.notes.${w.key}`, w.params) : w.text}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
