import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import type { KyselyPlugin } from 'kysely';
import { translate } from '../../kernel/i18n/server-messages.js';
import { readXlsx } from '../../kernel/tabular/index.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { productionRecordOf } from './production-record.js';

const MIN = 60_000;

describe.each(testDatabaseKinds())('Production records and recall on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let machineId: string;
  let companyId: string;
  let customer: { id: string; number: string };
  let order: { id: string; number: string; positions: Array<{ id: string }> };
  let productionOrder: { id: string; number: string; lotNumber: string };
  const t0 = Date.parse('2026-11-02T08:00:00Z');

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    companyId = await client.signup('Muster Schweißtechnik GmbH', 'owner@record.example');
    api = `/api/v1/companies/${companyId}`;
    for (const m of ['shopfloor', 'machines']) expect((await client.put(`${api}/modules/${m}`, { enabled: true })).status).toBe(200);
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'SZ1', name: 'Schweißzelle 1' });
    const part = await client.post(`${api}/shopfloor/parts`, {
      number: 'RAHMEN-7', name: 'Rahmen', operations: [{
        name: 'Schweißen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60, parameters: [
          { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', required: false, unit: 'A', target: 120, lowerTolerance: 10, upperTolerance: 10 },
          { id: 'seam', label: { de: 'Nahtfoto', en: 'Seam photo' }, type: 'photo', required: false },
        ],
      }],
    });
    expect(part.status).toBe(201);
    customer = (await client.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', city: 'Kiel', street: 'Hafenstraße 1', postcode: '24103' })).body;
    const quote = (await client.post(`${api}/quotes`, { customerId: customer.id, subject: 'Rahmen', positions: [{ partId: part.body.id, quantityMilli: 10_000, unitPriceCents: 5_000, vatBasisPoints: 1900, deliveryDate: '2026-12-20' }] })).body;
    expect((await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' })).status).toBe(200);
    expect((await client.post(`${api}/quotes/${quote.id}/win`, {})).status).toBe(200);
    order = (await client.post(`${api}/quotes/${quote.id}/order`, {})).body;
    // released at once: Shop floor issues the lot
    productionOrder = (await client.post(`${api}/customer-order-positions/${order.positions[0]!.id}/production-orders`, { release: true })).body.productionOrder;
    const operationId = (await client.get(`${api}/shopfloor/orders/${productionOrder.id}`)).body.operations[0].id as string;

    // the machine on the work centre, its current with a high limit of 150 A
    const machine = await client.post(`${api}/machines`, { name: 'Roboter 1', workCentreId: centre.body.id });
    machineId = machine.body.id;
    const device = await client.post(`${api}/machines/${machineId}/devices`, { name: 'SPS' });
    const point = await client.post(`${api}/machines/${machineId}/points`, { name: 'current', label: 'Schweißstrom', unit: 'A' });
    expect((await client.post(`${api}/machines/${machineId}/rules`, { pointId: point.body.id, name: 'Strom zu hoch', rule: { kind: 'threshold', direction: 'high', limit: 150 } })).status).toBe(201);

    const scrapReason = ((await client.get(`${api}/shopfloor/reasons`)).body.reasons as Array<{ id: string; kind: string; label: { de: string } }>).find((r) => r.kind === 'scrap')!;
    const photoId = randomUUID();
    const steps = [
      { kind: 'start-setup', at: t0 },
      { kind: 'start-production', at: t0 + 10 * MIN },
      { kind: 'parameters', at: t0 + 11 * MIN, parameters: [{ name: 'current', value: 125 }, { name: 'seam', value: photoId }] },
      { kind: 'quantity', at: t0 + 30 * MIN, good: 8, scrap: 2, reason: scrapReason.id },
      { kind: 'parameters', at: t0 + 31 * MIN, parameters: [{ name: 'current', value: 141.5 }] },
      { kind: 'finish', at: t0 + 40 * MIN },
    ];
    const booked = await client.post(`${api}/shopfloor/bookings`, { bookings: steps.map((s, i) => ({ ...s, key: randomUUID(), deviceId: 'tablet-1', sequence: i + 1, operationId, at: new Date(s.at).toISOString() })) });
    expect(booked.body.results?.map((r: { status: string }) => r.status)).toEqual(steps.map(() => 'applied'));

    // one sample a minute from setup to after the finish: 100 A, 160 A in minutes 20–24 of production
    const samples = Array.from({ length: 50 }, (_, i) => ({ ts: t0 + i * MIN, values: { current: i >= 30 && i < 35 ? 160 : 100 + (i % 3) } }));
    const ingest = await instance.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: samples, headers: { authorization: `Bearer ${device.body.token}` } });
    expect(ingest.statusCode).toBe(200);
    // the minute aggregates, as the job writes them every minute
    expect(await instance.ctx.jobs.runNow('machines.aggregation')).toBe('succeeded');
  });
  afterAll(async () => instance?.close());

  it('shows a customer order\'s production record: operation, quantities, scrap by reason, parameters with their tolerance check, photo, and the machine signals during production', async () => {
    const res = await client.get(`${api}/production-records?order=${order.id}`);
    expect(res.status).toBe(200);
    expect(res.body.order.number).toBe(order.number);
    expect(res.body.customer).toMatchObject({ name: 'Hansen Maschinenbau GmbH', city: 'Kiel' });
    expect(res.body.sources).toEqual({ shopfloor: true, machines: true });
    const [po] = res.body.positions[0].productionOrders;
    expect(po).toMatchObject({ number: productionOrder.number, state: 'finished', linkedQuantity: 10 });
    const [op] = po.operations;
    expect(op).toMatchObject({
      name: 'Schweißen', workCentre: { code: 'SZ1', name: 'Schweißzelle 1' }, status: 'finished', good: 8, scrap: 2,
      startedAt: new Date(t0).toISOString(), finishedAt: new Date(t0 + 40 * MIN).toISOString(),
    });
    expect(op.scrapByReason).toEqual([{ reason: expect.objectContaining({ de: expect.any(String), en: expect.any(String) }), scrap: 2 }]);
    const current = op.parameters.filter((p: { name: string }) => p.name === 'current');
    expect(current.map((p: { value: number; outOfTolerance: boolean; lower: number; upper: number; unit: string }) => [p.value, p.outOfTolerance, p.lower, p.upper, p.unit]))
      .toEqual([[125, false, 110, 130, 'A'], [141.5, true, 110, 130, 'A']]);
    const photo = op.parameters.find((p: { type: string }) => p.type === 'photo');
    expect(photo.photo).toMatchObject({ uploaded: false });
    expect(op.bookings.map((b: { kind: string }) => b.kind)).toEqual(['start-setup', 'start-production', 'parameters', 'quantity', 'parameters', 'finish']);

    // signals over production only (minutes 10–39): 30 minutes, 5 of them at 160 A above the 150 A limit
    const [machine] = op.machines;
    expect(machine.machineName).toBe('Roboter 1');
    const [signal] = machine.points;
    expect(signal).toMatchObject({ point: 'current', unit: 'A', count: 30, min: 100, max: 160, outsideMs: 5 * MIN, limits: { low: null, high: 150 } });
    expect(signal.mean).toBeGreaterThan(100);
    expect(signal.mean).toBeLessThan(160);
    expect(machine.alarms.length).toBeGreaterThanOrEqual(1);
    expect(machine.alarms[0]).toMatchObject({ point: 'current', ruleName: 'Strom zu hoch' });
  });

  it('gives the customer link the parameters and machine signals only when the firm ticked them, never photos', async () => {
    const link = async (sections: string[]) => {
      const res = await client.post(`${api}/customer-orders/${order.id}/share-links`, { sections });
      expect(res.status).toBe(201);
      const opened = await new TestClient(instance).get(`/api/v1/p/o/${res.body.token}`);
      expect(opened.status).toBe(200);
      return opened.body.positions[0].productionOrders[0].operations[0];
    };
    const plain = await link(['operations']);
    expect(plain).toMatchObject({ name: 'Schweißen', status: 'finished', good: 8, scrap: 2 });
    expect(plain.parameters).toBeUndefined();
    expect(plain.signals).toBeUndefined();

    const full = await link(['parameters', 'signals']);
    expect(full.parameters.map((p: { value: number; outOfTolerance: boolean; unit: string }) => [p.value, p.outOfTolerance, p.unit])).toEqual([[125, false, 'A'], [141.5, true, 'A']]);
    expect(full.parameters[0].label).toEqual({ de: 'Schweißstrom', en: 'Welding current' });
    expect(full.signals).toMatchObject([{ machineName: 'Roboter 1', points: [{ label: 'Schweißstrom', unit: 'A', min: 100, max: 160, outsideMs: 5 * MIN }] }]);
    expect(full.signals[0].alarms).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(full);
    for (const hidden of ['photo', 'Nahtfoto', 'bookings', 'workCentre', 'Strom zu hoch']) expect(text).not.toContain(hidden);

    expect((await client.post(`${api}/customer-orders/${order.id}/share-links`, { sections: ['photos'] })).status).toBe(400);
  });

  it('answers one position and a lot alike, refuses a request naming none or two, and another company\'s order is not found', async () => {
    const one = await client.get(`${api}/production-records?position=${order.positions[0]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body.positions).toHaveLength(1);
    const neither = await client.get(`${api}/production-records`);
    expect(neither.status).toBe(400);
    expect(neither.body.errors[0].path).toBe('querystring.order');
    const both = await client.request('GET', `${api}/production-records?order=${order.id}&position=${order.positions[0]!.id}`, undefined, { 'accept-language': 'de' });
    expect(both.status).toBe(400);
    expect(both.body.title).toMatch(/genau einen/);
    expect((await client.get(`${api}/production-records?order=${randomUUID()}`)).status).toBe(404);

    // by lot and by an unknown lot or serial
    expect(productionOrder.lotNumber).toMatch(/^L-\d{4}-\d{6}$/);
    const byLot = await client.get(`${api}/production-records?lot=${encodeURIComponent(productionOrder.lotNumber)}`);
    expect(byLot.status).toBe(200);
    expect(byLot.body.positions.map((p: { productionOrders: Array<{ number: string; lotNumber: string }> }) => p.productionOrders.map((po) => [po.number, po.lotNumber])))
      .toEqual([[[productionOrder.number, productionOrder.lotNumber]]]);
    expect((await client.get(`${api}/production-records?lot=L-1999-000001`)).status).toBe(404);
    expect((await client.get(`${api}/production-records?serial=X-1`)).status).toBe(404);
    const twice = await client.get(`${api}/production-records?lot=L-1&serial=X-1`);
    expect([twice.status, twice.body.errors[0].path]).toEqual([400, 'querystring.serial']);
  });

  it('prints the production record as a PDF in German and in English', async () => {
    for (const lang of ['de', 'en']) {
      const res = (await client.get(`${api}/production-records/pdf?order=${order.id}&lang=${lang}`)).raw;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.headers['content-disposition']).toContain(lang === 'en' ? 'production-record' : 'fertigungsnachweis');
    }
  });

  it('answers the recall question by machine and by parameter out of tolerance, with CSV and XLSX', async () => {
    const from = new Date(t0 - 60 * MIN).toISOString();
    const to = new Date(t0 + 3 * 60 * MIN).toISOString();
    const byMachine = await client.get(`${api}/recall?machineId=${machineId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(byMachine.status).toBe(200);
    expect(byMachine.body.rows).toHaveLength(1);
    expect(byMachine.body.rows[0]).toMatchObject({
      productionOrder: { number: productionOrder.number, partNumber: 'RAHMEN-7' }, runningMinutes: 30,
      customerOrder: { number: order.number, positionNumber: 10 }, customer: { name: 'Hansen Maschinenbau GmbH' }, lot: productionOrder.lotNumber,
    });
    expect(byMachine.body.customers).toEqual([expect.objectContaining({ id: customer.id, productionOrders: 1 })]);
    // a period before the production finds nothing
    const before = await client.get(`${api}/recall?machineId=${machineId}&from=${encodeURIComponent(new Date(t0 - 5 * 60 * MIN).toISOString())}&to=${encodeURIComponent(new Date(t0).toISOString())}`);
    expect(before.body.rows).toEqual([]);

    const byParameter = await client.get(`${api}/recall?parameter=current&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(byParameter.status).toBe(200);
    expect(byParameter.body.rows.map((r: { outOfTolerance: unknown }) => r.outOfTolerance)).toEqual([{ bookings: 1, min: 141.5, max: 141.5, unit: 'A' }]);

    const filters = await client.get(`${api}/recall-filters`);
    expect(filters.body.machines.map((m: { name: string }) => m.name)).toEqual(['Roboter 1']);
    expect(filters.body.parameters).toEqual([{ name: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, unit: 'A' }]);

    const csv = (await client.get(`${api}/recall.csv?parameter=current&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&lang=de`)).raw;
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Fertigungsauftrag;Teil;Von;Bis;/);
    expect(lines[1]).toContain(';141,5;');
    expect(lines[1]).toContain('Hansen Maschinenbau GmbH');
    const xlsx = (await client.get(`${api}/recall.xlsx?machineId=${machineId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&lang=en`)).raw;
    expect(xlsx.statusCode).toBe(200);
    const records = [];
    for await (const r of readXlsx(xlsx.rawPayload)) records.push(r);
    expect(records.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a reversed or too long period and a request with both or no cause, naming the field in the caller\'s language', async () => {
    const q = (s: string) => client.request('GET', `${api}/recall?${s}`, undefined, { 'accept-language': 'en' });
    const reversed = await q(`machineId=${machineId}&from=2026-11-02T10:00:00Z&to=2026-11-02T09:00:00Z`);
    expect([reversed.status, reversed.body.errors[0].path]).toEqual([400, 'querystring.to']);
    // the signed-in user's language (German) comes before the browser's; the English text is there too
    expect(reversed.body.title).toMatch(/nach seinem Beginn/);
    expect(translate('en', 'errors.customers_recall_period_too_long', { days: 366 })).toBe('The period may span at most 366 days.');
    const long = await q(`machineId=${machineId}&from=2025-01-01T00:00:00Z&to=2026-11-02T09:00:00Z`);
    expect([long.status, long.body.errors[0].path]).toEqual([400, 'querystring.to']);
    expect((await q('from=2026-11-02T08:00:00Z&to=2026-11-02T09:00:00Z')).status).toBe(400);
    expect((await q(`machineId=${machineId}&parameter=current&from=2026-11-02T08:00:00Z&to=2026-11-02T09:00:00Z`)).status).toBe(400);
    const unknown = await q(`machineId=${randomUUID()}&from=2026-11-02T08:00:00Z&to=2026-11-02T09:00:00Z`);
    expect([unknown.status, unknown.body.errors[0].path]).toEqual([400, 'querystring.machineId']);
    expect((await q('machineId=x&from=2026-11-02T08:00:00Z&to=2026-11-02T09:00:00Z')).status).toBe(400);
  });
  it('reads a record with the same number of queries whatever the number of production orders and operations', async () => {
    const counting = () => {
      const plugin = { sent: 0, transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => { plugin.sent++; return args.node; }, transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result };
      return plugin;
    };
    const owner = (await client.get('/api/v1/me')).body.user.id as string;
    const tenant = { tenantId: companyId, userId: owner, role: 'owner' as const };
    const queriesFor = async () => {
      const plugin = counting();
      await productionRecordOf(instance.ctx.db.withPlugin(plugin), tenant, { order: order.id }, { shopfloorOn: true, machinesOn: true });
      return plugin.sent;
    };
    const one = await queriesFor();
    // two more production orders for the position, booked later in the day
    for (const at of [t0 + 5 * 60 * MIN, t0 + 6 * 60 * MIN]) {
      const po = (await client.post(`${api}/customer-order-positions/${order.positions[0]!.id}/production-orders`, { quantity: 2 })).body.productionOrder;
      const op = (await client.get(`${api}/shopfloor/orders/${po.id}`)).body.operations[0].id as string;
      const steps = [{ kind: 'start-production', at }, { kind: 'quantity', at: at + MIN, good: 2 }, { kind: 'finish', at: at + 2 * MIN }];
      const res = await client.post(`${api}/shopfloor/bookings`, { bookings: steps.map((x, i) => ({ ...x, key: randomUUID(), deviceId: `tablet-${at}`, sequence: i + 1, operationId: op, at: new Date(x.at).toISOString() })) });
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    }
    const record = await client.get(`${api}/production-records?order=${order.id}`);
    expect(record.body.positions[0].productionOrders).toHaveLength(3);
    expect(await queriesFor()).toBe(one);
    expect(one).toBeLessThanOrEqual(20);
  });
});
