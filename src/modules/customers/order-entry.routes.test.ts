import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { yearInFirmZone } from './quotes.service.js';

describe.each(testDatabaseKinds())('Orders without a quote, and cancelling, on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let customerId: string;
  let partId: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Telefon Metall GmbH', 'owner@telefon-metall.example');
    api = `/api/v1/companies/${companyId}`;
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'BIEGE', name: 'Biegen' });
    partId = (await client.post(`${api}/shopfloor/parts`, { number: 'HAL-9', name: 'Halter', operations: [{ name: 'Biegen', workCentreId: centre.body.id, setupMinutes: 5, idealCycleSeconds: 30 }] })).body.id;
    customerId = (await client.post(`${api}/customers`, { name: 'Lorenzen Fördertechnik GmbH', city: 'Rendsburg' })).body.id;
  });
  afterAll(async () => instance?.close());

  const enter = (extra: Record<string, unknown> = {}) => client.post(`${api}/customer-orders`, {
    customerId, customerReference: 'Anruf Herr Lorenzen',
    positions: [
      { partId, quantityMilli: 25_000, unitPriceCents: 1_480, deliveryDate: '2099-03-01' },
      { text: 'Prüfzeugnis 3.1', quantityMilli: 1_000, unitPriceCents: 2_500, vatBasisPoints: 1900 },
    ],
    ...extra,
  });

  it('takes an order without a quote, numbered like every order, whose part position gets a production order', async () => {
    const res = await enter();
    expect(res.status).toBe(201);
    const order = res.body;
    expect(order.number).toMatch(new RegExp(`^AB-${yearInFirmZone(new Date())}-\\d{5}$`));
    expect(order).toMatchObject({ state: 'open', quoteId: null, customerReference: 'Anruf Herr Lorenzen', cancellation: null });
    expect(order.positions.map((p: { number: number; text: string; producible: boolean; promisedDate: string | null }) => [p.number, p.text, p.producible, p.promisedDate])).toEqual([
      [10, 'HAL-9 Halter', true, '2099-03-01'],
      [20, 'Prüfzeugnis 3.1', false, null],
    ]);
    const production = await client.post(`${api}/customer-order-positions/${order.positions[0].id}/production-orders`, {});
    expect(production.status).toBe(201);
    expect((await client.get(`${api}/customer-orders/${order.id}`)).body.state).toBe('in-production');
  });

  it('refuses an order without positions, or with a customer or part of another company, and stores nothing', async () => {
    const stranger = new TestClient(instance);
    const strangerCompany = await stranger.signup('Fremd Auftrag GmbH', 'owner@fremd-auftrag.example');
    await stranger.put(`/api/v1/companies/${strangerCompany}/modules/shopfloor`, { enabled: true });
    const foreignPart = (await stranger.post(`/api/v1/companies/${strangerCompany}/shopfloor/parts`, { number: 'F-1', name: 'Fremd' })).body.id;
    const foreignCustomer = (await stranger.post(`/api/v1/companies/${strangerCompany}/customers`, { name: 'Fremdkunde' })).body.id;
    const before = (await client.get(`${api}/customer-orders?limit=100`)).body.total;

    const empty = await enter({ positions: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('positions');
    const wrongCustomer = await enter({ customerId: foreignCustomer });
    expect(wrongCustomer.status).toBe(400);
    expect(JSON.stringify(wrongCustomer.body)).toContain('customerId');
    const wrongPart = await enter({ positions: [{ partId: foreignPart, quantityMilli: 1_000, unitPriceCents: 100 }] });
    expect(wrongPart.status).toBe(400);
    expect(JSON.stringify(wrongPart.body)).toContain('body.positions.0.partId');
    expect((await client.get(`${api}/customer-orders?limit=100`)).body.total).toBe(before);
  });

  it('cancels with a reason, names the production orders to stop there, and only once', async () => {
    const order = (await enter()).body;
    const production = (await client.post(`${api}/customer-order-positions/${order.positions[0].id}/production-orders`, {})).body;
    const noReason = await client.post(`${api}/customer-orders/${order.id}/cancel`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect((await client.get(`${api}/customer-orders/${order.id}`)).body.state).toBe('in-production');

    const res = await client.post(`${api}/customer-orders/${order.id}/cancel`, { reason: 'Projekt beim Kunden gestoppt' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'cancelled', cancellation: { by: 'Test Person', reason: 'Projekt beim Kunden gestoppt' } });
    expect(Date.parse(res.body.cancellation.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(res.body.productionOrdersToStop).toEqual([{ id: production.productionOrder.id, number: production.productionOrder.number, state: 'planned' }]);
    // the production order is Shop floor's and stays
    expect((await client.get(`${api}/shopfloor/orders/${production.productionOrder.id}`)).status).toBe(200);
    // a cancelled order is never late, and no second cancel
    expect(res.body.forecast).toEqual({ expectedFinish: null, late: false });
    expect(res.body.positions[0].forecast).toMatchObject({ expectedFinish: null, late: false });
    const again = await client.post(`${api}/customer-orders/${order.id}/cancel`, { reason: 'noch mal' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('customers_order_already_cancelled');
    expect(again.body.title).toContain(order.number);
  });
});
