import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { modulesWithMachines } from './test-modules.js';

const MIN = 60_000;

describe.each(testDatabaseKinds())('Order context of machine data on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
  });
  afterAll(async () => instance?.close());

  let n = 0;
  /** A company with both modules, a work centre with a machine on it, two orders of one part. */
  async function setup() {
    n++;
    const owner = new TestClient(instance);
    const id = await owner.signup(`Schweißtechnik ${n} GmbH`, `owner${n}@orders.example`);
    for (const m of ['shopfloor', 'machines']) expect((await owner.put(`/api/v1/companies/${id}/modules/${m}`, { enabled: true })).status).toBe(200);
    const sf = `/api/v1/companies/${id}/shopfloor`;
    const centre = await owner.post(`${sf}/work-centres`, { code: 'SZ1', name: 'Schweißzelle 1', calendar: { week: { mon: [{ name: 'early', start: '06:00', end: '14:00' }] } } });
    const part = await owner.post(`${sf}/parts`, { number: 'RAHMEN', name: 'Rahmen', operations: [{ name: 'Schweißen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }] });
    const order1 = await owner.post(`${sf}/orders`, { number: '4711', partId: part.body.id, quantity: 10 });
    const order2 = await owner.post(`${sf}/orders`, { number: '4712', partId: part.body.id, quantity: 5 });
    expect([centre.status, part.status, order1.status, order2.status]).toEqual([201, 201, 201, 201]);
    const api = `/api/v1/companies/${id}/machines`;
    const machine = await owner.post(api, { name: 'Roboter 1', workCentreId: centre.body.id });
    const other = await owner.post(api, { name: 'Presse ohne Arbeitsplatz' });
    const device = await owner.post(`${api}/${machine.body.id}/devices`, { name: 'SPS' });
    await owner.post(`${api}/${machine.body.id}/points`, { name: 'current', label: 'Schweißstrom', unit: 'A' });
    return {
      owner, id, sf, api, machineId: machine.body.id as string, otherMachineId: other.body.id as string, token: device.body.token as string,
      order1: order1.body as { id: string; operations: Array<{ id: string }> }, order2: order2.body as { id: string; operations: Array<{ id: string }> },
    };
  }

  let sequence = 0;
  const book = (s: Awaited<ReturnType<typeof setup>>, operationId: string, kind: string, at: number) =>
    s.owner.post(`${s.sf}/bookings`, { bookings: [{ key: randomUUID(), deviceId: `terminal-${n}`, sequence: ++sequence, operationId, kind, at: new Date(at).toISOString() }] });

  it('attributes samples to the order that ran at their time: setup and production, not pauses; half-open; the later start wins', async () => {
    sequence = 0;
    const s = await setup();
    // order 4711 from 23:30 over midnight; order 4712 starts on the same work centre at 00:20 while 4711 is still open
    const t0 = Date.parse('2026-03-02T23:30:00Z');
    const op1 = s.order1.operations[0].id;
    const op2 = s.order2.operations[0].id;
    for (const [op, kind, at] of [
      [op1, 'start-setup', t0], [op1, 'start-production', t0 + 10 * MIN], [op1, 'pause', t0 + 30 * MIN], [op1, 'resume', t0 + 40 * MIN],
      [op2, 'start-production', t0 + 50 * MIN], [op2, 'finish', t0 + 55 * MIN], [op1, 'finish', t0 + 60 * MIN],
    ] as const) expect((await book(s, op, kind, at)).body.results[0].status).toBe('applied');
    // one sample a minute, value = minutes since t0, from 5 minutes before to 5 after
    const samples = Array.from({ length: 71 }, (_, i) => ({ ts: t0 + (i - 5) * MIN, values: { current: i - 5 } }));
    expect((await instance.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: samples, headers: { authorization: `Bearer ${s.token}` } })).statusCode).toBe(200);

    const context = await s.owner.get(`${s.api}/${s.machineId}/order-context?from=2026-03-02T23:00:00Z&to=2026-03-03T01:00:00Z`);
    expect(context.body.available).toBe(true);
    expect(context.body.segments.map((x: { orderNumber: string; phase: string; start: string; end: string; operationName: string }) =>
      `${x.orderNumber} ${x.operationName} ${x.phase} ${x.start.slice(11, 16)}–${x.end.slice(11, 16)}`)).toEqual([
      '4711 Schweißen setup 23:30–23:40',
      '4711 Schweißen running 23:40–00:00',
      '4711 Schweißen running 00:10–00:20',
      '4712 Schweißen running 00:20–00:25',
      '4711 Schweißen running 00:25–00:30',
    ]);
    // clipped to the range asked for
    const clipped = await s.owner.get(`${s.api}/${s.machineId}/order-context?from=2026-03-02T23:35:00Z&to=2026-03-02T23:45:00Z`);
    expect(clipped.body.segments.map((x: { start: string; end: string }) => [x.start, x.end])).toEqual([
      ['2026-03-02T23:35:00.000Z', '2026-03-02T23:40:00.000Z'], ['2026-03-02T23:40:00.000Z', '2026-03-02T23:45:00.000Z'],
    ]);

    // 4711: minutes 0–29 (setup, production), 40–49 and 55–59 → values 0..29, 40..49, 55..59 (the sample at 30 is the pause's start)
    const values = [...Array.from({ length: 30 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 40 + i), 55, 56, 57, 58, 59];
    const data = await s.owner.get(`/api/v1/companies/${s.id}/machine-orders/${s.order1.id}`);
    expect(data.status).toBe(200);
    expect(data.body.order).toMatchObject({ number: '4711', partNumber: 'RAHMEN' });
    expect(data.body.machines).toHaveLength(1);
    const current = data.body.machines[0].points.find((p: { name: string }) => p.name === 'current');
    expect(current).toMatchObject({ label: 'Schweißstrom', unit: 'A', count: values.length, min: 0, max: 59 });
    expect(current.avg).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    expect(current.series.resolution).toBe('raw');
    expect(data.body.span).toEqual({ from: '2026-03-02T23:30:00.000Z', to: '2026-03-03T00:30:00.000Z' });
    expect(data.body.operations[0].segments).toHaveLength(4);
    const second = await s.owner.get(`/api/v1/companies/${s.id}/machine-orders/${s.order2.id}?operationId=${op2}`);
    expect(second.body.machines[0].points[0]).toMatchObject({ count: 5, min: 50, max: 54, avg: 52 });
    expect((await s.owner.get(`/api/v1/companies/${s.id}/machine-orders/${s.order2.id}?operationId=${op1}`)).status).toBe(400);

    // CSV rows carry the order they belong to
    const csv = await s.owner.get(`${s.api}/${s.machineId}/series.csv?point=current&from=2026-03-02T23:29:00Z&to=2026-03-02T23:32:00Z`);
    expect(csv.body).toBe('\uFEFFtime;value;order;operation;phase\r\n'
      + '2026-03-02T23:29:00.000Z;-1;;;\r\n2026-03-02T23:30:00.000Z;0;4711;Schweißen;setup\r\n2026-03-02T23:31:00.000Z;1;4711;Schweißen;setup\r\n');
  });

  it('follows bookings that arrive late, and offers no context without a work centre or with the shop floor off', async () => {
    sequence = 0;
    const s = await setup();
    const t0 = Date.parse('2026-03-05T08:00:00Z');
    const op1 = s.order1.operations[0].id;
    await instance.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: [{ ts: t0 + MIN, values: { current: 150 } }], headers: { authorization: `Bearer ${s.token}` } });
    const url = `${s.api}/${s.machineId}/order-context?from=2026-03-05T07:00:00Z&to=2026-03-05T09:00:00Z`;
    expect((await s.owner.get(url)).body.segments).toEqual([]);
    // the terminal was offline: its bookings arrive after the samples
    expect((await book(s, op1, 'start-production', t0)).body.results[0].status).toBe('applied');
    expect((await book(s, op1, 'finish', t0 + 10 * MIN)).body.results[0].status).toBe('applied');
    expect((await s.owner.get(url)).body.segments).toHaveLength(1);
    expect((await s.owner.get(`/api/v1/companies/${s.id}/machine-orders/${s.order1.id}`)).body.machines[0].points[0]).toMatchObject({ count: 1, avg: 150 });

    expect((await s.owner.get(`${s.api}/${s.otherMachineId}/order-context`)).body).toMatchObject({ available: false, reason: 'noWorkCentre', segments: [] });
    expect((await s.owner.put(`/api/v1/companies/${s.id}/modules/shopfloor`, { enabled: false })).status).toBe(200);
    expect((await s.owner.get(url)).body).toMatchObject({ available: false, reason: 'shopfloorOff', segments: [] });
    const off = await s.owner.get(`/api/v1/companies/${s.id}/machine-orders/${s.order1.id}`);
    expect(off.status).toBe(404);
    expect(off.body.code).toBe('machines_order_context_unavailable');
    // machine data itself works on without the shop floor
    expect((await s.owner.get(`${s.api}/${s.machineId}/series?point=current&from=2026-03-05T07:00:00Z&to=2026-03-05T09:00:00Z`)).body.samples).toHaveLength(1);
  });

  it('keeps orders of another company out of reach', async () => {
    const a = await setup();
    const b = await setup();
    expect((await a.owner.get(`/api/v1/companies/${a.id}/machine-orders/${b.order1.id}`)).status).toBe(404);
    expect((await a.owner.get(`/api/v1/companies/${b.id}/machine-orders/${b.order1.id}`)).status).toBe(404);
    expect((await a.owner.get(`${a.api}/${b.machineId}/order-context`)).status).toBe(404);
  });
});
