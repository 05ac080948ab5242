import '../load-translations';
import { Alert, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, post, put } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { useCompany } from '../../../../web/layout/app-layout';
import { RISK_LEVELS, SUBJECTS_EXCEPTIONS, notificationDeadline } from '../../domain/breach';
import type { Breach } from '../../schemas';
import { privacyKeys, privacyPath, useBreach } from '../api';
import { fromLocalInput, toLocalInput } from '../../../../web/components/local-time-input';

interface FormValues {
  title: string;
  becameKnownAt: string;
  occurredFrom: string;
  occurredTo: string;
  nature: string;
  subjectCategories: string;
  subjectCount: number | '';
  recordCategories: string;
  recordCount: number | '';
  consequences: string;
  measures: string;
  contact: string;
  risk: (typeof RISK_LEVELS)[number];
  riskReason: string;
  delayReason: string;
  subjectsException: string;
}

const local = (iso: string | null) => (iso ? toLocalInput(Date.parse(iso)) : '');
const moment = (value: string) => (value ? new Date(fromLocalInput(value)).toISOString() : null);

function valuesOf(b: Breach | undefined): FormValues {
  return {
    title: b?.title ?? '',
    becameKnownAt: b ? local(b.becameKnownAt) : toLocalInput(Date.now()),
    occurredFrom: local(b?.occurredFrom ?? null),
    occurredTo: local(b?.occurredTo ?? null),
    nature: b?.nature ?? '',
    subjectCategories: b?.subjectCategories ?? '',
    subjectCount: b?.subjectCount ?? '',
    recordCategories: b?.recordCategories ?? '',
    recordCount: b?.recordCount ?? '',
    consequences: b?.consequences ?? '',
    measures: b?.measures ?? '',
    contact: b?.contact ?? '',
    risk: b?.risk ?? 'unassessed',
    riskReason: b?.riskReason ?? '',
    delayReason: b?.delayReason ?? '',
    subjectsException: b?.subjectsException ?? '',
  };
}

export default function BreachEditorPage() {
  const company = useCompany();
  const { breachId } = useParams();
  const breach = useBreach(company.id, breachId);
  if (breachId && breach.error) return <ProblemAlert error={breach.error} />;
  if (breachId && !breach.data) return <Loading />;
  return <BreachForm breach={breach.data} />;
}

