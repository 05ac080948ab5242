import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { calendarSchema } from './schemas.js';
import { insertOrders, insertWorkCentre, savePart } from './shopfloor.store.js';

const twoShifts = calendarSchema.parse({
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [
    { name: 'Frühschicht', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] },
    { name: 'Spätschicht', start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] },
  ]])),
  holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31'],
});

/** Two work centres, a welded bracket with its routing and three open orders. */
export async function shopfloorDemo({ db, tenantId }: DemoContext): Promise<void> {
  const laser = uuidv7();
  const weld = uuidv7();
  await insertWorkCentre(db, tenantId, laser, { code: 'LAS-1', name: 'Laserschneidanlage', calendar: twoShifts });
  await insertWorkCentre(db, tenantId, weld, { code: 'SCHW-1', name: 'Schweißplatz 1', calendar: twoShifts });
  const partId = uuidv7();
  const operations = [
    { id: uuidv7(), position: 1, name: 'Zuschnitt lasern', workCentreId: laser, setupMinutes: 20, idealCycleSeconds: 45 },
    { id: uuidv7(), position: 2, name: 'Schweißen', workCentreId: weld, setupMinutes: 15, idealCycleSeconds: 240 },
  ];
  await savePart(db, tenantId, partId, { number: 'KONS-100', name: 'Konsole geschweißt', operations }, false);
  await insertOrders(db, tenantId, [
    ['FA-2026-0101', 120, '2026-12-04', 'Kunde A / PO 4711', 3],
    ['FA-2026-0102', 40, '2026-12-11', 'Kunde B / PO 815', 5],
    ['FA-2026-0103', 250, '2026-12-18', 'Kunde A / PO 4730', 5],
  ].map(([number, quantity, dueDate, customerReference, priority]) => ({
    id: uuidv7(), number: number as string, partId, quantity: quantity as number, dueDate: dueDate as string,
    customerReference: customerReference as string, priority: priority as number, releasedAt: null,
    operations: operations.map((o) => ({ ...o, id: uuidv7() })),
  })));
}
