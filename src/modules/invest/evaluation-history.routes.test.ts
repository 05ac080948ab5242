import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

const BODY = { title: 'Roboterzelle', inputs: { investmentCents: 5_000_000, savingsPerYearCents: 1_200_000 } };

/** An evaluation's page reads who created and changed it, and when. */
describe.each(testDatabaseKinds())('Evaluation history on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email, `${name} Owner`);
    return { owner, id, api: `/api/v1/companies/${id}/invest` };
  }

  it('tells an evaluation\'s changes as sentences, to its readers, only in its company', async () => {
    const a = await company('Rechnung Verlauf GmbH', 'owner@rechnung-verlauf.example');
    const cell = (await a.owner.post(`${a.api}/evaluations`, BODY)).body;
    const other = (await a.owner.post(`${a.api}/evaluations`, { ...BODY, title: 'Lager' })).body;
    expect((await a.owner.put(`${a.api}/evaluations/${cell.id}`, { ...BODY, title: 'Roboterzelle groß' })).status).toBe(200);
    await a.owner.put(`${a.api}/evaluations/${other.id}`, { ...BODY, title: 'Lager neu' });

    const history = await a.owner.get(`${a.api}/evaluations/${cell.id}/history?lang=de`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { text: string }) => e.text)).toEqual([
      'Investitionsrechnung „Roboterzelle groß“ geändert.',
      'Investitionsrechnung „Roboterzelle“ angelegt.',
    ]);
    expect(history.body[0].actor.name).toBe('Rechnung Verlauf GmbH Owner');
    const english = await a.owner.get(`${a.api}/evaluations/${cell.id}/history?lang=en&limit=1`);
    expect(english.body.map((e: { text: string }) => e.text)).toEqual(['Investment evaluation “Roboterzelle groß” changed.']);

    // a viewer reads evaluations and so their history, without the whole audit log
    const inv = await a.owner.post(`/api/v1/companies/${a.id}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    await viewer.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Vera Viewer', email: 'vera@rechnung-verlauf.example', password: 'long enough password' } });
    expect((await viewer.get(`${a.api}/evaluations/${cell.id}/history`)).body).toHaveLength(2);
    expect((await viewer.get(`/api/v1/companies/${a.id}/audit`)).status).toBe(403);

    // another company's evaluation is not found, not an empty history
    const b = await company('Rechnung Fremd AG', 'owner@rechnung-fremd.example');
    for (const id of [cell.id, randomUUID()]) {
      const res = await b.owner.get(`${b.api}/evaluations/${id}/history`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Roboterzelle');
    }
    expect((await a.owner.get(`${a.api}/evaluations/roboterzelle/history`)).status).toBe(400);
    expect((await a.owner.get(`${a.api}/evaluations/${cell.id}/history?limit=0`)).status).toBe(400);
  });
});
