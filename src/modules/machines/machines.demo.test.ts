import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { shopfloorModule } from '../shopfloor/module.js';
import { machinesModule } from './module.js';
import { DateTime } from 'luxon';
import { phasesOnWorkCentres } from '../shopfloor/index.js';
import { BACKFILL_LIMIT_MS, createDemoSimulator } from './demo-simulator.js';
import { readSeries } from './sample-series.store.js';

/** The demo machines: minute values that follow the demo bookings, a temperature rule and one past alarm. */
describe.each(testDatabaseKinds())('machine demo data on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let companyId: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Demo Maschinen GmbH', `o-${kind}@demo-machines.example`);
    for (const module of ['shopfloor', 'machines']) await owner.put(`/api/v1/companies/${companyId}/modules/${module}`, { enabled: true });
    const ownerId = (await owner.get('/api/v1/me')).body.user.id;
    const ctx = { db: instance.ctx.db, tenantId: companyId, ownerId };
    await shopfloorModule.demo!(ctx);
    await machinesModule.demo!(ctx);
  }, 180_000);
  afterAll(async () => instance?.close());

  it('links the welding robot and the laser to their work centres and keeps the device token secret', async () => {
    const machines = (await owner.get(`/api/v1/companies/${companyId}/machines`)).body as Array<{ id: string; name: string; workCentreId: string | null }>;
    const centres = (await owner.get(`/api/v1/companies/${companyId}/shopfloor/work-centres`)).body as Array<{ id: string; code: string }>;
    const code = (id: string | null) => centres.find((c) => c.id === id)?.code;
    expect(machines.map((m) => [m.name, code(m.workCentreId)]).sort()).toEqual([['Laser', 'LAS-1'], ['Schweißroboter 1', 'SCHW-1']]);
    const devices = (await owner.get(`/api/v1/companies/${companyId}/machines/${machines[0].id}/devices`)).body;
    expect(devices).toHaveLength(1);
    expect(JSON.stringify(devices)).not.toMatch(/token/i);
  });

  it('shows the welding current of a finished order in its order context', async () => {
    const orders = (await owner.get(`/api/v1/companies/${companyId}/shopfloor/orders`)).body as Array<{ id: string; number: string; operations: Array<{ status: string; name: string }> }>;
    // Order numbers follow the order of production: the newest finished orders ran within the last three days.
    const finished = orders.filter((o) => o.operations.length === 2 && o.operations[1].status === 'finished')
      .sort((a, b) => b.number.localeCompare(a.number));
    expect(finished.length).toBeGreaterThan(3);
    let shown = false;
    for (const order of finished.slice(0, 5)) {
      const res = await owner.get(`/api/v1/companies/${companyId}/machine-orders/${order.id}`);
      expect(res.status).toBe(200);
      const current = res.body.machines.flatMap((m: { points: Array<{ name: string; count: number; avg: number | null; max: number | null }> }) => m.points).find((p: { name: string }) => p.name === 'current');
      if (current && current.count > 0) {
        // Welding (around 180 A) belongs to the order, and so do its setup and any run time outside
        // the shift (no current); how much of each depends on the time of day the demo was made.
        expect(current.max).toBeGreaterThan(170);
        expect(current.max).toBeLessThan(200);
        expect(current.avg).toBeGreaterThan(0);
        expect(current.avg).toBeLessThan(current.max);
        shown = true;
        break;
      }
    }
    expect(shown).toBe(true);
  });

  it('has a temperature rule with hysteresis and one acknowledged past alarm', async () => {
    const machines = (await owner.get(`/api/v1/companies/${companyId}/machines`)).body as Array<{ id: string; name: string }>;
    const laser = machines.find((m) => m.name === 'Laser')!;
    const rules = (await owner.get(`/api/v1/companies/${companyId}/machines/${laser.id}/rules`)).body;
    expect(rules).toEqual([expect.objectContaining({ point: 'temperature', rule: expect.objectContaining({ kind: 'threshold', hysteresis: 3 }) })]);
    const alarms = (await owner.get(`/api/v1/companies/${companyId}/machines/${laser.id}/alarms`)).body as Array<{ status: string; raisedValue: number; clearedAt: string | null }>;
    expect(alarms).toHaveLength(1);
    expect(alarms[0].status).toBe('closed');
    expect(alarms[0].raisedValue).toBeGreaterThan(45);
  });

  it('keeps sending live values after the demo was made: current flows only while the running order is within a shift, gaps are filled', async () => {
    const machines = (await owner.get(`/api/v1/companies/${companyId}/machines`)).body as Array<{ id: string; name: string; workCentreId: string }>;
    const welder = machines.find((m) => m.name === 'Schweißroboter 1')!;
    const running = (await phasesOnWorkCentres(instance.ctx.db, companyId, [welder.workCentreId])).filter((p) => p.phase === 'running' && p.end === null);
    expect(running).toHaveLength(1);
    // the next working day at 10:00 and the Sunday after it, in the demo's time zone
    let day = DateTime.now().setZone('Europe/Berlin').plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    let sunday = day.plus({ days: 1 });
    while (sunday.weekday !== 7) sunday = sunday.plus({ days: 1 });
    let clock = day.toMillis();
    const simulator = createDemoSimulator(instance.ctx, companyId, () => clock);
    const series = (from: number, to: number) => readSeries(instance.ctx.db, companyId, welder.id, 'current', new Date(from), new Date(to + 1), 100_000);

    const before = (await series(clock - BACKFILL_LIMIT_MS - 3 * 60_000, clock)).length;
    expect(await simulator.tick()).toBeGreaterThan(0);
    const filled = await series(clock - BACKFILL_LIMIT_MS, clock);
    expect(filled.at(-1)).toEqual({ ts: new Date(clock).toISOString(), value: expect.any(Number) });
    expect(filled.at(-1)!.value).toBeGreaterThan(170);
    // the gap is filled minute by minute (no hole longer than a minute)
    const times = filled.map((s) => Date.parse(s.ts));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(60_000);
    expect(filled.length).toBeGreaterThan(before);

    clock += 10_000;
    await simulator.tick();
    expect((await series(clock, clock))[0]!.value).toBeGreaterThan(170);
    // a tick at the same instant adds nothing
    expect(await simulator.tick()).toBe(0);

    clock = sunday.toMillis();
    await simulator.tick();
    expect((await series(clock, clock))[0]!.value).toBe(0);

    // switched off, the machines send nothing
    await owner.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: false });
    clock += 60_000;
    expect(await simulator.tick()).toBe(0);
    expect(await series(clock, clock)).toEqual([]);
    await owner.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true });
  }, 120_000);
});
