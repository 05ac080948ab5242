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
  return { workCentreId: centre.id, partId: part.id, orderId: order.id };
}
