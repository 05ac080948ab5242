import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../../kernel/testing/test-instance.js';
import { loopbackAllowed, modulesWithMachines } from '../test-modules.js';
import { startConnectionSources } from './start-sources.js';

const BROKER = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe('the runtime of the connections', () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance('embedded', { modules: modulesWithMachines, config: { outboundAllow: loopbackAllowed } });
  });
  afterAll(async () => instance?.close());

  it('starts connections, restarts them when changed and stops them when switched off, deleted or the module is off', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Laufzeit GmbH', 'owner@source-supervisor.example');
    const moduleUrl = `/api/v1/companies/${companyId}/modules/machines`;
    await owner.put(moduleUrl, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${companyId}/machines`, { name: 'Presse 1' });
    const api = `/api/v1/companies/${companyId}/machine-connections`;
    const prefix = `wv-test-${randomBytes(6).toString('hex')}`;
    const body = { kind: 'mqtt', name: 'Mosquitto', url: BROKER, clientId: `werkverbund-${prefix}`, topic: `${prefix}/{point}`, payload: 'value', machineId: machine.body.id };
    const created = await owner.post(api, body);
    const id = created.body.id as string;
    const sources = await startConnectionSources(instance.ctx, { intervalMs: 60_000 });
    const state = () => sources.supervisor.status(companyId, id)?.state ?? null;
    try {
      await expect.poll(state, { timeout: 10_000 }).toBe('connected');
      const first = sources.supervisor.status(companyId, id);

      // A change restarts it at once (a new status object).
      await owner.put(`${api}/${id}`, { ...body, name: 'Mosquitto Halle 1' });
      expect(sources.supervisor.status(companyId, id)).not.toBe(first);
      await expect.poll(state, { timeout: 10_000 }).toBe('connected');

      await owner.put(`${api}/${id}`, { ...body, enabled: false });
      expect(state()).toBeNull();
      expect((await owner.get(`${api}/${id}`)).body.status.state).toBe('stopped');
      await owner.put(`${api}/${id}`, body);
      await expect.poll(state, { timeout: 10_000 }).toBe('connected');

      await owner.put(moduleUrl, { enabled: false });
      await sources.supervisor.refresh();
      expect(state()).toBeNull();
      await owner.put(moduleUrl, { enabled: true });
      await sources.supervisor.refresh();
      await expect.poll(state, { timeout: 10_000 }).toBe('connected');

      await owner.delete(`${api}/${id}`);
      expect(state()).toBeNull();
    } finally {
      await sources.stop();
    }
  });
});
