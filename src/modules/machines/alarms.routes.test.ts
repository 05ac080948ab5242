import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { modulesWithMachines } from './test-modules.js';
import { companyWithMachine } from './test-company.js';

const T0 = Date.parse('2026-03-05T08:00:00Z');
const at = (seconds: number) => T0 + seconds * 1000;

describe.each(testDatabaseKinds())('Alarm rules and alarms on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
  });
  afterAll(async () => instance?.close());

  let n = 0;
  async function setup() {
    n++;
    const { owner, tenantId: id, machineId, m } = await companyWithMachine(instance, { company: `Alarmbau ${n} GmbH`, email: `owner${n}@alarms.example`, machine: 'Schweißroboter' });
    const point = await owner.post(`${m}/points`, { name: 'temp', unit: '°C' });
    const device = await owner.post(`${m}/devices`, { name: 'SPS' });
    return { owner, id, m, machineId, pointId: point.body.id as string, token: device.body.token as string };
  }

  async function join(owner: TestClient, companyId: string, role: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role });
    const person = new TestClient(instance);
    const accepted = await person.post('/api/v1/invitations/accept', {
      token: new URL(inv.body.link).hash.slice(1),
      user: { name: `${role} person`, email: `${role}${n}@alarms.example`, password: 'long enough password' },
    });
    expect(accepted.status).toBeLessThan(300);
    return person;
  }

  const send = async (token: string, samples: Array<[number, number]>) => {
    const res = await instance.app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { authorization: `Bearer ${token}` },
      payload: samples.map(([s, v]) => ({ ts: at(s), values: { temp: v } })),
    });
    expect(res.statusCode).toBe(200);
  };

  const threshold = { kind: 'threshold', direction: 'high', limit: 80, hysteresis: 5, minDurationSeconds: 30 };

  it('raises only after the minimum duration and clears only below the hysteresis band', async () => {
    const s = await setup();
    const rule = await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, name: 'Übertemperatur', rule: threshold });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ point: 'temp', name: 'Übertemperatur', enabled: true, active: false, rule: threshold });
    const alarms = async () => (await s.owner.get(`${s.m}/alarms`)).body as Array<Record<string, unknown>>;

    // Above the limit for 20 s, then back down: no alarm; the wait starts again.
    await send(s.token, [[0, 85], [20, 90], [25, 79]]);
    expect(await alarms()).toEqual([]);
    // Above for 29 s: still nothing (one message per request, as devices send them).
    await send(s.token, [[30, 81]]);
    await send(s.token, [[59, 95]]);
    expect(await alarms()).toEqual([]);
    // 30 s reached: raised with the value at that instant.
    await send(s.token, [[60, 96]]);
    let list = await alarms();
    expect(list).toEqual([expect.objectContaining({ status: 'active', point: 'temp', ruleName: 'Übertemperatur', raisedValue: 96, raisedAt: new Date(at(60)).toISOString(), clearedAt: null })]);
    expect((await s.owner.get(`${s.m}/rules`)).body[0]).toMatchObject({ active: true, activeAlarmId: list[0].id });

    // A redelivered message changes nothing; inside the band (75 ≤ x ≤ 80) it stays raised.
    await send(s.token, [[60, 96]]);
    await send(s.token, [[70, 78], [80, 75]]);
    list = await alarms();
    expect(list).toHaveLength(1);
    expect(list[0].status).toBe('active');
    // Below 75: cleared, still waiting for acknowledgement.
    await send(s.token, [[90, 74.9]]);
    list = await alarms();
    expect(list[0]).toMatchObject({ status: 'clearedUnacknowledged', clearedValue: 74.9, clearedAt: new Date(at(90)).toISOString() });
    expect((await s.owner.get(`/api/v1/companies/${s.id}/machine-alarms?open=true`)).body).toHaveLength(1);

    const ack = await s.owner.post(`${s.m}/alarms/${list[0].id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'closed', acknowledgedBy: expect.any(String) });
    expect((await s.owner.get(`/api/v1/companies/${s.id}/machine-alarms?open=true`)).body).toEqual([]);
    // History: the closed alarm stays.
    expect((await s.owner.get(`/api/v1/companies/${s.id}/machine-alarms`)).body).toHaveLength(1);

    // Up again for long enough: a second alarm; acknowledged first, then cleared.
    await send(s.token, [[100, 100], [140, 100]]);
    list = await alarms();
    expect(list.map((a) => a.status)).toEqual(['active', 'closed']);
    expect((await s.owner.post(`${s.m}/alarms/${list[0].id}/acknowledge`)).body.status).toBe('acknowledged');
    await send(s.token, [[150, 10]]);
    expect((await alarms()).map((a) => a.status)).toEqual(['closed', 'closed']);
  });

  it('keeps the evaluator state in the database, so evaluation continues across batches of any size', async () => {
    const s = await setup();
    await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, rule: { ...threshold, direction: 'low', limit: 10, hysteresis: 2, minDurationSeconds: 10 } });
    await send(s.token, [[0, 5]]);
    const row = await instance.ctx.db.selectFrom('machine_alarm_rules').select(['state', 'tenant_id']).executeTakeFirstOrThrow();
    expect(row).toBeDefined();
    await send(s.token, [[10, 4], [11, 11], [12, 12.1]]);
    const list = (await s.owner.get(`${s.m}/alarms`)).body;
    expect(list).toEqual([expect.objectContaining({ status: 'clearedUnacknowledged', raisedValue: 4, clearedValue: 12.1 })]);
  });

  it('changes and deletes rules; a deleted rule leaves its alarms in the history', async () => {
    const s = await setup();
    const rule = await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, rule: { kind: 'threshold', direction: 'high', limit: 50 } });
    expect(rule.body.rule).toEqual({ kind: 'threshold', direction: 'high', limit: 50, hysteresis: 0, minDurationSeconds: 0 });
    expect((await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, rule: { kind: 'noData', minutes: 0 } })).status).toBe(400);
    expect((await s.owner.post(`${s.m}/rules`, { pointId: s.machineId, rule: { kind: 'threshold', direction: 'high', limit: 1 } })).status).toBe(400);
    expect((await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, rule: { kind: 'threshold', direction: 'up', limit: 1 } })).status).toBe(400);
    const changed = await s.owner.put(`${s.m}/rules/${rule.body.id}`, { pointId: s.pointId, name: 'Grenze', enabled: false, rule: { kind: 'threshold', direction: 'high', limit: 60 } });
    expect(changed.body).toMatchObject({ name: 'Grenze', enabled: false, rule: { limit: 60 } });
    await send(s.token, [[0, 70]]);
    expect((await s.owner.get(`${s.m}/alarms`)).body).toEqual([]);
    await s.owner.put(`${s.m}/rules/${rule.body.id}`, { pointId: s.pointId, name: 'Grenze', rule: { kind: 'threshold', direction: 'high', limit: 60 } });
    await send(s.token, [[10, 70]]);
    expect((await s.owner.get(`${s.m}/alarms`)).body).toHaveLength(1);
    expect((await s.owner.delete(`${s.m}/rules/${rule.body.id}`)).status).toBe(204);
    expect((await s.owner.get(`${s.m}/rules`)).body).toEqual([]);
    expect((await s.owner.get(`${s.m}/alarms`)).body).toHaveLength(1);
    expect((await s.owner.delete(`${s.m}/rules/${rule.body.id}`)).status).toBe(404);
  });

  it('lets readers see, shop-floor staff acknowledge, and only admins manage rules', async () => {
    const s = await setup();
    const rule = await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, rule: { kind: 'threshold', direction: 'high', limit: 50 } });
    await send(s.token, [[0, 70]]);
    const alarmId = (await s.owner.get(`${s.m}/alarms`)).body[0].id;
    const viewer = await join(s.owner, s.id, 'viewer');
    expect((await viewer.get(`${s.m}/alarms`)).status).toBe(200);
    expect((await viewer.get(`${s.m}/rules`)).status).toBe(200);
    expect((await viewer.get(`/api/v1/companies/${s.id}/machine-overview`)).status).toBe(200);
    expect((await viewer.post(`${s.m}/alarms/${alarmId}/acknowledge`)).status).toBe(403);
    expect((await viewer.post(`${s.m}/rules`, { pointId: s.pointId, rule: { kind: 'threshold', direction: 'high', limit: 1 } })).status).toBe(403);
    const floor = await join(s.owner, s.id, 'shopfloor');
    expect((await floor.put(`${s.m}/rules/${rule.body.id}`, { pointId: s.pointId, rule: { kind: 'threshold', direction: 'high', limit: 1 } })).status).toBe(403);
    expect((await floor.delete(`${s.m}/rules/${rule.body.id}`)).status).toBe(403);
    const ack = await floor.post(`${s.m}/alarms/${alarmId}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
  });

  it('shows each machine with the latest value per point and its open alarms', async () => {
    const s = await setup();
    await s.owner.post(`${s.m}/rules`, { pointId: s.pointId, rule: { kind: 'threshold', direction: 'high', limit: 50 } });
    await send(s.token, [[0, 20], [5, 70]]);
    const overview = await s.owner.get(`/api/v1/companies/${s.id}/machine-overview`);
    expect(overview.body).toEqual([
      expect.objectContaining({
        id: s.machineId,
        name: 'Schweißroboter',
        points: [expect.objectContaining({ name: 'temp', unit: '°C', value: 70, ts: new Date(at(5)).toISOString() })],
        alarms: [expect.objectContaining({ status: 'active', raisedValue: 70 })],
      }),
    ]);
  });
});
