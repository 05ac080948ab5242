import type { TestClient } from '../../kernel/testing/test-instance.js';

/** A breach and a confirmed version of the record, through the API: they fill `:breachId`, `:activityKey` and `:recordVersion`. */
export async function privacyIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const created = await client.post(`/api/v1/companies/${companyId}/privacy/breaches`, { title: 'Isolation fixture', becameKnownAt: new Date(Date.now() - 3_600_000).toISOString() });
  if (created.status !== 201) throw new Error(`privacy fixture failed: ${created.status} ${JSON.stringify(created.body)}`);
  const confirmed = await client.post(`/api/v1/companies/${companyId}/privacy/record/versions`, {});
  if (confirmed.status !== 201) throw new Error(`privacy fixture failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  const activity = (confirmed.body.record.activities as Array<{ key: string }>)[0]!;
  return { breachId: created.body.id as string, activityKey: activity.key, recordVersion: String(confirmed.body.versions[0].version) };
}
