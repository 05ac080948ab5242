import '../load-translations';
import { Alert, Anchor, Button, Card, Grid, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useLeaveGuard } from '../../../../web/components/unsaved-changes';
import { InvalidFieldsProvider, NumberField, useInvalidFields } from '../../../../web/components/number-field';
import { del, put } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { RecordHistory } from '../../../../web/components/record-history';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { netCashFlows } from '../../domain/cash-flows';
import { evaluationResults } from '../../domain/evaluation-results';
import type { EvaluationData, EvaluationDetail, EvaluationResults } from '../../schemas';
import { investKeys, investPath, roadmapEnabled, useEvaluation, usePlanMeasures } from '../api';
import { CumulativeChart } from '../components/cumulative-chart';
import { DecisionSheet } from '../components/decision-sheet';
import { FiguresTable } from '../components/figures-table';
import { InputsForm } from '../components/inputs-form';
import { ScenarioEditor } from '../components/scenario-editor';
import { UtilityEditor } from '../components/utility-editor';

const dataOf = ({ id: _id, createdAt: _c, updatedAt: _u, results: _r, measureTitle: _m, ...data }: EvaluationDetail): EvaluationData => data;

/** Figures follow every keystroke (same domain code as the server); saving stores the inputs. */
function useLiveResults(form: EvaluationData | undefined): { results?: EvaluationResults; error?: string } {
  return useMemo(() => {
    if (!form) return {};
    try {
      return { results: evaluationResults(form) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [form]);
}

export default function InvestEditorPage() {
  const { t } = useTranslation();
  const { locale, localized } = useFormat();
  const company = useCompany();
  const planMeasures = usePlanMeasures(company);
  const showPlan = roadmapEnabled(company) && company.permissions.includes('roadmap.read');
  const { evaluationId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const stored = useEvaluation(company.id, evaluationId);
  const [form, setForm] = useState<EvaluationData>();
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (stored.data && !dirty) setForm(dataOf(stored.data));
  }, [stored.data, dirty]);
  const live = useLiveResults(form);
  const invalid = useInvalidFields();
  // Unsaved changes are not lost silently: leaving the page (link, back button) asks first, and so does closing or reloading the tab.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const leaveGuard = useLeaveGuard(dirtyRef);
  const canEdit = company.permissions.includes('invest.edit');
  const url = `${investPath(company.id)}/evaluations/${evaluationId}`;
  const save = useMutation({
    mutationFn: (data: EvaluationData) => put<EvaluationDetail>(url, data),
    onSuccess: (saved) => {
      queryClient.setQueryData(investKeys.detail(company.id, evaluationId), saved);
      void queryClient.invalidateQueries({ queryKey: investKeys.list(company.id) });
      void queryClient.invalidateQueries({ queryKey: [...investKeys.detail(company.id, evaluationId), 'history'] });
      setDirty(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => del(url),
    onSuccess: async () => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: investKeys.list(company.id) });
      navigate(`/c/${company.id}/invest`);
    },
  });

  if (stored.error) return <ProblemAlert error={stored.error} />;
  if (!form) return <Loading />;
  const change = (patch: Partial<EvaluationData>) => {
    setForm({ ...form, ...patch });
    setDirty(true);
    save.reset();
  };
  const setHorizon = (horizonYears: number) => {
    const fit = (flows: number[]) => Array.from({ length: horizonYears + 1 }, (_, i) => flows[i] ?? 0);
    const scenarios = { ...form.scenarios };
    for (const name of ['worst', 'best'] as const) {
      const spec = scenarios[name];
      if (spec.mode === 'cashFlows') scenarios[name] = { mode: 'cashFlows', cashFlowsCents: fit(spec.cashFlowsCents) };
    }
    change({ horizonYears, scenarios });
  };
  const results = live.results;
  const measures = planMeasures.data ?? [];
  const linked = form.planItemId ? measures.find((m) => m.id === form.planItemId) : undefined;
  const measureOptions = measures.map((m) => ({ value: m.id, label: m.status === 'dropped' ? `${localized(m.title)} (${t('invest.web.dropped')})` : localized(m.title) }));
  if (form.planItemId && !linked && planMeasures.data) measureOptions.push({ value: form.planItemId, label: t('invest.web.planMeasureGone') });
  const measureTitle = form.measureId && form.measureId === stored.data?.measureId ? stored.data.measureTitle : null;
  const intro = linked ? t('invest.web.planMeasureOf', { title: localized(linked.title) }) : measureTitle ? t('invest.web.linkedMeasure', { measure: localized(measureTitle) }) : undefined;

  return (
    <>
      <PageHeader title={form.title || t('invest.web.evaluation')} intro={intro}>
        <Anchor component={Link} to={`/c/${company.id}/invest`}>{t('invest.web.back')}</Anchor>
      </PageHeader>
      <InvalidFieldsProvider value={invalid}>
      <Stack gap="lg">
        {results && <DecisionSheet results={results} />}
        {live.error && <Alert color="red" role="alert">{t('invest.web.invalid', { reason: live.error })}</Alert>}
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="lg">
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">{t('invest.web.basics')}</Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput label={t('invest.web.titleLabel')} value={form.title} maxLength={200} required onChange={(e) => change({ title: e.currentTarget.value })} />
                {showPlan && (
                  <Select
                    label={t('invest.web.planMeasure')}
                    description={t('invest.web.planMeasureHint')}
                    data={measureOptions}
                    value={form.planItemId}
                    placeholder={t('invest.web.planMeasureNone')}
                    clearable
                    searchable
                    nothingFoundMessage="–"
                    onChange={(value) => change({ planItemId: value, measureId: value ? (measures.find((m) => m.id === value)?.measureId ?? null) : null })}
                  />
                )}
                <NumberField label={t('invest.web.horizon')} value={form.horizonYears} rules={{ integer: true, min: 1, max: 30 }} onValue={(v) => v !== null && setHorizon(v)} />
                <Textarea label={t('invest.web.description')} value={form.description} autosize minRows={2} maxLength={5000} onChange={(e) => change({ description: e.currentTarget.value })} />
                <NumberField
                  label={t('invest.discountRate.label')}
                  description={t('invest.discountRate.explanation')}
                  value={Math.round(form.discountRate * 10000) / 100}
                  rules={{ min: 0, max: 100, decimals: 2 }}
                  unit="%"
                  onValue={(v) => change({ discountRate: (v ?? 0) / 100 })}
                />
              </SimpleGrid>
            </Card>
            <InputsForm inputs={form.inputs} onChange={(inputs) => change({ inputs })} />
            <Card withBorder padding="md">
              <Title order={2} size="h4">{t('invest.web.scenariosTitle')}</Title>
              <Text size="sm" c="dimmed" mb="sm">{t('invest.web.scenariosIntro')}</Text>
              <Grid>
                {(['worst', 'best'] as const).map((name) => (
                  <Grid.Col key={name} span={{ base: 12, sm: 6 }}>
                    <ScenarioEditor
                      name={name}
                      spec={form.scenarios[name]}
                      currentFlows={results ? netCashFlows(results.scenarios[name].years) : Array.from({ length: form.horizonYears + 1 }, () => 0)}
                      onChange={(spec) => change({ scenarios: { ...form.scenarios, [name]: spec } })}
                    />
                  </Grid.Col>
                ))}
              </Grid>
            </Card>
          </Stack>
        </fieldset>
        {results && <FiguresTable results={results} />}
        {results && <CumulativeChart chart={results.chart} />}
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <UtilityEditor criteria={form.criteria} utility={results?.utility ?? null} onChange={(criteria) => change({ criteria })} />
        </fieldset>
        <RecordHistory path={`${url}/history`} queryKey={investKeys.detail(company.id, evaluationId)} />
        {save.error && <ProblemAlert error={save.error} />}
        {canEdit && (
          <Card withBorder padding="sm" pos="sticky" bottom={0} style={{ zIndex: 5 }}>
            <Group justify="space-between">
              <Group>
                <Button onClick={() => save.mutate(form)} loading={save.isPending} disabled={!dirty || invalid.count > 0}>{t('invest.web.save')}</Button>
                <Text size="sm" fw={600} role="status" c={invalid.count > 0 ? 'red.9' : undefined}>
                  {invalid.count > 0 ? t('numberField.fixFirst') : dirty ? t('invest.web.unsaved') : save.isSuccess ? t('invest.web.saved') : ''}
                </Text>
              </Group>
              <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => window.confirm(t('invest.web.confirmDelete')) && remove.mutate()}>{t('invest.web.delete')}</Button>
            </Group>
          </Card>
        )}
      </Stack>
      </InvalidFieldsProvider>
      {leaveGuard}
    </>
  );
}
