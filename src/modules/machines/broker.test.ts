import { createConnection } from 'node:net';
import { sql } from 'kysely';
import { type MqttClient, connectAsync, connect as mqttConnect } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { modulesWithMachines } from './test-modules.js';
import { type MachineBroker, publishNowhere, startMachineBroker, telemetryTopic } from './broker.js';
import type { WriteFn } from './ingest.js';
import { writeSamples } from './sample-writer.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDatabaseKinds())('embedded MQTT broker on the %s database', (kind) => {
  let instance: Instance;
  let broker: MachineBroker;
  /** What the next database write does instead of the plain write; reset after each test. */
  let writeHook: WriteFn | undefined;
  const clients: MqttClient[] = [];
  let tenantId: string;
  let deviceId: string;
  let token: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
    const owner = new TestClient(instance);
    tenantId = await owner.signup('MQTT Metall GmbH', 'owner@mqtt.example');
    await owner.put(`/api/v1/companies/${tenantId}/modules/machines`, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${tenantId}/machines`, { name: 'Schweißroboter' });
    const device = await owner.post(`/api/v1/companies/${tenantId}/machines/${machine.body.id}/devices`, { name: 'Robotersteuerung' });
    deviceId = device.body.id;
    token = device.body.token;
    broker = await startMachineBroker(instance.ctx, {
      port: 0,
      host: '127.0.0.1',
      write: (items) => (writeHook ? writeHook(items) : writeSamples(instance.ctx.db, items)),
    });
  });
  afterEach(async () => {
    writeHook = undefined;
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
    await sql`delete from machine_samples where tenant_id = ${tenantId}`.execute(instance.ctx.db);
  });
  afterAll(async () => {
    await broker?.close();
    await instance?.close();
  });

  const connect = async (options: { username?: string; password?: string; clientId?: string; clean?: boolean; reconnectPeriod?: number } = {}) => {
    const client = await connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
      protocolVersion: 4,
      username: options.username ?? deviceId,
      password: options.password ?? token,
      clientId: options.clientId ?? `test-${Math.random().toString(16).slice(2)}`,
      clean: options.clean ?? true,
      reconnectPeriod: options.reconnectPeriod ?? 0,
      connectTimeout: 5000,
    });
    clients.push(client);
    return client;
  };

  const rows = async () =>
    (await sql<{ point: string; ts: Date; num: number | null; bool: boolean | null; txt: string | null }>`
      select point, ts, num, bool, txt from machine_samples where tenant_id = ${tenantId} order by ts, point`.execute(instance.ctx.db)).rows.map((r) => ({
      point: r.point,
      ts: new Date(r.ts).toISOString(),
      value: r.num ?? r.bool ?? r.txt,
    }));

  const message = JSON.stringify([
    { ts: '2026-05-04T07:00:00Z', values: { current: 152.5, gas: true } },
    { ts: Date.parse('2026-05-04T07:00:00.100Z'), values: { current: 153 } },
  ]);
  const stored = [
    { point: 'current', ts: '2026-05-04T07:00:00.000Z', value: 152.5 },
    { point: 'gas', ts: '2026-05-04T07:00:00.000Z', value: true },
    { point: 'current', ts: '2026-05-04T07:00:00.100Z', value: 153 },
  ];

  it('sends the PUBACK only after the samples are committed', async () => {
    let committedAt = 0;
    writeHook = async (items) => {
      await delay(300); // a slow commit: an early acknowledgement would overtake it
      const n = await writeSamples(instance.ctx.db, items);
      committedAt = Date.now();
      return n;
    };
    const client = await connect();
    await client.publishAsync(telemetryTopic(deviceId), message, { qos: 1 });
    const ackedAt = Date.now();
    expect(committedAt).toBeGreaterThan(0);
    expect(committedAt).toBeLessThanOrEqual(ackedAt);
    expect(await rows()).toEqual(stored);
  });

  it('stores a message redelivered after a lost PUBACK only once', async () => {
    // The first write commits, then the acknowledgement is lost (the connection drops); the
    // client delivers the message again after reconnecting.
    let writes = 0;
    writeHook = async (items) => {
      writes++;
      const n = await writeSamples(instance.ctx.db, items);
      if (writes === 1) throw new Error('connection lost after commit');
      return n;
    };
    const client = await connect({ clean: false, clientId: `redeliver-${Date.now()}`, reconnectPeriod: 50 });
    await client.publishAsync(telemetryTopic(deviceId), message, { qos: 1 });
    expect(writes).toBe(2);
    expect(await rows()).toEqual(stored);

    // The same message sent once more by hand, marked as duplicate, adds nothing either.
    await client.publishAsync(telemetryTopic(deviceId), message, { qos: 1, dup: true });
    expect(await rows()).toEqual(stored);
  });

  it('does not acknowledge when the write fails, and stores the retried message', async () => {
    let attempts = 0;
    writeHook = async (items) => {
      attempts++;
      if (attempts === 1) throw new Error('database unavailable');
      return writeSamples(instance.ctx.db, items);
    };
    const client = await connect({ reconnectPeriod: 0 });
    const closed = new Promise<'closed'>((resolve) => client.once('close', () => resolve('closed')));
    const outcome = await Promise.race([client.publishAsync(telemetryTopic(deviceId), message, { qos: 1 }).then(() => 'acked', () => 'failed'), closed]);
    expect(outcome).not.toBe('acked');
    expect(await rows()).toEqual([]);

    const retry = await connect();
    await retry.publishAsync(telemetryTopic(deviceId), message, { qos: 1 });
    expect(attempts).toBe(2);
    expect(await rows()).toEqual(stored);
  });

  it('refuses wrong credentials and topics of other devices', async () => {
    await expect(connect({ password: 'wrong' })).rejects.toThrow(/Bad username or password|Not authorized/i);
    await expect(connect({ username: 'not-a-uuid' })).rejects.toThrow(/Bad username or password|Not authorized/i);

    const client = await connect();
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(`wv/00000000-0000-7000-8000-000000000000/telemetry`, message, { qos: 1 });
    await closed;
    expect(await rows()).toEqual([]);
  });

  it('acknowledges a payload that can never be stored and records why on the device', async () => {
    const client = await connect();
    await client.publishAsync(telemetryTopic(deviceId), '{"ts": 1772352000, "values": {"a": 1}}', { qos: 1 });
    const device = await instance.ctx.db.selectFrom('machine_devices').select(['last_error']).where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect(device.last_error).toMatch(/^ts: .*seconds/);
    expect(await rows()).toEqual([]);
  });

  it('closes the connection on a PUBLISH over the packet limit, stores nothing, and normal messages still work', async () => {
    const client = await connect();
    const closed = new Promise<'closed'>((resolve) => client.once('close', () => resolve('closed')));
    // valid JSON, so only the size can be the reason: 1 MB > the default 256 KiB
    const big = JSON.stringify({ ts: '2026-05-04T07:00:00Z', values: { text: 'x'.repeat(1024 * 1024) } });
    const outcome = await Promise.race([client.publishAsync(telemetryTopic(deviceId), big, { qos: 1 }).then(() => 'acked', () => 'failed'), closed]);
    expect(outcome).not.toBe('acked');
    await closed;
    expect(await rows()).toEqual([]);
    await expect.poll(async () => (await instance.ctx.db.selectFrom('machine_devices').select(['last_error']).where('id', '=', deviceId).executeTakeFirstOrThrow()).last_error).toMatch(
      /MQTT packet of \d+ bytes refused \(at most 262144\)/,
    );

    const next = await connect();
    await next.publishAsync(telemetryTopic(deviceId), message, { qos: 1 });
    expect(await rows()).toEqual(stored);
  });

  it('refuses a CONNECT over the limit from a real client, and takes one within it', async () => {
    // MQTT caps each CONNECT field at 64 KB, so a compliant client cannot exceed 256 KiB by much:
    // a broker with a 4 KiB limit shows the same path with a last-will message of 8 KB.
    const small = await startMachineBroker(instance.ctx, { port: 0, host: '127.0.0.1', maxPacketBytes: 4096 });
    try {
      const options = { protocolVersion: 4 as const, username: deviceId, password: token, reconnectPeriod: 0, connectTimeout: 5000 };
      const will = { topic: telemetryTopic(deviceId), payload: 'a'.repeat(8 * 1024), qos: 0 as const, retain: false };
      const refused = mqttConnect(`mqtt://127.0.0.1:${small.port}`, { ...options, will });
      const outcome = await new Promise((resolve) => refused.once('connect', () => resolve('connected')).once('close', () => resolve('closed')));
      refused.end(true);
      expect(outcome).toBe('closed');
      const ok = await connectAsync(`mqtt://127.0.0.1:${small.port}`, { ...options, will: { ...will, payload: 'a'.repeat(1024) } });
      expect(ok.connected).toBe(true);
      await ok.endAsync(true);
    } finally {
      await small.close();
    }
  });

  it('closes a 96 MB CONNECT after its header: the bytes are not collected in memory', async () => {
    const remaining = 96 * 1024 * 1024;
    const socket = createConnection({ host: '127.0.0.1', port: broker.port });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    let closedByServer = false;
    socket.on('error', () => {}); // EPIPE / ECONNRESET once the broker closed
    socket.on('close', () => (closedByServer = true));
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().arrayBuffers;
    socket.write(Buffer.from([0x10, (remaining & 0x7f) | 0x80, ((remaining >> 7) & 0x7f) | 0x80, ((remaining >> 14) & 0x7f) | 0x80, remaining >> 21]));
    const chunk = Buffer.alloc(1024 * 1024, 0x61); // one buffer sent again and again: the client holds 1 MB
    let sent = 0;
    while (sent < remaining && !closedByServer && !socket.destroyed) {
      if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
      sent += chunk.length;
    }
    // without the limit the broker reads on and keeps every byte until the CONNECT is complete
    await delay(200);
    const grown = process.memoryUsage().arrayBuffers - before;
    socket.destroy();
    expect(closedByServer).toBe(true);
    expect(sent).toBeLessThan(remaining);
    expect(grown).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('publishNowhere', () => {
  it('calls back once, later, in both ways aedes calls publish', async () => {
    for (const call of [(done: () => void) => publishNowhere({}, done), (done: () => void) => publishNowhere({}, { id: 'client' }, done)]) {
      let calls = 0;
      call(() => calls++);
      expect(calls).toBe(0);
      await new Promise((r) => setImmediate(r));
      expect(calls).toBe(1);
    }
  });
});
