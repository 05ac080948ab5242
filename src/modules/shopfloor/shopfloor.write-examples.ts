import type { WriteExamples } from '../../kernel/testing/write-example.js';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
const calendar = { timeZone: 'Europe/Berlin', week: { mon: [{ name: 'early', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:15' }] }] }, holidays: ['2026-12-24'] };
const ical = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:walk-1\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Weihnachten\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

/** Valid requests to the shop floor's write routes, for the input walk. */
export const shopfloorWriteExamples: WriteExamples = (ids) => ({
  'POST /companies/:companyId/shopfloor/work-centres': { body: { code: 'WALK-1', name: 'Walk centre', calendar } },
  'PUT /companies/:companyId/shopfloor/work-centres/:workCentreId': { body: { code: 'ISO-1', name: 'Isolation fixture', calendar } },
  'POST /companies/:companyId/shopfloor/work-centres/:workCentreId/holidays/ical': { body: { ical, replace: false } },
  'POST /companies/:companyId/shopfloor/parts': {
    body: {
      number: 'WALK-PART', name: 'Walk part',
      operations: [{
        name: 'Saw', workCentreId: ids.workCentreId, setupMinutes: 10, idealCycleSeconds: 60,
        parameters: [
          { id: 'length', label: { de: 'Länge', en: 'Length' }, type: 'number', required: true, unit: 'mm', target: 100, lowerTolerance: 1, upperTolerance: 1 },
          { id: 'finish', label: { de: 'Oberfläche', en: 'Finish' }, type: 'choice', options: ['matt', 'glänzend'] },
        ],
      }],
    },
  },
  'PUT /companies/:companyId/shopfloor/parts/:partId': {
    body: { number: 'ISO-PART', name: 'Isolation fixture', operations: [{ name: 'Saw', workCentreId: ids.workCentreId, setupMinutes: 12, idealCycleSeconds: 60 }] },
  },
  'POST /companies/:companyId/shopfloor/orders': {
    body: { number: 'WALK-ORDER', partId: ids.partId, quantity: 5, dueDate: '2026-12-31', customerReference: 'Walk customer', priority: 3, releasedAt: '2026-12-01T06:00:00+01:00' },
  },
  'POST /companies/:companyId/shopfloor/orders/import': { body: { csv: 'Auftrag;Teil;Menge;Liefertermin;Priorität\nWALK-CSV-1;ISO-PART;7;24.12.2026;3\n' }, expect: 201 },
  'PATCH /companies/:companyId/shopfloor/orders/:orderId': { body: { quantity: 12, customerReference: 'Walk', priority: 2, dueDate: null } },
  'POST /companies/:companyId/shopfloor/bookings': {
    body: {
      bookings: [{
        key: '0190a0a0-0000-7000-8000-00000000beef', deviceId: 'walk-tablet', sequence: 1, operationId: ids.operationId, kind: 'start-setup',
        at: '2026-12-01T06:00:00+01:00', reason: 'walk', parameters: [{ name: 'length', value: 100, unit: 'mm' }],
      }],
    },
  },
  'POST /companies/:companyId/shopfloor/reasons': { body: { kind: 'downtime', parentId: null, isGroup: true, label: { de: 'Walk-Gruppe', en: 'Walk group' }, loss: null, planned: null, position: 3, active: true } },
  'PUT /companies/:companyId/shopfloor/reasons/:reasonId': { body: { kind: 'scrap', parentId: null, isGroup: false, label: { de: 'Isolation', en: 'Isolation' }, loss: null, planned: null, position: 1, active: true } },
  'DELETE /companies/:companyId/shopfloor/reasons/:reasonId': {},
  'PUT /companies/:companyId/shopfloor/photos/:photoId': { contentType: 'image/jpeg', body: jpeg },
  'POST /companies/:companyId/shopfloor/terminals': { body: { name: 'Walk tablet', workCentreId: ids.workCentreId } },
  'DELETE /companies/:companyId/shopfloor/terminals/:terminalId': {},
  'PUT /companies/:companyId/shopfloor/settings': { body: { overQuantityMarginPercent: 15 } },
});
