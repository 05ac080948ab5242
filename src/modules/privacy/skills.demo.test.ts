import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { skillsDemo } from './skills.demo.js';
import type { RequirementsView, SkillsMatrix } from './skills.schemas.js';

/** The demo firm shows what the pages are for: a worker flagged before a go-live, an awareness training due. */
describe('skills demo data', () => {
  let instance: Instance;
  let matrix: SkillsMatrix;
  let view: RequirementsView;

  beforeAll(async () => {
    instance = await startTestInstance('embedded');
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Demo Skills GmbH', 'o@demo-skills.example', 'Olga Owner');
    await owner.post(`/api/v1/companies/${companyId}/workers`, { name: 'Ali Yilmaz', personnelNumber: '1001', pin: '482913' });
    await owner.post(`/api/v1/companies/${companyId}/roadmap/plan/items`, { title: 'Fertigungsleitsystem einführen' });
    const ownerId = (await owner.get('/api/v1/me')).body.user.id;
    await skillsDemo({ db: instance.ctx.db, tenantId: companyId, ownerId });
    matrix = (await owner.get(`/api/v1/companies/${companyId}/privacy/skills`)).body;
    view = (await owner.get(`/api/v1/companies/${companyId}/privacy/skills/requirements`)).body;
  }, 120_000);
  afterAll(async () => instance?.close());

  it('assesses everyone, flags the worker for the measure going live in three weeks, and has awareness trainings due', () => {
    expect(matrix.people.every((p) => Object.keys(p.levels).length >= 5)).toBe(true);
    expect(matrix.people.map((p) => [p.name, p.awareness.state])).toEqual([['Ali Yilmaz', 'never'], ['Olga Owner', 'due-soon']]);
    const measure = view.requirements.find((r) => r.subject === 'measure')!;
    expect(measure).toMatchObject({ urgency: 'soon', days: 21, title: { de: 'Fertigungsleitsystem einführen' } });
    expect(measure.people.filter((p) => p.gaps.length > 0).map((p) => p.name)).toEqual(['Ali Yilmaz', 'Olga Owner']);
    expect(view.requirements.find((r) => r.subject === 'software')).toMatchObject({ urgency: 'ready', flagged: 0 });
  });
});
