import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { modulesWithMachines } from './test-modules.js';
import { maintainSamples } from './maintenance.js';
import { machinesIsolationFixture } from './machines.isolation-fixture.js';
import { exportedRows } from '../../kernel/testing/export-archive.js';

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('Machine-data API on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
  });
  afterAll(async () => instance?.close());

  let n = 0;
  async function company() {
    n++;
    const owner = new TestClient(instance);
    const id = await owner.signup(`Maschinenbau ${n} GmbH`, `owner${n}@machines.example`);
    return { owner, id, api: `/api/v1/companies/${id}/machines` };
  }

  async function join(owner: TestClient, companyId: string, role: string, email: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role });
    const person = new TestClient(instance);
    const accepted = await person.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: `${role} person`, email, password: 'long enough password' } });
    expect(accepted.status).toBeLessThan(300);
    return person;
  }

  /** A company with the module on, a machine and a device; returns the device token. */
  async function setup() {
    const c = await company();
    await c.owner.put(`/api/v1/companies/${c.id}/modules/machines`, { enabled: true });
    const machine = await c.owner.post(c.api, { name: 'Presse 1', description: 'Stanzpresse' });
    expect(machine.status).toBe(201);
    const device = await c.owner.post(`${c.api}/${machine.body.id}/devices`, { name: 'SPS Presse 1' });
    expect(device.status).toBe(201);
    return { ...c, machineId: machine.body.id as string, deviceId: device.body.id as string, token: device.body.token as string };
  }

  const ingest = (token: string | undefined, body: unknown) =>
    instance.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: body as object, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  const sampleRows = async (tenantId: string) =>
    (await sql<{ point: string; ts: Date; num: number | null; bool: boolean | null; txt: string | null }>`
      select point, ts, num, bool, txt from machine_samples where tenant_id = ${tenantId} order by ts, point`.execute(instance.ctx.db)).rows.map((r) => ({
      point: r.point,
      ts: new Date(r.ts).toISOString(),
      value: r.num ?? r.bool ?? r.txt,
    }));

  it('is off by default and needs machines.manage to change anything', async () => {
    const c = await company();
    expect((await c.owner.get(c.api)).body.code).toBe('module_disabled');
    await c.owner.put(`/api/v1/companies/${c.id}/modules/machines`, { enabled: true });
    // a work centre the company does not have (here: none at all) is refused, naming the field
    const unknownCentre = await c.owner.post(c.api, { name: 'Laser', workCentreId: '0190d3f2-0000-7000-8000-000000000001' });
    expect([unknownCentre.status, unknownCentre.body.errors?.[0]?.path]).toEqual([400, 'body.workCentreId']);
    await c.owner.put(`/api/v1/companies/${c.id}/modules/shopfloor`, { enabled: true });
    const centre = (await c.owner.post(`/api/v1/companies/${c.id}/shopfloor/work-centres`, { code: 'LAS', name: 'Laser' })).body.id;
    const created = await c.owner.post(c.api, { name: 'Laser', workCentreId: centre });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Laser', description: '', workCentreId: centre, points: [], devices: [] });
    expect((await c.owner.post(c.api, { name: 'Laser' })).status).toBe(409);

    const viewer = await join(c.owner, c.id, 'viewer', `viewer${n}@machines.example`);
    expect((await viewer.get(c.api)).body.map((m: { name: string }) => m.name)).toEqual(['Laser']);
    expect((await viewer.post(c.api, { name: 'Viewer machine' })).status).toBe(403);
    const shopfloor = await join(c.owner, c.id, 'shopfloor', `floor${n}@machines.example`);
    expect((await shopfloor.get(`${c.api}/${created.body.id}`)).status).toBe(200);
    expect((await shopfloor.post(`${c.api}/${created.body.id}/devices`, { name: 'x' })).status).toBe(403);

    const renamed = await c.owner.put(`${c.api}/${created.body.id}`, { name: 'Laser 2' });
    expect(renamed.body).toMatchObject({ name: 'Laser 2', workCentreId: null });
    const point = await c.owner.post(`${c.api}/${created.body.id}/points`, { name: 'power', label: 'Leistung', unit: 'kW' });
    expect(point.body).toMatchObject({ name: 'power', label: 'Leistung', unit: 'kW', type: 'number', source: 'mqtt' });
    expect((await c.owner.post(`${c.api}/${created.body.id}/points`, { name: 'power' })).status).toBe(409);
    expect((await c.owner.post(`${c.api}/${created.body.id}/points`, { name: 'bad name' })).status).toBe(400);
    const changed = await c.owner.put(`${c.api}/${created.body.id}/points/${point.body.id}`, { name: 'power', unit: 'W', type: 'number' });
    expect(changed.body.unit).toBe('W');
    expect((await c.owner.delete(`${c.api}/${created.body.id}/points/${point.body.id}`)).status).toBe(204);
    expect((await c.owner.get(`${c.api}/${created.body.id}/points`)).body).toEqual([]);
    expect((await c.owner.delete(`${c.api}/${created.body.id}`)).status).toBe(204);
    expect((await c.owner.get(`${c.api}/${created.body.id}`)).status).toBe(404);
  });

  it('shows a device token once and stores only its SHA-256 hash', async () => {
    const s = await setup();
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await s.owner.get(`${s.api}/${s.machineId}/devices`);
    expect(listed.body).toEqual([expect.objectContaining({ id: s.deviceId, name: 'SPS Presse 1', lastSeenAt: null })]);
    expect(JSON.stringify(listed.body)).not.toContain(s.token);
    const row = await instance.ctx.db.selectFrom('machine_devices').selectAll().where('id', '=', s.deviceId).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(s.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(s.token);
  });

  it('stores HTTP telemetry once, answers 2xx only with the rows committed, and registers new points', async () => {
    const s = await setup();
    const body = [
      { ts: '2026-03-01T08:00:00Z', values: { current: 180.5, running: true, program: 'P-17' } },
      { ts: Date.parse('2026-03-01T08:00:01Z'), values: { current: 181 } },
    ];
    const first = await ingest(s.token, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: 4, stored: 4 });
    const expected = [
      { point: 'current', ts: '2026-03-01T08:00:00.000Z', value: 180.5 },
      { point: 'program', ts: '2026-03-01T08:00:00.000Z', value: 'P-17' },
      { point: 'running', ts: '2026-03-01T08:00:00.000Z', value: true },
      { point: 'current', ts: '2026-03-01T08:00:01.000Z', value: 181 },
    ];
    expect(await sampleRows(s.id)).toEqual(expected);

    // The same message again (a retry after a lost answer) adds nothing.
    const again = await ingest(s.token, body);
    expect(again.json()).toEqual({ received: 4, stored: 0 });
    expect(await sampleRows(s.id)).toEqual(expected);

    const points = (await s.owner.get(`${s.api}/${s.machineId}/points`)).body;
    expect(points.map((p: { name: string; type: string; source: string }) => [p.name, p.type, p.source])).toEqual([
      ['current', 'number', 'http'],
      ['program', 'string', 'http'],
      ['running', 'boolean', 'http'],
    ]);
    const device = (await s.owner.get(`${s.api}/${s.machineId}/devices`)).body[0];
    expect(device.lastSeenAt).not.toBeNull();
  });

  it('refuses missing, wrong and revoked tokens, bad payloads and a switched-off module', async () => {
    const s = await setup();
    const ok = { ts: '2026-03-01T08:00:00Z', values: { a: 1 } };
    expect((await ingest(undefined, ok)).statusCode).toBe(401);
    expect((await ingest('not-a-token', ok)).statusCode).toBe(401);
    const bad = await ingest(s.token, [ok, { ts: '2026-03-01 08:00', values: { a: 1 } }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'body.1.ts', message: expect.stringMatching(/offset/) }]);
    const future = await ingest(s.token, { ts: Date.now() + 2 * DAY, values: { a: 1 } });
    expect(future.json().errors).toEqual([{ path: 'body.ts', message: expect.stringMatching(/future/) }]);
    // PostgreSQL text cannot hold the NUL character: refused as bad input, not a server error
    const nul = await ingest(s.token, [ok, { ts: '2026-03-01T08:01:00Z', values: { note: 'a\u0000b' } }]);
    expect([nul.statusCode, nul.json().code]).toEqual([400, 'invalid_text']);
    expect(nul.json().errors).toEqual([{ path: 'body.1.values.note', message: expect.stringMatching(/NUL/) }]);
    expect(await sampleRows(s.id)).toEqual([]);

    await s.owner.put(`/api/v1/companies/${s.id}/modules/machines`, { enabled: false });
    const off = await ingest(s.token, ok);
    expect([off.statusCode, off.json().code]).toEqual([403, 'module_disabled']);
    await s.owner.put(`/api/v1/companies/${s.id}/modules/machines`, { enabled: true });
    expect((await ingest(s.token, ok)).statusCode).toBe(200);

    expect((await s.owner.delete(`${s.api}/${s.machineId}/devices/${s.deviceId}`)).status).toBe(204);
    expect((await ingest(s.token, { ts: '2026-03-01T09:00:00Z', values: { a: 2 } })).statusCode).toBe(401);
    expect(await sampleRows(s.id)).toEqual([{ point: 'a', ts: '2026-03-01T08:00:00.000Z', value: 1 }]);
  });

  it('creates a new day\'s partition once when several requests need it at the same moment', async () => {
    const s = await setup();
    const day = '2026-01-15'; // a day no other test writes to
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => ingest(s.token, { ts: `${day}T0${i}:00:00Z`, values: { v: i } })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await sampleRows(s.id)).map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('returns a series in time order on both paths, only to members with machines.read', async () => {
    const s = await setup();
    const t0 = Date.parse('2026-03-02T10:00:00Z');
    await ingest(s.token, [
      { ts: t0 + 2000, values: { temp: 22, other: 1 } },
      { ts: t0, values: { temp: 20 } },
      { ts: t0 + 1000, values: { temp: 21 } },
      { ts: t0 + 5000, values: { temp: 99 } },
    ]);
    const q = `?point=temp&from=2026-03-02T10:00:00Z&to=2026-03-02T10:00:05Z`;
    const expected = [
      { ts: '2026-03-02T10:00:00.000Z', value: 20 },
      { ts: '2026-03-02T10:00:01.000Z', value: 21 },
      { ts: '2026-03-02T10:00:02.000Z', value: 22 },
    ];
    const byCompany = await s.owner.get(`${s.api}/${s.machineId}/series${q}`);
    expect(byCompany.status).toBe(200);
    expect(byCompany.body).toMatchObject({ machineId: s.machineId, point: 'temp', type: 'number', truncated: false, samples: expected });
    const bare = await s.owner.get(`/api/v1/machines/${s.machineId}/series${q}`);
    expect(bare.body.samples).toEqual(expected);
    expect((await s.owner.get(`/api/v1/machines/${s.machineId}/series${q}&limit=2`)).body).toMatchObject({ truncated: true, samples: expected.slice(0, 2) });
    expect((await s.owner.get(`/api/v1/machines/${s.machineId}/series?point=temp&from=2026-03-02T11:00:00Z&to=2026-03-02T10:00:00Z`)).status).toBe(400);

    const viewer = await join(s.owner, s.id, 'viewer', `seriesviewer${n}@machines.example`);
    expect((await viewer.get(`/api/v1/machines/${s.machineId}/series${q}`)).body.samples).toEqual(expected);
    expect((await new TestClient(instance).get(`/api/v1/machines/${s.machineId}/series${q}`)).status).toBe(401);

    // A member of another company, even with the module on there, learns nothing.
    const other = await setup();
    const foreign = await other.owner.get(`/api/v1/machines/${s.machineId}/series${q}`);
    expect(foreign.status).toBe(404);
    expect((await other.owner.get(`${other.api}/${s.machineId}/series${q}`)).status).toBe(404);
    expect((await other.owner.get(`/api/v1/machines/00000000-0000-7000-8000-000000000000/series${q}`)).status).toBe(404);
    // With the module switched off the machine is not reachable either.
    await s.owner.put(`/api/v1/companies/${s.id}/modules/machines`, { enabled: false });
    expect((await s.owner.get(`/api/v1/machines/${s.machineId}/series${q}`)).status).toBe(404);
  });

  it('keeps samples in daily partitions with a BRIN time index and drops whole days past retention', async () => {
    const s = await setup();
    const now = Date.parse('2026-04-20T12:00:00Z');
    await ingest(s.token, [
      { ts: '2026-04-01T23:59:59.999Z', values: { x: 1 } },
      { ts: '2026-04-02T00:00:00Z', values: { x: 2 } },
      { ts: '2026-04-19T06:00:00Z', values: { x: 3 } },
    ]);
    const partitions = async () =>
      (await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'machine_samples'::regclass order by 1`.execute(instance.ctx.db)).rows.map((r) => r.name);
    expect(await partitions()).toEqual(expect.arrayContaining(['d20260401', 'd20260402', 'd20260419']));
    const brin = await sql<{ am: string }>`select a.amname as am from pg_index x join pg_class c on c.oid = x.indexrelid join pg_am a on a.oid = c.relam
      where x.indrelid = 'machine_samples'::regclass and c.relname = 'machine_samples_ts'`.execute(instance.ctx.db);
    expect(brin.rows).toEqual([{ am: 'brin' }]);

    // 18 days: 2026-04-02 12:00 is the cutoff, so only the day of 2026-04-01 has ended before it.
    const { dropped } = await maintainSamples(instance.ctx.db, 18, now);
    expect(dropped).toContain('d20260401');
    expect(dropped).not.toContain('d20260402');
    expect(await partitions()).toEqual(expect.arrayContaining(['d20260402', 'd20260419', 'd20260420', 'd20260421', 'd20260422']));
    expect(await partitions()).not.toContain('d20260401');
    expect((await sampleRows(s.id)).map((r) => r.value)).toEqual([2, 3]);
  });

  it('exports machines, devices without token hashes and samples once, and no partition as a table of its own', async () => {
    const s = await setup();
    await ingest(s.token, { ts: '2026-03-03T10:00:00Z', values: { temp: 20 } });
    const res = await s.owner.get(`/api/v1/companies/${s.id}/export`);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(res.raw.rawPayload));
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    const ours = manifest.tables.filter((t: { module: string }) => t.module === 'machines').map((t: { name: string; rows: number }) => [t.name, t.rows]);
    expect(ours.sort()).toEqual([['machine_aggregates_1h', 0], ['machine_aggregates_1m', 0], ['machine_alarm_events', 0], ['machine_alarm_rules', 0], ['machine_alarms', 0], ['machine_connections', 0], ['machine_devices', 1], ['machine_notification_deliveries', 0], ['machine_notification_reads', 0], ['machine_notification_settings', 0], ['machine_opcua_items', 0], ['machine_points', 1], ['machine_samples', 1], ['machine_webhooks', 0], ['machines', 1]]);
    expect(manifest.tables.every((t: { module: string }) => t.module !== 'undeclared')).toBe(true);
    const devices = exportedRows(files, 'machine_devices');
    expect(devices[0]).not.toHaveProperty('token_hash');
    expect(exportedRows(files, 'machine_samples')).toEqual([expect.objectContaining({ point: 'temp', num: 20 })]);
  });

  it('answers 404 to every route when another company\'s ids are used, with the module on in both', async () => {
    const a = await setup();
    const b = await company();
    const idsOfB = await machinesIsolationFixture(b.owner, b.id);
    await ingest((await b.owner.post(`${b.api}/${idsOfB.machineId}/devices`, { name: 'second' })).body.token, { ts: '2026-03-03T10:00:00Z', values: { force: 5 } });
    const snapshot = async () => {
      const parts: string[] = [];
      for (const t of ['machines', 'machine_points', 'machine_devices', 'machine_samples', 'machine_alarm_rules', 'machine_alarms'] as const) {
        const rows = await instance.ctx.db.selectFrom(t).selectAll().where('tenant_id', '=', b.id).execute();
        parts.push(t + JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
      }
      return parts.join('\n');
    };
    const before = await snapshot();
    const routes = instance.ctx.routes.filter((r) => r.url.includes('/companies/:companyId/machines/:'));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const url = route.url.replace(':companyId', a.id).replace(/:(\w+)/g, (_, p: string) => idsOfB[p]) + (/\/series(\.csv|\.xlsx)?$/.test(route.url) ? '?point=force' : '');
      const body = route.url.includes('/rules')
        ? { pointId: idsOfB.pointId, rule: { kind: 'threshold', direction: 'high', limit: 1 } }
        : route.url.endsWith('/retention') && route.method === 'PUT' ? { rawDays: 1 }
        : route.method === 'PUT' || route.method === 'POST' ? { name: 'hijack' } : undefined;
      const res = await a.owner.request(route.method, url, body);
      expect(res.status, `${route.method} ${route.url}`).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });

  it('provides ids for every path parameter of its company routes', async () => {
    const c = await company();
    const ids = await machinesIsolationFixture(c.owner, c.id);
    const params = new Set(instance.ctx.routes.filter((r) => /\/(machines|machine-connections)\b/.test(r.url)).flatMap((r) => [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1])));
    params.delete('companyId');
    expect(Object.keys(ids).sort()).toEqual([...params].sort());
    const machine = await c.owner.get(`/api/v1/companies/${c.id}/machines/${ids.machineId}`);
    expect(machine.body.points.map((p: { id: string }) => p.id)).toEqual([ids.pointId]);
    expect(machine.body.devices.map((d: { id: string }) => d.id)).toEqual([ids.deviceId]);
  });
});
