import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { modulesWithMachines } from './test-modules.js';
import { brokerPortFromEnv } from './broker.js';
import { retentionDaysFromEnv } from './maintenance.js';
import { listPartitions } from './sample-partitions.store.js';
import { partitionOf } from './domain/partitions.js';
import { startMachinesRuntime } from './runtime.js';

describe('machine-data runtime', () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance('embedded', { modules: modulesWithMachines });
  });
  afterAll(async () => instance?.close());

  it('reads its settings', () => {
    expect(brokerPortFromEnv({})).toBe(1883);
    expect(brokerPortFromEnv({ WERKVERBUND_MQTT_PORT: 'off' })).toBeNull();
    expect(brokerPortFromEnv({ WERKVERBUND_MQTT_PORT: '8883' })).toBe(8883);
    expect(() => brokerPortFromEnv({ WERKVERBUND_MQTT_PORT: 'yes' })).toThrow(/port number or "off"/);
    expect(retentionDaysFromEnv({})).toBe(90);
    expect(retentionDaysFromEnv({ WERKVERBUND_MACHINE_RETENTION_DAYS: '30' })).toBe(30);
    expect(() => retentionDaysFromEnv({ WERKVERBUND_MACHINE_RETENTION_DAYS: '0' })).toThrow(/≥ 1/);
  });

  it('starts the broker and the partition maintenance, and stops both', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Runtime GmbH', 'owner@runtime.example');
    await owner.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${companyId}/machines`, { name: 'Drehbank' });
    const device = await owner.post(`/api/v1/companies/${companyId}/machines/${machine.body.id}/devices`, { name: 'CNC' });

    const off = await startMachinesRuntime(instance.ctx, { WERKVERBUND_MQTT_PORT: 'off' });
    expect(off.brokerPort).toBeNull();
    await off.stop();

    const runtime = await startMachinesRuntime(instance.ctx, { WERKVERBUND_MQTT_PORT: '0', WERKVERBUND_MQTT_HOST: '127.0.0.1' });
    // The partition maintenance is a job the manifest registers with the kernel scheduler.
    instance.ctx.jobs.start();
    try {
      expect(runtime.brokerPort).toBeGreaterThan(0);
      const client = await connectAsync(`mqtt://127.0.0.1:${runtime.brokerPort}`, { username: device.body.id, password: device.body.token, reconnectPeriod: 0, protocolVersion: 4 });
      await client.publishAsync(`wv/${device.body.id}/telemetry`, JSON.stringify({ ts: Date.now(), values: { rpm: 1200 } }), { qos: 1 });
      await client.endAsync();
      const series = await owner.get(`/api/v1/machines/${machine.body.id}/series?point=rpm`);
      expect(series.body.samples.map((s: { value: number }) => s.value)).toEqual([1200]);
      // The maintenance has created today's and the next days' partitions.
      await expect.poll(() => listPartitions(instance.ctx.db)).toEqual(expect.arrayContaining([partitionOf(Date.now() + 86_400_000)]));
    } finally {
      await instance.ctx.jobs.stop();
      await runtime.stop();
    }
    expect(instance.ctx.jobs.list().find((j) => j.id === 'machines.maintenance')).toMatchObject({ state: 'ok', lastError: null });
  });
});
