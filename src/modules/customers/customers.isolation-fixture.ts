import type { TestClient } from '../../kernel/testing/test-instance.js';

/**
 * Creates customers with a contact and an interaction in the company through the API, and a merge of
 * two of them: `customerId`, `contactId`, `mergeId` fill the path parameters, `absorbableCustomerId`
 * is a customer the write examples merge into `customerId`.
 */
export async function customersIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const api = `/api/v1/companies/${companyId}`;
  const create = async (name: string) => {
    const res = await client.post(`${api}/customers`, { name, city: 'Kiel', email: 'info@isolation-fixture.example', confirmDuplicate: true });
    if (res.status !== 201) throw new Error(`customers fixture failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const customerId = await create('Isolation Fixture Kunde GmbH');
  const contact = await client.post(`${api}/customers/${customerId}/contacts`, { lastName: 'Fixture', email: 'contact@isolation-fixture.example' });
  if (contact.status !== 201) throw new Error(`customers fixture contact failed: ${contact.status} ${JSON.stringify(contact.body)}`);
  await client.post(`${api}/customers/${customerId}/interactions`, { kind: 'note', subject: 'Fixture note' });
  const absorbableCustomerId = await create('Isolation Fixture Dublette GmbH');
  const mergedAway = await create('Isolation Fixture Zweitkunde GmbH');
  const merged = await client.post(`${api}/customers/${customerId}/merges`, { absorbedId: mergedAway });
  if (merged.status !== 201) throw new Error(`customers fixture merge failed: ${merged.status} ${JSON.stringify(merged.body)}`);
  return { customerId, contactId: contact.body.id as string, mergeId: merged.body.mergeId as string, absorbableCustomerId };
}
