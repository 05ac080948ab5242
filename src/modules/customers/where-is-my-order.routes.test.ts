import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

interface Forecast { expectedFinish: string | null; late: boolean; reason: string | null; promisedAt: string | null }

describe.each(testDatabaseKinds())('Where is my order? on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let customerId: string;
  let partId: string;
  let device = 0;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Muster Metallbau GmbH', 'owner@muster.example');
    api = `/api/v1/companies/${companyId}`;
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'SAEGE', name: 'Säge' });
    partId = (await client.post(`${api}/shopfloor/parts`, { number: 'KONS-100', name: 'Konsole', operations: [{ name: 'Sägen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }] })).body.id;
    customerId = (await client.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', city: 'Kiel' })).body.id;
  });
  afterAll(async () => instance?.close());

  /** A won quote with one part position of 10 pieces per promised date, turned into a customer order. */
  const orderWith = async (promisedDates: string[]) => {
    const positions = promisedDates.map((deliveryDate) => ({ partId, quantityMilli: 10_000, unitPriceCents: 1_000, vatBasisPoints: 1900, deliveryDate }));
    const quote = (await client.post(`${api}/quotes`, { customerId, subject: 'Konsolen', positions })).body;
    expect((await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' })).status).toBe(200);
    expect((await client.post(`${api}/quotes/${quote.id}/win`, {})).status).toBe(200);
    const order = await client.post(`${api}/quotes/${quote.id}/order`, {});
    expect(order.status).toBe(201);
    return order.body as { id: string; number: string; positions: Array<{ id: string }> };
  };
  const produce = async (positionId: string) => {
    const res = await client.post(`${api}/customer-order-positions/${positionId}/production-orders`, {});
    expect(res.status).toBe(201);
    return (await client.get(`${api}/shopfloor/orders/${res.body.productionOrder.id}`)).body.operations[0].id as string;
  };
  const book = async (operationId: string, steps: Array<{ kind: string; at: number; good?: number }>) => {
    const deviceId = `tablet-${++device}`;
    const bookings = steps.map((s, i) => ({ key: randomUUID(), deviceId, sequence: i + 1, operationId, kind: s.kind, at: new Date(s.at).toISOString(), ...(s.good === undefined ? {} : { good: s.good }) }));
    const res = await client.post(`${api}/shopfloor/bookings`, { bookings });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(steps.map(() => 'applied'));
  };

  it('counts only the work centre\'s shift time: work not done by the end of a shift waits for the next one', async () => {
    // one hour of work a week: Sundays 10:00–11:00 in Berlin
    const calendar = { timeZone: 'Europe/Berlin', week: { sun: [{ name: 'Sonntag', start: '10:00', end: '11:00' }] }, holidays: [] };
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'SONNTAG', name: 'Sonntagsplatz', calendar });
    expect(centre.status).toBe(201);
    const part = await client.post(`${api}/shopfloor/parts`, { number: 'SO-1', name: 'Sonntagsteil', operations: [{ name: 'Fräsen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }] });
    const quote = (await client.post(`${api}/quotes`, { customerId, positions: [{ partId: part.body.id, quantityMilli: 10_000, unitPriceCents: 500, deliveryDate: isoDay(Date.now() + 400 * DAY) }] })).body;
    await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' });
    await client.post(`${api}/quotes/${quote.id}/win`, {});
    const order = (await client.post(`${api}/quotes/${quote.id}/order`, {})).body;
    await produce(order.positions[0].id);

    const before = Date.now();
    const forecast: Forecast = (await client.get(`${api}/customer-orders/${order.id}`)).body.positions[0].forecast;
    const finish = new Date(forecast.expectedFinish!);
    // 20 minutes of work (10 setup + 10 runs of a minute) end inside a Sunday shift, within the next week
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(finish);
    expect(local).toMatch(/^Sun,? (10:\d\d|11:00)$/);
    expect(finish.getTime()).toBeGreaterThanOrEqual(before + 20 * 60_000);
    expect(finish.getTime()).toBeLessThanOrEqual(before + 8 * DAY);
    expect(forecast.late).toBe(false);
  });

  it('flags a position not started past its latest start, one without a production order, and keeps one booked ahead on time', async () => {
    const now = Date.now();
    const past = isoDay(now - 3 * DAY);
    const future = isoDay(now + 365 * DAY);
    const order = await orderWith([past, future, past, future]);
    const [notStarted, bookedAhead, withoutProduction, waitingButEarly] = order.positions;
    await produce(notStarted!.id);
    const running = await produce(bookedAhead!.id);
    await produce(waitingButEarly!.id);
    await book(running, [{ kind: 'start-setup', at: now - 60 * 60_000 }, { kind: 'start-production', at: now - 50 * 60_000 }, { kind: 'quantity', at: now - 40 * 60_000, good: 4 }]);

    const before = Date.now();
    const res = await client.get(`${api}/customer-orders/${order.id}`);
    const after = Date.now();
    expect(res.status).toBe(200);
    const forecasts: Forecast[] = res.body.positions.map((p: { forecast: Forecast }) => p.forecast);

    // not started: late from its latest start on; it cannot finish before now + setup + 10 runs
    expect(forecasts[0]).toMatchObject({ late: true, reason: 'not-started' });
    expect(Date.parse(forecasts[0]!.expectedFinish!)).toBeGreaterThanOrEqual(before + (10 + 10) * 60_000);
    // running with 4 of 10 good: the 6 missing runs from now on, well before the promised day
    expect(forecasts[1]).toMatchObject({ late: false, reason: null });
    expect(Date.parse(forecasts[1]!.expectedFinish!)).toBeGreaterThanOrEqual(before + 6 * 60_000);
    expect(Date.parse(forecasts[1]!.expectedFinish!)).toBeLessThanOrEqual(after + 6 * 60_000);
    // producible, promised in the past, no production order
    expect(forecasts[2]).toMatchObject({ late: true, reason: 'no-production-order', expectedFinish: null });
    // not started, but its latest start is still ahead
    expect(forecasts[3]).toMatchObject({ late: false, reason: null });
    // the promised moment is the end of the promised day in Berlin
    const promised = new Date(forecasts[1]!.promisedAt!);
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(promised)).toBe(`${isoDay(now + 366 * DAY)}, 00:00`);

    expect(res.body.forecast.late).toBe(true);
    // one position has no production order yet, so the order's finish cannot be named
    expect(res.body.forecast.expectedFinish).toBeNull();

    const list = await client.get(`${api}/customer-orders?q=${order.number}`);
    expect(list.body.items.map((o: { number: string; late: boolean }) => [o.number, o.late])).toEqual([[order.number, true]]);
  });

  it('names the latest expected finish of an order on time and does not mark it late in the list', async () => {
    const now = Date.now();
    const order = await orderWith([isoDay(now + 200 * DAY), isoDay(now + 300 * DAY)]);
    const op = await produce(order.positions[0]!.id);
    await produce(order.positions[1]!.id);
    await book(op, [{ kind: 'start-production', at: now - 30 * 60_000 }, { kind: 'quantity', at: now - 20 * 60_000, good: 10 }, { kind: 'finish', at: now - 10 * 60_000 }]);
    const res = await client.get(`${api}/customer-orders/${order.id}`);
    const [done, planned] = res.body.positions.map((p: { forecast: Forecast }) => p.forecast) as Forecast[];
    expect(done).toMatchObject({ late: false, expectedFinish: new Date(now - 10 * 60_000).toISOString() });
    expect(planned!.late).toBe(false);
    expect(Date.parse(planned!.expectedFinish!)).toBeGreaterThan(now);
    expect(res.body.forecast).toEqual({ late: false, expectedFinish: planned!.expectedFinish });
    const list = await client.get(`${api}/customer-orders?q=${order.number}`);
    expect(list.body.items[0].late).toBe(false);
  });
});
