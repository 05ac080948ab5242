import { randomBytes } from 'node:crypto';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../kernel/instance.js';
import { testDatabaseKinds } from '../../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../../kernel/testing/test-instance.js';
import { writeSamples } from '../sample-writer.js';
import { loopbackAllowed, modulesWithMachines } from '../test-modules.js';
import { startConnectionSources } from './start-sources.js';

/** The Mosquitto server on the machine (CI has one). */
const BROKER = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe.each(testDatabaseKinds())('external MQTT broker connection on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines, config: { outboundAllow: loopbackAllowed } });
  });
  afterAll(async () => instance?.close());

  let n = 0;
  async function setup() {
    n++;
    const owner = new TestClient(instance);
    const companyId = await owner.signup(`Mosquitto ${n} GmbH`, `owner${n}-${kind}@mqtt-source.example`);
    await owner.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${companyId}/machines`, { name: 'Presse 1' });
    const prefix = `wv-test-${randomBytes(6).toString('hex')}`;
    const created = await owner.post(`/api/v1/companies/${companyId}/machine-connections`, {
      kind: 'mqtt',
      name: 'Mosquitto Halle 1',
      url: BROKER,
      clientId: `werkverbund-${prefix}`,
      topic: `${prefix}/{machine}/{point}`,
      payload: 'value',
      machineKeys: [{ key: 'presse-1', machineId: machine.body.id }],
    });
    expect(created.status).toBe(201);
    const series = async (point: string) => (await owner.get(`/api/v1/machines/${machine.body.id}/series?point=${point}&from=${new Date(Date.now() - 3_600_000).toISOString()}`)).body.samples as Array<{ ts: string; value: unknown }>;
    const status = async () => (await owner.get(`/api/v1/companies/${companyId}/machine-connections/${created.body.id}`)).body.status;
    return { owner, companyId, prefix, connectionId: created.body.id as string, machineId: machine.body.id as string, series, status };
  }

  const publisher = () => connectAsync(BROKER, { clientId: `pub-${randomBytes(4).toString('hex')}`, protocolVersion: 4, reconnectPeriod: 0 });

  it('stores each message once, and what was published while Werkverbund was down arrives after the restart', async () => {
    const s = await setup();
    let sources = await startConnectionSources(instance.ctx, { intervalMs: 60_000 });
    const pub = await publisher();
    try {
      await expect.poll(async () => (await s.status()).state, { timeout: 10_000 }).toBe('connected');
      await pub.publishAsync(`${s.prefix}/presse-1/temperatur`, '21.5', { qos: 1 });
      await pub.publishAsync(`${s.prefix}/presse-1/laeuft`, 'true', { qos: 1 });
      await expect.poll(() => s.series('temperatur'), { timeout: 10_000 }).toHaveLength(1);
      expect((await s.series('temperatur'))[0].value).toBe(21.5);
      await expect.poll(() => s.series('laeuft'), { timeout: 10_000 }).toHaveLength(1);
      expect((await s.series('laeuft'))[0].value).toBe(true);
      const status = await s.status();
      expect(status.stored).toBe(2);
      expect(status.lastMessageAt).not.toBeNull();

      // An unknown machine key is acknowledged and shown, not stored.
      await pub.publishAsync(`${s.prefix}/presse-9/temperatur`, '30', { qos: 1 });
      await expect.poll(async () => (await s.status()).lastError, { timeout: 10_000 }).toMatch(/presse-9/);

      // Werkverbund stops; three messages are published meanwhile at QoS 1.
      await sources.stop();
      for (const v of [22, 23, 24]) await pub.publishAsync(`${s.prefix}/presse-1/temperatur`, String(v), { qos: 1 });
      sources = await startConnectionSources(instance.ctx, { intervalMs: 60_000 });
      await expect.poll(async () => (await s.series('temperatur')).map((x) => x.value), { timeout: 15_000 }).toEqual([21.5, 22, 23, 24]);
    } finally {
      await pub.endAsync();
      await sources.stop();
      await s.owner.delete(`/api/v1/companies/${s.companyId}/machine-connections/${s.connectionId}`);
    }
  });

  it('acknowledges only after the commit: a failed write is delivered again and stored once', async () => {
    const s = await setup();
    // JSON messages carry their time, so a second delivery is recognised.
    await s.owner.put(`/api/v1/companies/${s.companyId}/machine-connections/${s.connectionId}`, {
      kind: 'mqtt',
      name: 'Mosquitto Halle 1',
      url: BROKER,
      clientId: `werkverbund-${s.prefix}`,
      topic: `${s.prefix}/{machine}/telemetry`,
      payload: 'json',
      machineKeys: [{ key: 'presse-1', machineId: s.machineId }],
    });
    let attempts = 0;
    const sources = await startConnectionSources(instance.ctx, {
      intervalMs: 60_000,
      write: async (items) => {
        attempts++;
        if (attempts === 1) throw new Error('database unavailable');
        return writeSamples(instance.ctx.db, items);
      },
    });
    const pub = await publisher();
    try {
      await expect.poll(async () => (await s.status()).state, { timeout: 10_000 }).toBe('connected');
      const ts = Date.now() - 5000;
      await pub.publishAsync(`${s.prefix}/presse-1/telemetry`, JSON.stringify({ ts, values: { kraft: 150 } }), { qos: 1 });
      await expect.poll(() => s.series('kraft'), { timeout: 15_000 }).toHaveLength(1);
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect((await s.status()).lastError).toMatch(/database unavailable/);
      // Delivered again after the reconnect, yet stored once.
      expect(await s.series('kraft')).toEqual([{ ts: new Date(ts).toISOString(), value: 150 }]);
    } finally {
      await pub.endAsync();
      await sources.stop();
      await s.owner.delete(`/api/v1/companies/${s.companyId}/machine-connections/${s.connectionId}`);
    }
  });
});
