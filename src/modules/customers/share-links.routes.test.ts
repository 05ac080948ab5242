import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { shareLinkViewRetention } from './share-link-retention.js';
import { PUBLIC_VIEWS_PER_MINUTE } from './share-links.routes.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

interface Company { client: TestClient; api: string; orders: Array<{ id: string; number: string; positions: Array<{ id: string }> }> }

describe.each(testDatabaseKinds())('customer links on the %s database', (kind) => {
  let instance: Instance;
  let a: Company;
  let b: Company;
  const anonymous = () => new TestClient(instance);
  const open = (token: string, headers: Record<string, string> = {}) => anonymous().request('GET', `/api/v1/p/o/${token}`, undefined, { 'user-agent': FIREFOX, ...headers });

  async function company(name: string, email: string, orderCount: number): Promise<Company> {
    const client = new TestClient(instance);
    const companyId = await client.signup(name, email);
    const api = `/api/v1/companies/${companyId}`;
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'SAEGE', name: 'Säge' });
    const partId = (await client.post(`${api}/shopfloor/parts`, { number: 'KONS-100', name: 'Konsole', operations: [{ name: 'Sägen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }] })).body.id;
    const customerId = (await client.post(`${api}/customers`, { name: `Kunde von ${name}`, city: 'Kiel' })).body.id;
    const orders = [];
    for (let i = 0; i < orderCount; i++) {
      const positions = [{ partId, quantityMilli: 10_000, unitPriceCents: 123_456, deliveryDate: `2027-0${i + 3}-15` }, { text: 'Verpackung', quantityMilli: 1_000, unitPriceCents: 2_500, deliveryDate: `2027-0${i + 3}-20` }];
      const quote = (await client.post(`${api}/quotes`, { customerId, subject: 'Konsolen', positions })).body;
      expect((await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' })).status).toBe(200);
      expect((await client.post(`${api}/quotes/${quote.id}/win`, {})).status).toBe(200);
      const order = await client.post(`${api}/quotes/${quote.id}/order`, { customerReference: `PO-${i}` });
      expect(order.status).toBe(201);
      expect((await client.post(`${api}/customer-order-positions/${order.body.positions[0].id}/production-orders`, {})).status).toBe(201);
      orders.push(order.body);
    }
    return { client, api, orders };
  }
  const createLink = async (c: Company, orderId: string, body: unknown = {}) => {
    const res = await c.client.post(`${c.api}/customer-orders/${orderId}/share-links`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; token: string; path: string; state: string; sections: string[]; expiresAt: string; createdAt: string };
  };
  /** A refusal as the visitor sees it: status and body, nothing that would tell the reasons apart. */
  const refusal = async (token: string) => {
    const res = await open(token);
    return { status: res.status, body: res.body, robots: res.headers['x-robots-tag'] };
  };

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    a = await company('Alpha Metall GmbH', 'owner@alpha.example', 2);
    b = await company('Beta Metall GmbH', 'owner@beta.example', 1);
  }, 120_000);
  afterAll(async () => instance?.close());

  it('shows the customer the order\'s state and promised date without sign-in, and the operations only when ticked', async () => {
    const [order] = a.orders;
    const plain = await createLink(a, order!.id);
    expect(plain.sections).toEqual(['state', 'promised-date']);
    expect(plain.path).toBe(`/p/o/${plain.token}`);
    expect(plain.state).toBe('active');
    expect(Date.parse(plain.expiresAt) - Date.parse(plain.createdAt)).toBe(30 * 86_400_000);

    const res = await open(plain.token);
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-robots-tag']).toContain('noindex');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      firm: { name: 'Alpha Metall GmbH' },
      order: { number: order!.number, state: 'in-production', promisedDate: '2027-03-20', customerReference: 'PO-0', customerName: 'Kunde von Alpha Metall GmbH' },
      positions: [{ number: 10, quantity: 10, promisedDate: '2027-03-15' }, { number: 20, text: 'Verpackung', quantity: 1, promisedDate: '2027-03-20' }],
    });
    const text = JSON.stringify(res.body);
    for (const secret of ['123456', 'Cents', 'forecast', 'late', 'productionOrders', 'tenant', order!.id]) expect(text).not.toContain(secret);

    const withOperations = await createLink(a, order!.id, { validDays: 180, sections: ['operations'] });
    expect(withOperations.sections).toEqual(['state', 'promised-date', 'operations']);
    const detailed = await open(withOperations.token);
    expect(detailed.status).toBe(200);
    expect(detailed.body.positions[0].productionOrders).toMatchObject([{ number: `${order!.number}-10`, quantity: 10, state: 'planned', good: 0, operations: [{ name: 'Sägen', status: 'planned', good: 0, scrap: 0 }] }]);
    expect(detailed.body.positions[1].productionOrders).toEqual([]);
  });

  it('logs every view with time, shortened address and browser family, beside the link', async () => {
    const [, order] = a.orders;
    const link = await createLink(a, order!.id);
    const before = Date.now();
    expect((await open(link.token, { 'x-forwarded-for': '203.0.113.77' })).status).toBe(200);
    expect((await open(link.token, { 'user-agent': 'curl/8.5.0' })).status).toBe(200);
    const views = await a.client.get(`${a.api}/share-links/${link.id}/views`);
    expect(views.status).toBe(200);
    expect(views.body.total).toBe(2);
    expect(views.body.items.map((v: { browser: string }) => v.browser)).toEqual(['other', 'Firefox']);
    for (const v of views.body.items) {
      expect(v.address).toMatch(/\.0\/24$|::\/48$/);
      expect(Date.parse(v.viewedAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    const list = await a.client.get(`${a.api}/customer-orders/${order!.id}/share-links`);
    expect(list.body.items.find((l: { id: string }) => l.id === link.id)).toMatchObject({ views: 2, state: 'active' });
    expect(list.body.items[0].lastViewedAt).not.toBeNull();
    // a refused opening is not a view of the link
    await open(`${link.id}.${'A'.repeat(43)}`);
    expect((await a.client.get(`${a.api}/share-links/${link.id}/views`)).body.total).toBe(2);
  });

  it('never opens another order of the firm, nor another firm\'s order, and answers every refusal with the same 404', async () => {
    const [first, second] = a.orders;
    const link = await createLink(a, first!.id);
    const other = await createLink(a, second!.id);
    const ofB = await createLink(b, b.orders[0]!.id);
    const secretOf = (token: string) => token.split('.')[1]!;
    const unknown = await refusal(`${crypto.randomUUID()}.${secretOf(link.token)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.robots).toContain('noindex');
    const same = (r: Awaited<ReturnType<typeof refusal>>) => expect(r).toEqual(unknown);
    // the secret of one link with the id of another order's link, of another firm's link
    same(await refusal(`${other.id}.${secretOf(link.token)}`));
    same(await refusal(`${ofB.id}.${secretOf(link.token)}`));
    same(await refusal(`${link.id}.${secretOf(ofB.token)}`));
    // malformed in every way
    for (const bad of ['', 'x', link.id, `${link.id}.`, `${link.id}.${secretOf(link.token)}x`, `${link.id.toUpperCase()}.${secretOf(link.token)}`, `${link.id}.${secretOf(link.token).slice(1)}`, encodeURIComponent(`${link.id}.${secretOf(link.token)}/..`)]) {
      if (bad === '') continue;
      same(await refusal(bad));
    }
    // each link still opens its own order only
    expect((await open(link.token)).body.order.number).toBe(first!.number);
    expect((await open(other.token)).body.order.number).toBe(second!.number);
    expect((await open(ofB.token)).body.firm.name).toBe('Beta Metall GmbH');

    // revoked
    const revoked = await a.client.post(`${a.api}/share-links/${link.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body.state).toBe('revoked');
    same(await refusal(link.token));
    // revoking again changes nothing
    expect((await a.client.post(`${a.api}/share-links/${link.id}/revoke`, {})).body.revokedAt).toBe(revoked.body.revokedAt);

    // expired: the moment it expires, not a millisecond later
    await instance.ctx.db.updateTable('customer_share_links').set({ expires_at: sql<Date>`now()`, created_at: sql<Date>`now() - interval '30 days'` }).where('id', '=', other.id).execute();
    same(await refusal(other.token));
    expect((await a.client.get(`${a.api}/customer-orders/${second!.id}/share-links`)).body.items.find((l: { id: string }) => l.id === other.id).state).toBe('expired');

    // the firm switched the module off: the link shows nothing either
    expect((await b.client.put(`${b.api}/modules/customers`, { enabled: false })).status).toBe(200);
    same(await refusal(ofB.token));
    expect((await b.client.put(`${b.api}/modules/customers`, { enabled: true })).status).toBe(200);
    expect((await open(ofB.token)).status).toBe(200);
  });

  it('keeps each firm to its own links', async () => {
    const link = await createLink(a, a.orders[0]!.id);
    const bCompany = b.api;
    for (const [method, path] of [
      ['GET', `/customer-orders/${a.orders[0]!.id}/share-links`],
      ['POST', `/customer-orders/${a.orders[0]!.id}/share-links`],
      ['POST', `/customer-orders/${a.orders[0]!.id}/share-links/revoke`],
      ['POST', `/share-links/${link.id}/revoke`],
      ['GET', `/share-links/${link.id}/views`],
    ] as const) {
      const res = await b.client.request(method, `${bCompany}${path}`, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await open(link.token)).status).toBe(200);
  });

  it('refuses bad input naming the field and stores nothing; revokes all links of an order at once', async () => {
    const order = a.orders[1]!;
    const count = async () => (await a.client.get(`${a.api}/customer-orders/${order.id}/share-links`)).body.items.length as number;
    const before = await count();
    for (const [body, field] of [[{ validDays: 181 }, 'validDays'], [{ validDays: 0 }, 'validDays'], [{ validDays: 1.5 }, 'validDays'], [{ sections: ['photos'] }, 'sections'], [{ sections: 'operations' }, 'sections'], [{ extra: 1 }, '']] as const) {
      const res = await a.client.post(`${a.api}/customer-orders/${order.id}/share-links`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect(await count()).toBe(before);

    const one = await createLink(a, order.id, { validDays: 1 });
    const two = await createLink(a, order.id, { sections: ['operations'] });
    const all = await a.client.post(`${a.api}/customer-orders/${order.id}/share-links/revoke`, {});
    expect(all.status).toBe(200);
    expect(all.body.revoked).toBeGreaterThanOrEqual(2);
    expect(all.body.items.every((l: { state: string }) => l.state !== 'active')).toBe(true);
    expect((await open(one.token)).status).toBe(404);
    expect((await open(two.token)).status).toBe(404);
    expect((await a.client.post(`${a.api}/customer-orders/${order.id}/share-links/revoke`, {})).body.revoked).toBe(0);

    const history = await a.client.get(`${a.api}/audit?lang=en`);
    const sentences = JSON.stringify(history.body);
    expect(sentences).toContain(`customer links to order ${order.number} revoked`);
    expect(sentences).toContain(`Customer link to order ${order.number} created (valid 1 days).`);
  });

  it('deletes views after their period, and only those', async () => {
    const link = await createLink(b, b.orders[0]!.id);
    expect((await open(link.token)).status).toBe(200);
    const tenantId = b.api.split('/').at(-1)!;
    const old = new Date(Date.now() - 100 * 86_400_000);
    await instance.ctx.db.insertInto('customer_share_link_views').values({ tenant_id: tenantId, id: uuidv7(), link_id: link.id, viewed_at: old, address: '203.0.113.0/24', browser: 'Safari' }).execute();
    expect(shareLinkViewRetention.months).toBe(3);
    const cutoff = new Date(Date.now() - 90 * 86_400_000);
    const due = await shareLinkViewRetention.due(instance.ctx.db, tenantId, cutoff, 5);
    expect(due.count).toBe(1);
    expect(due.sample[0]!.what.de).toBe(`Aufruf des Kundenlinks zu Auftrag ${b.orders[0]!.number}`);
    expect(await shareLinkViewRetention.apply(instance.ctx.db, tenantId, cutoff)).toBe(1);
    const left = await b.client.get(`${b.api}/share-links/${link.id}/views`);
    expect(left.body.items.map((v: { browser: string }) => v.browser)).toEqual(['Firefox']);
  });

  it('limits openings per address', async () => {
    const link = await createLink(a, a.orders[0]!.id);
    const from = { 'x-forwarded-for': '198.51.100.9' };
    let limited = 0;
    for (let i = 0; i < PUBLIC_VIEWS_PER_MINUTE + 5; i++) if ((await open(link.token, from)).status === 429) limited++;
    expect(limited).toBeGreaterThanOrEqual(5);
  });
});
