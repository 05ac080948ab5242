import type { TestClient } from '../../kernel/testing/test-instance.js';

/** Creates an evaluation in the company through the API; its id fills `:evaluationId`. */
export async function investIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const created = await client.post(`/api/v1/companies/${companyId}/invest/evaluations`, {
    title: 'Isolation fixture',
    inputs: { investmentCents: 1_000_000, savingsPerYearCents: 300_000 },
  });
  if (created.status !== 201) throw new Error(`invest fixture failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { evaluationId: created.body.id as string };
}
