import '../load-translations';
import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { NextStep } from '../../../../web/components/next-step';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { RecordHistory } from '../../../../web/components/record-history';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { parseQuarter } from '../../domain/quarter';
import { type PlanItemView, type PlanView, roadmapPath, usePlan } from '../api';
import { PlanItemEditor } from '../components/plan-item-editor';
import { PlanItemEvaluations } from '../components/plan-item-evaluations';

const STATUS_COLOR = { planned: 'blue', in_progress: 'indigo', done: 'green', dropped: 'gray' } as const;
const quarterText = (q: string) => q.replace('-', ' ');
const currentQuarter = () => { const d = new Date(); return d.getFullYear() * 4 + Math.floor(d.getMonth() / 3); };

/**
 * One plan measure (`roadmap/plan/:itemId`): status and progress, owner and period, goal and KPI,
 * costs and benefits from its investment evaluations, prerequisites, and its history. Its editor
 * opens over it at `…/edit`.
 */
export default function MeasurePage() {
  const { itemId = '' } = useParams();
  const { t } = useTranslation();
  const company = useCompany();
  const plan = usePlan(company.id);
  if (plan.error) return <ProblemAlert error={plan.error} />;
  if (!plan.data) return <Loading />;
  const item = plan.data.items.find((i) => i.id === itemId);
  if (!item) {
    return (
      <Stack gap="md" align="flex-start">
        <Alert color="yellow" role="alert">{t('roadmap.item.notFound')}</Alert>
        <Button component={Link} to={`/c/${company.id}/roadmap/plan`} variant="default">{t('roadmap.item.backToPlan')}</Button>
      </Stack>
    );
  }
  return <Measure item={item} plan={plan.data} />;
}

