import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { checkModule } from '../check/module.js';
import { roadmapModule } from './module.js';
import { quarterOf } from './plan.service.js';
import type { PlanItemView } from './schemas.js';

/** The demo company's plan: dates a reader can believe — taken in, then begun, then done. */
describe.each(testDatabaseKinds())('roadmap demo data on the %s database', (kind) => {
  let instance: Instance;
  let items: PlanItemView[];

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Demo Plan GmbH', `o-${kind}@demo-roadmap.example`);
    const ownerId = (await owner.get('/api/v1/me')).body.user.id;
    const ctx = { db: instance.ctx.db, tenantId: companyId, ownerId };
    await checkModule.demo!(ctx);
    await roadmapModule.demo!(ctx);
    items = (await owner.get(`/api/v1/companies/${companyId}/roadmap/plan`)).body.items;
  }, 120_000);
  afterAll(async () => instance?.close());

  it('took every measure into the plan before its period began and before it was done', () => {
    expect(items.length).toBeGreaterThan(3);
    const now = new Date();
    for (const item of items) {
      const accepted = new Date(item.acceptedAt);
      expect(accepted.getTime(), item.title.de).toBeLessThanOrEqual(now.getTime());
      expect(item.startQuarter, item.title.de).not.toBeNull();
      expect(quarterOf(accepted) <= item.startQuarter!, `${item.title.de}: taken in ${item.acceptedAt}, begins ${item.startQuarter}`).toBe(true);
      expect(item.startQuarter! <= item.endQuarter!, item.title.de).toBe(true);
      if (item.status !== 'planned') expect(item.startQuarter! <= quarterOf(now), `${item.title.de} has begun`).toBe(true);
    }
  });

  it('shows the measure done months ago as in the plan since months before', () => {
    const done = items.filter((i) => i.status === 'done');
    expect(done).toHaveLength(1);
    const accepted = Date.parse(done[0]!.acceptedAt);
    const doneAt = Date.parse(done[0]!.doneAt!);
    expect(doneAt).toBeLessThan(Date.now() - 60 * 86_400_000);
    expect(accepted).toBeLessThan(doneAt);
    expect(quarterOf(new Date(doneAt)) <= done[0]!.endQuarter!).toBe(true);
  });
});
