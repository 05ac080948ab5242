import type { ParameterDefinition } from './domain/process-parameters.js';
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
/** Process-parameter form of MAG welding. */
export const WELDING_FORM: ParameterDefinition[] = [
  { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', unit: 'A', target: 180, lowerTolerance: 10, upperTolerance: 10, required: true },
  { id: 'voltage', label: { de: 'Spannung', en: 'Voltage' }, type: 'number', unit: 'V', target: 24, lowerTolerance: 1, upperTolerance: 1, required: true },
  { id: 'wire-feed', label: { de: 'Drahtvorschub', en: 'Wire feed' }, type: 'number', unit: 'm/min', target: 8, lowerTolerance: 0.5, upperTolerance: 0.5, required: true },
  { id: 'gas-flow', label: { de: 'Gasdurchfluss', en: 'Gas flow' }, type: 'number', unit: 'l/min', target: 14, lowerTolerance: 2, upperTolerance: 2, required: false },
  { id: 'gas', label: { de: 'Schutzgas', en: 'Shielding gas' }, type: 'choice', options: ['M21 (Ar/CO₂ 82/18)', 'M12', 'CO₂'], required: false },
  { id: 'note', label: { de: 'Bemerkung', en: 'Note' }, type: 'text', required: false },
];

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
