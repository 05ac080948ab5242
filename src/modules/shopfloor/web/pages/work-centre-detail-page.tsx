import '../load-translations';
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, get } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { RecordHistory } from '../../../../web/components/record-history';
import { useFormat } from '../../../../web/i18n/format';
import type { WorkCentre } from '../../schemas';
import { shopfloorKeys, shopfloorPath } from '../api';
import { NotFound } from '../components/not-found';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { useLinkedOrders, useMachinesAt } from '../details/detail-api';
import { Fact } from '../details/fact';
import { LinkedOrdersTable } from '../details/linked-orders-table';
import { calendarToForm, weeklyMinutes } from '../master-data/calendar-form';
import { useMasterData } from '../master-data/use-master-data';
import { useShiftSummary } from './work-centres-page';

const OPEN_SHOWN = 10;
const FINISHED_SHOWN = 5;
const HOLIDAYS_SHOWN = 5;

/** One work centre: its shifts and holidays, the orders waiting and finished here, its machines, its history. */
export default function WorkCentreDetailPage() {
  const { workCentreId = '' } = useParams();
  const { company } = useMasterData();
  const centre = useQuery({
    queryKey: [...shopfloorKeys.workCentres(company.id), workCentreId],
    queryFn: () => get<WorkCentre>(`${shopfloorPath(company.id)}/work-centres/${workCentreId}`),
    retry: false,
  });
  if (centre.error) return centre.error instanceof ApiError && [400, 404].includes(centre.error.status) ? <Missing /> : <ProblemAlert error={centre.error} />;
  if (!centre.data) return <Loading />;
  return <WorkCentreDetail centre={centre.data} />;
}

function WorkCentreDetail({ centre }: { centre: WorkCentre }) {
  const { m, company, canPlan, base } = useMasterData();
  const { number, date } = useFormat();
  const summary = useShiftSummary();
  const open = useLinkedOrders(company.id, { workCentre: centre.id, state: 'open', sort: 'urgency', limit: OPEN_SHOWN });
  const finished = useLinkedOrders(company.id, { workCentre: centre.id, state: 'finished', sort: 'finished', limit: FINISHED_SHOWN });
  const machinesOn = company.modules.some((x) => x.id === 'machines' && x.enabled) && company.permissions.includes('machines.read');
  const machines = useMachinesAt(company.id, centre.id, machinesOn);
  const today = new Date().toLocaleDateString('sv-SE');
  const upcoming = [...centre.calendar.holidays].filter((d) => d >= today).sort().slice(0, HOLIDAYS_SHOWN);
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={m('workCentre.titleEdit', { code: centre.code })} intro={m('workCentreDetail.intro')}>
        <Group mt="sm" gap="sm">
          {canPlan && <Button component={Link} to={`${base}/work-centres/${centre.id}/edit`} size="lg" aria-label={m('workCentreDetail.editLabel', { code: centre.code })} data-testid="edit-record">{m('workCentreDetail.edit')}</Button>}
          {!canPlan && <Button component={Link} to={`${base}/work-centres/${centre.id}/edit`} size="lg" variant="light">{m('workCentreDetail.showAll')}</Button>}
          <Button component={Link} to={`${base}/controlling`} size="lg" variant="light">{m('workCentreDetail.controlling')}</Button>
        </Group>
      </PageHeader>
      <Stack gap="lg">
        <Card withBorder padding="md" component="section" aria-labelledby="centre-facts">
          <Title order={2} size="h4" id="centre-facts" mb="sm">{m('workCentreDetail.facts')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0} spacing="md">
            <Fact label={m('workCentre.code')}>{centre.code}</Fact>
            <Fact label={m('workCentre.name')}>{centre.name}</Fact>
            <Fact label={m('workCentreDetail.hoursPerWeek')}>{number(weeklyMinutes(calendarToForm(centre.calendar)) / 60, 1)}</Fact>
            <Fact label={m('workCentreDetail.shifts')} testId="centre-shifts">{summary(centre)}</Fact>
            <Fact label={m('workCentreDetail.timeZone')}>{centre.calendar.timeZone}</Fact>
          </SimpleGrid>
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="centre-holidays">
          <Title order={2} size="h4" id="centre-holidays" mb={4}>{m('workCentreDetail.holidays')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{m('workCentreDetail.holidaysIntro')}</Text>
          {upcoming.length === 0 ? <Text>{m('workCentreDetail.noHolidays')}</Text> : (
            <List data-testid="centre-holidays">{upcoming.map((d) => <List.Item key={d}>{date(`${d}T12:00:00`)}</List.Item>)}</List>
          )}
          <Text size="sm" c="dimmed" mt="xs">{m('workCentreDetail.holidayCount', { count: centre.calendar.holidays.length })}</Text>
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="centre-open">
          <Title order={2} size="h4" id="centre-open" mb={4}>{m('workCentreDetail.openOrders')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{m('workCentreDetail.openOrdersIntro')}</Text>
          <ProblemAlert error={open.error} />
          {!open.data ? (!open.error && <Loading />) : open.data.items.length === 0 ? <Text>{m('workCentreDetail.noOpenOrders')}</Text> : (
            <>
              <LinkedOrdersTable orders={open.data.items} base={base} workCentreId={centre.id} label={m('workCentreDetail.openOrders')} testId="centre-open-orders" />
              {open.data.total > OPEN_SHOWN && <Text size="sm" c="dimmed" mt="xs">{m('workCentreDetail.moreOpen', { count: open.data.total - OPEN_SHOWN })}</Text>}
            </>
          )}
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="centre-finished">
          <Title order={2} size="h4" id="centre-finished" mb="sm">{m('workCentreDetail.finishedOrders')}</Title>
          <ProblemAlert error={finished.error} />
          {!finished.data ? (!finished.error && <Loading />) : finished.data.items.length === 0 ? <Text>{m('workCentreDetail.noFinished')}</Text> : (
            <LinkedOrdersTable orders={finished.data.items} base={base} workCentreId={centre.id} label={m('workCentreDetail.finishedOrders')} testId="centre-finished-orders" />
          )}
        </Card>

        {machinesOn && (
          <Card withBorder padding="md" component="section" aria-labelledby="centre-machines">
            <Title order={2} size="h4" id="centre-machines" mb="sm">{m('workCentreDetail.machines')}</Title>
            <ProblemAlert error={machines.error} />
            {machines.data && (machines.data.length === 0 ? <Text>{m('workCentreDetail.noMachines')}</Text> : (
              <List data-testid="centre-machines">
                {machines.data.map((x) => <List.Item key={x.id}><Anchor component={Link} to={`/c/${company.id}/machines/${x.id}`}>{x.name}</Anchor></List.Item>)}
              </List>
            ))}
          </Card>
        )}

        <RecordHistory path={`${shopfloorPath(company.id)}/work-centres/${centre.id}/history`} queryKey={[...shopfloorKeys.workCentres(company.id), centre.id]} />

        <Group pb="xl">
          <Button component={Link} to={`${base}/work-centres`} variant="default" size="lg">{m('workCentreDetail.backToList')}</Button>
        </Group>
      </Stack>
    </>
  );
}

/** An unknown or removed record: say so, and lead back to the list. */
function Missing() {
  const { m, base } = useMasterData();
  return (
    <Stack gap="md" align="flex-start">
      <NotFound />
      <Button component={Link} to={`${base}/work-centres`} variant="default" size="lg">{m('workCentreDetail.backToList')}</Button>
    </Stack>
  );
}
