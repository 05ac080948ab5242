import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { computeOee } from './domain/oee.js';
import { shopfloorModule } from './module.js';
import { shopfloorDemo } from './shopfloor.demo.js';
import { shopfloorIsolationFixture } from './shopfloor.isolation-fixture.js';
import { byTableName } from '../../kernel/db/database.js';

const t = (iso: string) => Date.parse(iso);
const CALENDAR = {
  timeZone: 'Europe/Berlin',
  week: {
    mon: [{ name: 'early', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] }],
    tue: [{ name: 'early', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] }],
  },
  holidays: [],
};

describe.each(testDatabaseKinds())('Shop-floor API on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string, enable = true) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email);
    if (enable) expect((await owner.put(`/api/v1/companies/${id}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    return { owner, id, api: `/api/v1/companies/${id}/shopfloor` };
  }

  async function join(owner: TestClient, companyId: string, role: string, email: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role });
    const person = new TestClient(instance);
    await person.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: `${role} person`, email, password: 'long enough password' } });
    return person;
  }

  const count = async (table: string, tenantId: string) =>
    Number((await byTableName(instance.ctx.db).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
  const snapshot = async (tenantId: string) => {
    const out: Record<string, unknown> = {};
    for (const table of shopfloorModule.tables) {
      out[table] = (await byTableName(instance.ctx.db).selectFrom(table).selectAll().where('tenant_id', '=', tenantId).execute()).map((r) => JSON.stringify(r)).sort();
    }
    return out;
  };

  /** A work centre, a part with one operation on it, and orders of that part. */
  async function setup(owner: TestClient, api: string, orders: Array<Record<string, unknown>>) {
    const centre = (await owner.post(`${api}/work-centres`, { code: 'CNC-1', name: 'Fräszentrum', calendar: CALENDAR })).body;
    const part = (await owner.post(`${api}/parts`, {
      number: 'P-1', name: 'Flansch', operations: [{ name: 'Fräsen', workCentreId: centre.id, setupMinutes: 30, idealCycleSeconds: 30 }],
    })).body;
    const created = [];
    for (const o of orders) {
      const res = await owner.post(`${api}/orders`, { partId: part.id, quantity: 100, ...o });
      expect(res.status).toBe(201);
      created.push(res.body);
    }
    return { centre, part, orders: created };
  }

  type TestBooking = { key: string } & Record<string, unknown>;
  const booking = (operationId: string, deviceId: string, sequence: number, kind: string, at: string, extra: Record<string, unknown> = {}): TestBooking =>
    ({ key: randomUUID(), deviceId, sequence, operationId, kind, at, ...extra });
  const send = (client: TestClient, api: string, list: TestBooking[]) => client.post(`${api}/bookings`, { bookings: list });

  it('keeps the module off until switched on, and maintains master data; bad input changes nothing', async () => {
    const { owner, id, api } = await company('Stamm GmbH', 'o@stamm.example', false);
    const off = await owner.get(`${api}/work-centres`);
    expect(off.status).toBe(403);
    expect(off.body.code).toBe('module_disabled');
    await owner.put(`/api/v1/companies/${id}/modules/shopfloor`, { enabled: true });

    const created = await owner.post(`${api}/work-centres`, { code: 'LAS-1', name: 'Laser', calendar: CALENDAR });
    expect(created.status).toBe(201);
    expect(created.body.calendar).toEqual(CALENDAR);
    const before = await snapshot(id);
    const badBreak = await owner.post(`${api}/work-centres`, {
      code: 'X', name: 'X', calendar: { week: { mon: [{ name: 'a', start: '06:00', end: '14:00', breaks: [{ start: '15:00', end: '15:30' }] }] } },
    });
    expect(badBreak.status).toBe(400);
    expect(badBreak.body.errors.map((e: { path: string }) => e.path)).toContain('body.calendar.week.mon.0.breaks.0');
    const badClock = await owner.post(`${api}/work-centres`, { code: 'X', name: 'X', calendar: { week: { tue: [{ name: 'a', start: '6:00', end: '14:00' }] } } });
    expect(badClock.status).toBe(400);
    expect(badClock.body.errors[0].path).toBe('body.calendar.week.tue.0.start');
    expect((await owner.post(`${api}/work-centres`, { code: 'LAS-1', name: 'Zweiter' })).status).toBe(409);
    const badPart = await owner.post(`${api}/parts`, { number: 'P', name: 'P', operations: [{ name: 'a', workCentreId: randomUUID(), setupMinutes: 1, idealCycleSeconds: 1 }] });
    expect(badPart.status).toBe(400);
    expect(badPart.body.errors[0].path).toBe('body.operations.0.workCentreId');
    expect((await owner.post(`${api}/parts`, { number: 'P', name: 'P', operations: [{ name: 'a', workCentreId: created.body.id, setupMinutes: 1, idealCycleSeconds: 0 }] })).status).toBe(400);
    expect((await owner.post(`${api}/orders`, { number: 'A-1', partId: randomUUID(), quantity: 5 })).status).toBe(400);
    expect(await snapshot(id)).toEqual(before);

    const url = `${api}/work-centres/${created.body.id}`;
    const changed = await owner.put(url, { code: 'LAS-2', name: 'Laser neu', calendar: { ...CALENDAR, holidays: ['2026-12-24'] } });
    expect(changed.status).toBe(200);
    expect((await owner.get(url)).body).toMatchObject({ code: 'LAS-2', name: 'Laser neu', calendar: { holidays: ['2026-12-24'] } });

    const ical = [
      'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Weihnachten', 'END:VEVENT',
      'BEGIN:VEVENT', 'DTSTART:20261231T100000Z', 'SUMMARY:Silvester Feier', 'END:VEVENT', 'END:VCALENDAR',
    ].join('\r\n');
    const imported = await owner.post(`${url}/holidays/ical`, { ical });
    expect(imported.status).toBe(200);
    expect(imported.body.added).toEqual(['2026-12-25', '2026-12-26']);
    expect(imported.body.warnings).toHaveLength(1);
    expect(imported.body.workCentre.calendar.holidays).toEqual(['2026-12-24', '2026-12-25', '2026-12-26']);
    expect((await owner.post(`${url}/holidays/ical`, { ical: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' })).status).toBe(400);

    const part = await owner.post(`${api}/parts`, { number: 'P-9', name: 'Halter', operations: [
      { name: 'Lasern', workCentreId: created.body.id, setupMinutes: 10, idealCycleSeconds: 20 },
      { name: 'Kanten', workCentreId: created.body.id, setupMinutes: 5, idealCycleSeconds: 40 },
    ] });
    expect(part.status).toBe(201);
    expect(part.body.operations.map((o: { position: number; name: string }) => [o.position, o.name])).toEqual([[1, 'Lasern'], [2, 'Kanten']]);
    const order = await owner.post(`${api}/orders`, { number: 'FA-1', partId: part.body.id, quantity: 50, dueDate: '2026-04-01', customerReference: 'PO 1', priority: 2 });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ number: 'FA-1', partNumber: 'P-9', quantity: 50, dueDate: '2026-04-01', priority: 2, releasedAt: null, finishedAt: null });
    expect(order.body.operations.map((o: { idealCycleSeconds: number; status: string }) => [o.idealCycleSeconds, o.status])).toEqual([[20, 'planned'], [40, 'planned']]);
    const patched = await owner.patch(`${api}/orders/${order.body.id}`, { releasedAt: '2026-03-01T08:00:00+01:00', dueDate: null });
    expect(patched.body).toMatchObject({ releasedAt: '2026-03-01T07:00:00.000Z', dueDate: null, quantity: 50 });
    const beforeBad = await snapshot(id);
    expect((await owner.patch(`${api}/orders/${order.body.id}`, { quantity: 0 })).status).toBe(400);
    expect((await owner.patch(`${api}/orders/${order.body.id}`, { priority: 10 })).status).toBe(400);
    expect(await snapshot(id)).toEqual(beforeBad);
    expect((await owner.get(`${api}/orders`)).body.map((o: { number: string }) => o.number)).toEqual(['FA-1']);
  });

  it('imports production orders from CSV all or nothing, with translated errors naming the line', async () => {
    const { owner, id, api } = await company('Import GmbH', 'o@import.example');
    await setup(owner, api, [{ number: 'FA-0' }]);
    const bad = [
      'Auftrag;Teil;Menge;Liefertermin;Priorität',
      'FA-1;P-1;10;24.12.2026;3',
      'FA-2;P-unbekannt;10;;',
      'FA-0;P-1;zehn;31.02.2026;',
      'FA-1;P-1;5;;',
    ].join('\n');
    const before = await snapshot(id);
    const res = await owner.post(`${api}/orders/import`, { csv: bad });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('shopfloor_csv_invalid');
    expect(res.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [3, 'part', 'unknownPart'],
      [4, 'number', 'numberExists'],
      [4, 'quantity', 'notAWholeNumber'],
      [4, 'dueDate', 'invalidDate'],
      [5, 'number', 'duplicateInFile'],
    ]);
    expect(res.body.errors[0].message).toBe('Zeile 3: Das Teil „P-unbekannt“ ist unbekannt.');
    expect(await snapshot(id)).toEqual(before);

    expect((await owner.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
    const english = await owner.post(`${api}/orders/import`, { csv: bad });
    expect(english.body.errors[4].message).toBe('Line 5: the order "FA-1" is already in line 2.');
    expect((await owner.post(`${api}/orders/import`, { csv: 'Auftrag;Menge\nFA-9;1' })).body.errors[0]).toMatchObject({ line: 1, column: 'part', code: 'missingColumn' });

    const unclosed = await owner.post(`${api}/orders/import`, { csv: 'Auftrag;Teil;Menge\nFA-9;"P-1;1\n' });
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.errors[0]).toMatchObject({ column: null, code: 'syntax' });
    expect(unclosed.body.errors[0].message).toMatch(/^Line \d+: a quotation mark is never closed/);

    const good = 'number,part,quantity,dueDate,customerReference,priority,releasedAt\nFA-1,P-1,10,24.12.2026,"Kunde, A",3,2026-03-01T08:00:00+01:00\nFA-2,P-1,7,2027-01-15,,,\n';
    const ok = await owner.post(`${api}/orders/import`, { csv: good });
    expect(ok.status).toBe(201);
    expect(ok.body.imported).toBe(2);
    const orders = (await owner.get(`${api}/orders`)).body;
    expect(orders.map((o: { number: string }) => o.number).sort()).toEqual(['FA-0', 'FA-1', 'FA-2']);
    expect(orders.find((o: { number: string }) => o.number === 'FA-1')).toMatchObject({
      quantity: 10, dueDate: '2026-12-24', customerReference: 'Kunde, A', priority: 3, releasedAt: '2026-03-01T07:00:00.000Z',
    });
    expect(orders.find((o: { number: string }) => o.number === 'FA-2')).toMatchObject({ priority: 5, dueDate: '2027-01-15', releasedAt: null });
    expect(await count('shopfloor_order_operations', id)).toBe(3);
  });

  it('applies bookings exactly once: redelivery, two identical requests at once, and out-of-order sequence numbers', async () => {
    const { owner, id, api } = await company('Einmal GmbH', 'o@einmal.example');
    const { orders } = await setup(owner, api, [{ number: 'FA-1' }, { number: 'FA-2' }]);
    const op = orders[0].operations[0].id;
    const batch = [
      booking(op, 'tablet-1', 1, 'start-setup', '2026-03-02T06:00:00+01:00'),
      booking(op, 'tablet-1', 2, 'start-production', '2026-03-02T06:30:00+01:00'),
      booking(op, 'tablet-1', 3, 'quantity', '2026-03-02T07:00:00+01:00', { good: 40, scrap: 2, reason: 'Maß', parameters: [{ name: 'Drehzahl', value: 1200, unit: '1/min' }] }),
    ];
    const first = await send(owner, api, batch);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const again = await send(owner, api, batch);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await count('shopfloor_bookings', id)).toBe(3);
    const reused = await send(owner, api, [{ ...batch[2], good: 41 }]);
    expect(reused.body.results[0]).toMatchObject({ status: 'conflict', reason: 'idempotency-key-reused' });
    const otherParameters = await send(owner, api, [{ ...batch[2], parameters: [{ name: 'Drehzahl', value: 1300, unit: '1/min' }] }]);
    expect(otherParameters.body.results[0]).toMatchObject({ status: 'conflict', reason: 'idempotency-key-reused' });
    let order = (await owner.get(`${api}/orders/${orders[0].id}`)).body;
    expect(order.operations[0]).toMatchObject({ status: 'running', good: 40, scrap: 2 });

    // Two identical requests at the same time: stored once, one of them answered as duplicate.
    const op2 = orders[1].operations[0].id;
    const parallel = [
      booking(op2, 'tablet-2', 1, 'start-production', '2026-03-02T08:00:00+01:00'),
      booking(op2, 'tablet-2', 2, 'quantity', '2026-03-02T08:30:00+01:00', { good: 10 }),
    ];
    const [a, b] = await Promise.all([send(owner, api, parallel), send(owner, api, parallel)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const statuses = [a, b].map((r) => r.body.results.map((x: { status: string }) => x.status).join(',')).sort();
    expect(statuses).toEqual(['applied,applied', 'duplicate,duplicate']);
    expect(await count('shopfloor_bookings', id)).toBe(5);
    expect((await owner.get(`${api}/orders/${orders[1].id}`)).body.operations[0]).toMatchObject({ status: 'running', good: 10 });

    // Sequence 5 arrives before 4: kept waiting, applied when 4 comes.
    const late = booking(op, 'tablet-1', 5, 'finish', '2026-03-02T09:00:00+01:00');
    const early = booking(op, 'tablet-1', 4, 'quantity', '2026-03-02T08:55:00+01:00', { good: 5 });
    const waiting = await send(owner, api, [late]);
    expect(waiting.body.results[0]).toEqual({ key: late.key, status: 'waiting', expectedSequence: 4 });
    expect((await owner.get(`${api}/bookings?status=waiting`)).body.map((x: { key: string }) => x.key)).toEqual([late.key]);
    const filled = await send(owner, api, [early]);
    expect(filled.body.results).toEqual([{ key: early.key, status: 'applied' }]);
    expect(filled.body.released).toEqual([{ key: late.key, status: 'applied' }]);
    order = (await owner.get(`${api}/orders/${orders[0].id}`)).body;
    expect(order.operations[0]).toMatchObject({ status: 'finished', good: 45, scrap: 2 });
    expect(order.finishedAt).toBe('2026-03-02T08:00:00.000Z');
    expect((await send(owner, api, [late])).body.results[0].status).toBe('duplicate');
    expect(await count('shopfloor_bookings', id)).toBe(7);
    const stored = (await owner.get(`${api}/bookings?orderId=${orders[0].id}`)).body;
    expect(stored.map((x: { sequence: number; status: string }) => [x.sequence, x.status]).sort()).toEqual([[1, 'applied'], [2, 'applied'], [3, 'applied'], [4, 'applied'], [5, 'applied']]);
    expect(stored.find((x: { sequence: number }) => x.sequence === 3)).toMatchObject({ good: 40, scrap: 2, reason: 'Maß', parameters: [{ name: 'Drehzahl', value: 1200, unit: '1/min' }] });
  });

  it('records a conflict between two terminals on the same operation and keeps the refused booking', async () => {
    const { owner, id, api } = await company('Konflikt GmbH', 'o@konflikt.example');
    const { orders } = await setup(owner, api, [{ number: 'FA-1' }]);
    const op = orders[0].operations[0].id;
    const a1 = booking(op, 'tablet-a', 1, 'start-production', '2026-03-02T07:00:00+01:00');
    const b1 = booking(op, 'tablet-b', 1, 'start-production', '2026-03-02T07:01:00+01:00');
    const b2 = booking(op, 'tablet-b', 2, 'quantity', '2026-03-02T07:30:00+01:00', { good: 3 });
    const a2 = booking(op, 'tablet-a', 2, 'finish', '2026-03-02T08:00:00+01:00');
    const b3 = booking(op, 'tablet-b', 3, 'quantity', '2026-03-02T08:10:00+01:00', { good: 4 });
    expect((await send(owner, api, [a1])).body.results[0].status).toBe('applied');
    const second = await send(owner, api, [b1, b2]);
    expect(second.body.results).toEqual([
      { key: b1.key, status: 'conflict', reason: 'already-started', operationStatus: 'running' },
      { key: b2.key, status: 'applied' },
    ]);
    await send(owner, api, [a2]);
    expect((await send(owner, api, [b3])).body.results[0]).toMatchObject({ status: 'conflict', reason: 'already-finished', operationStatus: 'finished' });
    // The refused booking is answered with the same conflict when delivered again.
    expect((await send(owner, api, [b1])).body.results[0]).toMatchObject({ status: 'conflict', reason: 'already-started' });
    const conflicts = (await owner.get(`${api}/bookings?status=conflict`)).body;
    expect(conflicts.map((c: { key: string; deviceId: string; conflictReason: string }) => [c.key, c.deviceId, c.conflictReason])).toEqual([
      [b1.key, 'tablet-b', 'already-started'],
      [b3.key, 'tablet-b', 'already-finished'],
    ]);
    expect(await count('shopfloor_bookings', id)).toBe(5);
    expect((await owner.get(`${api}/orders/${orders[0].id}`)).body.operations[0]).toMatchObject({ status: 'finished', good: 3 });
  });

  it('computes OEE and the other KPIs from the stored calendar and bookings, as the domain does for the same periods', async () => {
    const { owner, api } = await company('Kennzahl GmbH', 'o@kennzahl.example');
    const { centre, orders } = await setup(owner, api, [
      { number: 'FA-1', dueDate: '2026-03-02', releasedAt: '2026-03-01T08:00:00+01:00' },
      { number: 'FA-2', dueDate: '2026-03-02', releasedAt: '2026-03-02T10:00:00+01:00' },
    ]);
    const [op1, op2] = orders.map((o: { operations: Array<{ id: string }> }) => o.operations[0].id);
    // Monday 2 March 2026 (CET): production from before the shift, a pause, the break inside the run.
    // Tuesday: a run from 13:00 into the time after the shift.
    const list = [
      booking(op1, 'T1', 1, 'start-setup', '2026-03-02T05:30:00+01:00'),
      booking(op1, 'T1', 2, 'start-production', '2026-03-02T05:45:00+01:00'),
      booking(op1, 'T1', 3, 'pause', '2026-03-02T08:00:00+01:00', { reason: 'Material fehlt' }),
      booking(op1, 'T1', 4, 'resume', '2026-03-02T08:20:00+01:00'),
      // more than the order quantity: booked with the worker's confirmation (reversal.routes.test.ts)
      booking(op1, 'T1', 5, 'quantity', '2026-03-02T10:00:00+01:00', { good: 300, scrap: 20, reason: 'Grat', confirmed: true }),
      booking(op1, 'T1', 6, 'finish', '2026-03-02T12:00:00+01:00'),
      booking(op2, 'T1', 7, 'start-production', '2026-03-03T13:00:00+01:00'),
      booking(op2, 'T1', 8, 'quantity', '2026-03-03T14:30:00+01:00', { good: 50, confirmed: true }),
      booking(op2, 'T1', 9, 'finish', '2026-03-03T15:00:00+01:00'),
    ];
    expect((await send(owner, api, list)).body.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);

    const monday = {
      plannedWindows: [{ start: t('2026-03-02T06:00:00+01:00'), end: t('2026-03-02T14:00:00+01:00') }],
      plannedDowntime: [{ start: t('2026-03-02T09:00:00+01:00'), end: t('2026-03-02T09:30:00+01:00') }],
      runs: [
        { start: t('2026-03-02T05:45:00+01:00'), end: t('2026-03-02T08:00:00+01:00') },
        { start: t('2026-03-02T08:20:00+01:00'), end: t('2026-03-02T12:00:00+01:00') },
      ],
      idealCycleMs: 30_000, good: 300, scrap: 20,
    };
    const tuesday = {
      plannedWindows: [{ start: t('2026-03-03T06:00:00+01:00'), end: t('2026-03-03T14:00:00+01:00') }],
      plannedDowntime: [{ start: t('2026-03-03T09:00:00+01:00'), end: t('2026-03-03T09:30:00+01:00') }],
      runs: [{ start: t('2026-03-03T13:00:00+01:00'), end: t('2026-03-03T15:00:00+01:00') }],
      idealCycleMs: 30_000, good: 50, scrap: 0,
    };
    const expectedMonday = computeOee(monday);
    // By hand: planned 8 h − 0.5 h; run 06:00–08:00 and 08:20–12:00 without the break = 5 h 10 min.
    expect(expectedMonday.plannedProductionMs).toBe(7.5 * 3_600_000);
    expect(expectedMonday.runMs).toBe((5 * 60 + 10) * 60_000);

    const days = await owner.get(`${api}/controlling?from=2026-03-02&to=2026-03-03&groupBy=day`);
    expect(days.status).toBe(200);
    const row = (day: string) => days.body.rows.find((r: { day: string }) => r.day === day);
    for (const [day, expected, period] of [['2026-03-02', expectedMonday, monday], ['2026-03-03', computeOee(tuesday), tuesday]] as const) {
      const r = row(day);
      expect(r).toMatchObject({ workCentreId: centre.id, workCentreCode: 'CNC-1', plannedProductionMs: expected.plannedProductionMs, runMs: expected.runMs, good: period.good, scrap: period.scrap });
      for (const f of ['availability', 'performance', 'quality', 'oee'] as const) expect(r[f]).toBeCloseTo(expected[f]!, 12);
    }
    expect(row('2026-03-02').scrapRate).toBeCloseTo(20 / 320, 12);
    // All run time, also before the shift: 05:45–08:00 and 08:20–12:00 = 5 h 55 min of 24 h.
    expect(row('2026-03-02').utilisation).toBeCloseTo((5 * 60 + 55) / (24 * 60), 12);

    const months = await owner.get(`${api}/controlling?from=2026-03-01&to=2026-03-31&groupBy=month`);
    const both = computeOee({
      plannedWindows: [...monday.plannedWindows, ...tuesday.plannedWindows],
      plannedDowntime: [...monday.plannedDowntime, ...tuesday.plannedDowntime],
      runs: [...monday.runs, ...tuesday.runs],
      idealCycleMs: 30_000, good: 350, scrap: 20,
    });
    expect(months.body.rows).toHaveLength(1);
    expect(months.body.rows[0].month).toBe('2026-03');
    // March has 5 × Mon/Tue: 2, 3, 9, 10, 16, 17, 23, 24, 30, 31 = 10 shifts of 7.5 h.
    expect(months.body.rows[0].plannedProductionMs).toBe(10 * 7.5 * 3_600_000);
    expect(months.body.rows[0].runMs).toBe(both.runMs);
    expect(months.body.rows[0].quality).toBeCloseTo(both.quality!, 12);
    expect(months.body.rows[0].availability).toBeCloseTo(both.runMs / (10 * 7.5 * 3_600_000), 12);
    // 31 days, with the change to summer time on 29 March: 743 hours.
    expect(months.body.rows[0].calendarMs).toBe(743 * 3_600_000);

    // FA-1: released Sunday 08:00, finished Monday 12:00 = 28 h, on time; FA-2: 10:00 Monday → 15:00 Tuesday = 29 h, late.
    expect(months.body.orders.total).toMatchObject({ finished: 2, withDueDate: 2, onTime: 1, onTimeDelivery: 0.5, averageLeadTimeMs: 28.5 * 3_600_000 });
    expect(days.body.orders.rows.map((r: { day: string; onTime: number; medianLeadTimeMs: number }) => [r.day, r.onTime, r.medianLeadTimeMs])).toEqual([
      ['2026-03-02', 1, 28 * 3_600_000],
      ['2026-03-03', 0, 29 * 3_600_000],
    ]);
    expect((await owner.get(`${api}/controlling?from=2026-03-03&to=2026-03-02`)).status).toBe(400);
  });

  it('lets viewers read but not book, terminal users book but not plan', async () => {
    const { owner, id, api } = await company('Rollen GmbH', 'o@rollen.example');
    const { orders } = await setup(owner, api, [{ number: 'FA-1' }]);
    const op = orders[0].operations[0].id;
    const viewer = await join(owner, id, 'viewer', 'v@rollen.example');
    const terminal = await join(owner, id, 'shopfloor', 't@rollen.example');
    expect((await viewer.get(`${api}/orders`)).status).toBe(200);
    expect((await viewer.get(`${api}/controlling?from=2026-03-01&to=2026-03-31`)).status).toBe(200);
    const refused = await send(viewer, api, [booking(op, 'v', 1, 'start-production', '2026-03-02T07:00:00+01:00')]);
    expect(refused.status).toBe(403);
    expect(await count('shopfloor_bookings', id)).toBe(0);
    expect((await viewer.post(`${api}/work-centres`, { code: 'V', name: 'V' })).status).toBe(403);
    expect((await send(terminal, api, [booking(op, 't', 1, 'start-production', '2026-03-02T07:00:00+01:00')])).body.results[0].status).toBe('applied');
    expect((await terminal.post(`${api}/work-centres`, { code: 'T', name: 'T' })).status).toBe(403);
    expect((await terminal.patch(`${api}/orders/${orders[0].id}`, { quantity: 1 })).status).toBe(403);
    expect(await count('shopfloor_bookings', id)).toBe(1);
  });

  it('provides ids for every path parameter of its routes to the isolation test', async () => {
    const { owner, id } = await company('Fixture GmbH', 'o@fixture.example', false);
    const ids = await shopfloorIsolationFixture(owner, id);
    const params = new Set(instance.ctx.routes.filter((r) => r.url.includes('/shopfloor/')).flatMap((r) => [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1])));
    params.delete('companyId');
    expect(Object.keys(ids).sort()).toEqual([...params].sort());
    expect((await owner.get(`/api/v1/companies/${id}/shopfloor/orders/${ids.orderId}`)).status).toBe(200);
  });

  it('creates demo master data that the API reads back', async () => {
    const { owner, id, api } = await company('Demo GmbH', 'o@demo.example');
    await shopfloorDemo({ db: instance.ctx.db, tenantId: id, ownerId: (await owner.get('/api/v1/me')).body.user.id });
    const orders = (await owner.get(`${api}/orders`)).body;
    // Besides four weeks of booked orders (shopfloor.demo.test.ts), three open orders not yet released.
    const open = orders.filter((o: { releasedAt: string | null }) => o.releasedAt === null);
    expect(open.map((o: { quantity: number }) => o.quantity).sort((a: number, b: number) => a - b)).toEqual([40, 120, 250]);
    expect(open[0].operations.map((o: { name: string }) => o.name)).toEqual(['Zuschnitt lasern', 'Schweißen']);
    expect((await owner.get(`${api}/work-centres`)).body.map((w: { code: string }) => w.code)).toEqual(['LAS-1', 'SCHW-1']);
  });
  it('defines process parameters on the routing, books values once and flags those out of tolerance', async () => {
    const { owner, id, api } = await company('Schweiß GmbH', 'o@schweiss.example');
    const centre = (await owner.post(`${api}/work-centres`, { code: 'SCHW-1', name: 'Schweißplatz', calendar: CALENDAR })).body;
    const form = [
      { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', unit: 'A', target: 180, lowerTolerance: 10, upperTolerance: 10, required: true },
      { id: 'voltage', label: { de: 'Spannung', en: 'Voltage' }, type: 'number', unit: 'V', target: 24, lowerTolerance: 1, upperTolerance: 1, required: true },
      { id: 'gas', label: { de: 'Schutzgas', en: 'Shielding gas' }, type: 'choice', options: ['M21', 'CO2'] },
      { id: 'note', label: { de: 'Bemerkung', en: 'Note' }, type: 'text' },
    ];
    const op = { name: 'Schweißen', workCentreId: centre.id, setupMinutes: 10, idealCycleSeconds: 120 };

    const before = await snapshot(id);
    const bad = await owner.post(`${api}/parts`, { number: 'W-1', name: 'Rahmen', operations: [{ ...op, parameters: [
      form[0],
      { id: 'current', label: { de: 'X', en: 'X' }, type: 'text' },
      { id: 'gas', label: { de: 'Gas', en: 'Gas' }, type: 'choice' },
      { id: 'feed', label: { de: 'Draht', en: 'Wire' }, type: 'number', lowerTolerance: -1 },
      { id: 'mode', label: { de: 'Modus', en: 'Mode' }, type: 'text', unit: 'A' },
    ] }] });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining([
      'body.operations.0.parameters.1.id', 'body.operations.0.parameters.2.options', 'body.operations.0.parameters.3.lowerTolerance',
      'body.operations.0.parameters.3.target', 'body.operations.0.parameters.4.unit',
    ]));
    const badDe = await owner.post(`${api}/parts`, { number: 'W-1', name: 'Rahmen', operations: [{ ...op, parameters: [{ id: 'gas', label: { de: 'Gas', en: 'Gas' }, type: 'choice' }] }] });
    expect(badDe.status).toBe(400);
    expect(badDe.body.title).toMatch(/ungültig/);
    expect(await snapshot(id)).toEqual(before);

    const part = await owner.post(`${api}/parts`, { number: 'W-1', name: 'Rahmen', operations: [{ ...op, parameters: form }] });
    expect(part.status).toBe(201);
    expect(part.body.operations[0].parameters).toEqual([...form.slice(0, 2), { ...form[2], required: false }, { ...form[3], required: false }]);
    const order = (await owner.post(`${api}/orders`, { number: 'FA-W1', partId: part.body.id, quantity: 10 })).body;
    const operationId = order.operations[0].id;
    expect(order.operations[0].parameters).toEqual(part.body.operations[0].parameters);
    expect(order.operations[0].recordedParameters).toEqual([]);

    // Before production starts, values are a conflict; afterwards they are applied once.
    const early = booking(operationId, 'tab-w', 1, 'parameters', '2026-03-02T07:00:00+01:00', { parameters: [{ name: 'current', value: 180 }, { name: 'voltage', value: 24 }] });
    expect((await send(owner, api, [early])).body.results[0]).toMatchObject({ status: 'conflict', reason: 'not-started' });
    const start = booking(operationId, 'tab-w', 2, 'start-production', '2026-03-02T07:05:00+01:00');
    const values = booking(operationId, 'tab-w', 3, 'parameters', '2026-03-02T07:10:00+01:00', {
      parameters: [{ name: 'current', value: 195 }, { name: 'voltage', value: 25 }, { name: 'gas', value: 'M21' }, { name: 'note', value: 'Naht 1' }],
    });
    expect((await send(owner, api, [start, values])).body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await send(owner, api, [values])).body.results).toEqual([{ key: values.key, status: 'duplicate' }]);
    const reused = { ...values, parameters: [{ name: 'current', value: 180 }, { name: 'voltage', value: 24 }] };
    expect((await send(owner, api, [reused])).body.results[0]).toMatchObject({ status: 'conflict', reason: 'idempotency-key-reused' });

    const stored = (await owner.get(`${api}/bookings?operationId=${operationId}&status=applied`)).body.filter((b: { kind: string }) => b.kind === 'parameters');
    expect(stored).toHaveLength(1);
    expect(stored[0].parameters).toEqual([
      { name: 'current', value: 195, unit: 'A', outOfTolerance: true },
      { name: 'voltage', value: 25, unit: 'V', outOfTolerance: false },
      { name: 'gas', value: 'M21', outOfTolerance: false },
      { name: 'note', value: 'Naht 1', outOfTolerance: false },
    ]);
    const fetched = (await owner.get(`${api}/orders/${order.id}`)).body;
    expect(fetched.operations[0].recordedParameters).toEqual([
      { name: 'current', value: 195, unit: 'A', outOfTolerance: true, at: '2026-03-02T06:10:00.000Z' },
      { name: 'voltage', value: 25, unit: 'V', outOfTolerance: false, at: '2026-03-02T06:10:00.000Z' },
      { name: 'gas', value: 'M21', outOfTolerance: false, at: '2026-03-02T06:10:00.000Z' },
      { name: 'note', value: 'Naht 1', outOfTolerance: false, at: '2026-03-02T06:10:00.000Z' },
    ]);

    // Values that do not fit the form refuse the delivery, translated, and store nothing.
    const afterBooking = await snapshot(id);
    const wrong = booking(operationId, 'tab-w', 4, 'parameters', '2026-03-02T07:20:00+01:00', {
      parameters: [{ name: 'current', value: 'viel' }, { name: 'gas', value: 'Argon' }, { name: 'speed', value: 3 }],
    });
    const refusedDe = await send(owner, api, [wrong]);
    expect(refusedDe.status).toBe(400);
    expect(refusedDe.body.code).toBe('shopfloor_parameters_invalid');
    expect(refusedDe.body.errors).toEqual([
      { path: 'body.bookings.0.parameters.0', code: 'notANumber', message: '„Schweißstrom“ muss eine Zahl sein.' },
      { path: 'body.bookings.0.parameters.1', code: 'notAnOption', message: '„Schutzgas“ muss einer dieser Werte sein: M21, CO2.' },
      { path: 'body.bookings.0.parameters.2', code: 'unknown', message: '„speed“ gehört nicht zum Prozessparameter-Formular dieses Arbeitsgangs.' },
      { path: 'body.bookings.0.parameters', code: 'missing', message: '„Spannung“ ist ein Pflichtfeld und fehlt.' },
    ]);
    expect((await owner.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
    const refusedEn = await send(owner, api, [wrong]);
    expect(refusedEn.body.errors[3].message).toBe('"Voltage" is required and missing.');
    expect(await snapshot(id)).toEqual(afterBooking);
  });
});
