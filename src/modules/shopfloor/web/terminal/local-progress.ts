import type { OrderOperation } from '../../schemas';
import { type QueueEntry, allowedKinds, nextStatus } from '../booking-queue';

/** Server state of an operation plus this device's bookings the server state does not show yet. */
export function withLocalBookings(op: OrderOperation, entries: QueueEntry[], fetchedAt: number) {
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
