import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { type WebhookReceiver, startWebhookReceiver } from '../testing/webhook-receiver.js';
import { deleteOldEvents, deliverDueEvents, dispatchEvents } from './event-delivery.js';
import { emitEvent, verifyWebhookSignature } from './index.js';

describe.each(testDatabaseKinds())('kernel event outbox and webhooks on the %s database', (kind) => {
  let instance: Instance;
  let receiver: WebhookReceiver;
  let alice: TestClient;
  let bob: TestClient;
  let companyA: string;
  let companyB: string;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    instance = await startTestInstance(kind, { config: { outboundAllow: ['127.0.0.1/32'] } });
    alice = new TestClient(instance);
    bob = new TestClient(instance);
    companyA = await alice.signup('Alpha GmbH', 'alice@alpha.example');
    companyB = await bob.signup('Beta GmbH', 'bob@beta.example');
  });
  afterAll(async () => {
    await instance?.close();
    await receiver?.close();
  });

  const eventsOf = async (tenantId: string) =>
    (await sql<{ type: string }>`select type from event_outbox where tenant_id = ${tenantId} order by created_at, id`.execute(instance.ctx.db)).rows.map((r) => r.type);

  it('lists the event types modules declare and refuses unknown ones', async () => {
    const types = await alice.get(`/api/v1/companies/${companyA}/webhooks/event-types`);
    expect(types.status).toBe(200);
    expect(types.body.eventTypes).toEqual(expect.arrayContaining(['machines.alarm.raised', 'machines.alarm.cleared']));
    const bad = await alice.post(`/api/v1/companies/${companyA}/webhooks`, { url: `${receiver.url}/ok`, eventTypes: ['machines.alarm.raised', 'no.such.event'] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].path).toBe('body.eventTypes.1');
  });

  it('writes an event only when the change commits', async () => {
    await instance.ctx.db.transaction().execute(async (tx) => {
      await emitEvent(tx, companyA, { type: 'machines.alarm.raised', payload: { n: 1 } });
    });
    await expect(
      instance.ctx.db.transaction().execute(async (tx) => {
        await sql`update tenants set name = 'Changed' where id = ${companyA}`.execute(tx);
        await emitEvent(tx, companyA, { type: 'machines.alarm.cleared', payload: { n: 2 } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await eventsOf(companyA)).toEqual(['machines.alarm.raised']);
    await dispatchEvents(instance.ctx.db); // no subscription yet: dispatched to nobody
    expect((await sql`select 1 from webhook_deliveries`.execute(instance.ctx.db)).rows).toHaveLength(0);
  });

  it('delivers signed, filtered by type, retried after a failure, and only within the company', async () => {
    const ok = await alice.post(`/api/v1/companies/${companyA}/webhooks`, { url: `${receiver.url}/ok`, eventTypes: ['machines.alarm.raised'] });
    expect(ok.status).toBe(201);
    expect(ok.body.secret).toMatch(/^whsec_/);
    const flaky = await alice.post(`/api/v1/companies/${companyA}/webhooks`, { url: `${receiver.url}/flaky`, eventTypes: ['machines.alarm.cleared'] });
    const ofB = await bob.post(`/api/v1/companies/${companyB}/webhooks`, { url: `${receiver.url}/b`, eventTypes: ['machines.alarm.raised', 'machines.alarm.cleared'] });
    expect(ofB.status).toBe(201);
    const stored = (await sql<{ secret: string }>`select secret from webhook_subscriptions where id = ${ok.body.id}`.execute(instance.ctx.db)).rows[0];
    expect(stored.secret).not.toContain(ok.body.secret); // sealed at rest

    let raisedId = '';
    await instance.ctx.db.transaction().execute(async (tx) => {
      raisedId = await emitEvent(tx, companyA, { type: 'machines.alarm.raised', payload: { machine: 'Fräse 1' } });
      await emitEvent(tx, companyA, { type: 'machines.alarm.cleared', payload: { machine: 'Fräse 1' } });
    });
    receiver.hits.length = 0;
    expect(await dispatchEvents(instance.ctx.db)).toBe(2);
    const now = Date.now();
    expect(await deliverDueEvents(instance.ctx, new Date(now))).toBe(2);

    // type filter: the raised event to /ok only, the cleared one to /flaky only; nothing to company B
    expect(receiver.hits.map((h) => h.path).sort()).toEqual(['/flaky', '/ok']);
    const hit = receiver.hits.find((h) => h.path === '/ok')!;
    const body = JSON.parse(hit.body);
    expect(body).toMatchObject({ id: raisedId, type: 'machines.alarm.raised', companyId: companyA, data: { machine: 'Fräse 1' } });
    expect(hit.headers['x-werkverbund-event']).toBe('machines.alarm.raised');
    expect(hit.headers['x-werkverbund-delivery']).toBe(body.deliveryId);
    const ts = Number(hit.headers['x-werkverbund-timestamp']);
    expect(verifyWebhookSignature(ok.body.secret, ts, hit.body, hit.headers['x-werkverbund-signature'] as string)).toBe(true);
    expect(verifyWebhookSignature(flaky.body.secret, ts, hit.body, hit.headers['x-werkverbund-signature'] as string)).toBe(false);

    let log = await alice.get(`/api/v1/companies/${companyA}/webhooks/deliveries`);
    expect(log.status).toBe(200);
    const byUrl = (url: string) => log.body.find((d: { url: string }) => d.url === url);
    expect(byUrl(`${receiver.url}/ok`)).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 204 });
    expect(byUrl(`${receiver.url}/flaky`)).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 500, lastError: 'HTTP 500' });
    expect(JSON.stringify(log.body)).not.toContain(flaky.body.secret);
    expect(JSON.stringify(log.body)).not.toContain('whsec_');

    // not before the first retry delay (10 s), then delivered
    expect(await deliverDueEvents(instance.ctx, new Date(now + 5_000))).toBe(0);
    expect(await deliverDueEvents(instance.ctx, new Date(now + 11_000))).toBe(1);
    log = await alice.get(`/api/v1/companies/${companyA}/webhooks/deliveries`);
    expect(byUrl(`${receiver.url}/flaky`)).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 200 });
    expect(receiver.hits.filter((h) => h.path === '/b')).toHaveLength(0);
    expect((await bob.get(`/api/v1/companies/${companyB}/webhooks/deliveries`)).body).toEqual([]);

    // company A cannot see or change B's subscription
    expect((await alice.get(`/api/v1/companies/${companyB}/webhooks`)).status).toBe(404);
    expect((await alice.put(`/api/v1/companies/${companyA}/webhooks/${ofB.body.id}`, { url: `${receiver.url}/x`, eventTypes: ['machines.alarm.raised'] })).status).toBe(404);
    expect((await alice.delete(`/api/v1/companies/${companyA}/webhooks/${ofB.body.id}`)).status).toBe(404);
    expect((await bob.get(`/api/v1/companies/${companyB}/webhooks`)).body.map((s: { id: string }) => s.id)).toEqual([ofB.body.id]);
  });

  it('sends a test message, switches off, and keeps events a bounded time', async () => {
    const sub = (await alice.get(`/api/v1/companies/${companyA}/webhooks`)).body[0];
    const test = await alice.post(`/api/v1/companies/${companyA}/webhooks/${sub.id}/test`);
    expect(test.body).toMatchObject({ ok: true, status: 204 });
    const off = await alice.put(`/api/v1/companies/${companyA}/webhooks/${sub.id}`, { url: sub.url, eventTypes: sub.eventTypes, active: false });
    expect(off.body.active).toBe(false);
    await instance.ctx.db.transaction().execute((tx) => emitEvent(tx, companyA, { type: 'machines.alarm.raised', payload: {} }));
    await dispatchEvents(instance.ctx.db);
    expect(await deliverDueEvents(instance.ctx)).toBe(0);

    const before = (await eventsOf(companyA)).length;
    expect(await deleteOldEvents(instance.ctx.db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await deleteOldEvents(instance.ctx.db, new Date(Date.now() + 31 * 86_400_000))).toBe(before);
    expect(await eventsOf(companyA)).toEqual([]);
    expect((await alice.get(`/api/v1/companies/${companyA}/webhooks/deliveries`)).body).toEqual([]);
  });
});
