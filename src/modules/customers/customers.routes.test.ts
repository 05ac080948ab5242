import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

const HANSEN = { name: 'Hansen Maschinenbau GmbH', vatId: 'DE136695976', street: 'Industriestraße 12', postcode: '24103', city: 'Kiel', country: 'DE', email: 'info@hansen.example' };

describe.each(testDatabaseKinds())('Customers API on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Muster Metallbau GmbH', 'owner@muster.example');
    await client.put(`/api/v1/companies/${companyId}/modules/customers`, { enabled: true });
    api = `/api/v1/companies/${companyId}`;
  });
  afterAll(async () => instance?.close());

  const create = async (body: Record<string, unknown>) => client.post(`${api}/customers`, body);
  const auditActions = async () => (await instance.ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);

  it('creates customers with numbers, asks before a likely duplicate and logs creating one anyway', async () => {
    const first = await create(HANSEN);
    expect(first.status).toBe(201);
    expect(first.body.number).toBe('K-00001');
    expect(first.body.vatId).toBe('DE136695976');

    const again = await create({ ...HANSEN, name: 'Hansen Maschinenbau', vatId: 'de 136 695 976' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('customers_possible_duplicate');
    expect(again.body.title).not.toMatch(/^errors\./);
    expect(again.body.candidates).toHaveLength(1);
    expect(again.body.candidates[0]).toMatchObject({ id: first.body.id, number: 'K-00001', level: 'likely' });
    expect(again.body.candidates[0].reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['vat-id-equal', 'name-equal']));
    expect((await client.get(`${api}/customers?q=hansen`)).body.total).toBe(1);

    const anyway = await create({ ...HANSEN, name: 'Hansen Maschinenbau', confirmDuplicate: true });
    expect(anyway.status).toBe(201);
    expect(anyway.body.number).toBe('K-00002');
    const created = await instance.ctx.db.selectFrom('audit_log').select('details').where('target', '=', anyway.body.id).executeTakeFirstOrThrow();
    expect(created.details).toMatchObject({ createdDespiteDuplicates: ['K-00001'] });

    // a different firm with the same name in another town only shows as possible, nothing is held
    const other = await create({ name: 'Schmidt GmbH', city: 'Ulm', postcode: '89073', street: 'Donaustraße 1' });
    const otherTown = await create({ name: 'Schmidt GmbH', city: 'Kiel', postcode: '24103', street: 'Hafenstraße 9' });
    expect(other.status).toBe(201);
    expect(otherTown.status).toBe(201);
    expect(otherTown.body.possibleDuplicates.map((d: { id: string; level: string }) => [d.id, d.level])).toEqual([[other.body.id, 'possible']]);
  });

  it('searches folded names, filters, sorts and pages the list', async () => {
    await create({ name: 'Müller Landtechnik e.K.', city: 'Husum', country: 'DE' });
    await create({ name: 'Van der Berg Techniek B.V.', city: 'Groningen', country: 'NL' });
    const mueller = await client.get(`${api}/customers?q=Mueller`);
    expect(mueller.body.items.map((c: { name: string }) => c.name)).toEqual(['Müller Landtechnik e.K.']);
    expect((await client.get(`${api}/customers?q=k-00002`)).body.items.map((c: { number: string }) => c.number)).toEqual(['K-00002']);
    expect((await client.get(`${api}/customers?q=100%25`)).body.total).toBe(0);
    expect((await client.get(`${api}/customers?country=NL`)).body.items.map((c: { city: string }) => c.city)).toEqual(['Groningen']);

    const all = await client.get(`${api}/customers?sort=number&dir=desc&limit=100`);
    const numbers = all.body.items.map((c: { number: string }) => c.number);
    expect(numbers).toEqual([...numbers].sort().reverse());
    const pages = [];
    for (let offset = 0; offset < all.body.total; offset += 2) pages.push(...(await client.get(`${api}/customers?sort=number&dir=desc&limit=2&offset=${offset}`)).body.items);
    expect(pages.map((c: { number: string }) => c.number)).toEqual(numbers);
    expect((await client.get(`${api}/customers?limit=0`)).status).toBe(400);
  });

  it('records contacts, consents with evidence, a one-click withdrawal and the timeline', async () => {
    const customer = (await create({ name: 'Nordstahl Anlagenbau AG', city: 'Rostock' })).body;
    const contact = await client.post(`${api}/customers/${customer.id}/contacts`, { salutation: 'Frau', firstName: 'Katrin', lastName: 'Nord', email: 'k.nord@nordstahl.example' });
    expect(contact.status).toBe(201);

    const noEvidence = await client.post(`${api}/contacts/${contact.body.id}/consent-events`, { channel: 'email', purpose: 'newsletter', kind: 'give', source: 'web-form' });
    expect(noEvidence.status).toBe(409);
    expect(noEvidence.body.code).toBe('customers_consent_evidence_required');
    const given = await client.post(`${api}/contacts/${contact.body.id}/consent-events`, {
      channel: 'email', purpose: 'newsletter', kind: 'give', source: 'web-form', evidence: { kind: 'double-opt-in', reference: 'DOI 2026-03-01' },
    });
    expect(given.status).toBe(201);
    const state = (grid: Array<{ channel: string; purpose: string; state: string }>, channel: string, purpose: string) => grid.find((g) => g.channel === channel && g.purpose === purpose)!.state;
    expect(state(given.body.grid, 'email', 'newsletter')).toBe('given');

    const detail = await client.get(`${api}/customers/${customer.id}`);
    expect(detail.body.contacts[0].consents).toMatchObject([{ channel: 'email', purpose: 'newsletter', state: 'given', source: 'web-form' }]);

    const withdrawn = await client.post(`${api}/contacts/${contact.body.id}/withdraw-all`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.grid.every((g: { state: string }) => g.state === 'withdrawn')).toBe(true);
    const events = withdrawn.body.history.length;
    // withdrawing again stores nothing new; the history keeps the consent
    const again = await client.post(`${api}/contacts/${contact.body.id}/withdraw-all`, {});
    expect(again.body.history).toHaveLength(events);
    expect(again.body.history.filter((e: { kind: string }) => e.kind === 'give')).toHaveLength(1);
    await expect(instance.ctx.db.updateTable('customer_consent_events').set({ kind: 'give' }).execute()).rejects.toThrow(/append-only/);

    await client.post(`${api}/customers/${customer.id}/interactions`, { kind: 'call', occurredAt: '2026-03-01T09:00:00+01:00', subject: 'Erstkontakt', contactId: contact.body.id });
    await client.post(`${api}/customers/${customer.id}/interactions`, { kind: 'visit', occurredAt: '2026-03-05T14:00:00+01:00', subject: 'Besuch' });
    const timeline = await client.get(`${api}/customers/${customer.id}/interactions`);
    expect(timeline.body.map((i: { subject: string }) => i.subject)).toEqual(['Besuch', 'Erstkontakt']);
    expect(timeline.body[0].userName).toBe('Test Person');

    const foreignContact = await client.post(`${api}/customers/${(await create({ name: 'Andere Firma', confirmDuplicate: true })).body.id}/interactions`, { kind: 'note', subject: 'x', contactId: contact.body.id });
    expect(foreignContact.status).toBe(400);
    expect(JSON.stringify(foreignContact.body)).toContain('contactId');
    expect(await auditActions()).toEqual(expect.arrayContaining(['customers.contact_added', 'customers.consent_give', 'customers.consent_withdrawn_all', 'customers.interaction_added']));
  });

  it('merges side by side, redirects the absorbed id, and undoes exactly', async () => {
    const survivor = (await create({ name: 'Petersen Stahlbau GmbH', city: 'Kiel', phone: null, confirmDuplicate: true })).body;
    const absorbed = (await create({ name: 'Petersen Stahlbau', city: 'Kiel-Wik', phone: '+49 431 1', confirmDuplicate: true })).body;
    const contact = (await client.post(`${api}/customers/${absorbed.id}/contacts`, { lastName: 'Petersen' })).body;
    await client.post(`${api}/customers/${absorbed.id}/interactions`, { kind: 'note', subject: 'Alt' });
    const before = await client.get(`${api}/customers/${absorbed.id}`);
    const survivorBefore = await client.get(`${api}/customers/${survivor.id}`);

    const plan = await client.post(`${api}/customers/${survivor.id}/merge-plan`, { absorbedId: absorbed.id, choices: { city: 'absorbed' } });
    expect(plan.status).toBe(200);
    expect(plan.body.fields.find((f: { field: string }) => f.field === 'city')).toMatchObject({ survivor: 'Kiel', absorbed: 'Kiel-Wik', result: 'Kiel-Wik' });
    expect(plan.body.fields.find((f: { field: string }) => f.field === 'phone')).toMatchObject({ survivor: null, result: '+49 431 1' });
    expect(plan.body.moves).toEqual({ contacts: 1, interactions: 1, quotes: 0, orders: 0 });
    expect((await client.get(`${api}/customers/${absorbed.id}`)).body.contacts).toHaveLength(1);

    const merged = await client.post(`${api}/customers/${survivor.id}/merges`, { absorbedId: absorbed.id, choices: { city: 'absorbed' } });
    expect(merged.status).toBe(201);
    const after = await client.get(`${api}/customers/${survivor.id}`);
    expect(after.body).toMatchObject({ city: 'Kiel-Wik', phone: '+49 431 1', aliases: [absorbed.number] });
    expect(after.body.contacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    expect(after.body.merges).toMatchObject([{ id: merged.body.mergeId, absorbedNumber: absorbed.number }]);
    expect((await client.get(`${api}/customers/${survivor.id}/interactions`)).body.map((i: { subject: string }) => i.subject)).toEqual(['Alt']);
    const redirect = await client.get(`${api}/customers/${absorbed.id}`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`${api}/customers/${survivor.id}`);
    const write = await client.put(`${api}/customers/${absorbed.id}`, { name: 'x' });
    expect(write.status).toBe(409);
    expect(write.body).toMatchObject({ code: 'customers_customer_merged', survivorId: survivor.id });
    expect((await client.get(`${api}/customers?q=${absorbed.number}`)).body.items.map((c: { id: string }) => c.id)).toEqual([survivor.id]);
    expect((await client.post(`${api}/customers/${survivor.id}/merges`, { absorbedId: absorbed.id })).body.code).toBe('customers_merge_already_merged');
    expect((await client.post(`${api}/customers/${survivor.id}/merges`, { absorbedId: survivor.id })).body.code).toBe('customers_merge_same_customer');

    const undone = await client.post(`${api}/customer-merges/${merged.body.mergeId}/undo`, {});
    expect(undone.status).toBe(200);
    const strip = (c: Record<string, unknown>) => ({ ...c, version: undefined, updatedAt: undefined });
    expect(strip((await client.get(`${api}/customers/${absorbed.id}`)).body)).toEqual(strip(before.body));
    expect(strip((await client.get(`${api}/customers/${survivor.id}`)).body)).toEqual(strip(survivorBefore.body));
    expect((await client.post(`${api}/customer-merges/${merged.body.mergeId}/undo`, {})).body.code).toBe('customers_merge_already_undone');
    expect(await auditActions()).toEqual(expect.arrayContaining(['customers.merged', 'customers.merge_undone']));
  });

  it('refuses an undo after the survivor was edited, unless the edits are discarded', async () => {
    const survivor = (await create({ name: 'Krause Blechtechnik', confirmDuplicate: true })).body;
    const absorbed = (await create({ name: 'Krause Blech', confirmDuplicate: true })).body;
    const merged = (await client.post(`${api}/customers/${survivor.id}/merges`, { absorbedId: absorbed.id })).body;
    await client.put(`${api}/customers/${survivor.id}`, { name: 'Krause Blechtechnik GmbH' });
    const refused = await client.post(`${api}/customer-merges/${merged.mergeId}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([{ code: 'survivor-edited-since', customerId: survivor.id }]);
    expect((await client.post(`${api}/customer-merges/${merged.mergeId}/undo`, { discardEdits: true })).status).toBe(200);
    expect((await client.get(`${api}/customers/${survivor.id}`)).body.name).toBe('Krause Blechtechnik');
  });

  it('keeps another company\'s customers out of a merge', async () => {
    const other = new TestClient(instance);
    const otherCompany = await other.signup('Beta GmbH', 'bob@beta.example');
    const theirs = (await other.post(`/api/v1/companies/${otherCompany}/customers`, { name: 'Beta Kunde' })).body;
    const ours = (await create({ name: 'Eigener Kunde', confirmDuplicate: true })).body;
    const crossed = await client.post(`${api}/customers/${ours.id}/merges`, { absorbedId: theirs.id });
    expect(crossed.status).toBe(400);
    expect(JSON.stringify(crossed.body)).toContain('absorbedId');
    expect(JSON.stringify(crossed.body)).not.toContain('Beta Kunde');
    expect((await other.get(`/api/v1/companies/${otherCompany}/customers/${theirs.id}`)).body.mergedInto).toBeNull();
  });
});
