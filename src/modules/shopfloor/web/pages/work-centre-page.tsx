import { Button, Card, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import type { WorkCentre } from '../../schemas';
import { useWorkCentres } from '../api';
import { HolidaysEditor } from '../components/holidays-editor';
import { SaveProblem } from '../components/save-problem';
import { ShiftCalendarEditor } from '../components/shift-calendar-editor';
import { NotFound } from '../components/not-found';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { useSaveWorkCentre } from '../master-data/api';
import { type CalendarForm, calendarHints, calendarToForm, formToCalendar } from '../master-data/calendar-form';
import { fieldMessages } from '../master-data/field-messages';
import { useMasterData } from '../master-data/use-master-data';

/** Create (`work-centres/new`) or edit a work centre with its shift calendar (`work-centres/:workCentreId/edit`); read-only without shopfloor.plan. */
export default function WorkCentrePage() {
  const { workCentreId = 'new' } = useParams();
  const { company } = useMasterData();
  const centres = useWorkCentres(company.id);
  if (centres.error) return <ProblemAlert error={centres.error} />;
  if (!centres.data) return <Loading />;
  const centre = workCentreId && workCentreId !== 'new' ? centres.data.find((c) => c.id === workCentreId) : undefined;
  if (workCentreId !== 'new' && !centre) return centres.isFetching ? <Loading /> : <NotFound />;
  return <WorkCentreEditor key={centre?.id ?? 'new'} centre={centre} />;
}

function WorkCentreEditor({ centre }: { centre?: WorkCentre }) {
  const { m, t, company, canPlan, base } = useMasterData();
  const navigate = useNavigate();
  const save = useSaveWorkCentre(company.id, centre?.id);
  const [code, setCode] = useState(centre?.code ?? '');
  const [name, setName] = useState(centre?.name ?? '');
  const [calendar, setCalendar] = useState<CalendarForm>(() => calendarToForm(centre?.calendar));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(Boolean((useLocation().state as { saved?: boolean } | null)?.saved));
  const unsaved = useUnsavedChanges({ code, name, calendar });

  const hints = [
    ...(code.trim() ? [] : [{ path: 'code', code: 'required' }]),
    ...(name.trim() ? [] : [{ path: 'name', code: 'required' }]),
    ...calendarHints(calendar),
  ];
  // Time and break hints help while typing; missing entries only after the first save attempt.
  const shown = submitted ? hints : hints.filter((h) => h.code !== 'required' && h.code !== 'nameMissing');
  const message = fieldMessages(shown, save.error, t);
  const submit = () => {
    setSubmitted(true);
    setSaved(false);
    if (hints.length > 0) return;
    save.mutate(
      { code: code.trim(), name: name.trim(), calendar: formToCalendar(calendar) },
      {
        onSuccess: (c) => {
          unsaved.markSaved();
          setSaved(true);
          if (!centre) navigate(`${base}/work-centres/${c.id}/edit`, { replace: true, state: { saved: true } });
        },
      },
    );
  };
  const title = centre ? m('workCentre.titleEdit', { code: centre.code }) : m('workCentre.titleNew');
  const editable = canPlan;
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={title} intro={editable ? m('workCentre.intro') : m('form.readOnly')} />
      <form onSubmit={(e) => (e.preventDefault(), submit())} noValidate>
        <Stack gap="md" maw={980}>
          <Card withBorder padding="md">
            <Group gap="md" align="flex-start" wrap="wrap">
              <TextInput label={m('workCentre.code')} description={m('workCentre.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={message('code')} required={editable} readOnly={!editable} w={200} size="md" />
              <TextInput label={m('workCentre.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={message('name')} required={editable} readOnly={!editable} style={{ flex: '1 1 260px' }} size="md" />
            </Group>
          </Card>
          <ShiftCalendarEditor value={calendar} onChange={setCalendar} message={message} editable={editable} />
          <HolidaysEditor
            holidays={calendar.holidays}
            onChange={(holidays) => setCalendar((c) => ({ ...c, holidays }))}
            message={message}
            editable={editable}
            workCentreId={centre?.id}
            onImported={(c) => {
              setCalendar((current) => ({ ...current, holidays: c.calendar.holidays }));
              // the import saved the holidays; shifts, code and name typed meanwhile are still unsaved
              unsaved.markSaved((stored) => ({ ...stored, calendar: { ...stored.calendar, holidays: c.calendar.holidays } }));
            }}
          />
          {submitted && <SaveProblem error={save.error} hintCount={save.error ? 0 : hints.length} />}
          {saved && !save.error && <Card withBorder bg="green.0" role="status" data-testid="saved">{m('form.saved')}</Card>}
          <Group gap="sm" pb="xl">
            {editable && <Button type="submit" size="lg" loading={save.isPending}>{m('form.save')}</Button>}
            <Button component={Link} to={centre ? `${base}/work-centres/${centre.id}` : `${base}/work-centres`} variant="default" size="lg">{centre ? m('workCentreDetail.backToWorkCentre') : m('form.back')}</Button>
          </Group>
        </Stack>
      </form>
      {unsaved.prompt}
    </>
  );
}
