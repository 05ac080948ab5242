import '../load-translations';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { NextStep } from '../../../../web/components/next-step';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { RecordHistory } from '../../../../web/components/record-history';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useFormat } from '../../../../web/i18n/format';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../../../web/api/client';
import type { Part, WorkCentre } from '../../schemas';
import { shopfloorPath, useWorkCentres } from '../api';
import { NotFound } from '../components/not-found';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { useLinkedOrders } from '../details/detail-api';
import { Fact } from '../details/fact';
import { LinkedOrdersTable } from '../details/linked-orders-table';
import { partsKey } from '../master-data/api';
import { useMasterData } from '../master-data/use-master-data';

const ORDERS_SHOWN = 10;

/** One part: what it is, its routing, its orders (newest first), its history, and the way to a new order. */
export default function PartDetailPage() {
  const { partId = '' } = useParams();
  const { company } = useMasterData();
  const part = useQuery({ queryKey: [...partsKey(company.id), partId], queryFn: () => get<Part>(`${shopfloorPath(company.id)}/parts/${partId}`), retry: false });
  const centres = useWorkCentres(company.id);
  if (part.error) return part.error instanceof ApiError && [400, 404].includes(part.error.status) ? <Missing /> : <ProblemAlert error={part.error} />;
  if (centres.error) return <ProblemAlert error={centres.error} />;
  if (!part.data || !centres.data) return <Loading />;
  return <PartDetail part={part.data} workCentres={centres.data} />;
}

function PartDetail({ part, workCentres }: { part: Part; workCentres: WorkCentre[] }) {
  const { m, t, company, canPlan, base } = useMasterData();
  const { number, localized } = useFormat();
  const orders = useLinkedOrders(company.id, { part: part.id, state: 'all', sort: 'recent', limit: ORDERS_SHOWN });
  const centre = new Map(workCentres.map((w) => [w.id, w]));
  const newOrder = `${base}/orders/new?part=${part.id}`;
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={m('part.titleEdit', { number: part.number })} intro={m('partDetail.intro')}>
        <Group mt="sm" gap="sm">
          {canPlan && <Button component={Link} to={`${base}/parts/${part.id}/edit`} size="lg" aria-label={m('partDetail.editLabel', { number: part.number })} data-testid="edit-record">{m('partDetail.edit')}</Button>}
          {canPlan && <Button component={Link} to={newOrder} size="lg" variant="light">{m('partDetail.newOrder')}</Button>}
          {!canPlan && <Button component={Link} to={`${base}/parts/${part.id}/edit`} size="lg" variant="light">{m('partDetail.showAll')}</Button>}
        </Group>
      </PageHeader>
      <Stack gap="lg">
        <Card withBorder padding="md" component="section" aria-labelledby="part-facts">
          <Title order={2} size="h4" id="part-facts" mb="sm">{m('partDetail.facts')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0} spacing="md">
            <Fact label={m('part.number')}>{part.number}</Fact>
            <Fact label={m('part.name')}>{part.name}</Fact>
            <Fact label={m('partDetail.routing')}>{part.operations.length === 0 ? m('parts.noRouting') : m('partDetail.operationCount', { count: part.operations.length })}</Fact>
          </SimpleGrid>
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="part-routing">
          <Title order={2} size="h4" id="part-routing" mb={4}>{m('partDetail.routing')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{m('partDetail.routingIntro')}</Text>
          {part.operations.length === 0 ? <Text>{m('parts.noRouting')}</Text> : (
            <ScrollRegion label={m('partDetail.routing')} minWidth={620}>
              <Table verticalSpacing="xs" data-testid="part-routing">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m('partDetail.column.operation')}</Table.Th>
                    <Table.Th scope="col">{m('partDetail.column.workCentre')}</Table.Th>
                    <Table.Th scope="col" ta="right">{m('partDetail.column.setup')}</Table.Th>
                    <Table.Th scope="col" ta="right">{m('partDetail.column.cycle')}</Table.Th>
                    <Table.Th scope="col">{m('partDetail.column.parameters')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {part.operations.map((op) => {
                    const wc = centre.get(op.workCentreId);
                    return (
                      <Table.Tr key={op.id}>
                        <Table.Td>{t('shopfloor.terminal.operation', { position: op.position, name: op.name })}</Table.Td>
                        <Table.Td>{wc ? <Anchor component={Link} to={`${base}/work-centres/${wc.id}`}>{`${wc.code} – ${wc.name}`}</Anchor> : ''}</Table.Td>
                        <Table.Td ta="right">{m('partDetail.minutes', { value: number(op.setupMinutes, 1) })}</Table.Td>
                        <Table.Td ta="right">{m('partDetail.seconds', { value: number(op.idealCycleSeconds, 1) })}</Table.Td>
                        <Table.Td>{op.parameters.length === 0 ? <Text span c="dimmed" size="sm">{m('partDetail.noParameters')}</Text> : op.parameters.map((p) => localized(p.label)).join(', ')}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="part-orders">
          <Title order={2} size="h4" id="part-orders" mb={4}>{m('partDetail.orders')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{m('partDetail.ordersIntro')}</Text>
          <ProblemAlert error={orders.error} />
          {!orders.data ? (!orders.error && <Loading />) : orders.data.items.length === 0 ? (
            <Text data-testid="part-no-orders">{m('partDetail.noOrders')}</Text>
          ) : (
            <>
              <LinkedOrdersTable orders={orders.data.items} base={base} label={m('partDetail.orders')} testId="part-orders" />
              {orders.data.total > ORDERS_SHOWN && (
                <Anchor component={Link} to={`${base}?q=${encodeURIComponent(part.number)}&state=all`} size="sm" display="block" mt="xs">
                  {m('partDetail.allOrders', { count: orders.data.total })}
                </Anchor>
              )}
            </>
          )}
        </Card>

        <RecordHistory path={`${shopfloorPath(company.id)}/parts/${part.id}/history`} queryKey={[...partsKey(company.id), part.id]} />

        {canPlan && part.operations.length > 0 && (
          <NextStep title={m('partDetail.next.title', { number: part.number })} text={m('partDetail.next.text')} to={newOrder} action={m('partDetail.newOrder')} testId="part-next-step" />
        )}
        <Group pb="xl">
          <Button component={Link} to={`${base}/parts`} variant="default" size="lg">{m('partDetail.backToList')}</Button>
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
      <Button component={Link} to={`${base}/parts`} variant="default" size="lg">{m('partDetail.backToList')}</Button>
    </Stack>
  );
}
