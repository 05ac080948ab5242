import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../kernel/instance.js';
import { testDatabaseKinds } from '../../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../../kernel/testing/test-instance.js';
import { loopbackAllowed, modulesWithMachines } from '../test-modules.js';
import { startOpcuaTestServer } from './opcua-test-server.js';
import { startConnectionSources } from './start-sources.js';

const freePort = () => 20_000 + Math.floor(Math.random() * 20_000);

describe.each(testDatabaseKinds())('OPC UA connection on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'wv-opcua-client-'));
    instance = await startTestInstance(kind, { modules: modulesWithMachines, config: { dataDir, outboundAllow: loopbackAllowed } });
  });
  afterAll(async () => instance?.close());

  it('browses the server, stores the picked variables and continues after a server restart', async () => {
    const port = freePort();
    let server = await startOpcuaTestServer(port);
    const owner = new TestClient(instance);
    const companyId = await owner.signup(`OPC UA ${kind} GmbH`, `owner-${kind}@opcua-source.example`);
    await owner.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${companyId}/machines`, { name: 'Presse 1' });
    const api = `/api/v1/companies/${companyId}/machine-connections`;
    const sources = await startConnectionSources(instance.ctx, { intervalMs: 60_000 });
    try {
      const created = await owner.post(api, { kind: 'opcua', name: 'SPS Presse 1', url: server.url });
      expect(created.status).toBe(201);
      const id = created.body.id as string;

      // Browse: Objects → Presse1 → its variables with their values.
      const top = await owner.get(`${api}/${id}/opcua-browse`);
      expect(top.status, JSON.stringify(top.body)).toBe(200);
      const folder = top.body.find((n: { browseName: string }) => n.browseName.endsWith('Presse1'));
      expect(folder).toMatchObject({ nodeClass: 'Object', hasChildren: true });
      const children = await owner.get(`${api}/${id}/opcua-browse?nodeId=${encodeURIComponent(folder.nodeId)}`);
      const temperature = children.body.find((n: { displayName: string }) => n.displayName === 'Temperatur');
      expect(temperature).toMatchObject({ nodeClass: 'Variable', dataType: 'Double', hasChildren: false });
      expect(typeof temperature.value).toBe('number');
      expect((await owner.get(`${api}/${id}/opcua-browse?nodeId=${encodeURIComponent('ns=1;s=Nope')}`)).status).toBe(400);
      expect((await owner.get(`${api}/${id}/opcua-browse?nodeId=${encodeURIComponent('not a node')}`)).status).toBe(400);

      const picked = await owner.put(`${api}/${id}/opcua-items`, {
        items: [
          { nodeId: temperature.nodeId, machineId: machine.body.id, point: 'temperatur', samplingIntervalMs: 100 },
          { nodeId: `ns=${server.namespaceIndex};s=Presse1.Laeuft`, machineId: machine.body.id, point: 'laeuft', samplingIntervalMs: 100 },
        ],
      });
      expect(picked.status).toBe(200);
      expect(picked.body).toHaveLength(2);

      const since = () => new Date(Date.now() - 3_600_000).toISOString();
      const series = async (point: string) =>
        (await owner.get(`/api/v1/machines/${machine.body.id}/series?point=${point}&from=${since()}`)).body.samples as Array<{ ts: string; value: unknown }>;
      await expect.poll(async () => (await series('temperatur')).length, { timeout: 20_000 }).toBeGreaterThan(3);
      await expect.poll(async () => (await series('laeuft')).length, { timeout: 20_000 }).toBeGreaterThan(3);
      expect(typeof (await series('laeuft'))[0].value).toBe('boolean');
      const status = (await owner.get(`${api}/${id}`)).body.status;
      expect(status.state).toBe('connected');
      expect(status.stored).toBeGreaterThan(3);

      // The server goes away and comes back on the same port: the client reconnects by itself.
      await server.stop();
      await expect.poll(async () => (await owner.get(`${api}/${id}`)).body.status.state, { timeout: 20_000 }).not.toBe('connected');
      const restartedAt = Date.now();
      server = await startOpcuaTestServer(port, server.pkiRoot);
      await expect
        .poll(async () => (await series('temperatur')).filter((s) => Date.parse(s.ts) > restartedAt).length, { timeout: 60_000, interval: 500 })
        .toBeGreaterThan(3);
    } finally {
      await sources.stop();
      await server.stop();
    }
  }, 120_000);

  it('connects with Basic256Sha256 sign & encrypt and a user name', async () => {
    const port = freePort();
    const server = await startOpcuaTestServer(port);
    const owner = new TestClient(instance);
    const companyId = await owner.signup(`OPC UA secure ${kind} GmbH`, `secure-${kind}@opcua-source.example`);
    await owner.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true });
    const api = `/api/v1/companies/${companyId}/machine-connections`;
    try {
      const body = { kind: 'opcua', name: 'SPS sicher', url: server.url, securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', username: 'werk', password: 'falsch' };
      const wrong = await owner.post(api, body);
      expect(wrong.status).toBe(201);
      expect(wrong.body).not.toHaveProperty('password');
      expect((await owner.get(`${api}/${wrong.body.id}/opcua-browse`)).status).toBe(502);
      const right = await owner.put(`${api}/${wrong.body.id}`, { ...body, password: 'geheim' });
      expect(right.status).toBe(200);
      const top = await owner.get(`${api}/${wrong.body.id}/opcua-browse`);
      expect(top.status).toBe(200);
      expect(top.body.map((n: { browseName: string }) => n.browseName)).toContain(`${server.namespaceIndex}:Presse1`);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
