import '../sales/load-sales-translations';
import { Badge, Box, Card, Center, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../../web/api/client';
import i18n from '../../../../web/i18n/i18n';
import { useFormat } from '../../../../web/i18n/format';
import { OrderStateBadge, ProductionStateBadge } from '../sales/components/state-badges';
import { useSharedOrder, type SharedOrder } from './share-api';

type Lang = 'de' | 'en';
type OperationStatus = NonNullable<SharedOrder['positions'][number]['productionOrders']>[number]['operations'][number]['status'];
const OPERATION_COLORS: Record<OperationStatus, string> = { planned: '#495057', setup: '#8a5a00', running: '#1864ab', paused: '#a84300', finished: '#237032' };
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

/** The customer reads in German unless the link or the switch says English; nothing is stored on the device. */
function useLinkLanguage(): [Lang, (lang: Lang) => void] {
  const [params, setParams] = useSearchParams();
  const lang: Lang = params.get('lang') === 'en' ? 'en' : 'de';
  useEffect(() => {
    document.documentElement.lang = lang;
    void i18n.changeLanguage(lang);
  }, [lang]);
  return [lang, (next) => setParams(next === 'de' ? {} : { lang: next }, { replace: true })];
}

/** Not for search engines, even if a link leaks: the server says so too (X-Robots-Tag). */
function useNoIndex(title: string) {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'robots';
    meta.content = 'noindex, nofollow';
    document.head.appendChild(meta);
    return () => meta.remove();
  }, []);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

type Operation = NonNullable<SharedOrder['positions'][number]['productionOrders']>[number]['operations'][number];

/** The parameters and machine signals the firm ticked, per operation: words and numbers, no charts. */
function RecordDetails({ operations }: { operations: Operation[] }) {
  const { t } = useTranslation();
  const { locale, localized, dateTime } = useFormat();
  // measured values keep the digits they were booked with (141,5 A, not 141,50 A)
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(n);
  const withDetails = operations.filter((op) => (op.parameters?.length ?? 0) > 0 || (op.signals?.some((m) => m.points.length > 0 || m.alarms > 0) ?? false));
  if (withDetails.length === 0) return null;
  // a mean of minute aggregates has many digits; one decimal says enough
  const rounded = (n: number) => Math.round(n * 10) / 10;
  const value = (v: number | string, unit: string | null) => `${typeof v === 'number' ? number(v) : v}${unit ? ` ${unit}` : ''}`;
  return (
    <Stack gap="xs" mt="xs">
      {withDetails.map((op, i) => (
        <Box key={`${op.name}-${i}`} data-testid="shared-record">
          {op.parameters && op.parameters.length > 0 && (
            <>
              <Text size="sm" fw={600}>{t('customersSales.shared.parametersOf', { operation: op.name })}</Text>
              <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {op.parameters.map((p, j) => (
                  <Group component="li" gap={6} key={j} wrap="wrap">
                    <Text size="sm">{localized(p.label)}: {value(p.value, p.unit)}</Text>
                    {(p.lower !== null || p.upper !== null) && <Text size="sm" c="dimmed">({t('customersSales.shared.tolerance', { lower: p.lower === null ? '–' : value(p.lower, null), upper: p.upper === null ? '–' : value(p.upper, null) })})</Text>}
                    {p.outOfTolerance && <Badge color="#c92a2a" variant="filled" styles={NO_TRUNCATION}>{t('customersSales.shared.outOfTolerance')}</Badge>}
                    <Text size="xs" c="dimmed">{dateTime(p.at)}</Text>
                  </Group>
                ))}
              </Stack>
            </>
          )}
          {op.signals?.filter((m) => m.points.length > 0 || m.alarms > 0).map((m) => (
            <Box key={m.machineName} mt={4}>
              <Text size="sm" fw={600}>{t('customersSales.shared.signalsOf', { operation: op.name, machine: m.machineName })}</Text>
              <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {m.points.map((pt) => (
                  <Text size="sm" component="li" key={pt.label}>
                    {t('customersSales.shared.signal', { label: pt.label, min: value(rounded(pt.min), pt.unit), mean: value(rounded(pt.mean), pt.unit), max: value(rounded(pt.max), pt.unit) })}
                    {pt.outsideMs > 0 ? ` ${t('customersSales.shared.outside', { count: Math.round(pt.outsideMs / 60_000) })}` : ''}
                  </Text>
                ))}
                {m.alarms > 0 && <Text size="sm" component="li">{t('customersSales.shared.alarms', { count: m.alarms })}</Text>}
              </Stack>
            </Box>
          ))}
        </Box>
      ))}
    </Stack>
  );
}