function Measure({ item, plan }: { item: PlanItemView; plan: PlanView }) {
  const { t } = useTranslation();
  const { localized, date } = useFormat();
  const company = useCompany();
  const navigate = useNavigate();
  const base = `/c/${company.id}/roadmap/plan`;
  const page = `${base}/${item.id}`;
  const editing = useMatch('/c/:companyId/roadmap/plan/:itemId/edit') !== null;
  const mayPlan = company.permissions.includes('roadmap.plan');
  const mayEvaluate = plan.investEnabled && company.permissions.includes('invest.edit');
  const title = localized(item.title);
  const prerequisites = item.dependsOn.map((id) => plan.items.find((i) => i.id === id)).filter((i): i is PlanItemView => i !== undefined);
  const owner = item.ownerName ?? item.ownerText;
  return (
    <>
      <PageHeader title={title} intro={t('roadmap.item.intro')}>
        <Group mt="sm" gap="sm">
          {mayPlan && <Button component={Link} to={`${page}/edit`} size="lg" aria-label={t('roadmap.item.editLabel', { title })} data-testid="edit-record">{t('roadmap.item.edit')}</Button>}
          <Button component={Link} to={base} size="lg" variant="default">{t('roadmap.item.backToPlan')}</Button>
        </Group>
      </PageHeader>
      <Stack gap="lg">
        <Card withBorder padding="md" component="section" aria-labelledby="measure-facts">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="measure-facts">{t('roadmap.item.facts')}</Title>
            <Badge color={STATUS_COLOR[item.status]} c="dark.8" variant="light" size="lg" data-testid="measure-status">{t(`roadmap.status.${item.status}`)}</Badge>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0} spacing="md">
            <Fact label={t('roadmap.item.progress')} testId="measure-progress"><Progress item={item} /></Fact>
            <Fact label={t('roadmap.item.owner')}>{owner ?? t('roadmap.item.noOwner')}</Fact>
            <Fact label={t('roadmap.item.period')}>
              {!item.startQuarter ? t('roadmap.item.unscheduled')
                : !item.endQuarter || item.endQuarter === item.startQuarter ? quarterText(item.startQuarter)
                  : t('roadmap.item.periodValue', { start: quarterText(item.startQuarter), end: quarterText(item.endQuarter) })}
            </Fact>
            <Fact label={t('roadmap.item.since')}>{date(item.acceptedAt)}</Fact>
            <Fact label={t('roadmap.item.source')}>{item.custom ? t('roadmap.item.own') : t('roadmap.item.fromCatalogue')}</Fact>
            {item.effort && <Fact label={t('roadmap.item.effort')}>{t(`roadmap.level.${item.effort}`)}</Fact>}
            {item.benefit && <Fact label={t('roadmap.item.benefit')}>{t(`roadmap.level.${item.benefit}`)}</Fact>}
            {item.quadrant && <Fact label={t('roadmap.item.quadrant')}>{t(`roadmap.quadrant.${item.quadrant}`)}</Fact>}
          </SimpleGrid>
          {item.description && (
            <>
              <Text size="sm" c="dimmed" mt="md">{t('roadmap.item.description')}</Text>
              <Text maw={760}>{localized(item.description)}</Text>
            </>
          )}
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="measure-goal">
          <Title order={2} size="h4" id="measure-goal" mb="sm">{t('roadmap.item.goal')}</Title>
          {!item.microGoal && !item.kpiName ? <Text>{t('roadmap.item.noGoal')}</Text> : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} spacing="md">
              {item.microGoal && <Fact label={t('roadmap.item.microGoal')}>{item.microGoal}</Fact>}
              {item.kpiName && <Fact label={t('roadmap.item.kpi')}>{t('roadmap.item.kpiValue', { name: item.kpiName, target: item.kpiTarget ?? '–', unit: item.kpiUnit ?? '' }).trim()}</Fact>}
            </SimpleGrid>
          )}
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="measure-costs">
          <Title order={2} size="h4" id="measure-costs" mb={4}>{t('roadmap.item.costs')}</Title>
          {!plan.investEnabled ? <Text>{t('roadmap.item.investOff')}</Text> : (
            <>
              <Text size="sm" c="dimmed" mb="sm">{t('roadmap.item.costsIntro')}</Text>
              {item.evaluations.length === 0 ? <Text>{t('roadmap.plan.noEvaluation')}</Text> : <PlanItemEvaluations companyId={company.id} evaluations={item.evaluations} />}
              {mayEvaluate && item.evaluations.length > 0 && (
                <Group mt="sm"><Button component={Link} to={`/c/${company.id}/invest?planItem=${item.id}`} variant="light">{t('roadmap.plan.evaluate')}</Button></Group>
              )}
            </>
          )}
        </Card>

        {prerequisites.length > 0 && (
          <Card withBorder padding="md" component="section" aria-labelledby="measure-prerequisites">
            <Title order={2} size="h4" id="measure-prerequisites" mb={4}>{t('roadmap.item.dependsOn')}</Title>
            <Text size="sm" c="dimmed" mb="sm">{t('roadmap.item.dependsOnIntro')}</Text>
            <List>
              {prerequisites.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`${base}/${p.id}`}>{localized(p.title)}</Anchor> – {t(`roadmap.status.${p.status}`)}
                </List.Item>
              ))}
            </List>
          </Card>
        )}

        <RecordHistory path={`${roadmapPath(company.id)}/plan/items/${item.id}/history`} queryKey={['roadmap', company.id, 'plan', 'items', item.id]} />

        {mayEvaluate && item.evaluations.length === 0 && (item.status === 'planned' || item.status === 'in_progress') && (
          <NextStep title={t('roadmap.item.next.title')} text={t('roadmap.item.next.text')} to={`/c/${company.id}/invest?planItem=${item.id}`} action={t('roadmap.plan.evaluate')} testId="measure-next-step" />
        )}
        <Group pb="xl">
          <Button component={Link} to={base} variant="default" size="lg">{t('roadmap.item.backToPlan')}</Button>
        </Group>
      </Stack>
      {editing && mayPlan && (
        <PlanItemEditor companyId={company.id} item={item} members={plan.members} investEnabled={plan.investEnabled}
          onClose={() => navigate(page, { replace: true })} onRemoved={() => navigate(base, { replace: true })} />
      )}
    </>
  );
}

/** How far the measure has come, in words: its status against its planned quarters. */
function Progress({ item }: { item: PlanItemView }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const now = currentQuarter();
  const start = item.startQuarter;
  const end = item.endQuarter ?? item.startQuarter;
  const key = 'roadmap.item.progressText';
  if (item.status === 'done') return <>{item.doneAt ? t(`${key}.done`, { date: date(item.doneAt) }) : t('roadmap.status.done')}</>;
  if (item.status === 'dropped') return <>{t(`${key}.dropped`)}</>;
  if (item.status === 'in_progress') {
    if (!end) return <>{t(`${key}.in_progress`)}</>;
    return <>{t(parseQuarter(end) < now ? `${key}.inProgressLate` : `${key}.inProgressUntil`, { end: quarterText(end) })}</>;
  }
  if (!start) return <>{t(`${key}.planned`)}</>;
  return <>{t(parseQuarter(start) < now ? `${key}.plannedLate` : `${key}.plannedFrom`, { start: quarterText(start) })}</>;
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="sm" c="dimmed" component="dt">{label}</Text>
      <Text fw={600} component="dd" m={0}>{children}</Text>
    </div>
  );
}
