import type { TestClient } from '../kernel/testing/test-instance.js';
import { dispatchEvents } from '../kernel/webhooks/event-delivery.js';
import { emitEvent } from '../kernel/webhooks/index.js';
import { customersIsolationFixture } from './customers/customers.isolation-fixture.js';
import { investIsolationFixture } from './invest/invest.isolation-fixture.js';
import { machinesIsolationFixture } from './machines/machines.isolation-fixture.js';
import { privacyIsolationFixture } from './privacy/privacy.isolation-fixture.js';
import { roadmapIsolationFixture } from './roadmap/roadmap-isolation-fixture.js';
import { shopfloorIsolationFixture } from './shopfloor/shopfloor.isolation-fixture.js';

/**
 * Per module: creates some data in a company through the API and returns the ids its routes take
 * as path parameters (by parameter name), so the tenant-isolation test can aim at real objects.
 */
export const isolationFixtures: Record<string, (client: TestClient, companyId: string) => Promise<Record<string, string>>> = {
  customers: customersIsolationFixture,
  invest: investIsolationFixture,
  machines: machinesIsolationFixture,
  privacy: privacyIsolationFixture,
  roadmap: roadmapIsolationFixture,
  shopfloor: shopfloorIsolationFixture,
  platform: async (client, companyId) => {
    const subscription = await client.post(`/api/v1/companies/${companyId}/webhooks`, {
      url: 'https://hooks.isolation.example/events',
      eventTypes: ['machines.alarm.raised'],
      filter: { 'alarm.severity': ['warning', 'critical'] },
    });
    if (subscription.status !== 201) throw new Error(`platform fixture: webhook subscription failed: ${subscription.status} ${JSON.stringify(subscription.body)}`);
    // one delivery in the log: an event, turned into a delivery as the delivery job does (not sent)
    const db = client.instance.ctx.db;
    await db.transaction().execute((trx) => emitEvent(trx, companyId, { type: 'machines.alarm.raised', payload: { alarm: { severity: 'critical' } } }));
    await dispatchEvents(db);
    const deliveries = await client.get(`/api/v1/companies/${companyId}/webhooks/deliveries`);
    const delivery = (deliveries.body as Array<{ id: string; subscriptionId: string }>).find((d) => d.subscriptionId === subscription.body.id);
    if (!delivery) throw new Error(`platform fixture: no delivery: ${deliveries.status} ${JSON.stringify(deliveries.body)}`);
    return { subscriptionId: subscription.body.id as string, deliveryId: delivery.id };
  },
  check: async (client, companyId) => {
    const run = await client.post(`/api/v1/companies/${companyId}/check/runs`);
    await client.put(`/api/v1/companies/${companyId}/check/runs/${run.body.id}/answers`, { answers: { 'strategy.goal': 3 } });
    return { checkId: run.body.id };
  },
};
