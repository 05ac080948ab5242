import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { shopfloorModule } from './module.js';
import { DEMO_WORKER } from './shopfloor.demo.js';

/** The demo company's shop floor: four weeks of terminal bookings that make sense in controlling. */
describe.each(testDatabaseKinds())('shop-floor demo data on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let companyId: string;
  let api: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Demo Metall GmbH', `o-${kind}@demo-shopfloor.example`);
    await owner.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true });
    const ownerId = (await owner.get('/api/v1/me')).body.user.id;
    await shopfloorModule.demo!({ db: instance.ctx.db, tenantId: companyId, ownerId });
    api = `/api/v1/companies/${companyId}/shopfloor`;
  }, 120_000);
  afterAll(async () => instance?.close());

  it('books finished orders and one running order without conflicts, with pauses, scrap and process values', async () => {
    expect((await owner.get(`${api}/bookings?status=conflict`)).body).toHaveLength(0);
    expect((await owner.get(`${api}/bookings?status=waiting`)).body).toHaveLength(0);
    const bookings = (await owner.get(`${api}/bookings?limit=5000`)).body as Array<{ kind: string; reason: string | null; scrap: number | null; parameters: Array<{ name: string; withinTolerance?: boolean }> }>;
    expect(bookings.length).toBeGreaterThan(100);
    expect(bookings.some((b) => b.kind === 'pause' && b.reason)).toBe(true);
    expect(bookings.some((b) => b.kind === 'quantity' && (b.scrap ?? 0) > 0 && b.reason)).toBe(true);
    expect(bookings.some((b) => b.kind === 'parameters' && b.parameters.some((p) => p.name === 'current'))).toBe(true);

    const orders = (await owner.get(`${api}/orders`)).body as Array<{ number: string; releasedAt: string | null; lotNumber: string | null; operations: Array<{ status: string }> }>;
    const statuses = orders.map((o) => o.operations.map((op) => op.status));
    expect(statuses.filter((s) => s.length > 0 && s.every((x) => x === 'finished')).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s.some((x) => x === 'running' || x === 'paused' || x === 'setup'))).toHaveLength(1);
    // every released order has its own lot; every booking names its order's lot
    const released = orders.filter((o) => o.releasedAt !== null);
    expect(released.length).toBeGreaterThan(5);
    expect(released.every((o) => o.lotNumber !== null && /^L-\d{4}-\d{6}$/.test(o.lotNumber))).toBe(true);
    expect(new Set(released.map((o) => o.lotNumber)).size).toBe(released.length);
    expect((bookings as unknown as Array<{ lotNumber: string | null }>).every((b) => typeof b.lotNumber === 'string')).toBe(true);
  });

  it('starts an operation only after the previous operation of its order has finished', async () => {
    const orders = (await owner.get(`${api}/orders`)).body as Array<{ number: string; operations: Array<{ id: string; status: string }> }>;
    const bookings = (await owner.get(`${api}/bookings?limit=5000`)).body as Array<{ operationId: string; kind: string; at: string }>;
    const first = new Map<string, number>();
    const finish = new Map<string, number>();
    for (const b of bookings) {
      const at = Date.parse(b.at);
      first.set(b.operationId, Math.min(first.get(b.operationId) ?? Infinity, at));
      if (b.kind === 'finish') finish.set(b.operationId, at);
    }
    const multiStep = orders.filter((o) => o.operations.length > 1 && o.operations.some((op) => op.status !== 'planned'));
    expect(multiStep.length).toBeGreaterThan(3);
    for (const order of multiStep) {
      for (const [i, op] of order.operations.entries()) {
        if (i === 0 || op.status === 'planned') continue;
        const previous = order.operations[i - 1]!;
        expect(previous.status, `${order.number} operation ${i + 1} under way before operation ${i} finished`).toBe('finished');
        expect(first.get(op.id)!, order.number).toBeGreaterThanOrEqual(finish.get(previous.id)!);
      }
    }
  });

  it('gives a plausible OEE for the last four weeks and a non-empty current month', async () => {
    const today = DateTime.now().setZone('Europe/Berlin');
    const from = today.minus({ days: 28 }).toISODate();
    const res = await owner.get(`${api}/controlling?from=${from}&to=${today.toISODate()}&groupBy=month`);
    expect(res.status).toBe(200);
    const oee = res.body.total.oee as number;
    if (process.env.DEMO_DEBUG) console.log(JSON.stringify(res.body.total));
    expect(oee).toBeGreaterThan(0.3);
    expect(oee).toBeLessThan(0.95);
    expect(res.body.total.scrap).toBeGreaterThan(0);

    const month = await owner.get(`${api}/controlling?from=${today.startOf('month').toISODate()}&to=${today.toISODate()}&groupBy=month`);
    const csv = await owner.get(`${api}/reports/monthly.csv?month=${today.toFormat('yyyy-MM')}`);
    // On the first weekend of a month nothing may have been produced yet this month.
    if (month.body.total?.runMs > 0) expect(csv.status).toBe(200);
  });

  it('the demo worker signs in with personnel number and PIN on a registered terminal', async () => {
    const terminal = await owner.post(`${api}/terminals`, { name: 'Schweißplatz 1' });
    expect(terminal.status).toBe(201);
    const cookie = `wv_terminal=${terminal.raw.cookies.find((c) => c.name === 'wv_terminal')!.value}`;
    const worker = new TestClient(instance);
    const wrong = await worker.request('POST', '/api/v1/terminal/signin', { personnelNumber: DEMO_WORKER.personnelNumber, pin: '9999' }, { cookie });
    expect(wrong.status).toBe(401);
    const res = await worker.request('POST', '/api/v1/terminal/signin', { personnelNumber: DEMO_WORKER.personnelNumber, pin: DEMO_WORKER.pin }, { cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
