import '../load-translations';
import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useMe } from '../../../../web/api/me';
import { type ParameterDefinition, isOutOfTolerance, toleranceLimits } from '../../domain/process-parameters';
import type { Reason } from '../../domain/reason-tree';
import { reasonText } from '../reasons/reason-text';
import type { Order, OrderOperation } from '../../schemas';
import { shopfloorKeys, useBookingQueue, useOrders, useShopfloorSettings, useWorkCentres } from '../api';
import { needsConfirmation } from '../../domain/booking-sync';
import { DEFAULT_MARGIN_PERCENT, CorrectionDialog } from '../components/correction-dialog';
import { type NumberProblem, readNumber } from '../../../../web/components/number-text';
import { useNumberProblemText } from '../../../../web/components/number-field';
import { type BookingKind, type BookingQueue, type EntryState, type QueueEntry, type QueueSnapshot, allowedKinds, nextStatus } from '../booking-queue';
import { RecordedParameters } from '../components/recorded-parameters';
import { TerminalSessionBar } from '../components/terminal-session-bar';
import { COLORS, StatusBadge } from '../components/status-badge';
import { PauseReasonDialog } from '../components/pause-reason-dialog';
import { PhotoParameterField } from '../components/photo-parameter-field';
import { ScrapReasonPicker } from '../components/scrap-reason-picker';
import { parseOrderCodeDetail } from '../order-code';
import { usePhotoQueue } from '../photo-queue';
import { useReasons } from '../reasons/reasons-api';

// The camera scanner and its QR decoder are loaded only when "Scannen" is tapped.
const QrScanner = lazy(() => import('../qr/qr-scanner'));
const ALL = 'all';

/** Server state of an operation plus this device's bookings the server state does not show yet. */
function withLocalBookings(op: OrderOperation, entries: QueueEntry[], fetchedAt: number) {
  let { status, good, scrap } = op;
  let local = false;
  const mine = entries
    .filter((e) => e.booking.operationId === op.id)
    .filter((e) => e.state === 'pending' || e.state === 'waiting' || (e.state === 'applied' && (e.acknowledgedAt ?? 0) > fetchedAt))
    .sort((a, b) => a.booking.sequence - b.booking.sequence);
  for (const e of mine) {
    if (e.booking.kind === 'reversal') {
      // a correction takes back its booking's quantities, in any state
      good -= e.reversed?.good ?? 0;
      scrap -= e.reversed?.scrap ?? 0;
      if (e.state !== 'applied') local = true;
      continue;
    }
    if (!allowedKinds(status).includes(e.booking.kind)) continue;
    status = nextStatus(status, e.booking.kind);
    if (e.booking.kind === 'quantity') {
      good += e.booking.good ?? 0;
      scrap += e.booking.scrap ?? 0;
    }
    if (e.state !== 'applied') local = true;
  }
  return { status, good, scrap, local };
}

const STATE_COLOR: Record<EntryState, string> = { pending: COLORS.orange, waiting: COLORS.orange, applied: COLORS.green, duplicate: COLORS.green, conflict: COLORS.red };

