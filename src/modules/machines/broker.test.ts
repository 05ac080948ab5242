import { sql } from 'kysely';
import { type MqttClient, connectAsync } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { modulesWithMachines } from './test-modules.js';
import { type MachineBroker, publishNowhere, startMachineBroker, telemetryTopic } from './broker.js';
import type { WriteFn } from './ingest.js';
import { writeSamples } from './machines.store.js';

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
