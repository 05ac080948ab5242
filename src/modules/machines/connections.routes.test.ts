import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { findConnection } from './connections.store.js';
import { machinesBox, openPassword } from './sealed-secrets.js';
import { exportedRows } from '../../kernel/testing/export-archive.js';
import { loopbackAllowed, modulesWithMachines } from './test-modules.js';

const SECRET = 'Sehr-Geheim-4711';

describe.each(testDatabaseKinds())('Connections API on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines, config: { dataDir: mkdtempSync(path.join(tmpdir(), 'wv-connections-')), outboundAllow: loopbackAllowed } });
  });
  afterAll(async () => instance?.close());

  let n = 0;
  async function setup() {
    n++;
    const owner = new TestClient(instance);
    const id = await owner.signup(`Verbindungen ${n} GmbH`, `owner${n}-${kind}@connections.example`);
    await owner.put(`/api/v1/companies/${id}/modules/machines`, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${id}/machines`, { name: 'Presse 1' });
    return { owner, id, machineId: machine.body.id as string, api: `/api/v1/companies/${id}/machine-connections` };
  }

  const mqtt = (machineId: string, extra: Record<string, unknown> = {}) => ({
    kind: 'mqtt',
    name: 'Mosquitto Halle 1',
    url: 'mqtt://broker.halle1.example:1883',
    username: 'werkverbund',
    password: SECRET,
    clientId: 'werkverbund-halle1',
    topic: 'werk/{machine}/{point}',
    payload: 'value',
    machineKeys: [{ key: 'presse-1', machineId }],
    ...extra,
  });

  it('creates, lists, changes and deletes connections without ever returning the password', async () => {
    const s = await setup();
    const created = await s.owner.post(s.api, mqtt(s.machineId));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'mqtt', name: 'Mosquitto Halle 1', hasPassword: true, topic: 'werk/{machine}/{point}', payload: 'value', status: { state: 'notRunning' } });
    expect(created.body).not.toHaveProperty('password');
    const list = await s.owner.get(s.api);
    expect(list.body).toHaveLength(1);
    for (const res of [created, list, await s.owner.get(`${s.api}/${created.body.id}`)]) expect(res.raw.body).not.toContain(SECRET);

    // A change without password keeps it; the kind cannot change.
    const { password: _p, ...withoutPassword } = mqtt(s.machineId, { name: 'Mosquitto Halle 2' });
    const changed = await s.owner.put(`${s.api}/${created.body.id}`, withoutPassword);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Mosquitto Halle 2', hasPassword: true });
    const stored = await findConnection(instance.ctx.db, s.id, created.body.id);
    expect(stored?.password).not.toContain(SECRET);
    expect(openPassword(machinesBox(instance.ctx.config), stored!)).toBe(SECRET);
    const otherKind = await s.owner.put(`${s.api}/${created.body.id}`, { kind: 'opcua', name: 'x', url: 'opc.tcp://plc:4840' });
    expect(otherKind.status).toBe(409);
    expect(otherKind.body.code).toBe('machines_connection_kind_fixed');

    const twice = await s.owner.post(s.api, mqtt(s.machineId, { name: 'Mosquitto Halle 2' }));
    expect(twice.status).toBe(409);
    expect(twice.body.title).toContain('Mosquitto Halle 2');

    expect((await s.owner.delete(`${s.api}/${created.body.id}`)).status).toBe(204);
    expect((await s.owner.get(`${s.api}/${created.body.id}`)).status).toBe(404);
  });

  it('refuses bad input with translated, field-by-field errors and changes nothing', async () => {
    const s = await setup();
    const bad = await s.owner.post(s.api, mqtt(s.machineId, { name: ' ', url: 'http://broker', clientId: 'with space', topic: 'werk/#/x' }));
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe('Die Eingabe ist ungültig. Bitte prüfen Sie die markierten Felder.');
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.url', 'body.clientId', 'body.topic']));

    const noMachine = await s.owner.post(s.api, mqtt(s.machineId, { topic: 'werk/presse1/{point}', machineKeys: [] }));
    expect(noMachine.status).toBe(400);
    expect(noMachine.body.errors.map((e: { path: string }) => e.path)).toContain('body.machineId');
    const noPoint = await s.owner.post(s.api, mqtt(s.machineId, { topic: 'werk/{machine}/wert' }));
    expect(noPoint.body.errors.map((e: { path: string }) => e.path)).toContain('body.point');
    const security = await s.owner.post(s.api, { kind: 'opcua', name: 'SPS', url: 'opc.tcp://plc:4840', securityMode: 'SignAndEncrypt', securityPolicy: 'None' });
    expect(security.body.errors.map((e: { path: string }) => e.path)).toContain('body.securityPolicy');

    const english = new TestClient(instance);
    english.cookie = s.owner.cookie;
    english.csrfToken = s.owner.csrfToken;
    const en = await english.request('POST', s.api, mqtt(s.machineId, { url: 'ftp://x' }), { 'accept-language': 'en' });
    expect(en.status).toBe(400);
    expect(en.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.url']);
    expect((await s.owner.get(s.api)).body).toEqual([]);
  });

  it('keeps the password out of the company export', async () => {
    const s = await setup();
    await s.owner.post(s.api, mqtt(s.machineId));
    const res = await s.owner.get(`/api/v1/companies/${s.id}/export`);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(res.raw.rawPayload));
    const rows = exportedRows(files, 'machine_connections');
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toHaveProperty('password');
    for (const content of Object.values(files)) expect(strFromU8(content)).not.toContain(SECRET);
  });

  it('keeps companies apart and lets only managers change connections', async () => {
    const a = await setup();
    const b = await setup();
    const created = await a.owner.post(a.api, mqtt(a.machineId));
    // B uses A's connection id below its own company, or A's machine in its own connection.
    expect((await b.owner.get(`${b.api}/${created.body.id}`)).status).toBe(404);
    expect((await b.owner.put(`${b.api}/${created.body.id}`, mqtt(b.machineId))).status).toBe(404);
    expect((await b.owner.delete(`${b.api}/${created.body.id}`)).status).toBe(404);
    expect((await b.owner.get(`${b.api}/${created.body.id}/opcua-items`)).status).toBe(404);
    expect((await b.owner.post(b.api, mqtt(a.machineId))).status).toBe(404);
    // …and A's company path with B's session is refused.
    expect((await b.owner.get(a.api)).status).toBe(404);

    const inv = await a.owner.post(`/api/v1/companies/${a.id}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    await viewer.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Viewer', email: `viewer${n}-${kind}@connections.example`, password: 'long enough password' } });
    expect((await viewer.get(a.api)).status).toBe(200);
    expect((await viewer.post(a.api, mqtt(a.machineId, { name: 'neu' }))).status).toBe(403);
    expect((await viewer.get(`${a.api}/${created.body.id}/opcua-browse`)).status).toBe(403);
  });

  it('picks OPC UA variables for machines of the company only', async () => {
    const s = await setup();
    const other = await setup();
    const opc = await s.owner.post(s.api, { kind: 'opcua', name: 'SPS Presse 1', url: 'opc.tcp://127.0.0.1:9/none' });
    expect(opc.status).toBe(201);
    expect(opc.body).toMatchObject({ securityMode: 'None', securityPolicy: 'None', hasPassword: false });
    const items = `${s.api}/${opc.body.id}/opcua-items`;
    const picked = await s.owner.put(items, { items: [{ nodeId: 'ns=1;s=Presse1.Temperatur', machineId: s.machineId, point: 'temperatur', samplingIntervalMs: 500 }] });
    expect(picked.status).toBe(200);
    expect(picked.body).toEqual([expect.objectContaining({ nodeId: 'ns=1;s=Presse1.Temperatur', point: 'temperatur', samplingIntervalMs: 500 })]);
    const foreign = await s.owner.put(items, { items: [{ nodeId: 'ns=1;s=x', machineId: other.machineId, point: 'x' }] });
    expect(foreign.status).toBe(404);
    const twice = await s.owner.put(items, { items: [{ nodeId: 'ns=1;s=x', machineId: s.machineId, point: 'x' }, { nodeId: 'ns=1;s=x', machineId: s.machineId, point: 'y' }] });
    expect(twice.status).toBe(400);
    expect((await s.owner.get(items)).body).toHaveLength(1);
    // Nothing listens there: a clear 502, not a hang.
    const unreachable = await s.owner.get(`${s.api}/${opc.body.id}/opcua-browse`);
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.code).toBe('machines_opcua_unreachable');
    const mqttConnection = await s.owner.post(s.api, mqtt(s.machineId));
    expect((await s.owner.get(`${s.api}/${mqttConnection.body.id}/opcua-items`)).status).toBe(409);
  }, 30_000);
});
