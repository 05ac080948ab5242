import { getQuestionnaire } from '../../check/index.js';
import type { Instance } from '../../../kernel/instance.js';
import { TestClient } from '../../../kernel/testing/test-instance.js';

/** A company with two completed checks and an accepted, scheduled plan, built through the API. */
export async function demoCompany(instance: Instance, name = 'Muster Report GmbH', email = 'o@report.example') {
  const client = new TestClient(instance);
  const id = await client.signup(name, email);
  await client.patch(`/api/v1/companies/${id}`, { profile: { employees: 42, industry: '25', series: 'single', complexity: 'medium', state: 'BW', region: 'stuttgart' } });
  const items = getQuestionnaire().items;
  for (const step of [0, 1]) {
    const answers: Record<string, boolean | number | string> = {};
    for (const item of items) {
      if (item.type === 'scale') answers[item.id] = Math.min(item.steps.length - 1, step + (item.id.length % 2));
      else if (item.type === 'boolean') answers[item.id] = step === 1 && item.id.length % 3 === 0;
      else if (item.type === 'choice') answers[item.id] = item.options[0]!.value;
    }
    answers['scr.machines'] = true;
    const run = (await client.post(`/api/v1/companies/${id}/check/runs`)).body.id;
    await client.put(`/api/v1/companies/${id}/check/runs/${run}/answers`, { answers });
    await client.post(`/api/v1/companies/${id}/check/runs/${run}/complete`);
  }
  const api = `/api/v1/companies/${id}/roadmap`;
  const suggestions = (await client.get(`${api}/suggestions`)).body.suggestions as Array<{ id: string }>;
  await client.post(`${api}/plan/accept`, { measureIds: suggestions.slice(0, 7).map((s) => s.id) });
  await client.post(`${api}/plan/schedule`, {});
  return { client, id, api };
}
