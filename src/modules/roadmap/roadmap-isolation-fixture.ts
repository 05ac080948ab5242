import type { TestClient } from '../../kernel/testing/test-instance.js';

/** Creates a plan item and a funding programme in a company; returns the ids the roadmap routes take. */
export async function roadmapIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const api = `/api/v1/companies/${companyId}/roadmap`;
  const item = await client.post(`${api}/plan/items`, { title: 'Isolation' });
  const programme = await client.post(`${api}/funding`, { name: 'Isolation', provider: 'Test', regions: ['DE'], kinds: ['advice'] });
  return { itemId: item.body.id, programmeId: programme.body.id };
}