export default function TerminalPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const queryClient = useQueryClient();
  const orders = useOrders(company.id, 30_000);
  const workCentres = useWorkCentres(company.id);
  const { queue, snapshot } = useBookingQueue(company.id);
  const [params, setParams] = useSearchParams();
  const wcKey = `werkverbund.shopfloor.${company.id}.workCentre`;
  const [workCentre, setWorkCentre] = useState<string>(() => localStorage.getItem(wcKey) ?? ALL);
  const [typed, setTyped] = useState(params.get('order') ?? '');
  const [orderNumber, setOrderNumber] = useState<string | null>(params.get('order'));
  const [focusPosition, setFocusPosition] = useState<number | null>(() => Number(params.get('op')) || null);
  const [scanning, setScanning] = useState(false);
  const reasons = useReasons(company.id).data ?? [];
  const photosWaiting = usePhotoQueue(company.id);
  const canBook = company.permissions.includes('shopfloor.book');
  // a terminal set up for one work centre shows only its operations
  const lockedCentre = useMe().data?.terminal?.workCentreId ?? null;

  // Fresh progress after every answer of the server.
  const lastAck = Math.max(0, ...snapshot.entries.map((e) => e.acknowledgedAt ?? 0));
  useEffect(() => {
    if (lastAck > 0) void queryClient.invalidateQueries({ queryKey: shopfloorKeys.orders(company.id) });
  }, [lastAck]); // eslint-disable-line react-hooks/exhaustive-deps

  const chooseWorkCentre = (id: string | null) => {
    const value = id ?? ALL;
    setWorkCentre(value);
    localStorage.setItem(wcKey, value);
  };

  /** Opens an order by what was typed or scanned (a QR scanner calls this with the decoded text). */
  const openByCode = (code: string) => {
    const { order: value, operation } = parseOrderCodeDetail(code);
    setTyped(value);
    setOrderNumber(value || null);
    setFocusPosition(operation);
    setParams(value ? { order: value, ...(operation ? { op: String(operation) } : {}) } : {}, { replace: true });
  };

  const order = useMemo(() => {
    if (!orderNumber || !orders.data) return undefined;
    const wanted = orderNumber.toLocaleLowerCase();
    return orders.data.find((o) => o.number.toLocaleLowerCase() === wanted) ?? null;
  }, [orderNumber, orders.data]);

  if (orders.error && !orders.data) return <ProblemAlert error={orders.error} />;
  if (!orders.data || !workCentres.data) return <Loading />;
  const selectedCentre = lockedCentre ?? (workCentres.data.some((w) => w.id === workCentre) ? workCentre : ALL);

  return (
    <>
      <PageHeader title={t('shopfloor.terminal.title')} intro={t('shopfloor.terminal.intro')} />
      <TerminalSessionBar openBookings={snapshot.open} />
      <SyncBar snapshot={snapshot} queue={queue} photosWaiting={photosWaiting} />
      <Card withBorder padding="lg" mb="lg">
        <form onSubmit={(e) => { e.preventDefault(); openByCode(typed); }}>
          <Stack gap="md">
            <Select
              size="lg"
              maw={520}
              label={t('shopfloor.terminal.workCentre')}
              value={selectedCentre}
              allowDeselect={false}
              disabled={lockedCentre !== null}
              description={lockedCentre ? t('terminal.lockedToCentre') : undefined}
              onChange={chooseWorkCentre}
              data={[{ value: ALL, label: t('shopfloor.terminal.allWorkCentres') }, ...workCentres.data.map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))]}
            />
            <Group align="end" gap="md">
              <TextInput
                size="xl"
                style={{ flex: '1 1 280px' }}
                label={t('shopfloor.terminal.orderNumber')}
                description={t('shopfloor.terminal.orderNumberHint')}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                autoComplete="off"
                autoCapitalize="characters"
                enterKeyHint="go"
                data-testid="order-number"
              />
              <Button type="submit" size="xl" disabled={!typed.trim()}>{t('shopfloor.terminal.find')}</Button>
              <Button size="xl" variant="outline" onClick={() => setScanning(true)} data-testid="scan">{t('shopfloorReasons.scan.button')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {order === null && <Alert color="red" role="alert" mb="lg" title={t('shopfloor.terminal.notFound', { number: orderNumber })} />}
      {order && (
        <OrderPanel
          order={order}
          workCentreId={selectedCentre}
          entries={snapshot.entries}
          fetchedAt={orders.dataUpdatedAt}
          canBook={canBook}
          queue={queue}
          focusPosition={focusPosition}
          reasons={reasons}
          onClose={() => openByCode('')}
        />
      )}
      {scanning && (
        <Suspense fallback={null}>
          <QrScanner onClose={() => setScanning(false)} onResult={(text) => { setScanning(false); openByCode(text); }} />
        </Suspense>
      )}
      <BookingLog entries={snapshot.entries} reasons={reasons} />
    </>
  );
}

