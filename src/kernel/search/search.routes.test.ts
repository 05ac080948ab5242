import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { type WalkCompany, companyWithFixtures } from '../testing/company-with-fixtures.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { matchClass, rankHits } from './rank-hits.js';

interface Hit { kind: string; kindLabel: string; id: string; title: string; subtitle?: string; path: string }

describe('ranking of search hits', () => {
  it('puts equal before prefix before word start before contains', () => {
    expect(['4711', '47110', 'A-4711', 'A4711', 'x'].map((t) => matchClass(t, '4711'))).toEqual([0, 1, 2, 3, 4]);
    expect(matchClass('Halter HALTER', 'halter')).toBe(1);
    expect(['Müller', 'Müller-Halter', 'Obermüller'].map((t) => matchClass(t, 'mueller'))).toEqual([0, 1, 3]);
    expect(matchClass('Müller', 'muller')).toBe(0);
    const hits = [
      { kind: 'b', title: 'x14711', matched: ['x14711'] },
      { kind: 'a', title: 'Z', matched: ['nothing', '4711'] },
      { kind: 'b', title: '4711-2', matched: ['4711-2'] },
      { kind: 'a', title: '4711-1', matched: ['4711-1'] },
    ];
    expect(rankHits(hits, '4711', ['a', 'b'], 'de').map((h) => h.title)).toEqual(['Z', '4711-1', '4711-2', 'x14711']);
  });
});

/** Joins company `a` by an invitation with `role`; returns the new member's client. */
async function joinAs(instance: Instance, a: WalkCompany, role: string, email: string): Promise<TestClient> {
  const invitation = await a.client.post(`/api/v1/companies/${a.companyId}/invitations`, { role });
  const client = new TestClient(instance);
  const accepted = await client.post('/api/v1/invitations/accept', { token: new URL(invitation.body.link).hash.slice(1), user: { name: `A ${role}`, email, password: 'correct horse battery' } });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return client;
}

