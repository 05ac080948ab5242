import type { TestClient } from '../../kernel/testing/test-instance.js';

/**
 * Creates customers with a contact and an interaction in the company through the API, and a merge of
 * two of them: `customerId`, `contactId`, `mergeId` fill the path parameters, `absorbableCustomerId`
 * is a customer the write examples merge into `customerId`. Quotes: `quoteId` is a sent quote (version 1),
 * `customerOrderId` the order of a won quote with a part position `orderPositionId` (its production order
 * released, so it has a lot) and a delivery `customerDeliveryId` of its text position; `quotePartId` is
 * a Shop floor part with a routing made for them. `importId` is an uploaded, not yet imported customer file.
 * `shareLinkId` is a customer link of that order, `token` the token of a revoked one.
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
  const quotes = await quoteFixture(client, api, customerId);
  const csv = Buffer.from('Firma;Ort\nIsolation Fixture Import GmbH;Kiel\n').toString('base64');
  const uploaded = await client.post(`${api}/imports`, { kind: 'customers', fileName: 'isolation.csv', content: csv });
  if (uploaded.status !== 201) throw new Error(`customers fixture import failed: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  return { customerId, contactId: contact.body.id as string, mergeId: merged.body.mergeId as string, absorbableCustomerId, importId: uploaded.body.id as string, ...quotes };
}

async function quoteFixture(client: TestClient, api: string, customerId: string): Promise<Record<string, string>> {
  const check = (what: string, res: { status: number; body: any }, status: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (res.status !== status) throw new Error(`customers fixture ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  check('shop floor', await client.put(`${api}/modules/shopfloor`, { enabled: true }), 200);
  const centre = check('work centre', await client.post(`${api}/shopfloor/work-centres`, { code: 'ISO-CUST-WC', name: 'Isolation fixture (customers)' }), 201);
  const part = check('part', await client.post(`${api}/shopfloor/parts`, {
    number: 'ISO-CUST-PART', name: 'Isolation fixture part', operations: [{ name: 'Saw', workCentreId: centre.id, setupMinutes: 5, idealCycleSeconds: 30 }],
  }), 201);
  const positions = [{ partId: part.id, quantityMilli: 20_000, unitPriceCents: 1_999, deliveryDate: '2027-02-01' }, { text: 'Isolation fixture service', quantityMilli: 1_000, unitPriceCents: 5_000 }];
  const quote = check('quote', await client.post(`${api}/quotes`, { customerId, subject: 'Isolation fixture quote', positions }), 201);
  check('send', await client.post(`${api}/quotes/${quote.id}/send`, {}), 200);
  const won = check('quote', await client.post(`${api}/quotes`, { customerId, subject: 'Isolation fixture won quote', positions }), 201);
  check('send', await client.post(`${api}/quotes/${won.id}/send`, { language: 'en' }), 200);
  check('win', await client.post(`${api}/quotes/${won.id}/win`, {}), 200);
  const order = check('order', await client.post(`${api}/quotes/${won.id}/order`, { customerReference: 'ISO-PO' }), 201);
  check('production order', await client.post(`${api}/customer-order-positions/${order.positions[0].id}/production-orders`, { quantity: 10, release: true }), 201);
  const delivery = check('delivery', await client.post(`${api}/customer-orders/${order.id}/deliveries`, { lines: [{ positionId: order.positions[1].id, quantityMilli: 1_000 }] }), 201);
  // a customer link, and the token of a revoked one for the public route (which opens nothing then, for anyone)
  const link = check('customer link', await client.post(`${api}/customer-orders/${order.id}/share-links`, { sections: ['operations'] }), 201);
  const revoked = check('customer link', await client.post(`${api}/customer-orders/${order.id}/share-links`, {}), 201);
  check('revoke customer link', await client.post(`${api}/share-links/${revoked.id}/revoke`, {}), 200);
  return { quoteId: quote.id, version: '1', customerOrderId: order.id, orderPositionId: order.positions[0].id, quotePartId: part.id, shareLinkId: link.id, token: revoked.token, customerDeliveryId: delivery.delivery.id };
}