function SyncBar({ snapshot, queue, photosWaiting }: { snapshot: QueueSnapshot; queue: BookingQueue; photosWaiting: number }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" mb="lg" data-testid="sync-status" role="status" aria-live="polite">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Badge size="xl" variant="filled" color={snapshot.offline ? COLORS.red : COLORS.green}>{snapshot.offline ? '⚠' : '✓'}</Badge>
          <Stack gap={0}>
            <Text fw={700}>{snapshot.offline ? t('shopfloor.sync.offline') : t('shopfloor.sync.online')}</Text>
            <Text data-testid="open-count">
              {snapshot.sending ? t('shopfloor.sync.sending') : snapshot.open > 0 ? t('shopfloor.sync.open', { count: snapshot.open }) : t('shopfloor.sync.allSent')}
            </Text>
            {photosWaiting > 0 && <Text data-testid="photos-waiting">{t('shopfloorReasons.photo.waiting', { count: photosWaiting })}</Text>}
          </Stack>
        </Group>
        {snapshot.open > 0 && (
          <Button size="lg" variant="light" onClick={() => void queue.flush()} loading={snapshot.sending}>{t('shopfloor.sync.sendNow')}</Button>
        )}
      </Group>
      {snapshot.lastError && !snapshot.offline && <Text c="red.9" mt="sm">{t('shopfloor.sync.error', { code: snapshot.lastError })}</Text>}
    </Card>
  );
}

