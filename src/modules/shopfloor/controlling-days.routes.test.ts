import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import * as days from './controlling-days.store.js';
import { controlling } from './controlling.service.js';
import { controllingQuery } from './schemas.js';
import type { ShopfloorContext } from './shopfloor.service.js';

const early = { name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] };
const night = { name: 'Nacht', start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] };
const weekdays = (shifts: unknown[]) => ({ mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts });
const DAY_CALENDAR = { timeZone: 'Europe/Berlin', week: weekdays([early]), holidays: [] };
const NIGHT_CALENDAR = { timeZone: 'Europe/Berlin', week: { ...weekdays([night]), sat: [early] }, holidays: ['2026-03-04'] };

/** Equal objects, numbers equal up to rounding (sums of the same parts in another order). */
function expectSameFigures(actual: unknown, expected: unknown, path = '') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-6 * Math.max(1, Math.abs(expected))) throw new Error(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    if (actual !== expected) throw new Error(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    return;
  }
  if (typeof actual !== 'object' || actual === null) throw new Error(`${path}: ${JSON.stringify(actual)} is not an object`);
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const k of keys) expectSameFigures((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
}

describe.each(testDatabaseKinds())('Kept controlling days on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let tenantId: string;
  let ctx: ShopfloorContext;
  let ids: { day: string; night: string; part: string; planned: string; unplanned: string; custom: string };
  let device = 0;

  const figures = (query: Record<string, string>, now: number, keep: boolean) => controlling(ctx, controllingQuery.parse(query), now, { keep });
  const keptDays = async () => (await sql<{ work_centre_id: string; day: string }>`
    select work_centre_id, to_char(day, 'YYYY-MM-DD') as day from shopfloor_controlling_days where tenant_id = ${tenantId} order by 1, 2`.execute(instance.ctx.db)).rows;
  const send = async (bookings: Array<{ op: string; kind: string; at: string; good?: number; scrap?: number; reason?: string }>) => {
    const deviceId = `tablet-${++device}`;
    const res = await client.post(`${api}/bookings`, {
      // quantities here may exceed the order quantity: they are booked as confirmed (reversal.routes.test.ts tests the rule)
      bookings: bookings.map((b, i) => ({ key: randomUUID(), deviceId, sequence: i + 1, operationId: b.op, kind: b.kind, at: b.at, good: b.good, scrap: b.scrap, reason: b.reason, confirmed: b.kind === 'quantity' ? true : undefined })),
    });
    expect(res.status).toBe(200);
  };
  const newOrder = async () => (await client.post(`${api}/orders`, { number: `FA-${randomUUID().slice(0, 8)}`, partId: ids.part, quantity: 50 })).body.operations.map((o: { id: string }) => o.id) as string[];

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    tenantId = await client.signup('Kessler Blechtechnik GmbH', 'leitung@kessler.example', 'Eva Kessler');
    expect((await client.put(`/api/v1/companies/${tenantId}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    api = `/api/v1/companies/${tenantId}/shopfloor`;
    ctx = { db: instance.ctx.db, tenant: { tenantId, userId: randomUUID(), role: 'owner' } } as unknown as ShopfloorContext;
    const centre = async (code: string, calendar: unknown) => (await client.post(`${api}/work-centres`, { code, name: code, calendar })).body.id as string;
    const dayCentre = await centre('LAS-1', DAY_CALENDAR);
    const nightCentre = await centre('SW-2', NIGHT_CALENDAR);
    const part = (await client.post(`${api}/parts`, {
      number: 'WIN-7', name: 'Winkel',
      operations: [
        { name: 'Lasern', workCentreId: dayCentre, setupMinutes: 10, idealCycleSeconds: 45 },
        { name: 'Schweißen', workCentreId: nightCentre, setupMinutes: 10, idealCycleSeconds: 90 },
      ],
    })).body.id as string;
    const reasons = (await client.get(`${api}/reasons`)).body.reasons as Array<{ id: string; label: { de: string }; parentId: string | null }>;
    const group = reasons.find((r) => r.label.de === 'Störung')!;
    const custom = (await client.post(`${api}/reasons`, { kind: 'downtime', parentId: group.id, label: { de: 'Rüstwagen fehlt', en: 'Set-up cart missing' }, loss: 'availability', planned: false })).body.id as string;
    ids = {
      day: dayCentre, night: nightCentre, part,
      planned: reasons.find((r) => r.label.de === 'Geplante Wartung')!.id,
      unplanned: reasons.find((r) => r.label.de === 'Elektrik')!.id,
      custom,
    };
  });
  afterAll(async () => {
    await instance?.close();
  });

  it('keeps finished days, and forgets them when a late booking, a calendar or a reason changes them', async () => {
    const [laser, welding] = await newOrder();
    const at = (d: string, t: string) => `2026-02-${d}T${t}:00+01:00`;
    await send([
      { op: laser!, kind: 'start-production', at: at('02', '06:30') },
      { op: laser!, kind: 'quantity', at: at('02', '08:00'), good: 100, scrap: 2 },
      { op: laser!, kind: 'finish', at: at('02', '13:00') },
      { op: welding!, kind: 'start-production', at: at('03', '23:00') },
    ]);
    const query = { from: '2026-02-02', to: '2026-02-06', groupBy: 'day' };
    const now = Date.parse('2026-02-10T12:00:00Z');
    const first = await figures(query, now, true);
    // The welding run is still open: its work centre keeps only the day before it started.
    expect(await keptDays()).toEqual([
      ...['02', '03', '04', '05', '06'].map((d) => ({ work_centre_id: ids.day, day: `2026-02-${d}` })),
      { work_centre_id: ids.night, day: '2026-02-02' },
    ].sort((a, b) => a.work_centre_id.localeCompare(b.work_centre_id) || a.day.localeCompare(b.day)));
    expectSameFigures(first, await figures(query, now, false));

    // A tablet that was offline on Monday delivers another order's run on the laser: Monday is computed again.
    const [offline] = await newOrder();
    await send([
      { op: offline!, kind: 'start-production', at: at('02', '13:00') },
      { op: offline!, kind: 'quantity', at: at('02', '13:45'), good: 50, scrap: 0 },
      { op: offline!, kind: 'finish', at: at('02', '14:00') },
    ]);
    expect((await keptDays()).filter((r) => r.work_centre_id === ids.day).map((r) => r.day)).toEqual(['2026-02-04', '2026-02-05', '2026-02-06']);
    const later = await figures(query, now, true);
    expect(later.workCentres.find((r) => r.workCentreId === ids.day)!.good).toBe(150);
    expectSameFigures(later, await figures(query, now, false));

    // The welding run ends: from now on its days are final, and read back the same.
    await send([{ op: welding!, kind: 'pause', at: at('04', '01:00'), reason: ids.planned }, { op: welding!, kind: 'resume', at: at('04', '02:00') }, { op: welding!, kind: 'finish', at: at('04', '05:00') }]);
    const closed = await figures(query, now, true);
    expect((await keptDays()).filter((r) => r.work_centre_id === ids.night)).toHaveLength(5);
    expectSameFigures(await figures(query, now, true), closed);
    expectSameFigures(closed, await figures(query, now, false));

    // A new shift calendar for one work centre forgets only its days …
    const laserCentre = (await client.get(`${api}/work-centres/${ids.day}`)).body;
    expect((await client.put(`${api}/work-centres/${ids.day}`, { code: laserCentre.code, name: laserCentre.name, calendar: { ...DAY_CALENDAR, holidays: ['2026-02-03'] } })).status).toBe(200);
    expect((await keptDays()).every((r) => r.work_centre_id === ids.night)).toBe(true);
    const holiday = await figures(query, now, true);
    expectSameFigures(holiday, await figures(query, now, false));
    expect(holiday.total!.plannedProductionMs).toBe(closed.total!.plannedProductionMs - 7.5 * 3_600_000);
    // … a reason classed planned instead of unplanned forgets every day of the company.
    const maintenance = (await client.get(`${api}/reasons`)).body.reasons.find((r: { id: string }) => r.id === ids.planned);
    expect((await client.put(`${api}/reasons/${ids.planned}`, { kind: 'downtime', parentId: maintenance.parentId, label: maintenance.label, loss: maintenance.loss, planned: false })).status).toBe(200);
    expect(await keptDays()).toEqual([]);
    const unplanned = await figures(query, now, true);
    expectSameFigures(unplanned, await figures(query, now, false));
    // the hour of maintenance in the night shift is now a loss inside the planned production time
    expect(unplanned.total!.plannedProductionMs).toBe(holiday.total!.plannedProductionMs + 3_600_000);
    expect((await client.put(`${api}/reasons/${ids.planned}`, { kind: 'downtime', parentId: maintenance.parentId, label: maintenance.label, loss: maintenance.loss, planned: true })).status).toBe(200);
  });

  it('measures a running month up to now, says so, and keeps only the days that are over', async () => {
    const query = { from: '2026-03-01', to: '2026-03-31', groupBy: 'day', workCentreId: ids.day };
    // Wednesday 4 March 10:00: Monday and Tuesday 7.5 h each, Wednesday 06:00–10:00 less the break 09:00–09:30.
    const now = Date.parse('2026-03-04T10:00:00+01:00');
    const running = await figures(query, now, true);
    expect(running.period.running).toBe(true);
    expect(running.period.measuredUntil).toBe(new Date(now).toISOString());
    expect(running.total!.plannedProductionMs).toBe(18.5 * 3_600_000);
    expect(running.total!.calendarMs).toBe((3 * 24 + 10) * 3_600_000);
    expect(running.total!.availability).toBe(0);
    expectSameFigures(running, await figures(query, now, false));
    const kept = (await keptDays()).filter((d) => d.work_centre_id === ids.day && d.day.startsWith('2026-03')).map((d) => d.day);
    expect(kept).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    // Once the month is over, every shift of it counts: 22 working days × 7.5 h.
    const over = await figures(query, Date.parse('2026-04-02T00:00:00+02:00'), true);
    expect(over.period.running).toBe(false);
    expect(over.total!.plannedProductionMs).toBe(22 * 7.5 * 3_600_000);
  });

  it('forgets the local day of a booking in any time zone, also where its UTC date is another', async () => {
    const query = { from: '2026-02-16', to: '2026-02-16', groupBy: 'day', timeZone: 'America/New_York', workCentreId: ids.day };
    const now = Date.parse('2026-02-20T00:00:00Z');
    await figures(query, now, true);
    expect((await keptDays()).some((r) => r.work_centre_id === ids.day && r.day === '2026-02-16')).toBe(true);
    // 22:00–22:30 on 16 February in New York is already 17 February in UTC
    const [laser] = await newOrder();
    await send([
      { op: laser!, kind: 'start-production', at: '2026-02-17T03:00:00Z' },
      { op: laser!, kind: 'quantity', at: '2026-02-17T03:20:00Z', good: 7, scrap: 1 },
      { op: laser!, kind: 'finish', at: '2026-02-17T03:30:00Z' },
    ]);
    const kept = await figures(query, now, true);
    expect(kept.total).toMatchObject({ good: 7, scrap: 1, totalRunMs: 30 * 60_000 });
    expectSameFigures(kept, await figures(query, now, false));
  });

  it('does not keep figures computed from data that changed meanwhile', async () => {
    const epoch = await days.readEpoch(instance.ctx.db, tenantId);
    const cells = [{ shift: null, calendarMs: 86_400_000, plannedProductionMs: 0, runMs: 0, totalRunMs: 0, idealOutputMs: 0, good: 0, scrap: 0 }];
    const [laser] = await newOrder();
    await send([{ op: laser!, kind: 'quantity', at: '2026-01-12T10:00:00+01:00', good: 1, scrap: 0 }]);
    expect(await days.storeDays(instance.ctx.db, tenantId, 'Europe/Berlin', epoch, [{ workCentreId: ids.day, day: '2026-01-11', cells }])).toBe(false);
    expect((await keptDays()).some((r) => r.day === '2026-01-11')).toBe(false);
    const current = await days.readEpoch(instance.ctx.db, tenantId);
    expect(current).toBeGreaterThan(epoch);
    const named = [{ ...cells[0]!, shift: 'Früh "A"; \\ B' }];
    expect(await days.storeDays(instance.ctx.db, tenantId, 'Europe/Berlin', current, [{ workCentreId: ids.day, day: '2026-01-11', cells: named }])).toBe(true);
    const read = await days.readDays(instance.ctx.db, tenantId, { timeZone: 'Europe/Berlin', from: '2026-01-11', to: '2026-01-11' });
    expect(read.get(ids.day)?.get('2026-01-11')).toEqual(named);
    expect((await days.readDays(instance.ctx.db, tenantId, { timeZone: 'America/New_York', from: '2026-01-11', to: '2026-01-11' })).size).toBe(0);
  });

  it('asked for an earlier moment, computes a day kept later up to that moment instead of reading it', async () => {
    const query = { from: '2026-03-12', to: '2026-03-12', groupBy: 'day', timeZone: 'Europe/Berlin', workCentreId: ids.day };
    const later = Date.parse('2026-03-20T00:00:00Z');
    await figures(query, later, true);
    expect((await keptDays()).some((r) => r.work_centre_id === ids.day && r.day === '2026-03-12')).toBe(true);
    const midday = Date.parse('2026-03-12T11:00:00Z');
    const asOfMidday = await figures(query, midday, true);
    expect(asOfMidday.period.running).toBe(true);
    expect(asOfMidday.total!.calendarMs).toBe(12 * 3_600_000);
    expectSameFigures(asOfMidday, await figures(query, midday, false));
  });

  it('kept and recomputed figures agree after any bookings, late ones included (property)', async () => {
    const booking = fc.record({
      op: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom('start-setup', 'start-production', 'pause', 'resume', 'finish', 'quantity', 'quantity'),
      day: fc.integer({ min: 9, max: 15 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      good: fc.integer({ min: 0, max: 40 }),
      scrap: fc.integer({ min: 0, max: 3 }),
      reason: fc.constantFrom('planned', 'unplanned', 'custom'),
    });
    const step = fc.record({
      batch: fc.array(booking, { minLength: 1, maxLength: 8 }),
      change: fc.constantFrom('none', 'none', 'calendar', 'reason'),
      groupBy: fc.constantFrom('day', 'month', 'shift'),
      workCentre: fc.constantFrom('all', 'day', 'night'),
      timeZone: fc.constantFrom('Europe/Berlin', 'Europe/Berlin', 'America/New_York'),
      now: fc.constantFrom('2026-03-20T00:00:00Z', '2026-03-12T11:00:00Z'),
    });
    let toggled = false;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const ops = await newOrder();
        for (const s of steps) {
          const pad = (n: number) => String(n).padStart(2, '0');
          await send(s.batch.map((b) => ({
            op: ops[b.op]!, kind: b.kind, at: `2026-03-${pad(b.day)}T${pad(Math.floor(b.minute / 60))}:${pad(b.minute % 60)}:00+01:00`,
            ...(b.kind === 'quantity' ? { good: b.good, scrap: b.scrap } : {}),
            ...(b.kind === 'pause' ? { reason: ids[b.reason as 'planned' | 'unplanned' | 'custom'] } : {}),
          })));
          if (s.change === 'calendar') {
            toggled = !toggled;
            const c = (await client.get(`${api}/work-centres/${ids.night}`)).body;
            expect((await client.put(`${api}/work-centres/${ids.night}`, { code: c.code, name: c.name, calendar: { ...NIGHT_CALENDAR, holidays: toggled ? ['2026-03-11'] : [] } })).status).toBe(200);
          } else if (s.change === 'reason') {
            const r = (await client.get(`${api}/reasons`)).body.reasons.find((x: { id: string }) => x.id === ids.custom);
            expect((await client.put(`${api}/reasons/${ids.custom}`, { kind: 'downtime', parentId: r.parentId, label: r.label, loss: r.loss, planned: !r.planned })).status).toBe(200);
          }
          const query = { from: '2026-03-08', to: '2026-03-16', groupBy: s.groupBy, timeZone: s.timeZone, ...(s.workCentre === 'all' ? {} : { workCentreId: ids[s.workCentre as 'day' | 'night'] }) };
          const now = Date.parse(s.now);
          const kept = await figures(query, now, true);
          expectSameFigures(kept, await figures(query, now, false));
          // read back from the kept days
          expectSameFigures(await figures(query, now, true), kept);
        }
      }),
      { numRuns: kind === 'embedded' ? 12 : 8 },
    );
    expect((await keptDays()).length).toBeGreaterThan(0);
  });
});
