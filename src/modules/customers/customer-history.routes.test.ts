import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

/** A customer's page reads who created, changed and merged it, and when; its contacts' personal data stays out. */
describe.each(testDatabaseKinds())('Customer history on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email, `${name} Owner`);
    expect((await owner.put(`/api/v1/companies/${id}/modules/customers`, { enabled: true })).status).toBe(200);
    return { owner, id, api: `/api/v1/companies/${id}` };
  }

  it('tells a customer\'s changes and merges as sentences, without its contacts, only in its company', async () => {
    const a = await company('Kunden Verlauf GmbH', 'owner@kunden-verlauf.example');
    const create = async (name: string, city: string) => (await a.owner.post(`${a.api}/customers`, { name, city, confirmDuplicate: true })).body;
    const nord = await create('Nordstahl Anlagenbau AG', 'Rostock');
    const twin = await create('Nordstahl Anlagenbau', 'Rostock');
    const other = await create('Südblech KG', 'Passau');
    expect((await a.owner.put(`${a.api}/customers/${nord.id}`, { name: 'Nordstahl Anlagenbau AG', city: 'Wismar' })).status).toBe(200);
    await a.owner.put(`${a.api}/customers/${other.id}`, { name: 'Südblech KG', city: 'Deggendorf' });
    const contact = await a.owner.post(`${a.api}/customers/${nord.id}/contacts`, { firstName: 'Katrin', lastName: 'Nordmann', email: 'k.nordmann@nordstahl.example' });
    expect(contact.status).toBe(201);
    await a.owner.put(`${a.api}/contacts/${contact.body.id}`, { firstName: 'Katrin', lastName: 'Nordmann-Ost', email: 'k.nordmann@nordstahl.example' });
    expect((await a.owner.post(`${a.api}/customers/${nord.id}/merges`, { absorbedId: twin.id })).status).toBe(201);

    const history = await a.owner.get(`${a.api}/customers/${nord.id}/history?lang=de`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { text: string }) => e.text)).toEqual([
      `Kunde ${twin.number} mit Kunde ${nord.number} zusammengeführt.`,
      `Kunde ${nord.number} geändert.`,
      `Kunde ${nord.number} angelegt.`,
    ]);
    expect(history.body[0].actor.name).toBe('Kunden Verlauf GmbH Owner');
    expect(JSON.stringify(history.body)).not.toMatch(/Nordmann|Katrin/);
    const english = await a.owner.get(`${a.api}/customers/${nord.id}/history?lang=en&limit=1`);
    expect(english.body.map((e: { text: string }) => e.text)).toEqual([`Customer ${twin.number} merged into customer ${nord.number}.`]);

    // a viewer reads customers and so their history, without the whole audit log
    const inv = await a.owner.post(`/api/v1/companies/${a.id}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    await viewer.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Vera Viewer', email: 'vera@kunden-verlauf.example', password: 'long enough password' } });
    expect((await viewer.get(`${a.api}/customers/${nord.id}/history`)).body).toHaveLength(3);
    expect((await viewer.get(`/api/v1/companies/${a.id}/audit`)).status).toBe(403);

    // another company's customer is not found, not an empty history
    const b = await company('Kunden Fremd AG', 'owner@kunden-fremd.example');
    for (const id of [nord.id, randomUUID()]) {
      const res = await b.owner.get(`${b.api}/customers/${id}/history`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Nordstahl');
    }
    expect((await a.owner.get(`${a.api}/customers/${nord.number}/history`)).status).toBe(400);
  });
});
