import type { TestClient } from '../../kernel/testing/test-instance.js';

/** Records a breach in the company through the API; its id fills `:breachId`. */
export async function privacyIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const created = await client.post(`/api/v1/companies/${companyId}/privacy/breaches`, { title: 'Isolation fixture', becameKnownAt: new Date(Date.now() - 3_600_000).toISOString() });
  if (created.status !== 201) throw new Error(`privacy fixture failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { breachId: created.body.id as string };
}
