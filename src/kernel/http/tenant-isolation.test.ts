import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { tenantTables } from '../export/company-export.js';
import { isolationFixtures } from '../../modules/isolation-fixtures.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { byTableName } from '../db/database.js';

/**
 * For every route that takes a company id: a member (even an owner) of company A gets nothing
 * of company B — neither with B's company id, nor with B's object ids under A's company id —
 * and B's data is byte-for-byte the same afterwards.
 */
describe.each(testDatabaseKinds())('tenant isolation on the %s database', (kind) => {
  let instance: Instance;
  const a = () => new TestClient(instance);
  let alice: TestClient;
  let bob: TestClient;
  let companyA: string;
  let companyB: string;
  const idsOfB: Record<string, string> = {};

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    alice = a();
    bob = a();
    companyA = await alice.signup('Alpha GmbH', 'alice@alpha.example');
    companyB = await bob.signup('Beta GmbH', 'bob@beta.example');
    // every module on in company A too, so crossed requests reach the object lookups
    for (const module of instance.ctx.registry.modules.filter((m) => !m.core)) {
      await alice.put(`/api/v1/companies/${companyA}/modules/${module.id}`, { enabled: true });
    }
    idsOfB.userId = (await bob.get('/api/v1/me')).body.user.id;
    idsOfB.invitationId = (await bob.post(`/api/v1/companies/${companyB}/invitations`, { email: 'x@beta.example', role: 'member' })).body.id;
    idsOfB.moduleId = instance.ctx.registry.modules.find((m) => !m.core)?.id ?? 'platform';
    for (const module of instance.ctx.registry.modules) {
      const fixture = isolationFixtures[module.id];
      if (fixture) Object.assign(idsOfB, await fixture(bob, companyB));
    }
  });
  afterAll(async () => instance?.close());

  /** All of B's rows in every tenant table, as text. */
  const snapshotB = async () => {
    const parts: string[] = [];
    parts.push(JSON.stringify(await instance.ctx.db.selectFrom('tenants').selectAll().where('id', '=', companyB).execute()));
    for (const table of await tenantTables(instance.ctx.db)) {
      const rows = await byTableName(instance.ctx.db).selectFrom(table).selectAll().where('tenant_id', '=', companyB).execute();
      parts.push(table + JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
    }
    return parts.join('\n');
  };

  it('covers every company route', async () => {
    const routes = instance.ctx.routes.filter((r) => r.url.includes(':companyId'));
    expect(routes.length).toBeGreaterThan(8);
    // the home page gathers every module's figures: it must be walked like any other
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['GET /api/v1/companies/:companyId/dashboard', 'PUT /api/v1/companies/:companyId/start-path']));
    const before = await snapshotB();
    const beforeRows = await rowCountsOfB();
    for (const route of routes) {
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((p) => p !== 'companyId');
      for (const p of params) expect(idsOfB[p], `no fixture id for :${p} in ${route.url}`).toBeDefined();
      const fill = (companyId: string) =>
        route.url.replace(':companyId', companyId).replace(/:(\w+)/g, (_, p: string) => idsOfB[p]);
      const named = COMPANY_ROUTE_QUERIES[`${route.method} ${route.url}`] ?? '';
      const query = typeof named === 'function' ? named(idsOfB) : named;
      const body = COMPANY_ROUTE_BODIES[`${route.method} ${route.url}`]?.(idsOfB) ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {});

      const foreign = await alice.request(route.method, fill(companyB) + query, body);
      expect(foreign.status, `${route.method} ${route.url} with B's company id`).toBe(404);
      expect(JSON.stringify(foreign.body)).not.toContain('Beta GmbH');

      if (params.some((p) => !SHARED_NAMES.has(p)) || typeof named === 'function') {
        const crossed = await alice.request(route.method, fill(companyA) + query, body);
        expect([400, 403, 404], `${route.method} ${route.url} with B's object ids`).toContain(crossed.status);
        expect(JSON.stringify(crossed.body)).not.toContain('bob@beta.example');
      }
    }
    expect(await snapshotB()).toBe(before);
    expect(await rowCountsOfB()).toEqual(beforeRows);
  });

  /**
   * Path parameters that name the same thing in every company — a module, an activity of the record
   * of processing (a module's declared kind of data), a retention rule — not an object of one company: with A's
   * company id they reach A's own, as they should. B's data is still compared afterwards.
   */
  const SHARED_NAMES = new Set(['moduleId', 'activityKey', 'ruleKey']);

  /**
   * Company routes that take what they look for in the query or the body, not in the path: asked
   * in A's own company with B's names and keys, they find and change nothing of B.
   */
  const COMPANY_ROUTE_QUERIES: Record<string, string | ((ids: Record<string, string>) => string)> = {
    'GET /api/v1/companies/:companyId/search': '?q=Beta',
    // objects named in the query: asked in A's company with B's ids, they find nothing (like path ids)
    'GET /api/v1/companies/:companyId/production-records': (ids) => `?order=${ids.customerOrderId}`,
    'GET /api/v1/companies/:companyId/production-records/pdf': (ids) => `?position=${ids.orderPositionId}`,
    'GET /api/v1/companies/:companyId/recall': (ids) => `?machineId=${ids.machineId}&from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z`,
    'GET /api/v1/companies/:companyId/recall.csv': (ids) => `?machineId=${ids.machineId}&from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z`,
    'GET /api/v1/companies/:companyId/recall.xlsx': (ids) => `?machineId=${ids.machineId}&from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z`,
  };
  const COMPANY_ROUTE_BODIES: Record<string, (ids: Record<string, string>) => unknown> = {
    'POST /api/v1/companies/:companyId/notifications/read': (ids) => ({ keys: [`machines:alarm:${ids.alarmId}:active`] }),
  };

  it('finds nothing of another company by what the query or body names', async () => {
    const before = await snapshotB();
    const hits = await alice.get(`/api/v1/companies/${companyA}/search?q=${encodeURIComponent('Isolation fixture')}`);
    expect(hits.status).toBe(200);
    const ofB = await bob.get(`/api/v1/companies/${companyB}/search?q=${encodeURIComponent('Isolation fixture')}`);
    expect(ofB.body.hits.length).toBeGreaterThan(0);
    expect(hits.body.hits).toEqual([]);
    expect((await alice.get(`/api/v1/companies/${companyA}/search?q=Beta`)).body.hits).toEqual([]);
    const keysOfB = (await bob.get(`/api/v1/companies/${companyB}/notifications`)).body.items.map((i: { key: string }) => i.key);
    expect(keysOfB.length).toBeGreaterThan(0);
    const marked = await alice.post(`/api/v1/companies/${companyA}/notifications/read`, { keys: keysOfB });
    expect(marked.status).toBe(200);
    expect(await instance.ctx.db.selectFrom('notification_reads').selectAll().execute()).toEqual([]);
    expect(await snapshotB()).toBe(before);
  });

  it('keeps anonymous callers out of every company route', async () => {
    const anonymous = a();
    for (const route of instance.ctx.routes.filter((r) => r.url.includes(':companyId'))) {
      const url = route.url.replace(':companyId', companyB).replace(/:(\w+)/g, (_, p: string) => idsOfB[p] ?? 'x');
      const res = await anonymous.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  /**
   * Every route WITHOUT the company in its path, and why it reaches no other company's data. A new
   * such route fails the test below until it is declared here (and so thought about).
   */
  const COMPANYLESS_ROUTES: Record<string, { why: string; query?: string; public?: string }> = {
    'POST /api/v1/auth/signup': { why: 'creates a company of its own' },
    'POST /api/v1/auth/login': { why: 'the caller\'s own account' },
    'POST /api/v1/auth/logout': { why: 'ends the caller\'s own session' },
    'GET /api/v1/me': { why: 'the caller\'s own companies (a PIN session: only the terminal\'s)' },
    'PATCH /api/v1/me': { why: 'the caller\'s own name and language' },
    'POST /api/v1/companies': { why: 'creates a company of its own' },
    'POST /api/v1/invitations/lookup': { why: 'the company of the secret invitation token only' },
    'POST /api/v1/invitations/accept': { why: 'joins the company of the secret invitation token only' },
    'GET /api/v1/terminal': { why: 'the company of the device cookie only' },
    'POST /api/v1/terminal/signin': { why: 'a PIN session in the company of the device cookie only' },
    'POST /api/v1/ingest': { why: 'the company of the device token only' },
    'GET /api/v1/me/security': { why: 'the caller\'s own password and second factor state' },
    'POST /api/v1/me/password': { why: 'the caller\'s own password' },
    'POST /api/v1/me/totp/setup': { why: 'the caller\'s own second factor' },
    'POST /api/v1/me/totp/confirm': { why: 'the caller\'s own second factor' },
    'POST /api/v1/me/totp/disable': { why: 'the caller\'s own second factor' },
    'POST /api/v1/me/totp/recovery-codes': { why: 'the caller\'s own second factor' },
    'GET /api/v1/auth/password-reset': { why: 'whether this server can send e-mail' },
    'POST /api/v1/auth/password-reset': { why: 'a link to the address given, same answer whether it has an account' },
    'POST /api/v1/auth/password-reset/complete': { why: 'the account of the secret reset token only' },
    'POST /api/v1/auth/login/second-factor': { why: 'the account of the secret sign-in challenge only' },
    'POST /api/v1/companies/import': { why: 'creates a company of its own from the uploaded export' },
    'GET /api/v1/companies/import/progress': { why: 'the caller\'s own import' },
    'GET /api/v1/machines/:machineId/series': { why: 'the common guard finds the machine among the caller\'s companies', query: 'point=force' },
    'GET /api/v1/p/o/:token': { why: 'the one order of the secret customer link only', public: 'src/modules/customers/share-links.routes.test.ts' },
  };

  it('covers every route without a company in its path: an outsider and a session of another company get nothing', async () => {
    const seen = new Set<string>();
    const routes = instance.ctx.routes
      .filter((r) => r.url.startsWith('/api/v1/') && !r.url.includes(':companyId'))
      .filter((r) => !seen.has(`${r.method} ${r.url}`) && seen.add(`${r.method} ${r.url}`));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(COMPANYLESS_ROUTES).sort());

    // Carol is an admin of B and a worker of A; her PIN session on A's terminal must reach A only.
    const carol = a();
    const toB = await bob.post(`/api/v1/companies/${companyB}/invitations`, { role: 'admin' });
    expect((await carol.post('/api/v1/invitations/accept', { token: new URL(toB.body.link).hash.slice(1), user: { name: 'Carol Both', email: 'carol@both.example', password: 'correct horse battery' } })).status).toBe(200);
    const toA = await alice.post(`/api/v1/companies/${companyA}/invitations`, { role: 'member' });
    expect((await carol.post('/api/v1/invitations/accept', { token: new URL(toA.body.link).hash.slice(1) })).status).toBe(200);
    const carolId = (await carol.get('/api/v1/me')).body.user.id;
    expect((await alice.put(`/api/v1/companies/${companyA}/members/${carolId}/pin`, { pin: '482913', personnelNumber: 'C-1' })).status).toBe(200);
    const terminal = await alice.post(`/api/v1/companies/${companyA}/shopfloor/terminals`, { name: 'Tablet A' });
    expect(terminal.status).toBe(201);
    const deviceCookie = `wv_terminal=${terminal.raw.cookies.find((c) => c.name === 'wv_terminal')!.value}`;
    const carolAtA = a();
    expect((await carolAtA.request('POST', '/api/v1/terminal/signin', { personnelNumber: 'C-1', pin: '482913' }, { cookie: deviceCookie })).status).toBe(200);

    const before = await snapshotB();
    const markersOfB = ['Beta GmbH', 'bob@beta.example', companyB];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
      for (const p of params) expect(idsOfB[p], `no fixture id for :${p} in ${route.url}`).toBeDefined();
      const query = COMPANYLESS_ROUTES[key].query;
      const url = route.url.replace(/:(\w+)/g, (_, p: string) => idsOfB[p]) + (query ? `?${query}` : '');
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      if (route.url.endsWith('/auth/logout')) continue; // ends the caller's session; reaches nothing else (no input)
      if (COMPANYLESS_ROUTES[key].public) {
        // no session needed, so a session changes nothing: the fixture's token is revoked and must open nothing, for
        // anyone (B's owner too). What a valid token opens, and only that, is tested where the route lives.
        for (const client of [alice, carolAtA, a(), bob]) {
          const res = await client.request(route.method, url, body);
          expect(res.status, `${key} with a revoked token`).toBe(404);
          for (const marker of markersOfB) expect(JSON.stringify(res.body), key).not.toContain(marker);
        }
        continue;
      }
      for (const [who, client] of [['a member of another company', alice], ['a PIN session at another company\'s terminal', carolAtA], ['an anonymous caller', a()]] as const) {
        const res = await client.request(route.method, url, body);
        const text = JSON.stringify(res.body);
        for (const marker of markersOfB) expect(text, `${key} as ${who}`).not.toContain(marker);
        if (params.length > 0) expect(res.status, `${key} as ${who}`).toBe(client === alice || client === carolAtA ? 404 : 401);
      }
      if (params.length > 0) {
        // the probe reaches real data: B's own owner gets it
        const own = await bob.request(route.method, url, body);
        expect(own.status, `${key} as B's owner`).toBe(200);
      }
    }
    expect(await snapshotB()).toBe(before);
  });

  async function rowCountsOfB() {
    const counts: Record<string, number> = {};
    for (const m of instance.ctx.registry.modules) {
      for (const table of m.tables) {
        const row = await byTableName(instance.ctx.db).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', companyB).executeTakeFirstOrThrow();
        counts[table] = Number(row.n);
      }
    }
    return counts;
  }
});

