import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { secretBoxFor } from '../secrets/instance-keys.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { type WebhookReceiver, startWebhookReceiver } from '../testing/webhook-receiver.js';
import { deliverDueEvents, dispatchEvents } from './event-delivery.js';
import { emitEvent, verifyWebhookSignature } from './index.js';

describe.each(testDatabaseKinds())('webhook subscription filters, secret rotation and retries on the %s database', (kind) => {
  let instance: Instance;
  let receiver: WebhookReceiver;
  let alice: TestClient;
  let companyA: string;
  let api: string;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    instance = await startTestInstance(kind, { config: { outboundAllow: ['127.0.0.1/32'] } });
    alice = new TestClient(instance);
    companyA = await alice.signup('Alpha GmbH', 'alice@alpha.example');
    api = `/api/v1/companies/${companyA}/webhooks`;
  });
  afterAll(async () => {
    await instance?.close();
    await receiver?.close();
  });

  const raise = (payload: Record<string, unknown>) => instance.ctx.db.transaction().execute((trx) => emitEvent(trx, companyA, { type: 'machines.alarm.raised', payload }));
  const deliveriesTo = async (path: string) => (await alice.get(`${api}/deliveries`)).body.filter((d: { url: string }) => d.url === `${receiver.url}${path}`);

  it('names the event types and offers the severity as a filter', async () => {
    const types = await alice.get(`${api}/event-types`);
    expect(types.body.labels['machines.alarm.raised']).toEqual({ de: 'Maschinenalarm ausgelöst', en: 'Machine alarm raised' });
    const severity = types.body.filters.find((f: { path: string }) => f.path === 'alarm.severity');
    expect(severity.values.map((v: { value: string }) => v.value)).toEqual(['info', 'warning', 'critical']);
    expect(severity.eventTypes).toContain('machines.alarm.cleared');
  });

  it('sends only the events whose payload holds an accepted value, also after a repeated dispatch only once', async () => {
    const bad = await alice.post(api, { url: `${receiver.url}/critical`, eventTypes: ['machines.alarm.raised'], filter: { 'alarm severity': ['critical'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toContain('body.filter');
    const empty = await alice.post(api, { url: `${receiver.url}/critical`, eventTypes: ['machines.alarm.raised'], filter: { 'alarm.severity': [] } });
    expect(empty.status).toBe(400);

    const critical = await alice.post(api, { url: `${receiver.url}/critical`, eventTypes: ['machines.alarm.raised'], filter: { 'alarm.severity': ['critical', 'critical'] } });
    expect(critical.status).toBe(201);
    expect(critical.body.filter).toEqual({ 'alarm.severity': ['critical'] });
    const all = await alice.post(api, { url: `${receiver.url}/all`, eventTypes: ['machines.alarm.raised'] });
    expect(all.body.filter).toEqual({});

    await raise({ alarm: { severity: 'warning' }, n: 1 });
    await raise({ alarm: { severity: 'critical' }, n: 2 });
    await raise({ n: 3 }); // no severity: not for a subscription filtering by it
    expect(await dispatchEvents(instance.ctx.db)).toBe(3);
    // a repeated dispatch (e.g. after a crash before the events were marked) adds no second delivery
    await sql`update event_outbox set dispatched_at = null where tenant_id = ${companyA}`.execute(instance.ctx.db);
    await dispatchEvents(instance.ctx.db);
    await deliverDueEvents(instance.ctx);

    const received = (path: string) => receiver.hits.filter((h) => h.path === path).map((h) => JSON.parse(h.body).data.n).sort();
    expect(received('/critical')).toEqual([2]);
    expect(received('/all')).toEqual([1, 2, 3]);
    expect(await deliveriesTo('/critical')).toHaveLength(1);

    // the filter can be changed; a paused subscription gets nothing
    const changed = await alice.put(`${api}/${critical.body.id}`, { url: critical.body.url, eventTypes: ['machines.alarm.raised'], filter: { 'alarm.severity': ['warning', 'critical'] }, active: false });
    expect(changed.body).toMatchObject({ active: false, filter: { 'alarm.severity': ['warning', 'critical'] } });
    await raise({ alarm: { severity: 'warning' }, n: 4 });
    await dispatchEvents(instance.ctx.db);
    expect(await deliveriesTo('/critical')).toHaveLength(1);
    const actions = (await alice.get(`/api/v1/companies/${companyA}/audit`)).body.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['webhook.created', 'webhook.updated']));
  });

  it('rotates the signing secret: the new one signs, the old one no longer', async () => {
    const sub = await alice.post(api, { url: `${receiver.url}/rotated`, eventTypes: ['machines.alarm.cleared'] });
    const rotated = await alice.post(`${api}/${sub.body.id}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(sub.body.secret);
    expect((await alice.get(api)).body.some((s: { secret?: string }) => s.secret !== undefined)).toBe(false);
    await instance.ctx.db.transaction().execute((trx) => emitEvent(trx, companyA, { type: 'machines.alarm.cleared', payload: {} }));
    await dispatchEvents(instance.ctx.db);
    await deliverDueEvents(instance.ctx);
    const hit = receiver.hits.find((h) => h.path === '/rotated')!;
    const ts = Number(hit.headers['x-werkverbund-timestamp']);
    const signature = hit.headers['x-werkverbund-signature'] as string;
    expect(verifyWebhookSignature(rotated.body.secret, ts, hit.body, signature)).toBe(true);
    expect(verifyWebhookSignature(sub.body.secret, ts, hit.body, signature)).toBe(false);
    expect((await alice.post(`${api}/0190a000-0000-7000-8000-00000000dead/secret`)).status).toBe(404);
  });

  it('opens a secret moved here under its former binding until it is rotated', async () => {
    const id = '0190a000-0000-7000-8000-0000000000a1';
    const binding = `machine_webhooks.secret:${companyA}/${id}`;
    const sealed = secretBoxFor(instance.ctx.config).seal('whsec_moved', binding);
    await sql`insert into webhook_subscriptions (tenant_id, id, url, event_types, secret, secret_context)
      values (${companyA}, ${id}, ${`${receiver.url}/moved`}, '["machines.alarm.acknowledged"]', ${sealed}, ${binding})`.execute(instance.ctx.db);
    expect((await alice.post(`${api}/${id}/test`)).body).toMatchObject({ ok: true });
    const hit = receiver.hits.find((h) => h.path === '/moved')!;
    expect(verifyWebhookSignature('whsec_moved', Number(hit.headers['x-werkverbund-timestamp']), hit.body, hit.headers['x-werkverbund-signature'] as string)).toBe(true);
    await alice.post(`${api}/${id}/secret`);
    const row = (await sql<{ secret_context: string }>`select secret_context from webhook_subscriptions where id = ${id}`.execute(instance.ctx.db)).rows[0]!;
    expect(row.secret_context).toBe('');
    expect((await alice.post(`${api}/${id}/test`)).body).toMatchObject({ ok: true });
  });

  it('sends a failed or waiting delivery again on request, never a delivered one', async () => {
    await alice.post(api, { url: `${receiver.url}/down`, eventTypes: ['machines.alarm.raised'] });
    await raise({ alarm: { severity: 'info' } });
    await dispatchEvents(instance.ctx.db);
    const now = Date.now();
    await deliverDueEvents(instance.ctx, new Date(now));
    const [waiting] = await deliveriesTo('/down');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(now);

    const retried = await alice.post(`${api}/deliveries/${waiting.id}/retry`);
    expect(retried.status).toBe(200);
    expect(Date.parse(retried.body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    // given up after the last attempt, then sent again with fresh attempts
    await sql`update webhook_deliveries set status = 'failed', attempts = 10 where id = ${waiting.id}`.execute(instance.ctx.db);
    expect((await alice.post(`${api}/deliveries/${waiting.id}/retry`)).body).toMatchObject({ status: 'pending', attempts: 0 });
    const sentBefore = receiver.hits.filter((h) => h.path === '/down').length;
    expect(await deliverDueEvents(instance.ctx)).toBeGreaterThanOrEqual(1);
    expect(receiver.hits.filter((h) => h.path === '/down')).toHaveLength(sentBefore + 1);
    const [again1] = (await alice.get(`${api}/deliveries`)).body.filter((d: { id: string }) => d.id === waiting.id);
    expect(again1).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });

    await sql`update webhook_deliveries set status = 'delivered' where id = ${waiting.id}`.execute(instance.ctx.db);
    const again = await alice.post(`${api}/deliveries/${waiting.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('webhook_delivery_delivered');
    expect((await alice.post(`${api}/deliveries/0190a000-0000-7000-8000-00000000dead/retry`)).status).toBe(404);
  });
});
