import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { type WebhookReceiver, startWebhookReceiver } from '../../kernel/testing/webhook-receiver.js';
import { deliverDueEvents, dispatchEvents } from '../../kernel/webhooks/event-delivery.js';
import { verifyWebhookSignature } from '../../kernel/webhooks/index.js';
import { reportFinishedProduction } from './production-finished.job.js';

describe.each(testDatabaseKinds())('Customer order webhooks on the %s database', (kind) => {
  let instance: Instance;
  let receiver: WebhookReceiver;
  let client: TestClient;
  let api: string;
  let companyId: string;
  let secret: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    instance = await startTestInstance(kind, { config: { outboundAllow: ['127.0.0.1/32'] } });
    client = new TestClient(instance);
    companyId = await client.signup('Haken Metall GmbH', 'owner@haken.example');
    api = `/api/v1/companies/${companyId}`;
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
  });
  afterAll(async () => {
    await instance?.close();
    await receiver?.close();
  });

  const delivered = async () => {
    receiver.hits.length = 0;
    await dispatchEvents(instance.ctx.db);
    await deliverDueEvents(instance.ctx, new Date());
    return receiver.hits.map((h) => {
      expect(verifyWebhookSignature(secret, Number(h.headers['x-werkverbund-timestamp']), h.body, h.headers['x-werkverbund-signature'] as string)).toBe(true);
      return JSON.parse(h.body) as { type: string; companyId: string; data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    });
  };

  it('declares the events for the webhook settings and sends order created, state changed and production finished, signed, without contact data', async () => {
    const types = await client.get(`${api}/webhooks/event-types`);
    expect(types.body.eventTypes).toEqual(expect.arrayContaining(['customers.order.created', 'customers.order.state_changed', 'customers.production.finished', 'customers.delivery.made']));
    const sub = await client.post(`${api}/webhooks`, { url: `${receiver.url}/orders`, eventTypes: ['customers.order.created', 'customers.order.state_changed', 'customers.production.finished', 'customers.delivery.made'] });
    expect(sub.status).toBe(201);
    secret = sub.body.secret;

    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'DREH', name: 'Drehen' });
    const part = await client.post(`${api}/shopfloor/parts`, { number: 'WELLE-7', name: 'Welle', operations: [{ name: 'Drehen', workCentreId: centre.body.id, setupMinutes: 5, idealCycleSeconds: 30 }] });
    const customer = await client.post(`${api}/customers`, { name: 'Ostsee Anlagenbau GmbH', city: 'Rostock' });
    await client.post(`${api}/customers/${customer.body.id}/contacts`, { firstName: 'Petra', lastName: 'Privat', email: 'petra@ostsee.example', phone: '+49 381 99' });
    const quote = await client.post(`${api}/quotes`, { customerId: customer.body.id, subject: 'Wellen', positions: [{ partId: part.body.id, quantityMilli: 3_000, unitPriceCents: 2_000, deliveryDate: '2027-06-30' }] });
    await client.post(`${api}/quotes/${quote.body.id}/send`, { language: 'de' });
    await client.post(`${api}/quotes/${quote.body.id}/win`, {});
    // a rolled-back attempt (the quote is ordered twice) writes no second event
    const order = await client.post(`${api}/quotes/${quote.body.id}/order`, { customerReference: 'PO-4711' });
    expect(order.status).toBe(201);
    expect((await client.post(`${api}/quotes/${quote.body.id}/order`, {})).status).toBe(409);

    const created = await delivered();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      type: 'customers.order.created',
      companyId,
      data: {
        order: { id: order.body.id, number: order.body.number, state: 'open', currency: 'EUR', customerReference: 'PO-4711', quote: { id: quote.body.id, number: quote.body.number, version: 1 } },
        customer: { id: customer.body.id, number: customer.body.number },
        positions: [{ number: 10, partId: part.body.id, quantityMilli: 3_000, promisedDate: '2027-06-30' }],
      },
    });

    const production = await client.post(`${api}/customer-order-positions/${order.body.positions[0].id}/production-orders`, {});
    expect(production.status).toBe(201);
    const changed = await delivered();
    expect(changed.map((e) => [e.type, e.data.order.state, e.data.order.previousState])).toEqual([['customers.order.state_changed', 'in-production', 'open']]);

    // nothing while the production order runs; once it is finished, one event for the position
    expect(await reportFinishedProduction(instance.ctx)).toBe(0);
    const operationId = (await client.get(`${api}/shopfloor/orders/${production.body.productionOrder.id}`)).body.operations[0].id;
    const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const steps = [{ kind: 'start-setup', at: at(30) }, { kind: 'start-production', at: at(20) }, { kind: 'quantity', at: at(10), good: 3 }, { kind: 'finish', at: at(5) }];
    const booked = await client.post(`${api}/shopfloor/bookings`, { bookings: steps.map((s, i) => ({ key: randomUUID(), deviceId: 'tablet-1', sequence: i + 1, operationId, ...s })) });
    expect(booked.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(await reportFinishedProduction(instance.ctx)).toBe(1);
    expect(await reportFinishedProduction(instance.ctx)).toBe(0);
    const finished = await delivered();
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({
      type: 'customers.production.finished',
      data: {
        order: { id: order.body.id, number: order.body.number, customerId: customer.body.id },
        position: { id: order.body.positions[0].id, number: 10, partId: part.body.id },
        productionOrders: [{ id: production.body.productionOrder.id, quantity: 3, good: 3 }],
      },
    });

    // a delivery of everything: delivery made and the order delivered, in the delivery's transaction
    const delivery = await client.post(`${api}/customer-orders/${order.body.id}/deliveries`, { lines: [{ positionId: order.body.positions[0].id, quantityMilli: 3_000 }] });
    expect(delivery.status).toBe(201);
    const shipped = await delivered();
    expect(shipped.map((e) => e.type).sort()).toEqual(['customers.delivery.made', 'customers.order.state_changed']);
    expect(shipped.find((e) => e.type === 'customers.delivery.made')).toMatchObject({
      data: {
        delivery: { id: delivery.body.delivery.id, number: delivery.body.delivery.number },
        order: { id: order.body.id, number: order.body.number, customerId: customer.body.id, state: 'delivered' },
        lines: [{ positionId: order.body.positions[0].id, positionNumber: 10, quantityMilli: 3_000 }],
      },
    });
    expect(shipped.find((e) => e.type === 'customers.order.state_changed')!.data.order).toMatchObject({ state: 'delivered', previousState: 'in-production' });
    const everything = JSON.stringify([created, changed, finished, shipped]);
    for (const personal of ['Petra', 'Privat', 'petra@ostsee.example', '+49 381 99']) expect(everything).not.toContain(personal);
  });
});