function OrderPanel(props: { order: Order; workCentreId: string; entries: QueueEntry[]; fetchedAt: number; canBook: boolean; queue: BookingQueue; focusPosition: number | null; reasons: Reason[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { number, date } = useFormat();
  const { order } = props;
  const operations = order.operations.filter((op) => props.workCentreId === ALL || op.workCentreId === props.workCentreId);
  return (
    <Card withBorder padding="lg" mb="lg" data-testid="order-panel">
      <Group justify="space-between" align="start" mb="md">
        <Stack gap={2}>
          <Title order={2} size="h3">{t('shopfloor.terminal.order', { number: order.number })}</Title>
          <Text>{t('shopfloor.terminal.orderDetails', { part: order.partNumber, quantity: number(order.quantity) })}</Text>
          {order.dueDate && <Text c="dimmed">{t('shopfloor.terminal.dueDate', { date: date(`${order.dueDate}T12:00:00`) })}</Text>}
        </Stack>
        <Button size="lg" variant="default" onClick={props.onClose}>{t('shopfloor.terminal.close')}</Button>
      </Group>
      {!props.canBook && <Alert mb="md">{t('shopfloor.terminal.noBookPermission')}</Alert>}
      {operations.length === 0 ? (
        <Text>{t('shopfloor.terminal.noOperations')}</Text>
      ) : (
        <Stack gap="md">
          {operations.map((op) => (
            <OperationCard key={op.id} order={order} op={op} entries={props.entries} fetchedAt={props.fetchedAt} canBook={props.canBook} queue={props.queue} focused={op.position === props.focusPosition} reasons={props.reasons} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function OperationCard({ order, op, entries, fetchedAt, canBook, queue, focused, reasons }: {
  order: Order; op: OrderOperation; entries: QueueEntry[]; fetchedAt: number; canBook: boolean; queue: BookingQueue; focused: boolean; reasons: Reason[];
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const [dialog, setDialog] = useState<'pause' | 'quantity' | 'parameters' | 'correction' | null>(null);
  const company = useCompany();
  const margin = useShopfloorSettings(company.id).data?.overQuantityMarginPercent ?? DEFAULT_MARGIN_PERCENT;
  const view = withLocalBookings(op, entries, fetchedAt);
  const allowed = allowedKinds(view.status);
  const headingId = `op-${op.id}`;
  const hasForm = op.parameters.length > 0;
  const book = (kind: BookingKind, extra: {
    good?: number; scrap?: number; reason?: string; parameters?: Array<{ name: string; value: number | string }>;
    confirmed?: boolean; reverses?: string; reversed?: { good: number; scrap: number };
  } = {}) => {
    queue.book({ operationId: op.id, kind, ...extra, orderNumber: order.number, operationName: op.name });
    // The process-parameter form follows the start of production.
    setDialog(kind === 'start-production' && hasForm ? 'parameters' : null);
  };
  const simple: BookingKind[] = ['start-setup', 'start-production', 'resume', 'finish'];
  // The operation named by a scanned QR code is marked and scrolled into view.
  useEffect(() => {
    if (focused) document.getElementById(headingId)?.scrollIntoView({ block: 'center' });
  }, [focused, headingId]);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-operation={op.name} data-status={view.status} data-focused={focused || undefined}
      style={focused ? { borderColor: COLORS.blue, borderWidth: 3 } : undefined}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} size="h4" id={headingId}>{t('shopfloor.terminal.operation', { position: op.position, name: op.name })}</Title>
          <Text data-testid="counts">{t('shopfloor.terminal.counts', { good: number(view.good), scrap: number(view.scrap), quantity: number(order.quantity) })}</Text>
          {view.local && <Text size="sm" c={COLORS.orange} fw={600}>{t('shopfloor.terminal.includesPending')}</Text>}
          <RecordedParameters op={op} />
        </Stack>
        <StatusBadge status={view.status} size="xl" />
      </Group>
      {view.status === 'finished' ? (
        <Group justify="space-between" wrap="wrap">
          <Text c="dimmed">{t('shopfloor.terminal.finished')}</Text>
          {canBook && (view.good > 0 || view.scrap > 0) && (
            <Button size="lg" variant="default" onClick={() => setDialog('correction')}>{t('shopfloor.correction.button')}</Button>
          )}
        </Group>
      ) : (
        canBook && (
          <Group gap="md">
            {allowed.filter((k) => simple.includes(k)).map((k) => (
              <Button key={k} size="xl" miw={200} color={k === 'finish' ? COLORS.blue : undefined} variant={k === 'finish' ? 'outline' : 'filled'} onClick={() => book(k)}>
                {t(`shopfloor.actions.${k}`)}
              </Button>
            ))}
            {allowed.includes('pause') && (
              <Button size="xl" miw={200} color={COLORS.orange} onClick={() => setDialog('pause')}>{t('shopfloor.actions.pause')}</Button>
            )}
            {allowed.includes('quantity') && (
              <Button size="xl" miw={200} color={COLORS.teal} onClick={() => setDialog('quantity')}>{t('shopfloor.actions.quantity')}</Button>
            )}
            {hasForm && allowed.includes('parameters') && (
              <Button size="xl" miw={200} variant="outline" onClick={() => setDialog('parameters')}>{t('shopfloor.actions.parameters')}</Button>
            )}
            {(view.good > 0 || view.scrap > 0) && (
              <Button size="xl" miw={200} variant="default" onClick={() => setDialog('correction')}>{t('shopfloor.correction.button')}</Button>
            )}
          </Group>
        )
      )}
      <PauseReasonDialog opened={dialog === 'pause'} reasons={reasons} onClose={() => setDialog(null)} onPause={(reason) => book('pause', reason ? { reason: reason.id } : {})} />
      <QuantityDialog opened={dialog === 'quantity'} reasons={reasons} onClose={() => setDialog(null)} onBook={(q) => book('quantity', q)}
        limit={{ orderQuantity: order.quantity, marginPercent: margin }} goodSoFar={view.good} />
      {dialog === 'correction' && (
        <CorrectionDialog companyId={company.id} op={op} entries={entries} reasons={reasons} onClose={() => setDialog(null)}
          onReverse={(original, reason) => book('reversal', { reverses: original.key, reason, reversed: { good: original.good, scrap: original.scrap } })} />
      )}
      {hasForm && <ParametersDialog opened={dialog === 'parameters'} definitions={op.parameters} onClose={() => setDialog(null)} onBook={(parameters) => book('parameters', { parameters })} />}
    </Card>
  );
}

function QuantityDialog({ opened, reasons, onClose, onBook, limit, goodSoFar }: {
  opened: boolean; reasons: Reason[]; onClose: () => void; onBook: (q: { good: number; scrap: number; reason?: string; confirmed?: boolean }) => void;
  limit: { orderQuantity: number; marginPercent: number }; goodSoFar: number;
}) {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const problemText = useNumberProblemText();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [good, setGood] = useState('');
  const [scrap, setScrap] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldProblems, setFieldProblems] = useState<{ good?: NumberProblem; scrap?: NumberProblem }>({});
  const [confirming, setConfirming] = useState<{ good: number; scrap: number; reason?: string } | null>(null);
  useEffect(() => {
    if (opened) {
      setGood('');
      setScrap('');
      setReason(null);
      setProblem(null);
      setFieldProblems({});
      setConfirming(null);
    }
  }, [opened]);
  // Quantities are whole numbers from 0: anything else ("-5abc", "2,5", "1e3") is refused with its reason, never cut to a number.
  const read = (text: string) => readNumber(text, lang, { integer: true, min: 0, optional: true });
  const scrapValue = (() => {
    const r = read(scrap);
    return r.ok ? (r.value ?? 0) : 0;
  })();
  const submit = () => {
    const g = read(good);
    const s = read(scrap);
    setFieldProblems({ ...(g.ok ? {} : { good: g.problem }), ...(s.ok ? {} : { scrap: s.problem }) });
    if (!g.ok || !s.ok) return setProblem(t('shopfloor.quantity.fixFields'));
    const goodValue = g.value ?? 0;
    const scrapCount = s.value ?? 0;
    if (goodValue + scrapCount === 0) return setProblem(t('shopfloor.quantity.needQuantity'));
    if (scrapCount > 0 && !reason) return setProblem(t('shopfloor.quantity.needReason'));
    setProblem(null);
    const q = scrapCount > 0 && reason ? { good: goodValue, scrap: scrapCount, reason } : { good: goodValue, scrap: scrapCount };
    if (needsConfirmation(limit, goodSoFar, goodValue, scrapCount)) return setConfirming(q);
    onBook(q);
  };
  const remaining = limit.orderQuantity - goodSoFar;
  return (
    <Modal opened={opened} onClose={onClose} title={t('shopfloor.quantity.title')} size="lg" centered>
      {confirming ? (
        <Stack gap="md" data-testid="quantity-confirmation">
          <Alert color={COLORS.orange} variant="outline" role="alert" title={t('shopfloor.quantity.confirmTitle')} styles={{ title: { color: COLORS.orange } }}>
            {t('shopfloor.quantity.confirmText', {
              quantity: number(confirming.good + confirming.scrap),
              remaining: number(Math.max(0, remaining)),
              order: number(limit.orderQuantity),
              margin: number(limit.marginPercent),
            })}
          </Alert>
          <Group justify="end">
            <Button size="lg" variant="default" onClick={() => setConfirming(null)} data-autofocus>{t('shopfloor.quantity.change')}</Button>
            <Button size="xl" color={COLORS.orange} onClick={() => onBook({ ...confirming, confirmed: true })}>
              {t('shopfloor.quantity.confirmAnyway', { quantity: number(confirming.good + confirming.scrap) })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">{t('shopfloor.quantity.remaining', { remaining: number(Math.max(0, remaining)), order: number(limit.orderQuantity) })}</Text>
            <SimpleGrid cols={2} spacing="md">
              <TextInput size="xl" label={t('shopfloor.quantity.good')} value={good} inputMode="numeric" autoComplete="off" data-autofocus data-testid="quantity-good"
                onChange={(e) => { setGood(e.currentTarget.value); setFieldProblems((p) => ({ ...p, good: undefined })); }}
                error={fieldProblems.good ? problemText(fieldProblems.good) : undefined} />
              <TextInput size="xl" label={t('shopfloor.quantity.scrap')} value={scrap} inputMode="numeric" autoComplete="off" data-testid="quantity-scrap"
                onChange={(e) => { setScrap(e.currentTarget.value); setFieldProblems((p) => ({ ...p, scrap: undefined })); }}
                error={fieldProblems.scrap ? problemText(fieldProblems.scrap) : undefined} />
            </SimpleGrid>
            {scrapValue > 0 && <ScrapReasonPicker reasons={reasons} value={reason} onChange={setReason} />}
            {problem && <Alert color="red" role="alert">{problem}</Alert>}
            <Group justify="end">
              <Button size="lg" variant="default" onClick={onClose}>{t('shopfloor.quantity.cancel')}</Button>
              <Button size="xl" type="submit" color={COLORS.teal}>{t('shopfloor.quantity.confirm')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function ParametersDialog({ opened, definitions, onClose, onBook }: {
  opened: boolean; definitions: ParameterDefinition[]; onClose: () => void; onBook: (values: Array<{ name: string; value: number | string }>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const company = useCompany();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const [values, setValues] = useState<Record<string, number | string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setValues({});
      setProblem(null);
    }
  }, [opened]);
  const filled = (d: ParameterDefinition) => {
    const v = values[d.id];
    return d.type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' && v.trim() !== '';
  };
  const withUnit = (n: number, unit?: string) => `${number(n)}${unit ? ` ${unit}` : ''}`;
  const hint = (d: ParameterDefinition) => {
    if (d.type !== 'number' || d.target === undefined) return undefined;
    const { lower, upper } = toleranceLimits(d);
    return t('shopfloor.parameters.target', {
      target: withUnit(d.target, d.unit),
      lower: lower === null ? '–' : withUnit(lower, d.unit),
      upper: upper === null ? '–' : withUnit(upper, d.unit),
    });
  };
  const submit = () => {
    const missing = definitions.filter((d) => d.required && !filled(d));
    if (missing.length > 0) return setProblem(t('shopfloor.parameters.missing', { labels: missing.map((d) => d.label[lang]).join(', ') }));
    const list = definitions.filter(filled).map((d) => ({ name: d.id, value: d.type === 'number' ? (values[d.id] as number) : String(values[d.id]).trim() }));
    if (list.length === 0) return setProblem(t('shopfloor.parameters.empty'));
    onBook(list);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('shopfloor.parameters.title')} size="lg" centered>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="md">
          {definitions.map((d, i) => {
            const label = d.type === 'number' && d.unit ? `${d.label[lang]} (${d.unit})` : d.label[lang];
            const v = values[d.id];
            const out = d.type === 'number' && typeof v === 'number' && isOutOfTolerance(v, d);
            const set = (value: number | string | null) => setValues((old) => ({ ...old, [d.id]: value ?? '' }));
            return (
              <Stack key={d.id} gap={4} data-parameter={d.id}>
                {d.type === 'number' && (
                  <NumberInput size="xl" label={label} description={hint(d)} value={v ?? ''} onChange={set} required={d.required} decimalSeparator={lang === 'de' ? ',' : '.'} inputMode="decimal" aria-invalid={out || undefined} data-autofocus={i === 0 || undefined} />
                )}
                {d.type === 'text' && <TextInput size="xl" label={label} value={(v as string) ?? ''} onChange={(e) => set(e.currentTarget.value)} required={d.required} maxLength={1000} />}
                {d.type === 'choice' && <Select size="xl" label={label} value={(v as string) || null} onChange={set} required={d.required} data={[...(d.options ?? [])]} />}
                {d.type === 'photo' && <PhotoParameterField companyId={company.id} label={label} required={d.required} value={(v as string) || undefined} onChange={set} />}
                {out && (
                  <Text c="red.9" fw={700} role="alert" data-testid="tolerance-warning">
                    ⚠ {t('shopfloor.parameters.outOfToleranceHint', { label: d.label[lang], range: hint(d) ?? '' })}
                  </Text>
                )}
              </Stack>
            );
          })}
          {problem && <Alert color="red" role="alert">{problem}</Alert>}
          <Group justify="end">
            <Button size="lg" variant="default" onClick={onClose}>{t('shopfloor.parameters.cancel')}</Button>
            <Button size="xl" type="submit">{t('shopfloor.parameters.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function describeKind(entry: QueueEntry, t: (key: string, o?: Record<string, unknown>) => string, reasons: Reason[], lang: 'de' | 'en'): string {
  const b = entry.booking;
  if (b.kind === 'parameters') return `${t('shopfloor.actions.parameters')}: ${t('shopfloor.sync.parameters', { count: b.parameters?.length ?? 0 })}`;
  if (b.kind === 'quantity') {
    const scrapReason = b.reason && (b.scrap ?? 0) > 0 ? ` – ${reasonText(b.reason, 'quantity', reasons, lang, t)}` : '';
    return `${t('shopfloor.actions.quantity')}: ${t('shopfloor.sync.quantity', { good: b.good ?? 0, scrap: b.scrap ?? 0 })}${scrapReason}`;
  }
  if (b.kind === 'reversal') {
    const what = entry.reversed ? t('shopfloor.sync.quantity', { good: entry.reversed.good, scrap: entry.reversed.scrap }) : '';
    return `${t('shopfloor.actions.reversal')}: ${what} – ${t('shopfloor.correction.reasonShort', { reason: b.reason ?? '' })}`;
  }
  if (b.kind === 'pause' && b.reason) return `${t('shopfloor.actions.pause')}: ${reasonText(b.reason, 'pause', reasons, lang, t)}`;
  return t(`shopfloor.actions.${b.kind}`);
}

function BookingLog({ entries, reasons }: { entries: QueueEntry[]; reasons: Reason[] }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormat();
  const newest = [...entries].sort((a, b) => b.booking.sequence - a.booking.sequence).slice(0, 30);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h3" mb="md">{t('shopfloor.sync.log')}</Title>
      {newest.length === 0 ? (
        <Text c="dimmed">{t('shopfloor.sync.logEmpty')}</Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="booking-log">
          {newest.map((e) => (
            <li key={e.booking.key} data-state={e.state} data-kind={e.booking.kind}>
              <Group justify="space-between" wrap="nowrap" align="start">
                <Stack gap={0}>
                  <Text fw={600}>{describeKind(e, t, reasons, i18n.language.startsWith('en') ? 'en' : 'de')}</Text>
                  <Text size="sm" c="dimmed">{t('shopfloor.sync.logEntry', { order: e.orderNumber, operation: e.operationName })} · {dateTime(e.booking.at)}</Text>
                  {e.state === 'conflict' && (
                    <Text size="sm" c="red.9" data-testid="conflict">
                      {i18n.exists(`shopfloor.conflicts.${e.conflictReason}`) ? t(`shopfloor.conflicts.${e.conflictReason}`) : t('shopfloor.conflicts.unknown', { reason: e.conflictReason })}
                      {e.operationStatus && ` ${t('shopfloor.conflicts.operationStatus', { status: t(`shopfloor.status.${e.operationStatus}`) })}`}
                    </Text>
                  )}
                </Stack>
                <Badge variant="filled" size="lg" color={STATE_COLOR[e.state]} style={{ flexShrink: 0 }}>{t(`shopfloor.sync.state.${e.state}`)}</Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
