import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { todayInFirmZone } from './quotes.service.js';

describe.each(testDatabaseKinds())('Copying a quote on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let customerId: string;
  let contactId: string;
  let partId: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Kopier Metall GmbH', 'owner@kopier-metall.example');
    api = `/api/v1/companies/${companyId}`;
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    partId = (await client.post(`${api}/shopfloor/parts`, { number: 'WIN-7', name: 'Winkel' })).body.id;
    customerId = (await client.post(`${api}/customers`, { name: 'Petersen Anlagenbau GmbH', city: 'Flensburg' })).body.id;
    contactId = (await client.post(`${api}/customers/${customerId}/contacts`, { lastName: 'Petersen', email: 'p@petersen.example' })).body.id;
  });
  afterAll(async () => instance?.close());

  const future = '2099-06-30';
  const lostQuote = async () => {
    const quote = (await client.post(`${api}/quotes`, {
      customerId, contactId, subject: 'Winkel für Halle 3', validUntil: '2027-01-31',
      positions: [
        { partId, quantityMilli: 50_000, unitPriceCents: 1_290, discountBasisPoints: 300, vatBasisPoints: 1900, deliveryDate: '2020-02-14' },
        { text: 'Sonderverpackung', quantityMilli: 1_000, unitPriceCents: 4_500, vatBasisPoints: 1900, deliveryDate: future },
      ],
    })).body;
    expect((await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' })).status).toBe(200);
    expect((await client.post(`${api}/quotes/${quote.id}/lose`, { reason: 'delivery-time' })).status).toBe(200);
    return quote;
  };

  it('starts a new draft from a decided quote, leaves out passed delivery dates and says how many', async () => {
    const lost = await lostQuote();
    const res = await client.post(`${api}/quotes/${lost.id}/copy`, {});
    expect(res.status).toBe(201);
    const copy = res.body;
    expect(copy.id).not.toBe(lost.id);
    expect(copy.number).not.toBe(lost.number);
    expect(copy).toMatchObject({ state: 'draft', customerId, contactId, subject: 'Winkel für Halle 3', validUntil: null, currentVersion: 1, copiedFrom: { id: lost.id, number: lost.number }, pastDeliveryDates: 1 });
    const positions = copy.versions[0].positions;
    expect(positions.map((p: { text: string; partId: string | null; quantityMilli: number; unitPriceCents: number; discountBasisPoints: number; deliveryDate: string | null }) => [p.text, p.partId, p.quantityMilli, p.unitPriceCents, p.discountBasisPoints, p.deliveryDate])).toEqual([
      ['WIN-7 Winkel', partId, 50_000, 1_290, 300, null],
      ['Sonderverpackung', null, 1_000, 4_500, 0, future],
    ]);
    expect(copy.versions[0].totals.netCents).toBe(lost.versions[0].totals.netCents);
    // the lost quote stays as it was
    expect((await client.get(`${api}/quotes/${lost.id}`)).body).toMatchObject({ state: 'lost', lostReason: 'delivery-time' });
    expect(todayInFirmZone(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('copies for another customer without the contact, and refuses a customer of another company', async () => {
    const lost = await lostQuote();
    const otherCustomer = (await client.post(`${api}/customers`, { name: 'Jessen Stahl KG', city: 'Husum' })).body.id;
    const res = await client.post(`${api}/quotes/${lost.id}/copy`, { customerId: otherCustomer });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ customerId: otherCustomer, customerName: 'Jessen Stahl KG', contactId: null });

    const stranger = new TestClient(instance);
    const strangerCompany = await stranger.signup('Fremd GmbH', 'owner@fremd-kopie.example');
    const foreignCustomer = (await stranger.post(`/api/v1/companies/${strangerCompany}/customers`, { name: 'Fremdkunde' })).body.id;
    const before = (await client.get(`${api}/quotes?limit=100`)).body.total;
    const refused = await client.post(`${api}/quotes/${lost.id}/copy`, { customerId: foreignCustomer });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('customerId');
    expect((await client.post(`${api}/quotes/${lost.id}/copy`, { customerId: 'nope' })).status).toBe(400);
    // nor can the stranger copy this company's quote into theirs
    expect((await stranger.post(`/api/v1/companies/${strangerCompany}/quotes/${lost.id}/copy`, {})).status).toBe(404);
    expect((await client.get(`${api}/quotes?limit=100`)).body.total).toBe(before);
  });
});