describe.each(testDatabaseKinds())('global search on the %s database', (kind) => {
  let instance: Instance;
  let a: WalkCompany;
  let b: WalkCompany;
  let api: string;
  const search = async (q: string, client = a.client, companyId = a.companyId) => {
    const res = await client.get(`/api/v1/companies/${companyId}/search?q=${encodeURIComponent(q)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.hits as Hit[];
  };
  const titles = (hits: Hit[], kindOf: string) => hits.filter((h) => h.kind === kindOf).map((h) => h.title);

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    a = await companyWithFixtures(instance, 'Alpha GmbH', 'alice@alpha.example');
    b = await companyWithFixtures(instance, 'Beta GmbH', 'bob@beta.example');
    api = `/api/v1/companies/${a.companyId}`;
    for (const number of ['4711', '14711', 'A-4711-B', '47110', '100%', '1000', 'A_1', 'AB1']) {
      const res = await a.client.post(`${api}/shopfloor/orders`, { number, partId: a.ids.partId, quantity: 5 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    expect((await b.client.post(`/api/v1/companies/${b.companyId}/shopfloor/orders`, { number: 'BETA-ONLY-4711', partId: b.ids.partId, quantity: 5 })).status).toBe(201);
    expect((await a.client.post(`${api}/roadmap/plan/items`, { title: 'Digitale Auftragsmappe' })).status).toBe(201);
    expect((await a.client.post(`${api}/roadmap/plan/items`, { title: 'Schulung Größenmessung bei Müller' })).status).toBe(201);
  }, 300_000);
  afterAll(async () => instance?.close());

  it('ranks equal, then prefix, then word start, then contains; each hit with a translated kind, a title and a web path', async () => {
    const hits = await search('4711');
    expect(titles(hits, 'shopfloor.order')).toEqual(['4711', '47110', 'A-4711-B', '14711']);
    const first = hits[0];
    expect(first).toMatchObject({ kind: 'shopfloor.order', kindLabel: 'Fertigungsaufträge', title: '4711' });
    expect(first.subtitle).toBe('Isolation fixture (ISO-PART)');
    expect(first.path).toMatch(/^\/shopfloor\/orders\/[0-9a-f-]{36}$/);
    expect(hits.some((h) => h.title.includes('BETA'))).toBe(false);

    expect((await a.client.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
    const english = await search('4711');
    expect(english[0].kindLabel).toBe('Production orders');
    expect((await a.client.patch('/api/v1/me', { locale: 'de' })).status).toBe(200);
    expect((await a.client.get(`${api}/search?q=4711&lang=en`)).body.hits[0].kindLabel).toBe('Production orders');
  });

  it('takes % and _ literally', async () => {
    expect(titles(await search('100%'), 'shopfloor.order')).toEqual(['100%']);
    expect(titles(await search('A_1'), 'shopfloor.order')).toEqual(['A_1']);
    expect(titles(await search('%'), 'shopfloor.order')).toEqual(['100%']);
    expect(titles(await search('_'), 'shopfloor.order')).toEqual(['A_1']);
  });

  it('finds parts, work centres, machines, device credentials, measures, investment evaluations, customers, contacts and people', async () => {
    const kinds = (hits: Hit[]) => [...new Set(hits.map((h) => h.kind))].sort();
    expect(kinds(await search('Isolation fixture'))).toEqual(['customers.customer', 'invest.evaluation', 'machines.device', 'machines.machine', 'shopfloor.order', 'shopfloor.part', 'shopfloor.workCentre']);
    const measure = (await search('auftragsmappe')).find((h) => h.kind === 'roadmap.measure')!;
    expect(measure).toMatchObject({ title: 'Digitale Auftragsmappe', kindLabel: 'Maßnahmen' });
    expect(measure.path).toBe(`/roadmap/plan?item=${(await a.client.get(`${api}/roadmap/plan`)).body.items.find((i: { title: { de: string } }) => i.title.de === 'Digitale Auftragsmappe').id}`);
    // umlauts and ß match their spelled-out forms, both ways
    for (const q of ['groessenmessung', 'GRÖSSEN', 'mueller', 'Muller', 'Müller']) {
      expect((await search(q)).filter((h) => h.kind === 'roadmap.measure').map((h) => h.title), q).toEqual(['Schulung Größenmessung bei Müller']);
    }
    const customers = await search('isolation-fixture.example');
    expect(kinds(customers)).toEqual(['customers.contact']);
    expect(customers[0].subtitle).toMatch(/^bei /);
    expect(kinds(await search('Kiel'))).toEqual(['customers.customer']);
    const people = await search('Worker of');
    expect(people.map((h) => [h.kind, h.title, h.subtitle, h.path])).toEqual([['platform.person', 'Worker of Alpha GmbH', 'Werkstatt-Terminal · Personalnummer W-1', '/members']]);
    // at most `limit` per kind
    expect((await a.client.get(`${api}/search?q=1&limit=2`)).body.hits.filter((h: Hit) => h.kind === 'shopfloor.order')).toHaveLength(2);
  });

  it('shows each caller only what the role may see, and nothing of switched-off modules', async () => {
    const viewer = await joinAs(instance, a, 'viewer', 'viewer@alpha.example');
    const viewerHits = await search('Worker of', viewer);
    expect(viewerHits).toEqual([]);
    expect(titles(await search('4711', viewer), 'shopfloor.order')).toHaveLength(4);
    const viewerDevices = await search('Isolation fixture', viewer);
    expect(viewerDevices.some((h) => h.kind === 'machines.device')).toBe(false);
    expect(viewerDevices.some((h) => h.kind === 'machines.machine')).toBe(true);

    expect((await a.client.put(`${api}/modules/shopfloor`, { enabled: false })).status).toBe(200);
    // machines uses the shop floor but does not depend on it: it stays on
    expect(titles(await search('4711'), 'shopfloor.order')).toEqual([]);
    expect((await a.client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    expect(titles(await search('4711'), 'shopfloor.order')).toHaveLength(4);
  });

  it('finds nothing of another company and refuses its company id', async () => {
    expect(await search('BETA-ONLY')).toEqual([]);
    const own = await search('ISO');
    const ofB = await search('ISO', b.client, b.companyId);
    expect(own.length).toBeGreaterThan(3);
    expect(own.filter((h) => ofB.some((o) => o.id === h.id))).toEqual([]);
    expect((await a.client.get(`/api/v1/companies/${b.companyId}/search?q=ISO`)).status).toBe(404);
    expect((await a.client.get(`${api}/search?q=`)).status).toBe(400);
    expect((await a.client.get(`${api}/search?q=${'x'.repeat(101)}`)).status).toBe(400);
  });
});