function BreachForm({ breach }: { breach: Breach | undefined }) {
  const { t } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(() => valuesOf(breach));
  const [missing, setMissing] = useState(false);
  const unsaved = useUnsavedChanges(values);
  const set = <K extends keyof FormValues>(key: K) => (value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: keyof FormValues) => ({
    value: values[key] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key)(e.currentTarget.value as never),
    // a moment the server questions is marked at its field, with the server's translated reason
    error: save.error instanceof ApiError && save.error.code !== 'validation' && save.error.errors.some((e) => e.path === `body.${key}`) ? save.error.title : undefined,
  });
  const base = `${privacyPath(company.id)}/breaches`;
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: values.title,
        becameKnownAt: moment(values.becameKnownAt),
        occurredFrom: moment(values.occurredFrom),
        occurredTo: moment(values.occurredTo),
        nature: values.nature,
        subjectCategories: values.subjectCategories,
        subjectCount: values.subjectCount === '' ? null : values.subjectCount,
        recordCategories: values.recordCategories,
        recordCount: values.recordCount === '' ? null : values.recordCount,
        consequences: values.consequences,
        measures: values.measures,
        contact: values.contact,
        risk: values.risk,
        riskReason: values.riskReason,
        delayReason: values.delayReason,
        subjectsException: values.risk === 'high' && values.subjectsException ? values.subjectsException : null,
      };
      return breach ? put<Breach>(`${base}/${breach.id}`, body) : post<Breach>(base, body);
    },
    onSuccess: async (saved) => {
      unsaved.markSaved();
      queryClient.setQueryData(privacyKeys.detail(company.id, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: privacyKeys.list(company.id) });
      navigate(`/c/${company.id}/privacy/breaches/${saved.id}`);
    },
  });
  const known = fromLocalInput(values.becameKnownAt);
  // the reasons for a delay are asked for once the 72 hours are over (or the notice came after them)
  const late = Number.isFinite(known) && (breach?.authorityNotifiedAt ? Date.parse(breach.authorityNotifiedAt) : Date.now()) > notificationDeadline(known);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!values.title.trim() || !Number.isFinite(known)) return setMissing(true);
    setMissing(false);
    save.mutate();
  };
  const back = breach ? `/c/${company.id}/privacy/breaches/${breach.id}` : `/c/${company.id}/privacy/breaches`;
  return (
    <>
      {unsaved.prompt}
      <PageHeader title={breach ? t('privacy.form.editTitle') : t('privacy.form.newTitle')} intro={t('privacy.form.intro')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Card withBorder padding="lg">
            <Stack>
              <TextInput label={t('privacy.form.title')} placeholder={t('privacy.form.titlePlaceholder')} required maxLength={200} {...text('title')} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput type="datetime-local" label={t('privacy.form.becameKnownAt')} description={t('privacy.form.becameKnownHelp')} required {...text('becameKnownAt')} />
                <TextInput type="datetime-local" label={t('privacy.form.occurredFrom')} {...text('occurredFrom')} />
                <TextInput type="datetime-local" label={t('privacy.form.occurredTo')} {...text('occurredTo')} />
              </SimpleGrid>
              <Textarea label={t('privacy.form.nature')} autosize minRows={3} maxLength={5000} {...text('nature')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('privacy.form.subjectCategories')} maxLength={1000} {...text('subjectCategories')} />
                <NumberInput label={t('privacy.form.subjectCount')} min={0} allowDecimal={false} thousandSeparator="." decimalSeparator="," value={values.subjectCount} onChange={(v) => set('subjectCount')(typeof v === 'number' ? v : '')} />
                <TextInput label={t('privacy.form.recordCategories')} maxLength={1000} {...text('recordCategories')} />
                <NumberInput label={t('privacy.form.recordCount')} min={0} allowDecimal={false} thousandSeparator="." decimalSeparator="," value={values.recordCount} onChange={(v) => set('recordCount')(typeof v === 'number' ? v : '')} />
              </SimpleGrid>
              <Textarea label={t('privacy.form.consequences')} autosize minRows={2} maxLength={5000} {...text('consequences')} />
              <Textarea label={t('privacy.form.measures')} autosize minRows={2} maxLength={5000} {...text('measures')} />
              <TextInput label={t('privacy.form.contact')} maxLength={500} {...text('contact')} />
            </Stack>
          </Card>
          <Card withBorder padding="lg">
            <Stack>
              <NativeSelect label={t('privacy.form.risk')} description={t(`privacy.riskHelp.${values.risk}`)} value={values.risk} onChange={(e) => set('risk')(e.currentTarget.value as FormValues['risk'])}
                data={RISK_LEVELS.map((r) => ({ value: r, label: t(`privacy.risk.${r}`) }))} />
              {values.risk !== 'unassessed' && <Textarea label={t('privacy.form.riskReason')} autosize minRows={2} maxLength={5000} {...text('riskReason')} />}
              {values.risk === 'high' && (
                <NativeSelect label={t('privacy.form.subjectsException')} value={values.subjectsException} onChange={(e) => set('subjectsException')(e.currentTarget.value)}
                  data={[{ value: '', label: t('privacy.exception.none') }, ...SUBJECTS_EXCEPTIONS.map((x) => ({ value: x, label: t(`privacy.exception.${x}`) }))]} />
              )}
              {(late || values.delayReason) && <Textarea label={t('privacy.form.delayReason')} autosize minRows={2} maxLength={5000} {...text('delayReason')} />}
            </Stack>
          </Card>
          {missing && <Alert color="red" role="alert">{t('privacy.form.required')}</Alert>}
          {!(save.error instanceof ApiError && save.error.code !== 'validation' && save.error.errors.length > 0) && <ProblemAlert error={save.error} />}
          <Group>
            <Button type="submit" size="md" loading={save.isPending}>{t('privacy.form.save')}</Button>
            <Button component={Link} to={back} variant="default" size="md">{t('privacy.form.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
