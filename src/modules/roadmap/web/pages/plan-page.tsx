import '../load-translations';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { NextStep } from '../../../../web/components/next-step';
import { Loading } from '../../../../web/components/loading';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useAddOwn, usePlan, useSchedule } from '../api';
import { PlanTimeline } from '../components/plan-timeline';
import { RoadmapHeader } from '../components/roadmap-header';

export default function PlanPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const company = useCompany();
  const plan = usePlan(company.id);
  const schedule = useSchedule(company.id);
  const addOwn = useAddOwn(company.id);
  const [title, setTitle] = useState('');
  const mayPlan = company.permissions.includes('roadmap.plan');
  // `?item=<id>` (from the search or a notification): that measure's own page
  const [params] = useSearchParams();
  const wanted = params.get('item');
  const navigate = useNavigate();
  useEffect(() => {
    if (wanted) navigate(`/c/${company.id}/roadmap/plan/${wanted}`, { replace: true });
  }, [wanted]); // eslint-disable-line react-hooks/exhaustive-deps
  if (plan.error) return <><RoadmapHeader /><ProblemAlert error={plan.error} /></>;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  const active = p.items.filter((i) => i.status !== 'dropped');
  return (
    <>
      <RoadmapHeader />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap={4}>
            {p.startQuarter && <Text data-testid="plan-scheduled">{t('roadmap.plan.scheduled', { start: p.startQuarter, size: t(`roadmap.size.${p.capacity.sizeClass}`), parallel: p.capacity.parallel })}</Text>}
            <Text fw={600} data-testid="next-review">{p.nextReview ? t('roadmap.plan.nextReview', { date: date(p.nextReview) }) : t('roadmap.plan.noReview')}</Text>
            {mayPlan && active.length > 0 && (
              <Group mt="xs"><Button onClick={() => schedule.mutate(undefined)} loading={schedule.isPending}>{t('roadmap.plan.schedule')}</Button></Group>
            )}
          </Stack>
        </Paper>
        <ProblemAlert error={schedule.error} />
        {active.length === 0 ? <Alert>{t('roadmap.plan.empty')}</Alert> : <PlanTimeline companyId={company.id} items={active} />}
        {mayPlan && (
          <Paper withBorder p="md" component="form" onSubmit={(e) => { e.preventDefault(); addOwn.mutate({ title }, { onSuccess: () => setTitle('') }); }}>
            <Title order={2} size="h4" mb="xs">{t('roadmap.plan.addOwn')}</Title>
            <ProblemAlert error={addOwn.error} />
            <Group align="flex-end">
              <TextInput label={t('roadmap.plan.ownTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button type="submit" loading={addOwn.isPending}>{t('roadmap.plan.add')}</Button>
            </Group>
          </Paper>
        )}
        {active.length > 0 && p.startQuarter && (
          <NextStep title={t('roadmap.nextStep.toHome.title')} text={t('roadmap.nextStep.toHome.text')} to={`/c/${company.id}`} action={t('roadmap.nextStep.toHome.action')} testId="plan-next-step" />
        )}
      </Stack>
    </>
  );
}
