import { Alert, Button, Card, Checkbox, Group, Stack, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import type { Part, WorkCentre } from '../../schemas';
import { useWorkCentres } from '../api';
import { NotFound } from '../components/not-found';
import { OperationEditor } from '../components/operation-editor';
import { SaveProblem } from '../components/save-problem';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { useParts, useSavePart } from '../master-data/api';
import { fieldMessages } from '../master-data/field-messages';
import { type PartForm, emptyOperation, formToPart, move, partHints, partToForm } from '../master-data/part-form';
import { useMasterData } from '../master-data/use-master-data';

/** Create (`parts/new`) or edit a part with its routing (`parts/:partId/edit`); read-only without shopfloor.plan. */
export default function PartPage() {
  const { partId = 'new' } = useParams();
  const { company } = useMasterData();
  const parts = useParts(company.id);
  const centres = useWorkCentres(company.id);
  const error = parts.error ?? centres.error;
  if (error) return <ProblemAlert error={error} />;
  if (!parts.data || !centres.data) return <Loading />;
  const part = partId && partId !== 'new' ? parts.data.find((p) => p.id === partId) : undefined;
  if (partId !== 'new' && !part) return parts.isFetching ? <Loading /> : <NotFound />;
  return <PartEditor key={part?.id ?? 'new'} part={part} workCentres={centres.data} />;
}

function PartEditor({ part, workCentres }: { part?: Part; workCentres: WorkCentre[] }) {
  const { m, t, i18n, company, canPlan, base } = useMasterData();
  const navigate = useNavigate();
  const save = useSavePart(company.id, part?.id);
  const [form, setForm] = useState<PartForm>(() => partToForm(part, i18n.language !== 'en'));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(Boolean((useLocation().state as { saved?: boolean } | null)?.saved));
  const [moved, setMoved] = useState<{ key: string; focus: { by: number }; text: string }>();
  const unsaved = useUnsavedChanges(form);
  const hints = partHints(form);
  const shown = submitted ? hints : hints.filter((h) => h.code !== 'required');
  const message = fieldMessages(shown, save.error, t);
  const editable = canPlan;
  const submit = () => {
    setSubmitted(true);
    setSaved(false);
    if (hints.length > 0) return;
    save.mutate(formToPart(form), {
      onSuccess: (p) => {
        unsaved.markSaved();
        setSaved(true);
        if (!part) navigate(`${base}/parts/${p.id}/edit`, { replace: true, state: { saved: true } });
      },
    });
  };
  const moveOperation = (index: number, by: number) => {
    const op = form.operations[index];
    const operations = move(form.operations, index, by);
    setForm({ ...form, operations });
    setMoved({ key: op.key, focus: { by }, text: m('operations.movedTo', { name: op.name || m('operations.unnamed'), n: operations.indexOf(op) + 1 }) });
  };
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={part ? m('part.titleEdit', { number: part.number }) : m('part.titleNew')} intro={editable ? m('part.intro') : m('form.readOnly')} />
      <form onSubmit={(e) => (e.preventDefault(), submit())} noValidate>
        <Stack gap="md" maw={980}>
          <Card withBorder padding="md">
            <Group gap="md" align="flex-start" wrap="wrap">
              <TextInput label={m('part.number')} value={form.number} onChange={(e) => setForm({ ...form, number: e.currentTarget.value })} error={message('number')} required={editable} readOnly={!editable} w={220} size="md" />
              <TextInput label={m('part.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={message('name')} required={editable} readOnly={!editable} style={{ flex: '1 1 260px' }} size="md" />
            </Group>
            <Checkbox mt="md" size="md" label={m('part.serialised')} description={m('part.serialisedHint')} checked={form.serialised}
              onChange={(e) => setForm({ ...form, serialised: e.currentTarget.checked })} disabled={!editable} />
          </Card>
          {workCentres.length === 0 && editable && <Alert color="yellow">{m('part.needWorkCentre')}</Alert>}
          {form.operations.map((o, i) => (
            <OperationEditor
              key={o.key}
              value={o}
              index={i}
              count={form.operations.length}
              workCentres={workCentres}
              message={message}
              editable={editable}
              onChange={(next) => setForm({ ...form, operations: form.operations.map((x) => (x.key === o.key ? next : x)) })}
              onRemove={() => setForm({ ...form, operations: form.operations.filter((x) => x.key !== o.key) })}
              onMove={(by) => moveOperation(i, by)}
              focusAfterMove={moved?.key === o.key ? moved.focus : undefined}
            />
          ))}
          <VisuallyHidden aria-live="polite">{moved?.text}</VisuallyHidden>
          {editable && (
            <Group>
              <Button variant="light" size="lg" onClick={() => setForm({ ...form, operations: [...form.operations, emptyOperation(workCentres.length === 1 ? workCentres[0].id : '')] })} disabled={form.operations.length >= 100}>
                {m('operations.add')}
              </Button>
            </Group>
          )}
          {submitted && <SaveProblem error={save.error} hintCount={save.error ? 0 : hints.length} />}
          {saved && !save.error && <Card withBorder bg="green.0" role="status" data-testid="saved">{m('form.saved')}</Card>}
          <Group gap="sm" pb="xl">
            {editable && <Button type="submit" size="lg" loading={save.isPending}>{m('form.save')}</Button>}
            <Button component={Link} to={part ? `${base}/parts/${part.id}` : `${base}/parts`} variant="default" size="lg">{part ? m('partDetail.backToPart') : m('form.back')}</Button>
          </Group>
        </Stack>
      </form>
      {unsaved.prompt}
    </>
  );
}
