import { randomUUID } from 'node:crypto';
import type { ParameterDefinition } from './domain/process-parameters.js';
import { hashPin, verifyPin } from '../../kernel/auth/pin.js';
import type { Db } from '../../kernel/db/database.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { insertTerminalWorker, pinsOfPersonnelNumber } from '../../kernel/tenancy/members.js';
import { syncBookings } from './bookings.service.js';
import { listReasons } from './reasons.service.js';
import { type BookingInput, calendarSchema } from './schemas.js';
import { type DemoBooking, WorkClock, demoWorkingWindows, operationBookings, seededRandom } from './shopfloor.demo-history.js';
import type { ShopfloorContext } from './shopfloor.service.js';
import { type NewOrder, insertOrders, insertWorkCentre, savePart } from './shopfloor.store.js';
import { issueNumbers } from './lots.store.js';

const twoShifts = calendarSchema.parse({
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [
    { name: 'Frühschicht', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] },
    { name: 'Spätschicht', start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] },
  ]])),
  holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31'],
});

/** Two work centres, a welded bracket with its routing and three open orders. */
/** Process-parameter form of MAG welding. */
export const WELDING_FORM: ParameterDefinition[] = [
  { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', unit: 'A', target: 180, lowerTolerance: 10, upperTolerance: 10, required: true },
  { id: 'voltage', label: { de: 'Spannung', en: 'Voltage' }, type: 'number', unit: 'V', target: 24, lowerTolerance: 1, upperTolerance: 1, required: true },
  { id: 'wire-feed', label: { de: 'Drahtvorschub', en: 'Wire feed' }, type: 'number', unit: 'm/min', target: 8, lowerTolerance: 0.5, upperTolerance: 0.5, required: true },
  { id: 'gas-flow', label: { de: 'Gasdurchfluss', en: 'Gas flow' }, type: 'number', unit: 'l/min', target: 14, lowerTolerance: 2, upperTolerance: 2, required: false },
  { id: 'gas', label: { de: 'Schutzgas', en: 'Shielding gas' }, type: 'choice', options: ['M21 (Ar/CO₂ 82/18)', 'M12', 'CO₂'], required: false },
  { id: 'note', label: { de: 'Bemerkung', en: 'Note' }, type: 'text', required: false },
];

/** Demo only: a shop-floor worker without e-mail who signs in at a terminal with personnel number and PIN. */
export const DEMO_WORKER = { name: 'Ali Yilmaz', personnelNumber: '1001', pin: '1234' };

async function insertDemoWorker(db: Db, tenantId: string): Promise<string> {
  const pinHash = await hashPin(DEMO_WORKER.pin);
  return insertTerminalWorker(db, tenantId, { name: DEMO_WORKER.name, personnelNumber: DEMO_WORKER.personnelNumber, pinHash, locale: 'de' });
}

/** The demo worker wherever his personnel number still opens the terminal with the demo PIN. */
export async function shopfloorDemoCredentials(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const row of await pinsOfPersonnelNumber(db, DEMO_WORKER.personnelNumber)) {
    if (await verifyPin(row.pinHash, DEMO_WORKER.pin)) {
      found.push(`terminal worker with personnel number ${DEMO_WORKER.personnelNumber}, PIN ${DEMO_WORKER.pin} in ${row.company}`);
    }
  }
  return found;
}

export async function shopfloorDemo({ db, tenantId }: DemoContext): Promise<void> {
  const laser = uuidv7();
  const weld = uuidv7();
  await insertWorkCentre(db, tenantId, laser, { code: 'LAS-1', name: 'Laserschneidanlage', calendar: twoShifts });
  await insertWorkCentre(db, tenantId, weld, { code: 'SCHW-1', name: 'Schweißplatz 1', calendar: twoShifts });
  const partId = uuidv7();
  const operations = [
    { id: uuidv7(), position: 1, name: 'Zuschnitt lasern', workCentreId: laser, setupMinutes: 20, idealCycleSeconds: 45, parameters: [] },
    { id: uuidv7(), position: 2, name: 'Schweißen', workCentreId: weld, setupMinutes: 15, idealCycleSeconds: 240, parameters: WELDING_FORM },
  ];
  await savePart(db, tenantId, partId, { number: 'KONS-100', name: 'Konsole geschweißt', operations }, false);
  const workerId = await insertDemoWorker(db, tenantId);
  const booked = await demoHistory({ db, tenant: { tenantId, userId: workerId, role: 'shopfloor' }, locale: 'de' }, { partId, operations, laser });
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  await insertOrders(db, tenantId, [
    [120, inDays(10), 'Kunde A / PO 4711', 3],
    [40, inDays(17), 'Kunde B / PO 815', 5],
    [250, inDays(24), 'Kunde A / PO 4730', 5],
  ].map(([quantity, dueDate, customerReference, priority], i) => ({
    id: uuidv7(), number: orderNumber(booked + i), partId, quantity: quantity as number, dueDate: dueDate as string,
    customerReference: customerReference as string, priority: priority as number, releasedAt: null,
    operations: operations.map((o) => ({ ...o, id: uuidv7() })),
  })));
}

type RoutingOperation = NewOrder['operations'][number];
const DAY = 86_400_000;
const orderNumber = (n: number) => `FA-${new Date().getFullYear()}-${String(n + 1).padStart(4, '0')}`;

/**
 * The last four weeks on both work centres, booked through the terminal path (syncBookings) by the
 * demo worker: finished orders of the welded bracket (laser cut, then welded) and laser-only sheet
 * orders; the newest bracket order is being welded now, the one after it may already be cut.
 */
