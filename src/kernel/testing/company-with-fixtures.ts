import type { Instance } from '../instance.js';
import { isolationFixtures } from '../../modules/isolation-fixtures.js';
import { TestClient } from './test-instance.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface WalkCompany {
  client: TestClient;
  companyId: string;
  /** Fixture ids by path-parameter name, plus `ownUserId`, `ownEmail`, `ownPassword` and an open `invitationToken`. */
  ids: Record<string, string>;
}

/**
 * A company with every module switched on, the modules' isolation fixtures, a shop-floor worker
 * (`userId`), an open invitation (`invitationId`), a second one whose link token is `invitationToken`,
 * and `operationId` (of the fixture order).
 */
export async function companyWithFixtures(instance: Instance, name: string, email: string): Promise<WalkCompany> {
  const client = new TestClient(instance);
  const companyId = await client.signup(name, email, 'Test Person', TEST_PASSWORD);
  const api = `/api/v1/companies/${companyId}`;
  for (const module of instance.ctx.registry.modules.filter((m) => !m.core)) {
    const res = await client.put(`${api}/modules/${module.id}`, { enabled: true });
    if (res.status !== 200) throw new Error(`enabling ${module.id} failed: ${res.status}`);
  }
  const ids: Record<string, string> = { ownEmail: email, ownPassword: TEST_PASSWORD };
  ids.ownUserId = (await client.get('/api/v1/me')).body.user.id;
  ids.moduleId = instance.ctx.registry.modules.find((m) => !m.core)?.id ?? 'platform';
  const worker = await client.post(`${api}/workers`, { name: `Worker of ${name}`, personnelNumber: 'W-1', pin: '246813' });
  if (worker.status !== 201) throw new Error(`worker failed: ${worker.status} ${JSON.stringify(worker.body)}`);
  ids.userId = worker.body.userId;
  ids.invitationId = (await client.post(`${api}/invitations`, { role: 'member' })).body.id;
  const link = (await client.post(`${api}/invitations`, { role: 'viewer' })).body.link as string;
  ids.invitationToken = new URL(link).hash.slice(1);
  for (const module of instance.ctx.registry.modules) {
    const fixture = isolationFixtures[module.id];
    if (fixture) Object.assign(ids, await fixture(client, companyId));
  }
  // ids in bodies that are no path parameter: the fixture order's first operation
  ids.operationId = (await client.get(`${api}/shopfloor/orders/${ids.orderId}`)).body.operations[0].id;
  return { client, companyId, ids };
}
