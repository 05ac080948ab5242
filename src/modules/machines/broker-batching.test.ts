import { sql } from 'kysely';
import { type MqttClient, connectAsync } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { modulesWithMachines } from './test-modules.js';
import { type MachineBroker, startMachineBroker, telemetryTopic } from './broker.js';
import type { WriteFn } from './ingest.js';
import { writeSamples } from './sample-writer.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until the condition holds (polling), failing after a generous limit instead of guessing a delay. */
const until = async (condition: () => boolean, what: string, limitMs = 20_000) => {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await delay(10);
  }
};

/** Group commit in the embedded broker: many devices, one transaction, PUBACKs after it. */
describe.each(testDatabaseKinds())('embedded MQTT broker batching on the %s database', (kind) => {
  let instance: Instance;
  let broker: MachineBroker;
  let writeHook: WriteFn | undefined;
  /** Messages per transaction, in the order the transactions were attempted. */
  let batches: number[] = [];
  const clients: MqttClient[] = [];
  let tenantId: string;
  const devices: Array<{ id: string; token: string }> = [];

  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
    const owner = new TestClient(instance);
    tenantId = await owner.signup('Gruppen Commit GmbH', 'owner@batching.example');
    await owner.put(`/api/v1/companies/${tenantId}/modules/machines`, { enabled: true });
    for (let m = 0; m < 2; m++) {
      const machine = await owner.post(`/api/v1/companies/${tenantId}/machines`, { name: `Presse ${m + 1}` });
      for (let d = 0; d < 4; d++) {
        const device = await owner.post(`/api/v1/companies/${tenantId}/machines/${machine.body.id}/devices`, { name: `SPS ${m + 1}.${d + 1}` });
        devices.push({ id: device.body.id, token: device.body.token });
      }
    }
    broker = await startMachineBroker(instance.ctx, {
      port: 0,
      host: '127.0.0.1',
      write: (items) => {
        batches.push(items.length);
        return writeHook ? writeHook(items) : writeSamples(instance.ctx.db, items);
      },
    });
  });
  afterEach(async () => {
    writeHook = undefined;
    batches = [];
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
    await sql`delete from machine_samples where tenant_id = ${tenantId}`.execute(instance.ctx.db);
  });
  afterAll(async () => {
    await broker?.close();
    await instance?.close();
  });

  const connect = async (device: { id: string; token: string }, options: { clientId?: string; clean?: boolean; reconnectPeriod?: number } = {}) => {
    const client = await connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
      protocolVersion: 4,
      username: device.id,
      password: device.token,
      clientId: options.clientId ?? `batch-${Math.random().toString(16).slice(2)}`,
      clean: options.clean ?? true,
      reconnectPeriod: options.reconnectPeriod ?? 0,
      connectTimeout: 5000,
    });
    clients.push(client);
    return client;
  };

  const rowCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from machine_samples where tenant_id = ${tenantId}`.execute(instance.ctx.db)).rows[0].n);

  const T0 = Date.parse('2026-05-04T08:00:00Z');
  const payload = (seq: number, values: Record<string, unknown> = { current: seq, voltage: 400 }) => JSON.stringify({ ts: T0 + seq, values });

  it('stores the messages of many concurrent publishers together and acknowledges each after its commit', async () => {
    const perDevice = 25;
    let committed = 0;
    writeHook = async (items) => {
      await delay(20); // a commit that takes a while, so that messages pile up behind it
      const n = await writeSamples(instance.ctx.db, items);
      committed += items.length;
      return n;
    };
    const connected = await Promise.all(devices.map((d) => connect(d)));
    let ackedBeforeCommit = 0;
    await Promise.all(
      connected.flatMap((client, i) =>
        Array.from({ length: perDevice }, (_, seq) =>
          client.publishAsync(telemetryTopic(devices[i].id), payload(seq), { qos: 1 }).then(() => {
            if (committed === 0) ackedBeforeCommit++;
          }),
        ),
      ),
    );
    const messages = devices.length * perDevice;
    expect(ackedBeforeCommit).toBe(0);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(messages);
    expect(batches.length).toBeLessThan(messages / 4); // grouped, not one transaction per message
    expect(Math.max(...batches)).toBeGreaterThan(devices.length); // one batch spans several connections
    expect(await rowCount()).toBe(messages * 2);
  });

  it('stores the rest of a batch when one message in it is refused by the database, and records why', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    writeHook = async (items) => {
      if (first) {
        first = false;
        await gate; // hold the first batch so that the others queue up behind it
      }
      return writeSamples(instance.ctx.db, items);
    };
    const [blocker, ...senders] = await Promise.all(devices.map((d) => connect(d)));
    const held = blocker.publishAsync(telemetryTopic(devices[0].id), payload(0), { qos: 1 });
    await until(() => !first, 'the first batch to be held');
    // PostgreSQL text cannot hold NUL: the database itself refuses this one message.
    const poisoned = devices[3];
    const sent = senders.map((client, i) =>
      client.publishAsync(telemetryTopic(devices[i + 1].id), payload(1, devices[i + 1] === poisoned ? { note: 'a\u0000b' } : { current: i }), { qos: 1 }),
    );
    await until(() => broker.waiting === senders.length, 'every other message to queue up behind the held batch');
    release();
    await held;
    await Promise.all(sent); // every message is answered, the refused one too (see below)
    expect(batches[1]).toBe(senders.length); // all of them were in one batch, which was then split
    expect(await rowCount()).toBe(2 + senders.length - 1);
    const device = await instance.ctx.db.selectFrom('machine_devices').select(['last_error']).where('id', '=', poisoned.id).executeTakeFirstOrThrow();
    expect(device.last_error).toMatch(/database refused this message/);
    const healthy = await instance.ctx.db.selectFrom('machine_devices').select(['last_error']).where('id', '=', devices[1].id).executeTakeFirstOrThrow();
    expect(healthy.last_error).toBeNull();
  });

  it('acknowledges nothing of a batch whose transaction fails, and stores it once when the devices send it again', async () => {
    let failed = false;
    writeHook = async (items) => {
      if (!failed) {
        failed = true;
        throw new Error('connection to the database lost');
      }
      return writeSamples(instance.ctx.db, items);
    };
    const client = await connect(devices[0], { clean: false, clientId: `retry-${Date.now()}`, reconnectPeriod: 50 });
    // Sent in one go, so they reach the broker in one socket read and land in one batch.
    await Promise.all([0, 1, 2, 3].map((seq) => client.publishAsync(telemetryTopic(devices[0].id), payload(seq), { qos: 1 })));
    expect(failed).toBe(true);
    expect(await rowCount()).toBe(4 * 2);
  });

  it('stores a message once when the device sends it again while its first delivery is still being written', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    writeHook = async (items) => {
      calls++;
      if (calls === 1) await gate; // the first delivery is in the middle of its commit …
      return writeSamples(instance.ctx.db, items);
    };
    const clientId = `redeliver-${Date.now()}`;
    const first = await connect(devices[1], { clean: false, clientId });
    const lost = first.publishAsync(telemetryTopic(devices[1].id), payload(7), { qos: 1 }).then(
      () => 'acked',
      () => 'lost',
    );
    for (let i = 0; i < 100 && calls < 1; i++) await delay(10);
    // … when the connection drops; the device connects again and sends the message again (DUP).
    first.stream.destroy();
    const second = await connect(devices[1], { clean: false, clientId });
    const again = second.publishAsync(telemetryTopic(devices[1].id), payload(7), { qos: 1, dup: true });
    await delay(100);
    expect(calls).toBe(1); // the second delivery waits behind the first batch
    release();
    await again;
    expect(calls).toBe(2);
    expect(await rowCount()).toBe(2); // two values, once
    void lost;
  });
});
