import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { tenantTables } from '../export/company-export.js';
import { isolationFixtures } from '../../modules/isolation-fixtures.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';

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
      const rows = await instance.ctx.db.selectFrom(table).selectAll().where('tenant_id', '=', companyB).execute();
      parts.push(table + JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
    }
    return parts.join('\n');
  };

  it('covers every company route', async () => {
    const routes = instance.ctx.routes.filter((r) => r.url.includes(':companyId'));
    expect(routes.length).toBeGreaterThan(8);
    const before = await snapshotB();
    const beforeRows = await rowCountsOfB();
    for (const route of routes) {
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((p) => p !== 'companyId');
      for (const p of params) expect(idsOfB[p], `no fixture id for :${p} in ${route.url}`).toBeDefined();
      const fill = (companyId: string) =>
        route.url.replace(':companyId', companyId).replace(/:(\w+)/g, (_, p: string) => idsOfB[p]);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};

      const foreign = await alice.request(route.method, fill(companyB), body);
      expect(foreign.status, `${route.method} ${route.url} with B's company id`).toBe(404);
      expect(JSON.stringify(foreign.body)).not.toContain('Beta GmbH');

      if (params.length > 0) {
        const crossed = await alice.request(route.method, fill(companyA), body);
        expect([400, 403, 404], `${route.method} ${route.url} with B's object ids`).toContain(crossed.status);
        expect(JSON.stringify(crossed.body)).not.toContain('bob@beta.example');
      }
    }
    expect(await snapshotB()).toBe(before);
    expect(await rowCountsOfB()).toEqual(beforeRows);
  });

  it('keeps anonymous callers out of every company route', async () => {
    const anonymous = a();
    for (const route of instance.ctx.routes.filter((r) => r.url.includes(':companyId'))) {
      const url = route.url.replace(':companyId', companyB).replace(/:(\w+)/g, (_, p: string) => idsOfB[p] ?? 'x');
      const res = await anonymous.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  async function rowCountsOfB() {
    const counts: Record<string, number> = {};
    for (const m of instance.ctx.registry.modules) {
      for (const table of m.tables) {
        const row = await instance.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', companyB).executeTakeFirstOrThrow();
        counts[table] = Number(row.n);
      }
    }
    return counts;
  }
});

