import '../load-translations';
import { Alert, Anchor, Button, Card, Checkbox, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { post } from '../../../../web/api/client';
import { useClientList } from '../../../../web/components/client-list';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { EvaluationDetail } from '../../schemas';
import { investKeys, investPath, useEvaluations, usePlanMeasures } from '../api';

export default function InvestListPage() {
  const { t } = useTranslation();
  const { money, percent, number, localized } = useFormat();
  const company = useCompany();
  const planMeasures = usePlanMeasures(company);
  const [params] = useSearchParams();
  const forMeasure = planMeasures.data?.find((m) => m.id === params.get('planItem'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useEvaluations(company.id);
  const [title, setTitle] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const canEdit = company.permissions.includes('invest.edit');
  const create = useMutation({
    mutationFn: () =>
      post<EvaluationDetail>(`${investPath(company.id)}/evaluations`, forMeasure ? { title, planItemId: forMeasure.id, measureId: forMeasure.measureId } : { title }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: investKeys.list(company.id) });
      navigate(`/c/${company.id}/invest/${created.id}`);
    },
  });
  const measureTitle = (id: string) => {
    const m = planMeasures.data?.find((x) => x.id === id);
    return m ? localized(m.title) : undefined;
  };
  const view = useClientList(list.data ?? [], {
    texts: (e) => [e.title, e.description, (e.planItemId && measureTitle(e.planItemId)) || ''],
    sorts: {
      updated: { label: t('invest.web.sortUpdated'), compare: (a, b) => b.updatedAt.localeCompare(a.updatedAt) },
      title: { label: t('invest.web.sortTitle'), compare: (a, b) => a.title.localeCompare(b.title) },
      npv: { label: t('invest.web.sortNpv'), compare: (a, b) => b.npvCents - a.npvCents || a.title.localeCompare(b.title) },
    },
  });
  // Started from a plan measure: the new evaluation is named after it and attached to it.
  useEffect(() => {
    if (forMeasure) setTitle((current) => current || localized(forMeasure.title));
  }, [forMeasure?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  if (list.error) return <ProblemAlert error={list.error} />;
  if (!list.data) return <Loading />;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <>
      <PageHeader title={t('invest.title')} intro={t('invest.web.listIntro')} />
      {canEdit && (
        <Card withBorder padding="md" mb="lg">
          {forMeasure && <Alert mb="sm" data-testid="new-for-measure">{t('invest.web.forPlanMeasure', { title: localized(forMeasure.title) })}</Alert>}
          <form onSubmit={(e) => { e.preventDefault(); if (title.trim()) create.mutate(); }}>
            <Group align="end">
              <TextInput label={t('invest.web.newTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} style={{ flex: 1 }} required />
              <Button type="submit" loading={create.isPending}>{t('invest.web.create')}</Button>
            </Group>
          </form>
          {create.error && <ProblemAlert error={create.error} />}
        </Card>
      )}
      {list.data.length === 0 ? (
        <Text>{t('invest.web.empty')}</Text>
      ) : (
        <Card withBorder padding="md">
          {view.controls}
          {view.noMatchNotice}
          <Table.ScrollContainer minWidth={700} display={view.noMatch ? 'none' : undefined}>
            <Table verticalSpacing="sm" data-testid="evaluation-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={40}><VisuallyHidden>{t('invest.web.compareSelected')}</VisuallyHidden></Table.Th>
                  <Table.Th scope="col">{t('invest.web.evaluation')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('invest.figures.npv.label')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('invest.figures.irr.label')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('invest.figures.paybackYears.label')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('invest.utility.label')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.shown.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td><Checkbox aria-label={t('invest.web.select', { title: e.title })} checked={selected.includes(e.id)} onChange={() => toggle(e.id)} /></Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/c/${company.id}/invest/${e.id}`} fw={600}>{e.title}</Anchor>
                      {e.planItemId && measureTitle(e.planItemId) && <Text size="xs" c="dimmed">{t('invest.web.planMeasureOf', { title: measureTitle(e.planItemId) })}</Text>}
                    </Table.Td>
                    <Table.Td ta="right">{money(Math.round(e.npvCents))}</Table.Td>
                    <Table.Td ta="right">{e.irr === null ? t('invest.figures.noIrr') : percent(e.irr, 1)}</Table.Td>
                    <Table.Td ta="right">{e.paybackYears === null ? t('invest.figures.notReached') : t('invest.web.years', { value: number(e.paybackYears, 1) })}</Table.Td>
                    <Table.Td ta="right">{e.utilityScore === null ? t('invest.web.notRated') : `${number(e.utilityScore, 0)} / 100`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {view.pagination}
          <Group mt="md">
            <Button variant="light" disabled={selected.length < 2 || selected.length > 4} onClick={() => navigate(`/c/${company.id}/invest/compare?ids=${selected.join(',')}`)}>
              {t('invest.web.compareSelected')}
            </Button>
            <Text size="sm" c="dimmed">{t('invest.web.compareHint')}</Text>
          </Group>
        </Card>
      )}
    </>
  );
}
