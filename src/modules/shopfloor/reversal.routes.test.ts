import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { controlling } from './controlling.service.js';
import { controllingQuery } from './schemas.js';
import type { ShopfloorContext } from './shopfloor.service.js';

const early = { name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] };
const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: [early], tue: [early], wed: [early], thu: [early], fri: [early] }, holidays: [] };

describe.each(testDatabaseKinds())('Quantity plausibility and correction bookings on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let tenantId: string;
  let ctx: ShopfloorContext;
  let part: string;
  let device = 0;

  const newOrder = async (quantity: number) => {
    const order = (await client.post(`${api}/orders`, { number: `FA-${randomUUID().slice(0, 8)}`, partId: part, quantity })).body;
    return { id: order.id as string, op: order.operations[0].id as string };
  };
  const deliver = async (bookings: Array<Record<string, unknown>>) => {
    const deviceId = `tablet-${++device}`;
    const payload = bookings.map((b, i) => ({ key: randomUUID(), deviceId, sequence: i + 1, ...b }));
    const res = await client.post(`${api}/bookings`, { bookings: payload });
    return { res, payload };
  };
  const outcome = (r: { status: string; reason?: string }) => (r.status === 'conflict' ? r.reason : r.status);

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    tenantId = await client.signup('Kessler Blechtechnik GmbH', 'leitung@kessler.example', 'Eva Kessler');
    expect((await client.put(`/api/v1/companies/${tenantId}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    api = `/api/v1/companies/${tenantId}/shopfloor`;
    ctx = { db: instance.ctx.db, tenant: { tenantId, userId: randomUUID(), role: 'owner' } } as unknown as ShopfloorContext;
    const centre = (await client.post(`${api}/work-centres`, { code: 'LAS-1', name: 'Laser', calendar: CALENDAR })).body.id as string;
    part = (await client.post(`${api}/parts`, { number: 'WIN-7', name: 'Winkel', operations: [{ name: 'Lasern', workCentreId: centre, setupMinutes: 10, idealCycleSeconds: 45 }] })).body.id as string;
  });
  afterAll(async () => {
    await instance?.close();
  });

  it('asks for confirmation above the remaining quantity by the company\'s margin, and refuses negatives and non-numbers', async () => {
    expect((await client.get(`${api}/settings`)).body).toMatchObject({ overQuantityMarginPercent: 10 });
    const { op } = await newOrder(40);
    const at = (m: number) => `2026-03-02T${String(6 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+01:00`;
    const { res } = await deliver([
      { operationId: op, kind: 'start-production', at: at(0) },
      { operationId: op, kind: 'quantity', at: at(10), good: 9999 },
      { operationId: op, kind: 'quantity', at: at(20), good: -5 },
      { operationId: op, kind: 'quantity', at: at(30), good: 44 },
      { operationId: op, kind: 'quantity', at: at(40), good: 1 },
      { operationId: op, kind: 'quantity', at: at(50), good: 1, confirmed: true },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map(outcome)).toEqual(['applied', 'confirmation-required', 'invalid-quantity', 'applied', 'confirmation-required', 'applied']);
    const order = (await client.get(`${api}/orders`)).body.find((o: { operations: Array<{ id: string }> }) => o.operations[0].id === op);
    expect(order.operations[0].good).toBe(45);
    // not a number: the whole delivery is refused with the field named, nothing is stored
    const text = await deliver([{ operationId: op, kind: 'quantity', at: at(60), good: '-5abc' }]);
    expect(text.res.status).toBe(400);
    expect(JSON.stringify(text.res.body.errors)).toContain('body.bookings.0.good');

    // the margin is a setting of the company
    expect((await client.put(`${api}/settings`, { overQuantityMarginPercent: -1 })).status).toBe(400);
    expect((await client.put(`${api}/settings`, { overQuantityMarginPercent: 'viel' })).status).toBe(400);
    expect((await client.put(`${api}/settings`, { overQuantityMarginPercent: 100 })).body).toMatchObject({ overQuantityMarginPercent: 100 });
    const other = await newOrder(10);
    const wide = await deliver([{ operationId: other.op, kind: 'start-production', at: at(0) }, { operationId: other.op, kind: 'quantity', at: at(5), good: 20 }, { operationId: other.op, kind: 'quantity', at: at(6), good: 1 }]);
    expect(wide.res.body.results.map(outcome)).toEqual(['applied', 'applied', 'confirmation-required']);
    expect((await client.put(`${api}/settings`, { overQuantityMarginPercent: 10 })).status).toBe(200);
  });

  it('a reversal restores every controlling figure exactly, kept days included, and is audited and listed', async () => {
    const { id: orderId, op } = await newOrder(100);
    const at = (day: string, time: string) => `2026-02-${day}T${time}:00+01:00`;
    await deliver([
      { operationId: op, kind: 'start-production', at: at('03', '06:30') },
      { operationId: op, kind: 'quantity', at: at('03', '08:00'), good: 30, scrap: 2, reason: undefined },
      { operationId: op, kind: 'quantity', at: at('04', '07:00'), good: 20 },
      { operationId: op, kind: 'pause', at: at('04', '12:00') },
    ]);
    const now = Date.parse('2026-03-10T12:00:00Z');
    const queries = (['day', 'shift', 'month'] as const).map((groupBy) => controllingQuery.parse({ from: '2026-02-01', to: '2026-02-28', groupBy }));
    const figures = () => Promise.all(queries.map((q) => controlling(ctx, q, now, { keep: true })));
    const before = await figures();
    const kept = async () => Number((await sql<{ n: number }>`select count(*)::int as n from shopfloor_controlling_days where tenant_id = ${tenantId}`.execute(instance.ctx.db)).rows[0]!.n);
    expect(await kept()).toBeGreaterThan(0);

    // a typo: 9,999 good parts, confirmed by mistake; the figures go wild and the days are computed again
    const typo = await deliver([{ operationId: op, kind: 'quantity', at: at('03', '10:00'), good: 9999, confirmed: true }]);
    expect(typo.res.body.results.map(outcome)).toEqual(['applied']);
    const wrong = await figures();
    expect(wrong[0].total!.good).toBe(50 + 9999);
    expect(wrong[0].total!.performance).toBeGreaterThan(1);

    // the correction: a reversal with reason, from another device (the office), any time later
    const reversal = await deliver([{ operationId: op, kind: 'reversal', at: '2026-03-09T15:00:00+01:00', reverses: typo.payload[0]!.key, reason: 'Tippfehler: 9999 statt 9' }]);
    expect(reversal.res.body.results.map(outcome)).toEqual(['applied']);
    const after = await figures();
    expect(after).toEqual(before);
    // … also when read back from the kept days, and when computed without them
    expect(await figures()).toEqual(before);
    expect(await Promise.all(queries.map((q) => controlling(ctx, q, now, { keep: false })))).toEqual(before);

    // exactly once: the same reversal again is a duplicate; another one for the same booking is refused
    const resend = await client.post(`${api}/bookings`, { bookings: reversal.payload });
    expect(resend.body.results.map(outcome)).toEqual(['duplicate']);
    const again = await deliver([{ operationId: op, kind: 'reversal', at: '2026-03-09T15:05:00+01:00', reverses: typo.payload[0]!.key, reason: 'nochmal' }]);
    expect(again.res.body.results.map(outcome)).toEqual(['already-reversed']);
    expect(await figures()).toEqual(before);
    // a reversal needs a reason and names a booking
    const bare = await deliver([{ operationId: op, kind: 'reversal', at: '2026-03-09T15:06:00+01:00', reverses: typo.payload[0]!.key }]);
    expect(bare.res.status).toBe(400);
    expect(JSON.stringify(bare.res.body.errors)).toContain('body.bookings.0.reason');

    // the order's booking log keeps the original and shows the reversal
    const log = (await client.get(`${api}/bookings?orderId=${orderId}`)).body as Array<{ key: string; kind: string; good: number | null; reversedBy: string | null; reverses: string | null; reason: string | null }>;
    const original = log.find((b) => b.key === typo.payload[0]!.key)!;
    expect(original).toMatchObject({ kind: 'quantity', good: 9999, reversedBy: reversal.payload[0]!.key });
    expect(log.find((b) => b.key === reversal.payload[0]!.key)).toMatchObject({ kind: 'reversal', reverses: original.key, reason: 'Tippfehler: 9999 statt 9' });
    const order = (await client.get(`${api}/orders/${orderId}`)).body;
    expect(order.operations[0].good).toBe(50);

    // the controlling's drill-down shows both
    const drill = (await client.get(`${api}/controlling/bookings?from=2026-02-03&to=2026-03-09`)).body.bookings as Array<{ key: string; reversedBy: unknown; reverses: unknown }>;
    expect(drill.find((b) => b.key === original.key)!.reversedBy).toMatchObject({ reason: 'Tippfehler: 9999 statt 9' });
    expect(drill.find((b) => b.key === reversal.payload[0]!.key)!.reverses).toMatchObject({ good: 9999, scrap: null });

    // audited with what was taken back and why
    const audit = (await client.get(`/api/v1/companies/${tenantId}/audit`)).body as Array<{ action: string; details: Record<string, unknown> }>;
    expect(audit.find((a) => a.action === 'shopfloor.booking_reversed')?.details).toMatchObject({ reverses: original.key, reason: 'Tippfehler: 9999 statt 9', good: 9999 });
  });
});
