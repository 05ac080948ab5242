import { type AddressInfo, type Server, createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { translate } from '../../kernel/i18n/server-messages.js';
import type { Instance } from '../../kernel/instance.js';
import { OutboundBlockedError, parseOutboundAllow } from '../../kernel/net/outbound-policy.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import type { ConnectionRecord } from './connections.store.js';
import { deliverDueEvents, dispatchEvents } from '../../kernel/webhooks/event-delivery.js';
import { emitEvent } from '../../kernel/webhooks/index.js';
import { machinesEventTypes } from './alarm-events.store.js';
import { startMqttSource } from './sources/mqtt-source.js';
import { pinnedEndpointUrl } from './sources/opcua-client.js';
import { loopbackAllowed, modulesWithMachines } from './test-modules.js';

/**
 * SSRF: with the default policy (no WERKVERBUND_OUTBOUND_ALLOW) nothing a company saves or
 * triggers reaches loopback, private, link-local or other non-public addresses — checked when a
 * setting is saved (a translated 400) and again, on the resolved address, when connecting.
 */
describe.each(testDatabaseKinds())('outbound connections on the %s database', (kind) => {
  let instance: Instance;
  let hits = 0;
  let receiver: ReturnType<typeof createHttpServer>;
  let receiverPort: number;
  /** A TCP listener on loopback that counts connections (stands for an internal MQTT/OPC UA service). */
  let internal: Server;
  let internalPort: number;
  let internalConnections = 0;

  beforeAll(async () => {
    receiver = createHttpServer((req, res) => {
      hits++;
      req.resume().on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverPort = (receiver.address() as AddressInfo).port;
    internal = createServer((s) => {
      internalConnections++;
      s.destroy();
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    internalPort = (internal.address() as AddressInfo).port;
    // the default: no exceptions
    instance = await startTestInstance(kind, { modules: modulesWithMachines, config: { outboundAllow: [] } });
  });
  afterAll(async () => {
    await instance?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await new Promise((resolve) => internal?.close(resolve));
  });

  let n = 0;
  async function company() {
    n++;
    const owner = new TestClient(instance);
    const id = await owner.signup(`Abschottung ${n} GmbH`, `owner${n}@outbound.example`);
    await owner.put(`/api/v1/companies/${id}/modules/machines`, { enabled: true });
    const c = `/api/v1/companies/${id}`;
    const machine = await owner.post(`${c}/machines`, { name: 'Presse' });
    return { owner, id, c, machineId: machine.body.id as string };
  }
  const allowLoopback = (on: boolean) => {
    instance.ctx.config.outboundAllow = on ? loopbackAllowed : [];
  };

  it('refuses (alarm) webhooks to loopback, private, link-local and mapped addresses with a translated 400, and stores nothing', async () => {
    const s = await company();
    for (const url of [
      `http://127.0.0.1:${receiverPort}/hook`,
      `http://localhost:${receiverPort}/hook`,
      `http://[::1]:${receiverPort}/hook`,
      `http://[::ffff:127.0.0.1]:${receiverPort}/hook`,
      'http://169.254.169.254/latest/meta-data/',
      'https://10.0.0.8/hook',
      'http://192.168.178.1/hook',
      'http://[fd00::1]/hook',
      'http://0.0.0.0/hook',
    ]) {
      const res = await s.owner.post(`${s.c}/webhooks`, { url, eventTypes: machinesEventTypes });
      expect(res.status, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('webhook_outbound_blocked');
      expect(res.body.title).toMatch(/^Die Adresse \S+( \(\S+\))? liegt in einem lokalen oder privaten Netz .*WERKVERBUND_OUTBOUND_ALLOW/);
      expect(res.body.errors[0].path).toBe('body.url');
    }
    for (const code of ['machines_outbound_blocked', 'webhook_outbound_blocked']) {
      expect(translate('en', `errors.${code}`, { target: 'localhost (127.0.0.1)' })).toBe(
        'The address localhost (127.0.0.1) is in a local or private network and closed to connections. The operator can allow it with WERKVERBUND_OUTBOUND_ALLOW.',
      );
    }
    expect((await s.owner.get(`${s.c}/webhooks`)).body).toEqual([]);
    expect(hits).toBe(0);
  });

  it('refuses MQTT and OPC UA connections to internal addresses when saved', async () => {
    const s = await company();
    const mqtt = { kind: 'mqtt', name: 'Intern', url: `mqtt://127.0.0.1:${internalPort}`, clientId: 'wv-test', topic: 'werk/{point}', payload: 'value', machineId: s.machineId };
    const opcua = { kind: 'opcua', name: 'SPS', url: `opc.tcp://localhost:${internalPort}` };
    for (const body of [mqtt, { ...mqtt, url: 'mqtts://10.1.1.1:8883' }, opcua, { ...opcua, url: 'opc.tcp://169.254.1.1:4840' }]) {
      const res = await s.owner.post(`${s.c}/machine-connections`, body);
      expect(res.status, body.url).toBe(400);
      expect(res.body.code).toBe('machines_outbound_blocked');
    }
    expect((await s.owner.get(`${s.c}/machine-connections`)).body).toEqual([]);
  });

  it('checks again when sending: a webhook test and a delivery to an address refused by now are not sent', async () => {
    const s = await company();
    // saved while the operator allowed loopback (for a name: the check at connect time is the one that counts)
    allowLoopback(true);
    const hook = await s.owner.post(`${s.c}/webhooks`, { url: `http://localhost:${receiverPort}/hook`, eventTypes: machinesEventTypes });
    expect(hook.status).toBe(201);
    expect((await s.owner.post(`${s.c}/webhooks/${hook.body.id}/test`)).body).toMatchObject({ ok: true, status: 204 });
    expect(hits).toBe(1);
    allowLoopback(false);

    const test = await s.owner.post(`${s.c}/webhooks/${hook.body.id}/test`);
    expect(test.status).toBe(400);
    expect(test.body.code).toBe('webhook_outbound_blocked');

    // an alarm event → one delivery, refused at once and not retried
    await instance.ctx.db.transaction().execute((tx) => emitEvent(tx, s.id, {
      type: 'machines.alarm.raised',
      payload: { alarm: { id: uuidv7(), severity: 'critical', rule: 'Test', point: 'force', value: 1 }, machine: { id: s.machineId, name: 'Presse' }, at: new Date().toISOString() },
    }));
    await dispatchEvents(instance.ctx.db);
    expect(await deliverDueEvents(instance.ctx)).toBe(1);
    const log = (await s.owner.get(`${s.c}/webhooks/deliveries`)).body as Array<Record<string, unknown>>;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'failed', attempts: 1, responseStatus: null });
    expect(String(log[0]!.lastError)).toMatch(/address not allowed: localhost \((127\.0\.0\.1|::1)\) is loopback/);
    expect(hits).toBe(1);
  });

  it('refuses OPC UA browsing to an address refused by now', async () => {
    const s = await company();
    allowLoopback(true);
    const created = await s.owner.post(`${s.c}/machine-connections`, { kind: 'opcua', name: 'SPS', url: `opc.tcp://127.0.0.1:${internalPort}`, enabled: false });
    expect(created.status).toBe(201);
    allowLoopback(false);
    const before = internalConnections;
    const res = await s.owner.get(`${s.c}/machine-connections/${created.body.id}/opcua-browse`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('machines_outbound_blocked');
    expect(internalConnections).toBe(before);
  });

  it('the MQTT client does not connect to a name resolving to loopback; with the allow-list it does', async () => {
    const record = (url: string) =>
      ({ id: 'c1', tenantId: 't1', kind: 'mqtt', name: 'x', url, username: '', password: '', enabled: true, settings: { clientId: 'wv-outbound-test', topic: 'a/{point}', payload: 'value', machineId: 'm1', machineKeys: [] }, createdAt: new Date(), updatedAt: new Date() }) as unknown as ConnectionRecord;
    const before = internalConnections;
    const blocked = startMqttSource(record(`mqtt://localhost:${internalPort}`), async () => {}, parseOutboundAllow([]));
    await expect.poll(() => blocked.status.lastError, { timeout: 10_000 }).toMatch(/address not allowed: localhost/);
    await blocked.stop();
    const literal = startMqttSource(record(`mqtt://127.0.0.1:${internalPort}`), async () => {}, parseOutboundAllow([]));
    await expect.poll(() => literal.status.lastError, { timeout: 10_000 }).toMatch(/address not allowed: 127\.0\.0\.1 is loopback/);
    await literal.stop();
    expect(internalConnections).toBe(before);

    const allowed = startMqttSource(record(`mqtt://localhost:${internalPort}`), async () => {}, parseOutboundAllow(loopbackAllowed));
    await expect.poll(() => internalConnections, { timeout: 10_000 }).toBeGreaterThan(before);
    await allowed.stop();
  });

  it('OPC UA connects to the address that was checked', async () => {
    await expect(pinnedEndpointUrl('opc.tcp://localhost:4840/werk', parseOutboundAllow([]))).rejects.toBeInstanceOf(OutboundBlockedError);
    await expect(pinnedEndpointUrl('opc.tcp://[::ffff:10.0.0.1]:4840', parseOutboundAllow([]))).rejects.toBeInstanceOf(OutboundBlockedError);
    expect(await pinnedEndpointUrl('opc.tcp://localhost:4840/werk', parseOutboundAllow(loopbackAllowed))).toMatch(/^opc\.tcp:\/\/(127\.0\.0\.1|\[::1\]):4840\/werk$/);
    expect(await pinnedEndpointUrl('opc.tcp://8.8.8.8:4840', parseOutboundAllow([]))).toBe('opc.tcp://8.8.8.8:4840');
  });
});
