import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

/** A plan measure's detail page reads who changed it and when. */
describe.each(testDatabaseKinds())('Plan measure history on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email, `${name} Owner`);
    await owner.put(`/api/v1/companies/${id}/modules/roadmap`, { enabled: true });
    return { owner, id, api: `/api/v1/companies/${id}/roadmap` };
  }

  it('tells a measure\'s changes as sentences, to readers of the plan, only in its company', async () => {
    const a = await company('Plan Verlauf GmbH', 'owner@plan-verlauf.example');
    const item = (await a.owner.post(`${a.api}/plan/items`, { title: 'Tablets an den Maschinen' })).body;
    const other = (await a.owner.post(`${a.api}/plan/items`, { title: 'Webshop' })).body;
    expect((await a.owner.patch(`${a.api}/plan/items/${item.id}`, { status: 'in_progress', microGoal: 'Zwei Tablets' })).status).toBe(200);
    await a.owner.patch(`${a.api}/plan/items/${other.id}`, { status: 'done' });

    const history = await a.owner.get(`${a.api}/plan/items/${item.id}/history?lang=de`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { text: string }) => e.text)).toEqual([
      'Maßnahme „Tablets an den Maschinen“ im Plan geändert. Betroffen: Status jetzt „in Arbeit“, Jahresziel.',
      'Maßnahme „Tablets an den Maschinen“ zum Plan hinzugefügt.',
    ]);
    expect(history.body[0].actor.name).toBe('Plan Verlauf GmbH Owner');

    // a viewer reads the plan and so its history, without the whole audit log
    const inv = await a.owner.post(`/api/v1/companies/${a.id}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    await viewer.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Vera Viewer', email: 'vera@plan-verlauf.example', password: 'long enough password' } });
    expect((await viewer.get(`${a.api}/plan/items/${item.id}/history?lang=en`)).body[0].text)
      .toBe('Measure “Tablets an den Maschinen” changed in the plan. Affected: status now “in progress”, goal for the year.');
    // the editor sends every field; only what differs is named
    await a.owner.patch(`${a.api}/plan/items/${item.id}`, { status: 'in_progress', microGoal: 'Zwei Tablets', ownerText: null, startQuarter: '2027-Q1', endQuarter: '2027-Q2', kpiName: null });
    expect((await a.owner.get(`${a.api}/plan/items/${item.id}/history?lang=de&limit=1`)).body[0].text)
      .toBe('Maßnahme „Tablets an den Maschinen“ im Plan geändert. Betroffen: Zeitraum.');
    expect((await viewer.get(`/api/v1/companies/${a.id}/audit`)).status).toBe(403);

    const b = await company('Plan Fremd AG', 'owner@plan-fremd.example');
    for (const id of [item.id, randomUUID()]) {
      const res = await b.owner.get(`${b.api}/plan/items/${id}/history`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Tablets');
    }
    expect((await a.owner.get(`${a.api}/plan/items/tablets/history`)).status).toBe(400);
  });
});
