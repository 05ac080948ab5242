import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { lotsOfProductionOrders, productionOrdersByLot, productionOrdersBySerial } from './index.js';

const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: [{ name: 'early', start: '06:00', end: '14:00', breaks: [] }] }, holidays: [] };

describe.each(testDatabaseKinds())('Lots and serials on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email);
    expect((await owner.put(`/api/v1/companies/${id}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const api = `/api/v1/companies/${id}/shopfloor`;
    const centre = (await owner.post(`${api}/work-centres`, { code: 'CNC-1', name: 'Fräszentrum', calendar: CALENDAR })).body;
    const operations = [{ name: 'Fräsen', workCentreId: centre.id, setupMinutes: 10, idealCycleSeconds: 30 }];
    const lotPart = (await owner.post(`${api}/parts`, { number: 'P-1', name: 'Flansch', operations })).body;
    const serialPart = (await owner.post(`${api}/parts`, { number: 'G-7', name: 'Getriebe', operations, serialised: true })).body;
    return { owner, id, api, lotPart, serialPart };
  }

  it('issues a lot on release, keeps it through a withdrawn release, and every booking knows it', async () => {
    const { owner, id, api, lotPart } = await company('Los GmbH', 'o@los.example');
    const planned = (await owner.post(`${api}/orders`, { number: 'FA-1', partId: lotPart.id, quantity: 50 })).body;
    expect(planned).toMatchObject({ lotNumber: null, serialNumbers: [] });

    // released at creation, in the firm's year (31 Dec 23:30 in Berlin is still 2026)
    const first = await owner.post(`${api}/orders`, { number: 'FA-2', partId: lotPart.id, quantity: 20, releasedAt: '2026-12-31T23:30:00+01:00' });
    expect(first.status).toBe(201);
    expect(first.body.lotNumber).toBe('L-2026-000001');

    // released later by a change
    const released = await owner.patch(`${api}/orders/${planned.id}`, { releasedAt: '2027-01-04T06:00:00+01:00' });
    expect(released.body.lotNumber).toBe('L-2027-000001');
    const withdrawn = await owner.patch(`${api}/orders/${planned.id}`, { releasedAt: null });
    expect(withdrawn.body).toMatchObject({ releasedAt: null, lotNumber: 'L-2027-000001' });
    const again = await owner.patch(`${api}/orders/${planned.id}`, { releasedAt: '2027-01-05T06:00:00+01:00' });
    expect(again.body.lotNumber).toBe('L-2027-000001');
    const second = await owner.post(`${api}/orders`, { number: 'FA-3', partId: lotPart.id, quantity: 5, releasedAt: '2027-01-06T06:00:00+01:00' });
    expect(second.body.lotNumber).toBe('L-2027-000002');

    // the list (terminal) shows it, the door finds orders by it
    const list = (await owner.get(`${api}/orders`)).body as Array<{ number: string; lotNumber: string | null }>;
    expect(Object.fromEntries(list.map((o) => [o.number, o.lotNumber]))).toEqual({ 'FA-1': 'L-2027-000001', 'FA-2': 'L-2026-000001', 'FA-3': 'L-2027-000002' });
    expect(await productionOrdersByLot(instance.ctx.db, id, 'L-2027-000002')).toEqual([second.body.id]);
    expect(await productionOrdersByLot(instance.ctx.db, id, 'L-2027-000009')).toEqual([]);

    // a booking on the operation carries the lot of its order
    const op = released.body.operations[0].id;
    const bookings = [
      { key: randomUUID(), deviceId: 'tablet-1', sequence: 1, operationId: op, kind: 'start-production', at: '2027-01-05T07:00:00+01:00' },
      { key: randomUUID(), deviceId: 'tablet-1', sequence: 2, operationId: op, kind: 'quantity', at: '2027-01-05T08:00:00+01:00', good: 10 },
    ];
    expect((await owner.post(`${api}/bookings`, { bookings })).body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    const stored = (await owner.get(`${api}/bookings?orderId=${planned.id}`)).body as Array<{ lotNumber: string }>;
    expect(stored.map((b) => b.lotNumber)).toEqual(['L-2027-000001', 'L-2027-000001']);

    // the order paper prints it
    const paper = await owner.get(`${api}/orders/${planned.id}/paper.pdf?lang=de`);
    expect(paper.status).toBe(200);
  });

  it('gives each piece of a serialised part a serial number, tops them up when the quantity grows, and keeps the pattern of the company', async () => {
    const { owner, id, api, serialPart, lotPart } = await company('Serie GmbH', 'o@serie.example');
    const order = (await owner.post(`${api}/orders`, { number: 'FA-S1', partId: serialPart.id, quantity: 3, releasedAt: '2026-05-04T06:00:00+02:00' })).body;
    expect(order.lotNumber).toBe('L-2026-000001');
    expect(order.serialNumbers).toEqual(['G-7-26-00001', 'G-7-26-00002', 'G-7-26-00003']);
    const grown = (await owner.patch(`${api}/orders/${order.id}`, { quantity: 5 })).body;
    expect(grown.serialNumbers).toEqual(['G-7-26-00001', 'G-7-26-00002', 'G-7-26-00003', 'G-7-26-00004', 'G-7-26-00005']);
    const shrunk = (await owner.patch(`${api}/orders/${order.id}`, { quantity: 2 })).body;
    expect(shrunk.serialNumbers).toHaveLength(5);
    expect(await productionOrdersBySerial(instance.ctx.db, id, 'G-7-26-00004')).toEqual([order.id]);
    expect(await lotsOfProductionOrders(instance.ctx.db, id, [order.id, randomUUID()])).toEqual([{ productionOrderId: order.id, lotNumber: 'L-2026-000001', serialNumbers: grown.serialNumbers }]);

    // the part page keeps the flag when a change leaves it out
    const kept = (await owner.put(`${api}/parts/${serialPart.id}`, { number: 'G-7', name: 'Getriebe groß', operations: serialPart.operations.map(({ name, workCentreId, setupMinutes, idealCycleSeconds }: Record<string, unknown>) => ({ name, workCentreId, setupMinutes, idealCycleSeconds })) })).body;
    expect(kept.serialised).toBe(true);

    // too many pieces for single parts: refused, nothing stored
    const big = await owner.post(`${api}/orders`, { number: 'FA-S2', partId: serialPart.id, quantity: 20_000, releasedAt: '2026-05-04T06:00:00+02:00' });
    expect(big.status).toBe(409);
    expect(big.body.code).toBe('shopfloor_too_many_serials');
    expect((await owner.get(`${api}/orders`)).body.map((o: { number: string }) => o.number)).not.toContain('FA-S2');

    // the company's own pattern; a bad one is refused naming the field and changes nothing
    const bad = await owner.put(`${api}/settings`, { lotPattern: 'CH-{counter:4}-{counter}' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.lotPattern');
    expect((await owner.get(`${api}/settings`)).body).toMatchObject({ overQuantityMarginPercent: 10, lotPattern: 'L-{YYYY}-{counter:6}', serialPattern: '{part}-{YY}-{counter:5}' });
    expect((await owner.put(`${api}/settings`, { lotPattern: 'CH{YY}{MM}-{counter:4}' })).status).toBe(200);
    const patterned = (await owner.post(`${api}/orders`, { number: 'FA-P1', partId: lotPart.id, quantity: 1, releasedAt: '2026-05-04T06:00:00+02:00' })).body;
    expect(patterned.lotNumber).toBe('CH2605-0001');
    expect((await owner.put(`${api}/settings`, { lotPattern: null })).body.lotPattern).toBe('L-{YYYY}-{counter:6}');

    // another company counts on its own
    const other = await company('Andere GmbH', 'o@andere.example');
    const theirs = (await other.owner.post(`${other.api}/orders`, { number: 'FA-1', partId: other.lotPart.id, quantity: 1, releasedAt: '2026-05-04T06:00:00+02:00' })).body;
    expect(theirs.lotNumber).toBe('L-2026-000001');
    expect(await productionOrdersByLot(instance.ctx.db, id, 'L-2026-000001')).toEqual([order.id]);
    expect(await lotsOfProductionOrders(instance.ctx.db, id, [theirs.id])).toEqual([]);
  });
});
