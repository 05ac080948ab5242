import '../load-translations';
import './load-record-translations';
import { Alert, Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ApiError } from '../../../../web/api/client';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { customersPath } from '../api';
import { useRecall, useRecallFilters } from './record-api';

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t - new Date(t).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
/** A day typed in the form as the moment it starts on this computer (the firm's time zone, as a rule). */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();

/** The recall question: which production orders, customer orders and customers got parts from a machine or with a parameter out of tolerance in a period. */
export default function RecallPage() {
  const { t, i18n } = useTranslation();
  const { dateTime, number, localized } = useFormat();
  const company = useCompany();
  const [params, setParams] = useSearchParams();
  const filters = useRecallFilters(company.id);
  const [cause, setCause] = useState<'machine' | 'parameter'>(params.get('parameter') ? 'parameter' : 'machine');
  const [machineId, setMachineId] = useState<string | null>(params.get('machineId'));
  const [parameter, setParameter] = useState<string | null>(params.get('parameter'));
  const [fromDay, setFromDay] = useState(params.get('fromDay') ?? isoDay(Date.now() - 30 * DAY_MS));
  const [toDay, setToDay] = useState(params.get('toDay') ?? isoDay(Date.now()));

  const asked = params.get('fromDay') && params.get('toDay') && (params.get('machineId') || params.get('parameter'));
  const query = asked
    ? new URLSearchParams({
      ...(params.get('machineId') ? { machineId: params.get('machineId')! } : { parameter: params.get('parameter')! }),
      from: startOf(params.get('fromDay')!),
      // the day named last is included: the period ends where the next day starts
      to: startOf(isoDay(Date.parse(`${params.get('toDay')!}T12:00:00`) + DAY_MS)),
    }).toString()
    : null;
  const answer = useRecall(company.id, query);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams({ fromDay, toDay });
    if (cause === 'machine' && machineId) next.set('machineId', machineId);
    if (cause === 'parameter' && parameter) next.set('parameter', parameter);
    setParams(next);
  };
  if (filters.error) return <ProblemAlert error={filters.error} />;
  if (!filters.data) return <Loading />;
  const f = filters.data;
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const measure = (n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 3 }).format(n);
  const exportHref = (kind: 'csv' | 'xlsx') => `/api/v1${customersPath(company.id)}/recall.${kind}?${query}&lang=${lang}`;
  // the server words a refused period in the reader's language; it belongs to the "to" field
  const problem = answer.error instanceof ApiError ? answer.error : null;
  const toError = problem?.errors.some((e) => e.path === 'querystring.to') ? problem.title : undefined;

  return (
    <>
      <PageHeader title={t('customersRecord.recall.title')} intro={t('customersRecord.recall.intro')} />
      <Stack gap="md">
        {!f.shopfloorOn && <Alert color="gray">{t('customersRecord.shopfloorOff')}</Alert>}
        <Card withBorder padding="md" component="form" onSubmit={submit} aria-label={t('customersRecord.recall.question')}>
          <Stack gap="sm">
            <SegmentedControl value={cause} onChange={(v) => setCause(v as 'machine' | 'parameter')} aria-label={t('customersRecord.recall.cause')}
              data={[{ value: 'machine', label: t('customersRecord.recall.byMachine') }, { value: 'parameter', label: t('customersRecord.recall.byParameter') }]} />
            <Group align="flex-end" wrap="wrap">
              {cause === 'machine'
                ? <Select label={t('customersRecord.recall.machine')} placeholder={t('customersRecord.recall.pickMachine')} data={f.machines.map((m) => ({ value: m.id, label: m.name }))} value={machineId} onChange={setMachineId} searchable w={260}
                  nothingFoundMessage={t('customersRecord.recall.noMachines')} data-testid="recall-machine" />
                : <Select label={t('customersRecord.recall.parameter')} placeholder={t('customersRecord.recall.pickParameter')} data={f.parameters.map((p) => ({ value: p.name, label: `${localized(p.label)}${p.unit ? ` (${p.unit})` : ''}` }))} value={parameter} onChange={setParameter} searchable w={260}
                  nothingFoundMessage={t('customersRecord.recall.noParameters')} data-testid="recall-parameter" />}
              <TextInput type="date" label={t('customersRecord.recall.from')} value={fromDay} onChange={(e) => setFromDay(e.currentTarget.value)} required />
              <TextInput type="date" label={t('customersRecord.recall.to')} value={toDay} onChange={(e) => setToDay(e.currentTarget.value)} required error={toError} />
              <Button type="submit" disabled={cause === 'machine' ? !machineId : !parameter}>{t('customersRecord.recall.ask')}</Button>
            </Group>
          </Stack>
        </Card>
        {answer.error && !toError && (problem ? <Alert color="red" role="alert">{problem.title}</Alert> : <ProblemAlert error={answer.error} />)}
        {query && answer.isLoading && <Loading />}
        {answer.data && (
          <Stack gap="sm" data-testid="recall-answer">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4">{t('customersRecord.recall.found', { count: answer.data.rows.length, customers: answer.data.customers.length })}</Title>
              <Group gap="sm">
                <Button component="a" href={exportHref('csv')} variant="light" size="sm">{t('customersRecord.recall.csv')}</Button>
                <Button component="a" href={exportHref('xlsx')} variant="light" size="sm">{t('customersRecord.recall.xlsx')}</Button>
              </Group>
            </Group>
            {answer.data.customers.length > 0 && (
              <Text size="sm">{t('customersRecord.recall.customers')}: {answer.data.customers.map((c) => `${c.name} (${c.number})`).join(', ')}</Text>
            )}
            {answer.data.rows.length === 0 ? <Text size="sm">{t('customersRecord.recall.nothing')}</Text> : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="xs" data-testid="recall-rows">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('customersRecord.recall.productionOrder')}</Table.Th>
                      <Table.Th scope="col">{t('customersRecord.recall.part')}</Table.Th>
                      <Table.Th scope="col">{t('customersRecord.recall.lot')}</Table.Th>
                      <Table.Th scope="col">{t('customersRecord.recall.when')}</Table.Th>
                      <Table.Th scope="col" ta="right">{cause === 'machine' ? t('customersRecord.recall.minutes') : t('customersRecord.recall.values')}</Table.Th>
                      <Table.Th scope="col">{t('customersRecord.recall.customerOrder')}</Table.Th>
                      <Table.Th scope="col">{t('customersRecord.recall.customer')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {answer.data.rows.map((r) => (
                      <Table.Tr key={r.productionOrder.id}>
                        <Table.Td>{r.productionOrder.number}</Table.Td>
                        <Table.Td>{r.productionOrder.partNumber}</Table.Td>
                        <Table.Td>{r.lot ?? ''}</Table.Td>
                        <Table.Td>{r.from === r.to ? dateTime(r.from) : `${dateTime(r.from)} – ${dateTime(r.to)}`}</Table.Td>
                        <Table.Td ta="right">{r.runningMinutes !== null ? number(r.runningMinutes) : r.outOfTolerance
                          ? t('customersRecord.recall.outOfTolerance', { count: r.outOfTolerance.bookings, min: measure(r.outOfTolerance.min), max: measure(r.outOfTolerance.max), unit: r.outOfTolerance.unit ?? '' })
                          : ''}</Table.Td>
                        <Table.Td>{r.customerOrder
                          ? <Anchor component={Link} to={`/c/${company.id}/customer-orders/${r.customerOrder.id}/production-record`}>{t('customersRecord.recall.orderPosition', { number: r.customerOrder.number, position: r.customerOrder.positionNumber })}</Anchor>
                          : <Text size="sm" c="dimmed">{t('customersRecord.recall.noCustomerOrder')}</Text>}</Table.Td>
                        <Table.Td>{r.customer ? <Anchor component={Link} to={`/c/${company.id}/customers/${r.customer.id}`}>{r.customer.name}</Anchor> : ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}
