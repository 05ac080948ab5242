import type { TestClient } from '../../kernel/testing/test-instance.js';

/**
 * Switches the module on and creates a work centre, a part with a routing and an order through
 * the API; their ids fill `:workCentreId`, `:partId` and `:orderId`.
 */
export async function shopfloorIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const api = `/api/v1/companies/${companyId}/shopfloor`;
  const check = (what: string, res: { status: number; body: unknown }, expected: number) => {
    if (res.status !== expected) throw new Error(`shopfloor fixture (${what}) failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  check('enable', await client.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true }), 200);
  const centre = check('work centre', await client.post(`${api}/work-centres`, {
    code: 'ISO-1', name: 'Isolation fixture', calendar: { week: { mon: [{ name: 'early', start: '06:00', end: '14:00' }] } },
  }), 201);
  const part = check('part', await client.post(`${api}/parts`, {
    number: 'ISO-PART', name: 'Isolation fixture', operations: [{ name: 'Saw', workCentreId: centre.id, setupMinutes: 10, idealCycleSeconds: 60 }],
  }), 201);
  const order = check('order', await client.post(`${api}/orders`, { number: 'ISO-ORDER', partId: part.id, quantity: 10 }), 201);
  const terminal = check('terminal', await client.post(`${api}/terminals`, { name: 'Isolation fixture', workCentreId: centre.id }), 201);
  const reason = check('reason', await client.post(`${api}/reasons`, { kind: 'scrap', label: { de: 'Isolation', en: 'Isolation' } }), 201);
  const photoId = crypto.randomUUID();
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
  check('photo', await client.request('PUT', `${api}/photos/${photoId}`, jpeg, { 'content-type': 'image/jpeg' }), 201);
  return { workCentreId: centre.id, partId: part.id, orderId: order.id, terminalId: terminal.id, reasonId: reason.id, photoId };
}