function Operations({ productionOrders }: { productionOrders: NonNullable<SharedOrder['positions'][number]['productionOrders']> }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  if (productionOrders.length === 0) return <Text size="sm">{t('customersSales.shared.noProduction')}</Text>;
  return (
    <Stack gap="sm">
      {productionOrders.map((po) => (
        <Box key={po.number}>
          <Group gap="xs" mb={4}>
            <Text size="sm" fw={600}>{t('customersSales.shared.productionOrder', { number: po.number })}</Text>
            <ProductionStateBadge state={po.state} />
            <Text size="sm">{t('customersSales.shared.goodOf', { good: number(po.good), quantity: number(po.quantity) })}</Text>
          </Group>
          <Table verticalSpacing={4} horizontalSpacing="xs" data-testid="shared-operations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('customersSales.shared.operation')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('customersSales.shared.good')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('customersSales.shared.scrap')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {po.operations.map((op, i) => (
                  <Table.Tr key={`${op.name}-${i}`}>
                    <Table.Td>
                      {/* name and state in one cell: three columns fit a phone */}
                      <Group gap={6} wrap="wrap">
                        <Text size="sm">{op.name}</Text>
                        <Badge color={OPERATION_COLORS[op.status]} variant="filled" styles={NO_TRUNCATION}>{t(`customersSales.shared.operationStates.${op.status}`)}</Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{number(op.good)}</Table.Td>
                    <Table.Td ta="right">{number(op.scrap)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
          </Table>
          <RecordDetails operations={po.operations} />
        </Box>
      ))}
    </Stack>
  );
}

function SharedOrderView({ view }: { view: SharedOrder }) {
  const { t } = useTranslation();
  const { date, number } = useFormat();
  const o = view.order;
  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
        <Stack gap="xs">
          <Title order={1} size="h2">{t('customersSales.shared.title', { number: o.number })}</Title>
          <Text>{t('customersSales.shared.for', { customer: o.customerName })}{o.customerReference ? ` · ${t('customersSales.shared.reference', { reference: o.customerReference })}` : ''}</Text>
          <Group gap="sm">
            <Text fw={600}>{t('customersSales.shared.state')}</Text>
            <OrderStateBadge state={o.state} />
          </Group>
          <Text size="lg" fw={700} data-testid="shared-promised-date">
            {o.promisedDate ? t('customersSales.shared.promisedDate', { date: date(o.promisedDate) }) : t('customersSales.shared.noPromisedDate')}
          </Text>
          <Text size="sm">{t('customersSales.shared.orderedAt', { date: date(o.orderedAt) })}</Text>
        </Stack>
      </Paper>
      <Title order={2} size="h3">{t('customersSales.shared.positions')}</Title>
      {view.positions.map((p) => (
        <Card withBorder p={{ base: 'sm', sm: 'md' }} key={p.number} component="section" aria-label={t('customersSales.shared.position', { number: p.number })}>
          <Stack gap="xs">
            <Title order={3} size="h5">{t('customersSales.shared.position', { number: p.number })}: {p.text}</Title>
            <Text size="sm">{t('customersSales.shared.quantity', { quantity: number(p.quantity, Number.isInteger(p.quantity) ? 0 : 3) })}</Text>
            {p.promisedDate && <Text size="sm">{t('customersSales.shared.positionPromised', { date: date(p.promisedDate) })}</Text>}
            {p.productionOrders && <Operations productionOrders={p.productionOrders} />}
          </Stack>
        </Card>
      ))}
      <Text size="sm" c="dimmed">{t('customersSales.shared.validUntil', { date: date(view.expiresAt) })}</Text>
    </Stack>
  );
}

/** The page a customer opens from a link (`/p/o/<linkId>.<secret>`): read-only, no sign-in, no cookies. */
export default function SharedOrderPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [lang, setLang] = useLinkLanguage();
  const shared = useSharedOrder(token);
  const firm = shared.data?.firm.name ?? '';
  useNoIndex(shared.data ? t('customersSales.shared.title', { number: shared.data.order.number }) : t('common.appName'));
  return (
    <Center p={{ base: 'xs', sm: 'md' }} bg="gray.0" mih="100vh" style={{ alignItems: 'flex-start' }}>
      <Box w="100%" maw={880}>
        <Group justify="space-between" mb="md" component="header" wrap="wrap">
          <Text fw={700} size="xl" c="werkblau.8">{firm || t('common.appName')}</Text>
          <SegmentedControl
            aria-label={t('customersSales.shared.language')}
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={[{ value: 'de', label: 'Deutsch' }, { value: 'en', label: 'English' }]}
          />
        </Group>
        <Box component="main">
          {shared.isLoading && <Center p="xl"><Loader aria-label={t('customersSales.shared.loading')} /></Center>}
          {shared.error && (
            <Paper withBorder p="lg" radius="md" role="alert">
              <Title order={1} size="h3" mb="sm">{t('customersSales.shared.unavailableTitle')}</Title>
              <Text>{shared.error instanceof ApiError && shared.error.status === 429 ? t('customersSales.shared.tooMany') : t('customersSales.shared.unavailable')}</Text>
            </Paper>
          )}
          {shared.data && <SharedOrderView view={shared.data} />}
        </Box>
        <Text size="xs" c="dimmed" ta="center" mt="lg" component="footer">{t('customersSales.shared.footer')}</Text>
      </Box>
    </Center>
  );
}
