import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { auditSentence } from '../../kernel/audit/audit-sentence.js';

interface PositionState { positionId: string; number: number; orderedMilli: number; deliveredMilli: number; finishedMilli: number | null; suggestedMilli: number; lots: Array<{ lotNumber: string }>; openSerialNumbers: string[] }

describe.each(testDatabaseKinds())('Deliveries on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let customerId: string;
  let partId: string;
  let serialPartId: string;
  let device = 0;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Muster Metallbau GmbH', 'owner@muster.example');
    api = `/api/v1/companies/${companyId}`;
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'SAEGE', name: 'Säge' });
    const operations = [{ name: 'Sägen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }];
    partId = (await client.post(`${api}/shopfloor/parts`, { number: 'KONS-100', name: 'Konsole', operations })).body.id;
    serialPartId = (await client.post(`${api}/shopfloor/parts`, { number: 'GETR-7', name: 'Getriebe', operations, serialised: true })).body.id;
    customerId = (await client.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', street: 'Hafenstraße 1', postcode: '24103', city: 'Kiel' })).body.id;
  });
  afterAll(async () => instance?.close());

  const orderOf = async (positions: Array<Record<string, unknown>>) => {
    const quote = (await client.post(`${api}/quotes`, { customerId, subject: 'Konsolen', positions })).body;
    expect((await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' })).status).toBe(200);
    expect((await client.post(`${api}/quotes/${quote.id}/win`, {})).status).toBe(200);
    const order = await client.post(`${api}/quotes/${quote.id}/order`, { customerReference: 'PO-4711' });
    expect(order.status).toBe(201);
    return order.body as { id: string; number: string; state: string; positions: Array<{ id: string }> };
  };
  const finishGood = async (productionOrderId: string, good: number) => {
    const op = (await client.get(`${api}/shopfloor/orders/${productionOrderId}`)).body.operations[0].id as string;
    const deviceId = `tablet-${++device}`;
    const at = (m: number) => new Date(Date.now() - (60 - m) * 60_000).toISOString();
    const bookings = [
      { key: randomUUID(), deviceId, sequence: 1, operationId: op, kind: 'start-production', at: at(0) },
      { key: randomUUID(), deviceId, sequence: 2, operationId: op, kind: 'quantity', at: at(10), good },
    ];
    expect((await client.post(`${api}/shopfloor/bookings`, { bookings })).body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
  };

  it('records partial deliveries with the lots from production, asks before over-delivering, and moves the order to partly delivered and delivered', async () => {
    const order = await orderOf([
      { partId, quantityMilli: 10_000, unitPriceCents: 1_000, deliveryDate: '2027-06-01' },
      { text: 'Verpackung', quantityMilli: 1_000, unitPriceCents: 500 },
    ]);
    const [part, text] = order.positions;
    const produced = await client.post(`${api}/customer-order-positions/${part!.id}/production-orders`, { release: true });
    expect(produced.status).toBe(201);
    const lot = produced.body.productionOrder.lotNumber as string;
    expect(lot).toMatch(/^L-\d{4}-000001$/);
    await finishGood(produced.body.productionOrder.id, 6);

    // the suggestion: what is finished and not yet delivered; a text position: what is open
    let state = (await client.get(`${api}/customer-orders/${order.id}/deliveries`)).body as { items: unknown[]; positions: PositionState[] };
    expect(state.items).toEqual([]);
    expect(state.positions.map((p) => [p.number, p.finishedMilli, p.suggestedMilli, p.lots.map((l) => l.lotNumber)])).toEqual([[10, 6_000, 6_000, [lot]], [20, null, 1_000, []]]);

    const first = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: part!.id, quantityMilli: 6_000 }], deliveredOn: '2027-05-20' });
    expect(first.status).toBe(201);
    expect(first.body.orderState).toBe('partly-delivered');
    expect(first.body.delivery).toMatchObject({ number: 'LS-2027-00001', deliveredOn: '2027-05-20', lines: [{ orderPositionId: part!.id, quantityMilli: 6_000, lotNumbers: [lot], serialNumbers: [] }] });
    expect((await client.get(`${api}/customer-orders/${order.id}`)).body.state).toBe('partly-delivered');

    // an unknown lot is refused naming the field, nothing stored
    const badLot = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: part!.id, quantityMilli: 1_000, lotNumbers: ['L-1999-000001'] }] });
    expect(badLot.status).toBe(400);
    expect(JSON.stringify(badLot.body)).toContain('body.lines.0.lotNumbers.0');
    // 6 of 10 delivered; 4 are open, the margin is 10 % of 10 = 1: 6 more need a confirmation
    const over = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: part!.id, quantityMilli: 6_000 }, { positionId: text!.id, quantityMilli: 1_000 }] });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('customers_over_delivery');
    expect(over.body.detail ?? over.body.title ?? '').toContain('10');
    state = (await client.get(`${api}/customer-orders/${order.id}/deliveries`)).body;
    expect(state.items).toHaveLength(1);
    expect(state.positions.map((p) => p.deliveredMilli)).toEqual([6_000, 0]);
    // a position of another order is refused naming the field
    const foreign = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: randomUUID(), quantityMilli: 1_000 }] });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('body.lines.0.positionId');

    const confirmed = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: part!.id, quantityMilli: 6_000 }, { positionId: text!.id, quantityMilli: 1_000 }], confirmOverDelivery: true, deliveredOn: '2027-05-27', note: 'Rest mit Reserve' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.orderState).toBe('delivered');
    expect(confirmed.body.delivery.number).toBe('LS-2027-00002');
    const detail = (await client.get(`${api}/customer-orders/${order.id}`)).body;
    expect(detail.state).toBe('delivered');
    expect(detail.positions.map((p: { deliveredMilli: number }) => p.deliveredMilli)).toEqual([12_000, 1_000]);
    // a delivered order takes no more deliveries
    expect((await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: text!.id, quantityMilli: 1_000 }], confirmOverDelivery: true })).status).toBe(409);

    // the delivery note in both languages
    for (const lang of ['de', 'en']) {
      const pdf = await client.get(`${api}/deliveries/${confirmed.body.delivery.id}/pdf?lang=${lang}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(lang === 'de' ? 'lieferschein-LS-2027-00002.pdf' : 'delivery-note-LS-2027-00002.pdf');
    }
    expect((await client.get(`${api}/deliveries/${randomUUID()}/pdf`)).status).toBe(404);

    // audited in words, in the transaction of the delivery
    const entry = await instance.ctx.db.selectFrom('audit_log').select(['action', 'target', 'details']).where('action', '=', 'customers.delivery_recorded').where('target', '=', order.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(auditSentence('de', entry, () => undefined)).toBe(`Lieferung LS-2027-00002 zu Kundenauftrag ${order.number} erfasst (2 Positionen).`);
    expect(auditSentence('en', entry, () => undefined)).toBe(`Delivery LS-2027-00002 recorded for customer order ${order.number} (2 positions).`);
  });

  it('delivers single parts by serial number: the next ones by default, named ones checked', async () => {
    const order = await orderOf([{ partId: serialPartId, quantityMilli: 3_000, unitPriceCents: 90_000, deliveryDate: '2027-06-01' }]);
    const position = order.positions[0]!.id;
    const produced = (await client.post(`${api}/customer-order-positions/${position}/production-orders`, { release: true })).body;
    const serials = (await client.get(`${api}/shopfloor/orders/${produced.productionOrder.id}`)).body.serialNumbers as string[];
    expect(serials).toHaveLength(3);
    await finishGood(produced.productionOrder.id, 3);

    const first = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: position, quantityMilli: 1_000 }] });
    expect(first.body.delivery.lines[0].serialNumbers).toEqual([serials[0]]);
    const twice = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: position, quantityMilli: 1_000, serialNumbers: [serials[0]] }] });
    expect(twice.status).toBe(400);
    expect(twice.body.code).toBe('customers_delivery_serial_delivered');
    const wrongCount = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: position, quantityMilli: 2_000, serialNumbers: [serials[2]] }] });
    expect(wrongCount.status).toBe(400);
    const named = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: position, quantityMilli: 2_000, serialNumbers: [serials[2], serials[1]] }] });
    expect(named.status).toBe(201);
    expect(named.body.orderState).toBe('delivered');
  });

  it('delivers within the company\'s margin without asking, and asks from the margin set in Shop floor', async () => {
    const order = await orderOf([{ text: 'Halterungen', quantityMilli: 10_000, unitPriceCents: 500 }]);
    const position = order.positions[0]!.id;
    // 10 % of 10 = 1 piece of margin: 11 go out without a question, the order is delivered
    const within = await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: position, quantityMilli: 11_000 }] });
    expect(within.status).toBe(201);
    expect(within.body).toMatchObject({ orderState: 'delivered', delivery: { overDeliveryConfirmed: false } });
    // no margin: one piece more asks
    expect((await client.put(`${api}/shopfloor/settings`, { overQuantityMarginPercent: 0 })).status).toBe(200);
    const strict = await orderOf([{ text: 'Halterungen', quantityMilli: 10_000, unitPriceCents: 500 }]);
    const asked = await client.post(`${api}/customer-orders/${strict.id}/deliveries`, { lines: [{ positionId: strict.positions[0]!.id, quantityMilli: 10_500 }] });
    expect(asked.status).toBe(409);
    expect((await client.post(`${api}/customer-orders/${strict.id}/deliveries`, { lines: [{ positionId: strict.positions[0]!.id, quantityMilli: 10_000 }] })).status).toBe(201);
    expect((await client.put(`${api}/shopfloor/settings`, { overQuantityMarginPercent: 10 })).status).toBe(200);
  });

  it('lets only those with the ship permission record deliveries', async () => {
    const order = await orderOf([{ text: 'Beratung', quantityMilli: 1_000, unitPriceCents: 500 }]);
    const inv = await client.post(`${api}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    await viewer.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Viewer', email: 'viewer@muster.example', password: 'long enough password' } });
    expect((await viewer.get(`${api}/customer-orders/${order.id}`)).status).toBe(200);
    expect((await viewer.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: order.positions[0]!.id, quantityMilli: 1_000 }] })).status).toBe(403);
    expect((await client.get(`${api}/customer-orders/${order.id}/deliveries`)).body.items).toEqual([]);
  });
});
