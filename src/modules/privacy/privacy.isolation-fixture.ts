import type { TestClient } from '../../kernel/testing/test-instance.js';

/**
 * A breach, a confirmed version of the record, a training and a skill requirement of the caller, an adopted security
 * concept, and an erasure request with two shop-floor workers linked, through the API: they fill `:breachId`,
 * `:activityKey`, `:recordVersion`, `:skillPersonId`, `:trainingId`, `:requirementId`, `:securityRequirementId`,
 * `:sectionKey` and `:requestId`; `:ruleKey` names a retention rule of the module; `privacyPersonId` is the worker
 * the request erases, `privacyOtherPersonId` one that can be unlinked.
 */
export async function privacyIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const api = `/api/v1/companies/${companyId}`;
  const created = await client.post(`${api}/privacy/breaches`, { title: 'Isolation fixture', becameKnownAt: new Date(Date.now() - 3_600_000).toISOString() });
  if (created.status !== 201) throw new Error(`privacy fixture failed: ${created.status} ${JSON.stringify(created.body)}`);
  const confirmed = await client.post(`${api}/privacy/record/versions`, {});
  if (confirmed.status !== 201) throw new Error(`privacy fixture failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  const activity = (confirmed.body.record.activities as Array<{ key: string }>)[0]!;
  const personId = (await client.get('/api/v1/me')).body.user.id as string;
  const skills = `/api/v1/companies/${companyId}/privacy/skills`;
  const training = await client.post(`${skills}/trainings`, { personId, title: 'Isolation fixture', competences: ['security-awareness'], completedOn: '2026-01-15' });
  if (training.status !== 201) throw new Error(`privacy fixture failed: ${training.status} ${JSON.stringify(training.body)}`);
  const requirement = await client.post(`${skills}/requirements`, { subject: 'software', softwareName: 'Isolation ERP', goLiveOn: '2026-01-15', confirmPastGoLive: true, needs: [{ competence: 'data-literacy', level: 2 }], personIds: [personId] });
  if (requirement.status !== 201) throw new Error(`privacy fixture failed: ${requirement.status} ${JSON.stringify(requirement.body)}`);
  const security = `/api/v1/companies/${companyId}/privacy/security`;
  const answered = await client.put(`${security}/check/answers/backup.regular`, { answer: 'not_met', note: null });
  const drafted = await client.post(`${security}/concept/draft`, {});
  const adopted = await client.post(`${security}/concept/adopt`, {});
  for (const res of [answered, drafted, adopted]) if (res.status >= 300) throw new Error(`privacy fixture failed: ${res.status} ${JSON.stringify(res.body)}`);

  const workers: string[] = [];
  for (const n of [1, 2]) {
    const worker = await client.post(`${api}/workers`, { name: `Privacy Fixture ${n}`, personnelNumber: `PRIV-FIX-${n}`, pin: '731946' });
    if (worker.status !== 201) throw new Error(`privacy fixture worker failed: ${worker.status} ${JSON.stringify(worker.body)}`);
    workers.push(worker.body.userId as string);
  }
  const request = await client.post(`${api}/privacy/requests`, { kind: 'erasure', requesterName: 'Privacy Fixture 1', receivedOn: new Date().toISOString().slice(0, 10) });
  if (request.status !== 201) throw new Error(`privacy fixture request failed: ${request.status} ${JSON.stringify(request.body)}`);
  const linked = await client.post(`${api}/privacy/requests/${request.body.id}/people`, { query: 'PRIV-FIX', people: workers.map((ref) => ({ moduleId: 'platform', ref })) });
  if (linked.status !== 200) throw new Error(`privacy fixture link failed: ${linked.status} ${JSON.stringify(linked.body)}`);
  return {
    skillPersonId: personId, trainingId: training.body.id as string, requirementId: requirement.body.id as string,
    breachId: created.body.id as string, activityKey: activity.key, recordVersion: String(confirmed.body.versions[0].version),
    securityRequirementId: 'backup.regular', sectionKey: 'backup', ruleKey: 'privacy.closed-breaches',
    requestId: request.body.id as string, privacyPersonId: workers[0]!, privacyOtherPersonId: workers[1]!,
  };
}
