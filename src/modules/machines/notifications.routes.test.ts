import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { evaluateAlarmRules } from './alarms.store.js';
import { verifyWebhookSignature } from '../../kernel/webhooks/index.js';
import { findDeviceByTokenHash } from './devices.store.js';
import { hashToken } from '../../kernel/auth/secret-token.js';
import { checkNoDataRules, noDataCheckSecondsFromEnv } from './no-data-timer.js';
import { JobScheduler } from '../../kernel/jobs/job-scheduler.js';
import { alarmJobs } from './jobs.js';
import { deliverDueNotifications, dispatchAlarmEvents } from './notification-outbox.js';
import { deliverDueEvents, dispatchEvents, eventDeliveryJob } from '../../kernel/webhooks/event-delivery.js';
import { machinesEventTypes } from './alarm-events.store.js';
import { putSettings } from './notification-settings.store.js';
import { loopbackAllowed, modulesWithMachines } from './test-modules.js';

interface Hit { path: string; headers: IncomingHttpHeaders; body: string }

/** A real HTTP receiver: `/ok` answers 204, `/flaky` fails twice with 500 and then answers 200. */
async function startReceiver() {
  const hits: Hit[] = [];
  let flaky = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hits.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/flaky' && flaky++ < 2) res.writeHead(500).end('not yet');
      else res.writeHead(req.url === '/ok' ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { hits, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function startSmtp() {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push(text.replace(/=\r?\n/g, ''));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return { smtp, received, url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` };
}

describe.each(testDatabaseKinds())('Alarm notifications on the %s database', (kind) => {
  let instance: Instance;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let mail: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    mail = await startSmtp();
    instance = await startTestInstance(kind, { modules: modulesWithMachines, config: { smtpUrl: mail.url, publicUrl: 'https://werk.example', outboundAllow: loopbackAllowed } });
  });
  afterAll(async () => {
    await instance?.close();
    await new Promise<void>((resolve) => receiver?.server.close(() => resolve()));
    await new Promise<void>((resolve) => (mail ? mail.smtp.close(resolve) : resolve()));
  });

  let n = 0;
  async function setup() {
    n++;
    const owner = new TestClient(instance);
    const id = await owner.signup(`Meldewerk ${n} GmbH`, `owner${n}@notify.example`, 'Olga Owner');
    await owner.put(`/api/v1/companies/${id}/modules/machines`, { enabled: true });
    const c = `/api/v1/companies/${id}`;
    const machine = await owner.post(`${c}/machines`, { name: `Presse ${n}` });
    const m = `${c}/machines/${machine.body.id}`;
    const point = await owner.post(`${m}/points`, { name: 'force', unit: 'kN' });
    const device = await owner.post(`${m}/devices`, { name: 'SPS' });
    const me = await owner.get('/api/v1/me');
    return { owner, id, c, m, machineId: machine.body.id as string, pointId: point.body.id as string, token: device.body.token as string, userId: me.body.user.id as string };
  }

  async function join(owner: TestClient, companyId: string, role: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role });
    const person = new TestClient(instance);
    const accepted = await person.post('/api/v1/invitations/accept', {
      token: new URL(inv.body.link).hash.slice(1),
      user: { name: `${role} person`, email: `${role}${n}@notify.example`, password: 'long enough password' },
    });
    expect(accepted.status).toBeLessThan(300);
    return person;
  }

  const send = async (token: string, ts: number, force: number) => {
    const res = await instance.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { authorization: `Bearer ${token}` }, payload: { ts, values: { force } } });
    expect(res.statusCode).toBe(200);
  };
  const deliveries = async (s: { owner: TestClient; c: string }) => (await s.owner.get(`${s.c}/machine-notification-deliveries`)).body as Array<Record<string, unknown>>;
  /** The kernel's log of webhook deliveries (alarm webhooks are subscriptions to `machines.alarm.*`). */
  const webhookDeliveries = async (s: { owner: TestClient; c: string }) => (await s.owner.get(`${s.c}/webhooks/deliveries`)).body as Array<Record<string, unknown>>;
  /** An alarm webhook: a subscription to the three alarm events, optionally limited to some severities. */
  const alarmWebhook = (s: { owner: TestClient; c: string }, url: string, more: { description?: string; severities?: string[] } = {}) =>
    s.owner.post(`${s.c}/webhooks`, { url, description: more.description, eventTypes: machinesEventTypes, ...(more.severities ? { filter: { 'alarm.severity': more.severities } } : {}) });
  const dispatchAll = async () => [await dispatchAlarmEvents(instance.ctx), await dispatchEvents(instance.ctx.db)];

  it('validates rules with severity and no-data windows; bad input changes nothing; only managers edit', async () => {
    const s = await setup();
    const created = await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, name: 'Funkstille', severity: 'critical', rule: { kind: 'noData', minutes: 2 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ severity: 'critical', rule: { kind: 'noData', minutes: 2 }, enabled: true });
    const bad = [
      { pointId: s.pointId, rule: { kind: 'noData', minutes: 0 } },
      { pointId: s.pointId, severity: 'urgent', rule: { kind: 'noData', minutes: 2 } },
      { pointId: s.pointId, rule: { kind: 'threshold', direction: 'high', limit: 10, hysteresis: -1 } },
      { pointId: s.pointId, rule: { kind: 'rateOfChange', maxPerMinute: 0 } },
    ];
    const paths = [];
    for (const body of bad) {
      const res = await s.owner.put(`${s.m}/rules/${created.body.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation');
      paths.push(res.body.errors[0].path);
    }
    expect(paths).toEqual(['body.rule.minutes', 'body.severity', 'body.rule.hysteresis', 'body.rule.maxPerMinute']);
    expect((await s.owner.get(`${s.m}/rules`)).body).toEqual([expect.objectContaining({ id: created.body.id, severity: 'critical', rule: { kind: 'noData', minutes: 2 } })]);
    const viewer = await join(s.owner, s.id, 'viewer');
    expect((await viewer.get(`${s.m}/rules`)).status).toBe(200);
    expect((await viewer.put(`${s.m}/rules/${created.body.id}`, { pointId: s.pointId, rule: { kind: 'noData', minutes: 5 } })).status).toBe(403);
    expect((await viewer.get(`${s.c}/machine-notification-settings`)).status).toBe(403);
    expect((await viewer.post(`${s.c}/webhooks`, { url: 'https://x.example', eventTypes: machinesEventTypes })).status).toBe(403);
    expect((await viewer.get(`${s.c}/machine-notifications`)).status).toBe(200);
  });

  it('validates notification settings and webhook URLs and keeps secrets out of every answer', async () => {
    const s = await setup();
    const c = s.c;
    for (const url of ['ftp://hooks.example/x', 'javascript:alert(1)', 'not a url', 'https://user:pass@hooks.example/x']) {
      const res = await s.owner.post(`${c}/webhooks`, { url, eventTypes: machinesEventTypes });
      expect(res.status, url).toBe(400);
      expect(res.body.errors[0].path).toBe('body.url');
    }
    const put = (body: unknown) => s.owner.put(`${c}/machine-notification-settings`, body);
    const wrongMember = await put({ severities: ['critical'], memberIds: ['0190a0a0-0000-7000-8000-000000000000'], addresses: [] });
    expect(wrongMember.status).toBe(400);
    expect(wrongMember.body.errors[0].path).toBe('body.memberIds.0');
    const wrongAddress = await put({ severities: ['critical'], memberIds: [], addresses: ['ok@notify.example', 'kein-at'] });
    expect(wrongAddress.body.errors[0].path).toBe('body.addresses.1');
    expect((await s.owner.get(`${c}/machine-notification-settings`)).body).toMatchObject({ severities: ['warning', 'critical'], memberIds: [], addresses: [] });
    const ok = await put({ severities: ['critical', 'critical'], memberIds: [s.userId], addresses: ['Leitung@Notify.example'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ severities: ['critical'], memberIds: [s.userId], addresses: ['Leitung@Notify.example'], members: [expect.objectContaining({ userId: s.userId, email: `owner${n}@notify.example` })] });

    const hook = await alarmWebhook(s, `${receiver.url}/ok`, { description: 'Leitstand' });
    expect(hook.status).toBe(201);
    expect(hook.body.secret).toMatch(/^whsec_/);
    const list = await s.owner.get(`${c}/webhooks`);
    expect(list.body).toEqual([expect.objectContaining({ id: hook.body.id, url: `${receiver.url}/ok`, active: true })]);
    expect(JSON.stringify(list.body)).not.toContain(hook.body.secret);
    const off = await s.owner.put(`${c}/webhooks/${hook.body.id}`, { url: `${receiver.url}/ok`, eventTypes: machinesEventTypes, active: false });
    expect(off.body.active).toBe(false);
    expect(JSON.stringify(off.body)).not.toContain(hook.body.secret);
    // A test message goes out at once, signed, also while the webhook is switched off, and is not logged as a delivery.
    const before = receiver.hits.length;
    const tested = await s.owner.post(`${c}/webhooks/${hook.body.id}/test`);
    expect(tested.body).toEqual({ ok: true, status: 204, error: null });
    const hit = receiver.hits[before]!;
    expect(hit.path).toBe('/ok');
    expect(hit.headers['x-werkverbund-event']).toBe('webhook.test');
    expect(JSON.parse(hit.body)).toMatchObject({ type: 'webhook.test', companyId: s.id });
    expect(verifyWebhookSignature(hook.body.secret, Number(hit.headers['x-werkverbund-timestamp']), hit.body, hit.headers['x-werkverbund-signature'] as string)).toBe(true);
    expect((await s.owner.get(`${c}/machine-notification-deliveries`)).body).toEqual([]);
    expect(await webhookDeliveries(s)).toEqual([]);
    const nobody = createServer();
    await new Promise<void>((resolve) => nobody.listen(0, '127.0.0.1', resolve));
    const freePort = (nobody.address() as AddressInfo).port;
    await new Promise((resolve) => nobody.close(resolve));
    const closed = await alarmWebhook(s, `http://127.0.0.1:${freePort}/unreachable`);
    expect((await s.owner.post(`${c}/webhooks/${closed.body.id}/test`)).body).toMatchObject({ ok: false, status: null, error: 'ECONNREFUSED' });
    expect((await s.owner.delete(`${c}/webhooks/${closed.body.id}`)).status).toBe(204);
    expect((await s.owner.post(`${c}/webhooks/00000000-0000-7000-8000-000000000000/test`)).status).toBe(404);
    const exported = await s.owner.get(`${c}/export`);
    expect(exported.raw.rawPayload.includes(Buffer.from(hook.body.secret))).toBe(false);
    expect((await s.owner.delete(`${c}/webhooks/${hook.body.id}`)).status).toBe(204);
    expect((await s.owner.delete(`${c}/webhooks/${hook.body.id}`)).status).toBe(404);
  });

  it('offers and sends e-mail only to members with an address: a shop-floor worker (PIN only) is no recipient and stops no dispatch', async () => {
    const s = await setup();
    const worker = await s.owner.post(`${s.c}/workers`, { name: 'Werner Werker', personnelNumber: `W${n}`, pin: '3917' });
    expect(worker.status).toBe(201);
    const offered = (await s.owner.get(`${s.c}/machine-notification-settings`)).body.members as Array<{ userId: string }>;
    expect(offered.map((m) => m.userId)).toEqual([s.userId]);
    const refused = await s.owner.put(`${s.c}/machine-notification-settings`, { severities: ['critical'], memberIds: [s.userId, worker.body.userId], addresses: [] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('body.memberIds.1');
    // settings naming the worker (stored before this check) still deliver to everyone else
    await putSettings(instance.ctx.db, s.id, { severities: ['critical'], memberIds: [s.userId, worker.body.userId], addresses: [] });
    await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, name: 'Zu hoch', severity: 'critical', rule: { kind: 'threshold', direction: 'high', limit: 100, hysteresis: 10 } });
    await send(s.token, Date.now() - 1000, 150);
    await dispatchAlarmEvents(instance.ctx);
    expect((await deliveries(s)).map((d) => [d.channel, d.target])).toEqual([['email', `owner${n}@notify.example`]]);
    await deliverDueNotifications(instance.ctx);
    expect((await deliveries(s)).map((d) => d.status)).toEqual(['delivered']);
  });

  it('writes the notification with the alarm, delivers it after commit — signed webhooks (kernel outbox) with retries, e-mail — and lists it in the app', async () => {
    const s = await setup();
    await s.owner.put(`${s.c}/machine-notification-settings`, { severities: ['critical'], memberIds: [s.userId], addresses: ['leitung@notify.example'] });
    const ok = await alarmWebhook(s, `${receiver.url}/ok`, { severities: ['critical'] });
    const flaky = await alarmWebhook(s, `${receiver.url}/flaky`, { severities: ['critical'] });
    await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, name: 'Presskraft zu hoch', severity: 'critical', rule: { kind: 'threshold', direction: 'high', limit: 100, hysteresis: 10 } });
    await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, name: 'Presskraft hoch (Hinweis)', severity: 'info', rule: { kind: 'threshold', direction: 'high', limit: 90 } });
    await dispatchAll();
    receiver.hits.length = 0;
    mail.received.length = 0;

    // A rolled-back alarm leaves no notification behind.
    const device = (await findDeviceByTokenHash(instance.ctx.db, hashToken(s.token)))!;
    await expect(instance.ctx.db.transaction().execute(async (tx) => {
      await evaluateAlarmRules(tx, [{ device, samples: [{ point: 'force', ts: Date.now() - 5000, value: 150 }], source: 'http' }]);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    const events = async () => (await sql<{ event: string; severity: string; dispatched_at: unknown }>`select event, severity, dispatched_at from machine_alarm_events where tenant_id = ${s.id} order by created_at, event`.execute(instance.ctx.db)).rows;
    expect(await events()).toEqual([]);
    const kernelEvents = async () => (await sql<{ type: string; payload: unknown }>`select type, payload from event_outbox where tenant_id = ${s.id} order by created_at, id`.execute(instance.ctx.db)).rows;
    expect(await kernelEvents()).toEqual([]);

    const t = Date.now() - 3000;
    await send(s.token, t, 150);
    // Both alarms and their notifications are committed together; nothing is sent yet.
    expect((await events()).map((e) => [e.event, e.severity, e.dispatched_at])).toEqual([['raised', 'critical', null], ['raised', 'info', null]]);
    expect(receiver.hits).toEqual([]);
    // ... and so are the events in the kernel outbox, for the company's webhook subscriptions
    const emitted = await kernelEvents();
    expect(emitted.map((e) => e.type)).toEqual(['machines.alarm.raised', 'machines.alarm.raised']);
    expect(emitted.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload).alarm.severity).sort()).toEqual(['critical', 'info']);

    expect(await dispatchAll()).toEqual([2, 2]);
    // The info alarm is not sent anywhere; the critical one to two webhooks and two addresses.
    const logOf = async (): Promise<Array<Record<string, unknown>>> => [...(await deliveries(s)), ...(await webhookDeliveries(s)).map((d) => ({ ...d, channel: 'webhook', target: d.url }))];
    let log = await logOf();
    expect(log.map((d) => `${d.channel}:${d.target}:${d.status}`).sort()).toEqual(
      [`email:leitung@notify.example:pending`, `email:owner${n}@notify.example:pending`, `webhook:${receiver.url}/flaky:pending`, `webhook:${receiver.url}/ok:pending`].sort(),
    );

    const now = Date.now();
    expect((await deliverDueNotifications(instance.ctx, new Date(now))) + (await deliverDueEvents(instance.ctx, new Date(now)))).toBe(4);
    log = await logOf();
    const byTarget = (target: string) => log.find((d) => d.target === target)!;
    expect(byTarget(`${receiver.url}/ok`)).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 204 });
    expect(byTarget(`${receiver.url}/flaky`)).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 500, lastError: 'HTTP 500', nextAttemptAt: new Date(now + 10_000).toISOString() });
    expect(byTarget('leitung@notify.example')).toMatchObject({ status: 'delivered' });

    // Webhook: JSON, signed with the webhook's own secret.
    const first = receiver.hits.find((h) => h.path === '/ok')!;
    const ts = Number(first.headers['x-werkverbund-timestamp']);
    expect(verifyWebhookSignature(ok.body.secret, ts, first.body, first.headers['x-werkverbund-signature'] as string)).toBe(true);
    expect(verifyWebhookSignature(flaky.body.secret, ts, first.body, first.headers['x-werkverbund-signature'] as string)).toBe(false);
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.headers['x-werkverbund-event']).toBe('machines.alarm.raised');
    expect(JSON.parse(first.body)).toMatchObject({
      type: 'machines.alarm.raised',
      companyId: s.id,
      data: {
        at: new Date(t).toISOString(),
        alarm: { severity: 'critical', rule: 'Presskraft zu hoch', point: 'force', value: 150 },
        machine: { id: s.machineId, name: `Presse ${n}` },
      },
    });
    // E-mail in the recipient's language, with the link to the machine.
    expect(mail.received).toHaveLength(2);
    const leitung = mail.received.find((m) => /^To: leitung@notify\.example/m.test(m))!;
    expect(leitung).toMatch(/Subject: Alarm: Presskraft zu hoch an Presse/);
    expect(leitung).toContain(`https://werk.example/c/${s.id}/machines/${s.machineId}`);

    // Retries on the backoff schedule: not before 10 s, then after 30 s more; then delivered.
    expect(await deliverDueNotifications(instance.ctx, new Date(now + 5_000))).toBe(0);
    expect(await deliverDueEvents(instance.ctx, new Date(now + 5_000))).toBe(0);
    expect(await deliverDueEvents(instance.ctx, new Date(now + 10_000))).toBe(1);
    expect(byTarget(`${receiver.url}/flaky`).status).toBe('pending');
    expect((await logOf()).find((d) => d.target === `${receiver.url}/flaky`)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(now + 40_000).toISOString() });
    expect(await deliverDueEvents(instance.ctx, new Date(now + 40_000))).toBe(1);
    expect((await logOf()).find((d) => d.target === `${receiver.url}/flaky`)).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 200 });
    const flakyHits = receiver.hits.filter((h) => h.path === '/flaky');
    expect(flakyHits).toHaveLength(3);
    for (const h of flakyHits) expect(verifyWebhookSignature(flaky.body.secret, Number(h.headers['x-werkverbund-timestamp']), h.body, h.headers['x-werkverbund-signature'] as string)).toBe(true);
    // The same delivery id each time, so a receiver can drop repeats.
    expect(new Set(flakyHits.map((h) => h.headers['x-werkverbund-delivery'])).size).toBe(1);
    expect(JSON.stringify(await logOf())).not.toContain(ok.body.secret);

    // In the app: both notifications, unread for everyone until each marks them read.
    const member = await join(s.owner, s.id, 'member');
    let inApp = await s.owner.get(`${s.c}/machine-notifications`);
    expect(inApp.body.unread).toBe(2);
    expect(inApp.body.items.map((i: { event: string; severity: string; read: boolean }) => [i.event, i.severity, i.read]).sort()).toEqual([['raised', 'critical', false], ['raised', 'info', false]]);
    expect((await s.owner.post(`${s.c}/machine-notifications/read`, {})).body).toEqual({ unread: 0 });
    inApp = await s.owner.get(`${s.c}/machine-notifications`);
    expect(inApp.body.items.every((i: { read: boolean }) => i.read)).toBe(true);
    expect((await member.get(`${s.c}/machine-notifications`)).body.unread).toBe(2);

    // Acknowledging and clearing notify as well.
    const alarm = (await s.owner.get(`${s.m}/alarms`)).body.find((a: { severity: string }) => a.severity === 'critical');
    expect((await member.post(`${s.m}/alarms/${alarm.id}/acknowledge`)).status).toBe(200);
    await send(s.token, t + 1000, 50);
    expect((await events()).map((e) => e.event).sort()).toEqual(['acknowledged', 'cleared', 'cleared', 'raised', 'raised']);
    expect((await s.owner.get(`${s.c}/machine-notifications`)).body.unread).toBe(3);
    await dispatchAll();
    await deliverDueNotifications(instance.ctx, new Date(now + 50_000));
    await deliverDueEvents(instance.ctx, new Date(now + 50_000));
    const types = receiver.hits.filter((h) => h.path === '/ok').map((h) => JSON.parse(h.body).type);
    expect(types).toEqual(['machines.alarm.raised', 'machines.alarm.acknowledged', 'machines.alarm.cleared']);
  });

  it('raises a no-data alarm from the periodic check after the window and clears it on new data', async () => {
    const s = await setup();
    const created = Date.now();
    const rule = await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, name: 'Keine Daten', rule: { kind: 'noData', minutes: 1 } });
    const open = async () => (await s.owner.get(`${s.m}/alarms`)).body as Array<Record<string, unknown>>;
    // The check looks at every company; count what it raised here.
    const check = async (at: number) => {
      await checkNoDataRules(instance.ctx, at);
      return (await open()).length;
    };
    // Within the window nothing happens.
    expect(await check(created + 30_000)).toBe(0);
    await send(s.token, created + 20_000, 5);
    // The window counts from the newest sample: 20 s + 60 s.
    expect(await check(created + 75_000)).toBe(0);
    expect(await check(created + 81_000)).toBe(1);
    let list = await open();
    expect(list).toEqual([expect.objectContaining({ status: 'active', ruleName: 'Keine Daten', severity: 'warning', raisedAt: new Date(created + 80_000).toISOString(), raisedValue: null })]);
    // Checked again (also after a restart: the state is stored with the rule): no second alarm.
    expect(await check(created + 300_000)).toBe(1);
    expect((await s.owner.get(`${s.m}/rules`)).body[0]).toMatchObject({ id: rule.body.id, active: true, activeAlarmId: list[0].id });
    // Data arrives again: cleared in the ingest transaction, with its notification.
    await send(s.token, created + 90_000, 6);
    list = await open();
    expect(list[0]).toMatchObject({ status: 'clearedUnacknowledged', clearedAt: new Date(created + 90_000).toISOString() });
    const items = (await s.owner.get(`${s.c}/machine-notifications`)).body.items as Array<{ event: string }>;
    expect(items.map((i) => i.event)).toEqual(['cleared', 'raised']);
    // A company with the module switched off is not checked.
    await s.owner.put(`/api/v1/companies/${s.id}/modules/machines`, { enabled: false });
    await checkNoDataRules(instance.ctx, created + 3_600_000);
    const count = await sql<{ n: string | number }>`select count(*) as n from machine_alarms where tenant_id = ${s.id}`.execute(instance.ctx.db);
    expect(Number(count.rows[0].n)).toBe(1);
  });

  it('runs by itself: the runtime raises a no-data alarm and the kernel\'s delivery job sends its webhook, signed', async () => {
    expect(noDataCheckSecondsFromEnv({})).toBe(30);
    expect(() => noDataCheckSecondsFromEnv({ WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS: '0' })).toThrow(/≥ 1/);
    const s = await setup();
    // the severities notifications were sent for by default (warning and critical)
    const hook = await alarmWebhook(s, `${receiver.url}/ok`, { severities: ['warning', 'critical'] });
    // 0.02 minutes = 1.2 seconds without data.
    await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, name: 'Funkstille kurz', rule: { kind: 'noData', minutes: 0.02 } });
    // The module's alarm jobs and the kernel's webhook delivery on a scheduler of their own, with a
    // one-second no-data check and delivery every half second.
    const failures: object[] = [];
    const runtime = new JobScheduler({ logger: { error: (obj) => failures.push(obj), info: () => {} } });
    for (const job of alarmJobs(instance.ctx, { WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS: '1' })) runtime.register(job);
    runtime.register({ ...eventDeliveryJob(instance.ctx), intervalMs: 500 });
    runtime.start();
    try {
      const ours = () => receiver.hits.filter((h) => h.path === '/ok' && JSON.parse(h.body).data?.machine?.id === s.machineId);
      await expect.poll(() => ours().length, { timeout: 15_000, interval: 250 }).toBeGreaterThan(0);
      const hit = ours()[0];
      expect(JSON.parse(hit.body)).toMatchObject({ type: 'machines.alarm.raised', data: { alarm: { rule: 'Funkstille kurz', severity: 'warning', value: null } } });
      expect(verifyWebhookSignature(hook.body.secret, Number(hit.headers['x-werkverbund-timestamp']), hit.body, hit.headers['x-werkverbund-signature'] as string)).toBe(true);
    } finally {
      await runtime.stop();
    }
    expect(failures).toEqual([]);
  });
});
