import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { roadmapIsolationFixture } from './roadmap-isolation-fixture.js';

describe.each(testDatabaseKinds())('Roadmap tenant isolation on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  it('answers 404 to a member of another company on every roadmap route and changes nothing', async () => {
    const a = new TestClient(instance);
    const companyA = await a.signup('Firma A', 'a@iso-roadmap.example');
    const ids = await roadmapIsolationFixture(a, companyA);
    expect(Object.values(ids).every(Boolean)).toBe(true);
    const b = new TestClient(instance);
    await b.signup('Firma B', 'b@iso-roadmap.example');

    const snapshot = async () => ({
      plan: (await a.get(`/api/v1/companies/${companyA}/roadmap/plan`)).body.items,
      funding: (await a.get(`/api/v1/companies/${companyA}/roadmap/funding`)).body,
    });
    const before = await snapshot();
    const routes = instance.ctx.routes.filter((r) => r.url.startsWith('/api/v1/companies/:companyId/roadmap'));
    expect(routes.length).toBeGreaterThanOrEqual(14);
    for (const route of routes) {
      const url = route.url.replace(':companyId', companyA).replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'missing');
      expect(url, route.url).not.toContain('missing');
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : { measureIds: ['strategy-goal-picture'], title: 'x', status: 'done', name: 'x', provider: 'x', regions: ['DE'], kinds: ['advice'] };
      const res = await b.request(route.method, url, body);
      expect(res.status, `${route.method} ${route.url}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });
});