async function demoHistory(ctx: ShopfloorContext, demo: { partId: string; operations: RoutingOperation[]; laser: string }): Promise<number> {
  const { db } = ctx;
  const tenantId = ctx.tenant.tenantId;
  const now = Date.now();
  const windows = demoWorkingWindows(now - 28 * DAY, now);
  if (windows.length === 0) return 0;
  const all = (await listReasons(ctx)).reasons.filter((r) => r.active && !r.isGroup);
  const reasons = {
    downtime: all.filter((r) => r.kind === 'downtime' && r.planned === false).map((r) => r.id),
    scrap: all.filter((r) => r.kind === 'scrap').map((r) => r.id),
  };
  const rnd = seededRandom(20261201);
  const sheetPartId = uuidv7();
  const cut: RoutingOperation = { id: uuidv7(), position: 1, name: 'Zuschnitt lasern', workCentreId: demo.laser, setupMinutes: 15, idealCycleSeconds: 30, parameters: [] };
  await savePart(db, tenantId, sheetPartId, { number: 'BLECH-200', name: 'Blechzuschnitt 200 × 300', operations: [cut] }, false);

  const orders: NewOrder[] = [];
  const bookings = new Map<string, DemoBooking[]>([['demo-terminal-laser', []], ['demo-terminal-schweissen', []]]);
  const newOrder = (partId: string, ops: RoutingOperation[], quantity: number, start: number) => {
    const order: NewOrder = {
      id: uuidv7(), number: orderNumber(orders.length), partId, quantity,
      dueDate: new Date(start + 10 * DAY).toISOString().slice(0, 10), customerReference: orders.length % 2 ? 'Kunde A / Rahmenvertrag' : 'Kunde C / PO 3310',
      priority: 3 + (orders.length % 3), releasedAt: new Date(start - DAY).toISOString(), operations: ops.map((o) => ({ ...o, id: uuidv7() })),
    };
    orders.push(order);
    return order;
  };

  // Each bracket order is laser cut on LAS-1 and then welded on SCHW-1. Welding sets the pace: the
  // laser cuts the next bracket while the current one is welded, so welding never starts before
  // its cut is finished and the newest bracket is being welded now (the demo's live machine data
  // follow that order). Sheet orders fill the laser only as long as it stays ahead of the welding
  // and can finish them before now.
  const laserClock = new WorkClock(windows);
  const weldClock = new WorkClock(windows);
  const book = (terminal: string, run: { bookings: DemoBooking[] }) => bookings.get(terminal)!.push(...run.bookings);
  const cutBracket = () => {
    laserClock.advance(rnd() * 15);
    const quantity = 40 + Math.floor(rnd() * 7) * 10;
    const order = newOrder(demo.partId, demo.operations, quantity, laserClock.t);
    const cutOp = order.operations[0];
    const run = operationBookings(laserClock, { operationId: cutOp.id, setupMinutes: cutOp.setupMinutes, idealCycleSeconds: cutOp.idealCycleSeconds, quantity, batch: Math.max(50, Math.round(quantity / 3)), welding: false }, reasons, rnd);
    book('demo-terminal-laser', run);
    return run.finished ? { order, cutDone: laserClock.t } : null;
  };
  let current = cutBracket();
  while (current) {
    const next = cutBracket();
    if (!weldClock.waitUntil(current.cutDone)) break;
    weldClock.advance(rnd() * 20);
    const weldOp = current.order.operations[1];
    const weldRun = operationBookings(weldClock, { operationId: weldOp.id, setupMinutes: weldOp.setupMinutes, idealCycleSeconds: weldOp.idealCycleSeconds, quantity: current.order.quantity, batch: 20, welding: true }, reasons, rnd);
    book('demo-terminal-schweissen', weldRun);
    if (!weldRun.finished) break;
    for (;;) {
      const sheetQuantity = 300 + Math.floor(rnd() * 8) * 50;
      const needs = 1.6 * (cut.setupMinutes + (sheetQuantity * cut.idealCycleSeconds) / 60) + 60;
      if (laserClock.remainingMinutes() - needs < weldClock.remainingMinutes()) break;
      laserClock.advance(rnd() * 15);
      const sheet = newOrder(sheetPartId, [cut], sheetQuantity, laserClock.t);
      book('demo-terminal-laser', operationBookings(laserClock, { operationId: sheet.operations[0].id, setupMinutes: cut.setupMinutes, idealCycleSeconds: cut.idealCycleSeconds, quantity: sheetQuantity, batch: Math.max(50, Math.round(sheetQuantity / 3)), welding: false }, reasons, rnd));
    }
    current = next;
  }
  await insertOrders(db, tenantId, orders);
  await issueNumbers(db, tenantId, orders.map((o) => o.id));

  for (const [deviceId, list] of bookings) {
    const inputs: BookingInput[] = list.map((b, i) => ({
      key: randomUUID(), deviceId, sequence: i + 1, operationId: b.operationId, kind: b.kind, at: new Date(b.at).toISOString(),
      ...(b.good !== undefined ? { good: b.good } : {}), ...(b.scrap !== undefined ? { scrap: b.scrap } : {}),
      ...(b.reason ? { reason: b.reason } : {}), parameters: b.parameters ?? [],
    }));
    // Small batches: a batch is replayed booking by booking, which grows with its length squared.
    for (let i = 0; i < inputs.length; i += 100) {
      const { results } = await syncBookings(ctx, inputs.slice(i, i + 100));
      const refused = results.filter((r) => r.status !== 'applied');
      if (refused.length > 0) throw new Error(`demo bookings refused: ${JSON.stringify(refused.slice(0, 3))}`);
    }
  }
  return orders.length;
}
