import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { checkModule } from '../check/module.js';
import { roadmapModule } from './module.js';

describe('Roadmap demo data', () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance('embedded');
  });
  afterAll(async () => instance?.close());

  it('accepts suggestions of the latest demo check, schedules them and shows progress', async () => {
    const client = new TestClient(instance);
    const companyId = await client.signup('Demo GmbH', 'o@demo-roadmap.example');
    await client.patch(`/api/v1/companies/${companyId}`, { profile: { employees: 35, industry: '25', state: 'BW' } });
    const ownerId = (await client.get('/api/v1/me')).body.user.id;
    const ctx = { db: instance.ctx.db, tenantId: companyId, ownerId };
    await checkModule.demo!(ctx);
    await roadmapModule.demo!(ctx);

    const api = `/api/v1/companies/${companyId}/roadmap`;
    const suggestions = (await client.get(`${api}/suggestions`)).body.suggestions;
    const plan = (await client.get(`${api}/plan`)).body;
    expect(plan.items.length).toBeGreaterThan(1);
    const accepted = new Set(plan.items.map((i: { measureId: string }) => i.measureId));
    expect(suggestions.slice(0, plan.items.length).every((s: { id: string }) => accepted.has(s.id))).toBe(true);
    expect(plan.items.every((i: { startQuarter: string | null }) => i.startQuarter !== null)).toBe(true);
    expect(plan.items.map((i: { status: string }) => i.status)).toEqual(expect.arrayContaining(['done', 'in_progress', 'planned']));
    expect(plan.reviews.length).toBeGreaterThan(0);
    const progress = (await client.get(`${api}/progress`)).body;
    expect(progress.previous).not.toBeNull();
    expect(progress.completed).toHaveLength(1);
  });
});
