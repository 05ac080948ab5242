import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { orderStateOf } from './domain/order-state.js';

const early = { name: 'Früh', start: '06:00', end: '14:00', breaks: [] };
const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: [early], tue: [early], wed: [early], thu: [early], fri: [early] }, holidays: [] };

interface Listed { number: string; state: string; priority: number; dueDate: string | null; finishedAt: string | null; operations: Array<{ id: string; status: 'planned' | 'setup' | 'running' | 'paused' | 'finished' }> }

describe.each(testDatabaseKinds())('the order list on the server, %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let device = 0;
  const ops = new Map<string, string[]>();

  const search = async (params: Record<string, string | number> = {}) => {
    const res = await client.get(`${api}/orders/search?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`);
    expect(res.status).toBe(200);
    return res.body as { items: Listed[]; total: number; counts: { planned: number; active: number; finished: number } };
  };
  const book = async (number: string, kinds: string[], position = 0) => {
    const deviceId = `tablet-${++device}`;
    const operationId = ops.get(number)![position];
    const bookings = kinds.map((k, i) => ({ key: randomUUID(), deviceId, sequence: i + 1, operationId, kind: k, at: new Date(Date.UTC(2026, 2, 2, 7, 10 * device + i)).toISOString() }));
    const res = await client.post(`${api}/bookings`, { bookings });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(kinds.map(() => 'applied'));
  };
  const numbers = (items: Listed[]) => items.map((o) => o.number);

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const tenantId = await client.signup('Kessler Blechtechnik GmbH', 'leitung@kessler.example', 'Eva Kessler');
    expect((await client.put(`/api/v1/companies/${tenantId}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    api = `/api/v1/companies/${tenantId}/shopfloor`;
    const centre = (await client.post(`${api}/work-centres`, { code: 'LAS-1', name: 'Laser', calendar: CALENDAR })).body.id as string;
    const one = (await client.post(`${api}/parts`, { number: 'WIN-7', name: 'Winkel', operations: [{ name: 'Lasern', workCentreId: centre, setupMinutes: 10, idealCycleSeconds: 45 }] })).body.id as string;
    const two = (await client.post(`${api}/parts`, { number: 'GEH_100%', name: 'Gehäuse', operations: [
      { name: 'Lasern', workCentreId: centre, setupMinutes: 10, idealCycleSeconds: 45 },
      { name: 'Kanten', workCentreId: centre, setupMinutes: 5, idealCycleSeconds: 30 },
    ] })).body.id as string;
    const orders = [
      { number: 'FA-1001', partId: one, quantity: 10, priority: 5, dueDate: '2026-03-10', customerReference: 'Müller AG' },
      { number: 'FA-1002', partId: one, quantity: 10, priority: 1, dueDate: '2026-03-20' },
      { number: 'FA-1003', partId: two, quantity: 10, priority: 1, dueDate: '2026-03-05', customerReference: 'Bauer_Söhne' },
      { number: 'FA-1004', partId: two, quantity: 10, priority: 9 },
      { number: 'FA-1005', partId: one, quantity: 10, priority: 5, dueDate: '2026-03-01' },
      { number: 'FA-1006', partId: one, quantity: 10, priority: 3, dueDate: '2026-03-15' },
      { number: 'FA-1007', partId: two, quantity: 10, priority: 3, dueDate: '2026-03-15', customerReference: 'Müller AG' },
    ];
    for (const o of orders) {
      const created = (await client.post(`${api}/orders`, o)).body;
      ops.set(o.number, created.operations.map((op: { id: string }) => op.id));
    }
    await book('FA-1002', ['start-production', 'finish']);
    await book('FA-1005', ['start-setup']);
    await book('FA-1003', ['start-production', 'finish'], 0);
  });
  afterAll(async () => instance?.close());

  it('lists open orders most urgent first by default, counts every state, and keeps finished ones apart', async () => {
    const open = await search();
    expect(numbers(open.items)).toEqual(['FA-1003', 'FA-1006', 'FA-1007', 'FA-1005', 'FA-1001', 'FA-1004']);
    expect(open.counts).toEqual({ planned: 4, active: 2, finished: 1 });
    expect(open.total).toBe(6);
    expect(open.items.find((o) => o.number === 'FA-1003')!.state).toBe('active');
    expect(numbers((await search({ state: 'finished' })).items)).toEqual(['FA-1002']);
    expect(numbers((await search({ state: 'active' })).items)).toEqual(['FA-1003', 'FA-1005']);
    // all: finished orders after the open ones, each part in the order asked for
    expect(numbers((await search({ state: 'all', sort: 'due' })).items)).toEqual(['FA-1005', 'FA-1003', 'FA-1001', 'FA-1006', 'FA-1007', 'FA-1004', 'FA-1002']);
    expect(numbers((await search({ state: 'all', sort: 'number' })).items)).toEqual(['FA-1001', 'FA-1003', 'FA-1004', 'FA-1005', 'FA-1006', 'FA-1007', 'FA-1002']);
  });

  it('finds orders by part of the order number, the part or the customer, taking % and _ literally', async () => {
    expect(numbers((await search({ q: '100', state: 'all', sort: 'number' })).items)).toHaveLength(7);
    expect(numbers((await search({ q: 'müller', sort: 'number' })).items)).toEqual(['FA-1001', 'FA-1007']);
    expect(numbers((await search({ q: 'gehäuse', state: 'all', sort: 'number' })).items)).toEqual(['FA-1003', 'FA-1004', 'FA-1007']);
    expect(numbers((await search({ q: '_100%', state: 'all', sort: 'number' })).items)).toEqual(['FA-1003', 'FA-1004', 'FA-1007']);
    expect(numbers((await search({ q: 'r_S', sort: 'number' })).items)).toEqual(['FA-1003']);
    expect((await search({ q: '1_0', state: 'all' })).total).toBe(0);
    const counted = await search({ q: 'müller' });
    expect(counted.counts).toEqual({ planned: 2, active: 0, finished: 0 });
  });

  it('pages through every order exactly once in the order asked for', async () => {
    const whole = numbers((await search({ state: 'all', limit: 100 })).items);
    const paged: string[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await search({ state: 'all', limit: 3, offset });
      expect(page.total).toBe(7);
      paged.push(...numbers(page.items));
    }
    expect(paged).toEqual(whole);
    expect((await search({ state: 'all', offset: 7 })).items).toEqual([]);
  });

  it('moves an order to its new state as soon as it is booked, the state agreeing with its operations', async () => {
    await search();
    await book('FA-1004', ['start-setup']);
    expect((await search({ state: 'active' })).counts.active).toBe(3);
    await book('FA-1003', ['start-production', 'finish'], 1);
    const finished = await search({ state: 'finished', sort: 'finished' });
    expect(numbers(finished.items)).toEqual(['FA-1003', 'FA-1002']);
    expect(finished.items[0].finishedAt).not.toBeNull();
    const all = (await search({ state: 'all', limit: 100 })).items;
    for (const o of all) {
      expect(o.state, o.number).toBe(orderStateOf(o.operations.map((op) => ({ status: op.status, finishedAt: op.status === 'finished' ? 1 : null }))).state);
    }
    // a new order is listed at once, as planned
    const created = (await client.post(`${api}/orders`, { number: 'FA-1008', partId: (await client.get(`${api}/parts`)).body[0].id, quantity: 3, priority: 1 })).body;
    expect(created.number).toBe('FA-1008');
    expect(numbers((await search({ state: 'planned', sort: 'number' })).items)).toContain('FA-1008');
  });

  it('refuses a query it cannot take with the field named, and never answers 5xx', async () => {
    for (const bad of ['state=erledigt', 'sort=random', 'limit=0', 'limit=abc', 'limit=101', 'offset=-1', `q=${'x'.repeat(101)}`, 'unknown=1']) {
      const res = await client.get(`${api}/orders/search?${bad}`);
      expect(res.status, bad).toBe(400);
    }
  });
});
