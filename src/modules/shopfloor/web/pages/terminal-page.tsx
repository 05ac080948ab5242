import '../load-translations';
import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { useMe } from '../../../../web/api/me';
import { shopfloorKeys, useBookingQueue, useOrders, useWorkCentres } from '../api';
import { TerminalSessionBar } from '../components/terminal-session-bar';
import { usePhotoQueue } from '../photo-queue';
import { useReasons } from '../reasons/reasons-api';
import { BookingLog } from '../terminal/booking-log';
import { OrderPanel } from '../terminal/order-panel';
import { OrderSearch } from '../terminal/order-search';
import { SyncBar } from '../terminal/sync-bar';
import { ALL_WORK_CENTRES, useTerminalOrder } from '../terminal/use-terminal-order';

// The camera scanner and its QR decoder are loaded only when "Scannen" is tapped.
const QrScanner = lazy(() => import('../qr/qr-scanner'));

/** The shop-floor terminal: find an order, book on its operations, see what is sent. */
export default function TerminalPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const queryClient = useQueryClient();
  const orders = useOrders(company.id, 30_000);
  const workCentres = useWorkCentres(company.id);
  const { queue, snapshot } = useBookingQueue(company.id);
  const { workCentre, chooseWorkCentre, typed, setTyped, orderNumber, focusPosition, openByCode, order } = useTerminalOrder(company.id, orders.data);
  const [scanning, setScanning] = useState(false);
  const reasons = useReasons(company.id).data ?? [];
  const photosWaiting = usePhotoQueue(company.id);
  const canBook = company.permissions.includes('shopfloor.book');
  // a terminal set up for one work centre shows only its operations
  const lockedCentre = (useMe().data?.terminal?.workCentreId as string | null | undefined) ?? null;

  // Fresh progress after every answer of the server.
  const lastAck = Math.max(0, ...snapshot.entries.map((e) => e.acknowledgedAt ?? 0));
  useEffect(() => {
    if (lastAck > 0) void queryClient.invalidateQueries({ queryKey: shopfloorKeys.orders(company.id) });
  }, [lastAck]); // eslint-disable-line react-hooks/exhaustive-deps

  if (orders.error && !orders.data) return <ProblemAlert error={orders.error} />;
  if (!orders.data || !workCentres.data) return <Loading />;
  const selectedCentre = lockedCentre ?? (workCentres.data.some((w) => w.id === workCentre) ? workCentre : ALL_WORK_CENTRES);

  return (
    <>
      <PageHeader title={t('shopfloor.terminal.title')} intro={t('shopfloor.terminal.intro')} />
      <TerminalSessionBar openBookings={snapshot.open} />
      <SyncBar snapshot={snapshot} queue={queue} photosWaiting={photosWaiting} />
      <OrderSearch
        workCentres={workCentres.data}
        selectedCentre={selectedCentre}
        lockedCentre={lockedCentre}
        onChooseWorkCentre={chooseWorkCentre}
        typed={typed}
        onType={setTyped}
        onOpen={openByCode}
        onScan={() => setScanning(true)}
      />
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
