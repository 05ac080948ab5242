import '../load-translations';
import './load-record-translations';
import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { customersPath } from '../api';
import { ProductionStateBadge } from '../sales/components/state-badges';
import { type RecordMachine, type RecordOperation, type RecordParameter, useProductionRecord } from './record-api';

const GREEN = '#237032';
const RED = '#c92a2a';
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

function ToleranceBadge({ parameter }: { parameter: RecordParameter }) {
  const { t } = useTranslation();
  if (parameter.lower === null && parameter.upper === null) return <Text size="sm" c="dimmed">{t('customersRecord.noTolerance')}</Text>;
  return parameter.outOfTolerance
    ? <Badge color={RED} variant="filled" styles={NO_TRUNCATION}>{t('customersRecord.outOfTolerance')}</Badge>
    : <Badge color={GREEN} variant="filled" styles={NO_TRUNCATION}>{t('customersRecord.inTolerance')}</Badge>;
}

/** A measured value with up to `digits` decimals, without padding zeros (125 A, 141,5 A). */
function useMeasure() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 3 });
  return (n: number) => format.format(n);
}

function Parameters({ parameters, companyId, seesPhotos }: { parameters: RecordParameter[]; companyId: string; seesPhotos: boolean }) {
  const { t } = useTranslation();
  const { dateTime, localized } = useFormat();
  const number = useMeasure();
  const values = parameters.filter((p) => p.type !== 'photo');
  const photos = parameters.filter((p) => p.type === 'photo');
  const withUnit = (n: number | null, unit: string | null) => (n === null ? '' : `${number(n)}${unit ? ` ${unit}` : ''}`);
  const range = (p: RecordParameter) => (p.lower !== null && p.upper !== null ? `${withUnit(p.lower, null)} … ${withUnit(p.upper, p.unit)}` : p.lower !== null ? `≥ ${withUnit(p.lower, p.unit)}` : p.upper !== null ? `≤ ${withUnit(p.upper, p.unit)}` : '');
  return (
    <>
      {values.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} data-testid="record-parameters">
            <Table.Caption>{t('customersRecord.parameters')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('customersRecord.parameter')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('customersRecord.value')}</Table.Th>
                <Table.Th scope="col">{t('customersRecord.allowed')}</Table.Th>
                <Table.Th scope="col">{t('customersRecord.check')}</Table.Th>
                <Table.Th scope="col">{t('customersRecord.bookedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.map((p, i) => (
                <Table.Tr key={`${p.name}-${i}`}>
                  <Table.Td>{localized(p.label)}</Table.Td>
                  <Table.Td ta="right">{typeof p.value === 'number' ? withUnit(p.value, p.unit) : p.value}</Table.Td>
                  <Table.Td>{range(p)}</Table.Td>
                  <Table.Td><ToleranceBadge parameter={p} /></Table.Td>
                  <Table.Td>{dateTime(p.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {photos.length > 0 && (
        <Group gap="sm" data-testid="record-photos">
          <Text size="sm">{t('customersRecord.photos', { count: photos.length })}</Text>
          {photos.map((p, i) => p.photo?.uploaded && seesPhotos
            ? <Anchor key={p.photo.id} size="sm" href={`/api/v1${customersPath(companyId)}/shopfloor/photos/${p.photo.id}`} target="_blank" rel="noopener">{t('customersRecord.openPhoto', { label: localized(p.label), n: i + 1 })}</Anchor>
            : <Text key={`${p.name}-${i}`} size="sm" c="dimmed">{p.photo?.uploaded ? localized(p.label) : t('customersRecord.photoNotUploaded', { label: localized(p.label) })}</Text>)}
        </Group>
      )}
    </>
  );
}

function Signals({ machines }: { machines: RecordMachine[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const number = useMeasure();
  const rows = machines.flatMap((m) => m.points.map((p) => ({ m, p })));
  const alarms = machines.flatMap((m) => m.alarms.map((a) => ({ m, a })));
  if (rows.length === 0 && alarms.length === 0) return <Text size="sm" c="dimmed">{t('customersRecord.noSignals')}</Text>;
  const withUnit = (n: number, unit: string) => `${number(Math.round(n * 100) / 100)}${unit ? ` ${unit}` : ''}`;
  return (
    <>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing={4} data-testid="record-signals">
            <Table.Caption>{t('customersRecord.signals')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('customersRecord.machine')}</Table.Th>
                <Table.Th scope="col">{t('customersRecord.signal')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('customersRecord.min')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('customersRecord.mean')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('customersRecord.max')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('customersRecord.outside')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ m, p }) => (
                <Table.Tr key={`${m.machineId}-${p.point}`}>
                  <Table.Td>{m.machineName}</Table.Td>
                  <Table.Td>{p.label || p.point}</Table.Td>
                  <Table.Td ta="right">{withUnit(p.min, p.unit)}</Table.Td>
                  <Table.Td ta="right">{withUnit(p.mean, p.unit)}</Table.Td>
                  <Table.Td ta="right">{withUnit(p.max, p.unit)}</Table.Td>
                  <Table.Td ta="right">{p.limits.low === null && p.limits.high === null ? t('customersRecord.noLimits') : t('customersRecord.minutes', { count: Math.round(p.outsideMs / 60_000) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {alarms.length > 0 && (
        <div data-testid="record-alarms">
          <Text size="sm" fw={500}>{t('customersRecord.alarms', { count: alarms.length })}</Text>
          <List size="sm">
            {alarms.map(({ m, a }) => (
              <List.Item key={a.id}>{t('customersRecord.alarmLine', { machine: m.machineName, rule: a.ruleName || a.point, from: dateTime(a.raisedAt), to: a.clearedAt ? dateTime(a.clearedAt) : t('customersRecord.stillOpen') })}</List.Item>
            ))}
          </List>
        </div>
      )}
    </>
  );
}

function Operation({ op, companyId, seesPhotos }: { op: RecordOperation; companyId: string; seesPhotos: boolean }) {
  const { t } = useTranslation();
  const { number, dateTime, localized } = useFormat();
  return (
    <Stack gap={6} component="section" aria-label={t('customersRecord.operationLabel', { position: op.position * 10, name: op.name })} data-testid="record-operation">
      <Title order={4} size="h6">{t('customersRecord.operationLabel', { position: op.position * 10, name: op.name })} · {op.workCentre.name}</Title>
      <Text size="sm">
        {op.startedAt
          ? t('customersRecord.times', { start: dateTime(op.startedAt), finish: op.finishedAt ? dateTime(op.finishedAt) : t('customersRecord.notFinished') })
          : t('customersRecord.notStarted')}
        {' · '}{t('customersRecord.quantities', { good: number(op.good), scrap: number(op.scrap) })}
      </Text>
      {op.scrapByReason.length > 0 && (
        <Text size="sm">{t('customersRecord.scrapReasons')}: {op.scrapByReason.map((s) => `${s.reason ? localized(s.reason) : t('customersRecord.noReason')} (${number(s.scrap)})`).join(', ')}</Text>
      )}
      <Parameters parameters={op.parameters} companyId={companyId} seesPhotos={seesPhotos} />
      {op.machines === null ? <Text size="sm" c="dimmed">{t('customersRecord.machinesOff')}</Text> : op.startedAt && <Signals machines={op.machines} />}
    </Stack>
  );
}

export default function ProductionRecordPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const { customerOrderId = '' } = useParams();
  const [search] = useSearchParams();
  const position = search.get('position');
  const selector = position ? { position } : { order: customerOrderId };
  const record = useProductionRecord(company.id, selector);
  const seesPhotos = company.permissions.includes('shopfloor.read');
  if (record.error) return <ProblemAlert error={record.error} />;
  if (!record.data) return <Loading />;
  const r = record.data;
  const query = position ? `position=${position}` : `order=${customerOrderId}`;
  const pdf = (lang: 'de' | 'en') => `/api/v1${customersPath(company.id)}/production-records/pdf?${query}&lang=${lang}`;
  return (
    <>
      <PageHeader title={t('customersRecord.title', { number: r.order.number })} helpTitle={t('customersRecord.title', { number: r.order.number })}>
        <Group gap="sm">
          <Text size="sm">{t('customersRecord.for')} <Anchor component={Link} to={`/c/${company.id}/customers/${r.customer.id}`}>{r.customer.name} ({r.customer.number})</Anchor></Text>
          <Group gap="sm" data-testid="record-pdf-links">
            <Text size="sm">{t('customersRecord.pdf')}</Text>
            {(['de', 'en'] as const).map((lang) => (
              <Anchor key={lang} href={pdf(lang)} target="_blank" rel="noopener" size="sm" aria-label={t('customersRecord.pdfIn', { language: t(`customersRecord.languages.${lang}`) })}>
                {t(`customersRecord.languages.${lang}`)}
              </Anchor>
            ))}
          </Group>
        </Group>
        <Group><Button component={Link} to={`/c/${company.id}/customer-orders/${r.order.id}`} variant="subtle">{t('customersRecord.back', { number: r.order.number })}</Button></Group>
      </PageHeader>
      <Stack gap="md">
        {!r.sources.shopfloor && <Alert color="gray">{t('customersRecord.shopfloorOff')}</Alert>}
        {r.positions.map((p) => (
          <Card withBorder padding="md" key={p.id} component="section" aria-label={t('customersRecord.position', { number: p.number, text: p.text })} data-testid="record-position">
            <Title order={2} size="h5">{t('customersRecord.position', { number: p.number, text: p.text })}</Title>
            {p.productionOrders.length === 0 && <Text size="sm">{t('customersRecord.noProduction')}</Text>}
            {p.productionOrders.map((po) => (
              <Stack gap="sm" key={po.id} mt="sm">
                <Group gap="sm">
                  <Title order={3} size="h6">{t('customersRecord.productionOrder', { number: po.number, part: po.partNumber, count: po.quantity })}</Title>
                  <ProductionStateBadge state={po.state} />
                </Group>
                {po.lotNumber && <Text size="sm" data-testid="record-lot">{t('customersRecord.lot', { lot: po.lotNumber })}{po.serialNumbers.length > 0 ? ` · ${t('customersRecord.serials', { serials: po.serialNumbers.join(', ') })}` : ''}</Text>}
                {po.operations.map((op) => <Operation key={op.id} op={op} companyId={company.id} seesPhotos={seesPhotos} />)}
              </Stack>
            ))}
          </Card>
        ))}
      </Stack>
    </>
  );
}
