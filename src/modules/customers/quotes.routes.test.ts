import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { QUOTE_PDF_LABELS } from './quote-pdf.js';
import { yearInFirmZone } from './quotes.service.js';

async function pdfPages(data: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/` }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  await doc.destroy();
  return pages;
}

describe.each(testDatabaseKinds())('Quotes and customer orders API on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let customerId: string;
  let partId: string;
  let partWithoutRoutingId: string;
  const year = yearInFirmZone(new Date());

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Muster Metallbau GmbH', 'owner@muster.example');
    api = `/api/v1/companies/${companyId}`;
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'SAEGE', name: 'Säge' });
    const part = await client.post(`${api}/shopfloor/parts`, { number: 'KONS-100', name: 'Konsole geschweißt', operations: [{ name: 'Sägen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }] });
    partId = part.body.id;
    partWithoutRoutingId = (await client.post(`${api}/shopfloor/parts`, { number: 'ZUKAUF-1', name: 'Zukaufteil' })).body.id;
    customerId = (await client.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', city: 'Kiel' })).body.id;
  });
  afterAll(async () => instance?.close());

  const positions = () => [
    { partId, quantityMilli: 10_000, unitPriceCents: 4_250, discountBasisPoints: 500, vatBasisPoints: 1900, deliveryDate: '2027-03-15' },
    { text: 'Verpackung', quantityMilli: 1_000, unitPriceCents: 3_500, vatBasisPoints: 700 },
  ];
  const createQuote = async (extra: Record<string, unknown> = {}) => client.post(`${api}/quotes`, { customerId, subject: 'Konsolen', positions: positions(), ...extra });
  const sentQuote = async () => {
    const quote = (await createQuote()).body;
    expect((await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' })).status).toBe(200);
    return quote;
  };

  it('creates a numbered quote with the part written in and totals with VAT per rate', async () => {
    const res = await createQuote();
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(new RegExp(`^A-${year}-\\d{5}$`));
    expect(res.body).toMatchObject({ state: 'draft', currency: 'EUR', customerName: 'Hansen Maschinenbau GmbH', actions: ['edit', 'send'] });
    const v1 = res.body.versions[0];
    expect(v1.positions.map((p: { text: string; partNumber: string | null }) => [p.text, p.partNumber])).toEqual([['KONS-100 Konsole geschweißt', 'KONS-100'], ['Verpackung', null]]);
    // 10 × 42.50 € less 5 % = 403.75 € at 19 %; 35.00 € at 7 %
    expect(v1.positions.map((p: { netCents: number }) => p.netCents)).toEqual([40_375, 3_500]);
    expect(v1.totals).toEqual({
      netCents: 43_875,
      vat: [{ vatBasisPoints: 1900, baseCents: 40_375, taxCents: 7_671 }, { vatBasisPoints: 700, baseCents: 3_500, taxCents: 245 }],
      grossCents: 43_875 + 7_671 + 245,
    });
    const next = await createQuote();
    expect(Number(next.body.number.slice(-5))).toBe(Number(res.body.number.slice(-5)) + 1);
  });

  it('refuses positions and references the company does not have, with a translated 400 naming the field', async () => {
    const other = new TestClient(instance);
    const otherCompany = await other.signup('Andere GmbH', 'owner@andere.example');
    await other.put(`/api/v1/companies/${otherCompany}/modules/shopfloor`, { enabled: true });
    const foreignPart = (await other.post(`/api/v1/companies/${otherCompany}/shopfloor/parts`, { number: 'FREMD-1', name: 'Fremdteil' })).body.id;
    const before = (await client.get(`${api}/quotes?limit=100`)).body.total;

    const foreign = await createQuote({ positions: [{ partId: foreignPart, quantityMilli: 1_000, unitPriceCents: 100 }] });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('body.positions.0.partId');
    expect(foreign.body.title).not.toMatch(/^errors\./);
    const foreignCustomer = await client.post(`${api}/quotes`, { customerId: (await other.post(`/api/v1/companies/${otherCompany}/customers`, { name: 'Fremdkunde' })).body.id });
    expect(foreignCustomer.status).toBe(400);
    expect(JSON.stringify(foreignCustomer.body)).toContain('customerId');
    expect((await createQuote({ positions: [{ quantityMilli: 1_000, unitPriceCents: 100 }] })).status).toBe(400);
    expect((await createQuote({ positions: [{ text: 'x', quantityMilli: 0, unitPriceCents: 100 }] })).status).toBe(400);
    expect((await createQuote({ positions: [{ text: 'x', quantityMilli: 1_000, unitPriceCents: 1.5 }] })).status).toBe(400);
    expect((await createQuote({ currency: 'XYZ' })).status).toBe(400);
    expect((await client.get(`${api}/quotes?limit=100`)).body.total).toBe(before);
  });

  it('freezes a sent version; a revision is a new draft version and the sent one stays as it was', async () => {
    const quote = (await createQuote()).body;
    const empty = (await client.post(`${api}/quotes`, { customerId })).body;
    const noPositions = await client.post(`${api}/quotes/${empty.id}/send`, {});
    expect(noPositions.status).toBe(409);
    expect(noPositions.body.code).toBe('customers_quote_no_positions');

    const sent = await client.post(`${api}/quotes/${quote.id}/send`, { language: 'en' });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ state: 'sent', actions: ['revise', 'win', 'lose'], frozen: [1] });
    expect(sent.body.versions[0]).toMatchObject({ version: 1, language: 'en' });
    const frozen = await client.put(`${api}/quotes/${quote.id}`, { subject: 'geändert', positions: [{ text: 'anders', quantityMilli: 1_000, unitPriceCents: 1 }] });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('customers_quote_not_draft');
    expect(frozen.body.title).not.toMatch(/^errors\./);
    expect((await client.post(`${api}/quotes/${quote.id}/send`, {})).status).toBe(409);

    const revised = await client.post(`${api}/quotes/${quote.id}/revise`, {});
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ state: 'draft', currentVersion: 2 });
    expect(revised.body.versions[1].positions.map((p: { text: string }) => p.text)).toEqual(revised.body.versions[0].positions.map((p: { text: string }) => p.text));
    const edited = await client.put(`${api}/quotes/${quote.id}`, { subject: 'Konsolen, neuer Preis', positions: [{ partId, quantityMilli: 12_000, unitPriceCents: 4_000 }] });
    expect(edited.status).toBe(200);
    expect(edited.body.versions[1].totals.netCents).toBe(48_000);
    expect(edited.body.versions[0].totals.netCents).toBe(sent.body.versions[0].totals.netCents);
    expect(edited.body.versions[0].positions).toEqual(sent.body.versions[0].positions);
    expect((await client.post(`${api}/quotes/${quote.id}/send`, { language: 'de' })).body).toMatchObject({ state: 'sent', frozen: [1, 2] });
  });

  it('wins or loses only a sent quote, loses with a reason, and a decision is final', async () => {
    const draft = (await createQuote()).body;
    const early = await client.post(`${api}/quotes/${draft.id}/win`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('customers_quote_not_sent');
    expect((await client.post(`${api}/quotes/${draft.id}/lose`, { reason: 'price' })).status).toBe(409);

    const quote = await sentQuote();
    expect((await client.post(`${api}/quotes/${quote.id}/lose`, {})).status).toBe(400);
    expect((await client.post(`${api}/quotes/${quote.id}/lose`, { reason: 'weather' })).status).toBe(400);
    const lost = await client.post(`${api}/quotes/${quote.id}/lose`, { reason: 'competitor', note: 'Mitbewerber 8 % günstiger' });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ state: 'lost', lostReason: 'competitor', lostNote: 'Mitbewerber 8 % günstiger', actions: [] });
    for (const action of ['win', 'revise']) {
      const res = await client.post(`${api}/quotes/${quote.id}/${action}`, {});
      expect(res.status, action).toBe(409);
      expect(res.body.code, action).toBe('customers_quote_decided');
    }
    const notWon = await client.post(`${api}/quotes/${quote.id}/order`, {});
    expect(notWon.status).toBe(409);
    expect(notWon.body.code).toBe('customers_quote_not_won');

    const lostList = await client.get(`${api}/quotes?state=lost`);
    expect(lostList.body.items.map((q: { id: string }) => q.id)).toEqual([quote.id]);
  });

  it('turns a won quote into one customer order with the accepted version\'s positions', async () => {
    const quote = await sentQuote();
    const won = await client.post(`${api}/quotes/${quote.id}/win`, {});
    expect(won.body).toMatchObject({ state: 'won', actions: ['order'], order: null });
    const res = await client.post(`${api}/quotes/${quote.id}/order`, { customerReference: 'Bestellung 4711' });
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(new RegExp(`^AB-${year}-\\d{5}$`));
    expect(res.body).toMatchObject({ customerId, quoteId: quote.id, quoteVersion: 1, quoteNumber: quote.number, customerReference: 'Bestellung 4711', state: 'open' });
    expect(res.body.positions.map((p: { number: number; text: string; promisedDate: string | null; producible: boolean; unitPriceCents: number }) => [p.number, p.text, p.promisedDate, p.producible, p.unitPriceCents]))
      .toEqual([[10, 'KONS-100 Konsole geschweißt', '2027-03-15', true, 4_250], [20, 'Verpackung', null, false, 3_500]]);
    expect(res.body.totals).toEqual(quote.versions[0].totals);
    const again = await client.post(`${api}/quotes/${quote.id}/order`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('customers_quote_already_ordered');
    expect((await client.get(`${api}/quotes/${quote.id}`)).body.order).toEqual({ id: res.body.id, number: res.body.number });
    const list = await client.get(`${api}/customer-orders?q=4711`);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([res.body.id]);
  });

  it('creates production orders through Shop floor, linked to the position and visible in Shop floor', async () => {
    const quote = await sentQuote();
    await client.post(`${api}/quotes/${quote.id}/win`, {});
    const order = (await client.post(`${api}/quotes/${quote.id}/order`, { customerReference: 'PO-88' })).body;
    const [partPosition, textPosition] = order.positions;
    expect(partPosition.openQuantity).toBe(10);

    const first = await client.post(`${api}/customer-order-positions/${partPosition.id}/production-orders`, { quantity: 6 });
    expect(first.status).toBe(201);
    expect(first.body.productionOrder.number).toBe(`${order.number}-10`);
    const inShopfloor = await client.get(`${api}/shopfloor/orders/${first.body.productionOrder.id}`);
    expect(inShopfloor.status).toBe(200);
    expect(inShopfloor.body).toMatchObject({ number: `${order.number}-10`, partId, quantity: 6, dueDate: '2027-03-15' });
    expect(inShopfloor.body.customerReference).toContain('Hansen Maschinenbau GmbH');
    expect(inShopfloor.body.customerReference).toContain(`${order.number}/10`);
    expect(inShopfloor.body.customerReference).toContain('PO-88');
    expect((await client.get(`${api}/shopfloor/orders`)).body.map((o: { id: string }) => o.id)).toContain(first.body.productionOrder.id);

    // the rest by default, with the due date given
    const rest = await client.post(`${api}/customer-order-positions/${partPosition.id}/production-orders`, { dueDate: '2027-03-01' });
    expect(rest.status).toBe(201);
    expect((await client.get(`${api}/shopfloor/orders/${rest.body.productionOrder.id}`)).body).toMatchObject({ number: `${order.number}-10-2`, quantity: 4, dueDate: '2027-03-01' });
    const detail = await client.get(`${api}/customer-orders/${order.id}`);
    expect(detail.body.state).toBe('in-production');
    expect(detail.body.positions[0].openQuantity).toBe(0);
    expect(detail.body.positions[0].productionOrders.map((p: { number: string; quantity: number; state: string }) => [p.number, p.quantity, p.state]))
      .toEqual([[`${order.number}-10`, 6, 'planned'], [`${order.number}-10-2`, 4, 'planned']]);
    const full = await client.post(`${api}/customer-order-positions/${partPosition.id}/production-orders`, {});
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('customers_position_fully_planned');

    const notProducible = await client.post(`${api}/customer-order-positions/${textPosition.id}/production-orders`, { quantity: 1 });
    expect(notProducible.status).toBe(409);
    expect(notProducible.body.code).toBe('customers_position_not_producible');
    expect((await client.post(`${api}/customer-order-positions/${partPosition.id}/production-orders`, { quantity: 0 })).status).toBe(400);
  });

  it('stores neither the production order nor the link when Shop floor refuses', async () => {
    const quote = (await createQuote({ positions: [{ partId: partWithoutRoutingId, quantityMilli: 5_000, unitPriceCents: 990 }] })).body;
    await client.post(`${api}/quotes/${quote.id}/send`, {});
    await client.post(`${api}/quotes/${quote.id}/win`, {});
    const order = (await client.post(`${api}/quotes/${quote.id}/order`, {})).body;
    const ordersBefore = (await client.get(`${api}/shopfloor/orders`)).body.length;
    const linksBefore = await instance.ctx.db.selectFrom('customer_production_links').select('production_order_id').execute();
    const refused = await client.post(`${api}/customer-order-positions/${order.positions[0].id}/production-orders`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('shopfloor_part_without_routing');
    expect(refused.body.title).not.toMatch(/^errors\./);
    expect((await client.get(`${api}/shopfloor/orders`)).body.length).toBe(ordersBefore);
    expect(await instance.ctx.db.selectFrom('customer_production_links').select('production_order_id').execute()).toEqual(linksBefore);
    expect((await client.get(`${api}/customer-orders/${order.id}`)).body.state).toBe('open');
  });

  it('searches, filters and pages quotes, and finds parts through Shop floor\'s door', async () => {
    const all = await client.get(`${api}/quotes?sort=number&dir=asc&limit=100`);
    const numbers = all.body.items.map((q: { number: string }) => q.number);
    expect(numbers).toEqual([...numbers].sort());
    const paged = [];
    for (let offset = 0; offset < all.body.total; offset += 3) paged.push(...(await client.get(`${api}/quotes?sort=number&dir=asc&limit=3&offset=${offset}`)).body.items);
    expect(paged.map((q: { number: string }) => q.number)).toEqual(numbers);
    expect((await client.get(`${api}/quotes?q=${encodeURIComponent(numbers[0])}`)).body.items.map((q: { number: string }) => q.number)).toEqual([numbers[0]]);
    expect((await client.get(`${api}/quotes?q=hansen&state=draft`)).body.items.every((q: { state: string; customerName: string }) => q.state === 'draft' && q.customerName.startsWith('Hansen'))).toBe(true);
    // case and umlauts folded as in the global search
    expect((await client.get(`${api}/quotes?q=${encodeURIComponent('HÄNSEN')}`)).body.items.length).toBe((await client.get(`${api}/quotes?q=hansen`)).body.items.length);
    expect((await client.get(`${api}/quotes?q=hansen`)).body.items.length).toBeGreaterThan(0);
    const item = all.body.items.find((q: { number: string }) => q.number === numbers[0]);
    expect(item.grossCents).toBeGreaterThan(item.netCents);
    expect((await client.get(`${api}/quotes?state=maybe`)).status).toBe(400);
    expect((await client.get(`${api}/quote-parts?q=kons`)).body).toEqual([{ id: partId, number: 'KONS-100', name: 'Konsole geschweißt', producible: true }]);
    expect((await client.get(`${api}/quote-parts?q=zukauf`)).body.map((p: { producible: boolean }) => p.producible)).toEqual([false]);
  });

  it('prints a quote version as PDF in German or English, a sent one as it was sent', async () => {
    const quote = await sentQuote();
    await client.post(`${api}/quotes/${quote.id}/revise`, {});
    await client.put(`${api}/quotes/${quote.id}`, { subject: 'Konsolen', positions: [{ text: 'Ganz anders', quantityMilli: 1_000, unitPriceCents: 100 }] });
    for (const lang of ['de', 'en'] as const) {
      const L = QUOTE_PDF_LABELS[lang];
      const res = await client.get(`${api}/quotes/${quote.id}/versions/1/pdf?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`${quote.number}-v1.pdf`);
      const pages = await pdfPages(res.raw.rawPayload);
      const all = pages.join(' ');
      expect(all).toContain(`${L.quote} ${quote.number}`);
      expect(all).toContain('Hansen Maschinenbau GmbH');
      expect(all).toContain('Muster Metallbau GmbH');
      expect(all).toContain('KONS-100 Konsole geschweißt');
      expect(all).not.toContain('Ganz anders');
      expect(all).not.toContain(L.draft);
      expect(all).toContain(L.page(1, pages.length));
      // 403,75 € + 35,00 € net; 19 % on 403,75 € = 76,71 €, 7 % on 35,00 € = 2,45 €; gross 517,91 €
      expect(all).toContain(lang === 'de' ? '403,75 €' : '€403.75');
      expect(all).toContain(L.vat('19', lang === 'de' ? '403,75 €' : '€403.75'));
      expect(all).toContain(lang === 'de' ? '517,91 €' : '€517.91');
      expect(all).toContain(lang === 'de' ? '15.03.2027' : '15/03/2027');
    }
    // without lang: the language the version was sent in (German here); the draft says it is one
    const draft = await pdfPages((await client.get(`${api}/quotes/${quote.id}/versions/2/pdf?lang=en`)).raw.rawPayload);
    expect(draft.join(' ')).toContain(QUOTE_PDF_LABELS.en.draft);
    expect(draft.join(' ')).toContain('Ganz anders');
    expect((await pdfPages((await client.get(`${api}/quotes/${quote.id}/versions/1/pdf`)).raw.rawPayload)).join(' ')).toContain(QUOTE_PDF_LABELS.de.intro);
    expect((await client.get(`${api}/quotes/${quote.id}/versions/3/pdf`)).status).toBe(404);

    // long descriptions wrap instead of being cut off; many positions go on over pages with the header again
    const long = 'Pulverbeschichtung RAL 7035 zweischichtig mit Haftgrund, Kanten verrundet, Gewinde abgedeckt, Prüfprotokoll der Schichtdicke je Los beigelegt, Endwort-Zaunkönig';
    const many = (await createQuote({ positions: [{ text: long, quantityMilli: 1_000, unitPriceCents: 100 }, ...Array.from({ length: 70 }, (_, i) => ({ text: `Zeile ${i + 1}`, quantityMilli: 1_000, unitPriceCents: 100 }))] })).body;
    const pages = await pdfPages((await client.get(`${api}/quotes/${many.id}/versions/1/pdf?lang=de`)).raw.rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join(' ')).toContain('Endwort-Zaunkönig');
    expect(pages.join(' ')).toContain('Zeile 70');
    for (const [i, page] of pages.entries()) expect(page).toContain(QUOTE_PDF_LABELS.de.page(i + 1, pages.length));
    for (const page of pages.slice(0, -1)) expect(page).toContain(QUOTE_PDF_LABELS.de.columns.description);
    expect((await client.get(`${api}/quotes/${quote.id}/versions/1/pdf?lang=fr`)).status).toBe(400);
  });

  it('moves quotes and orders with a merged customer and back on undo', async () => {
    const survivor = (await client.post(`${api}/customers`, { name: 'Jessen Stahlbau GmbH', city: 'Flensburg', confirmDuplicate: true })).body;
    const absorbed = (await client.post(`${api}/customers`, { name: 'Jessen Stahlbau', city: 'Flensburg', confirmDuplicate: true })).body;
    const quote = (await client.post(`${api}/quotes`, { customerId: absorbed.id, positions: positions() })).body;
    await client.post(`${api}/quotes/${quote.id}/send`, {});
    await client.post(`${api}/quotes/${quote.id}/win`, {});
    const order = (await client.post(`${api}/quotes/${quote.id}/order`, {})).body;
    const open = (await client.post(`${api}/quotes`, { customerId: absorbed.id, positions: positions() })).body;

    const plan = await client.post(`${api}/customers/${survivor.id}/merge-plan`, { absorbedId: absorbed.id });
    expect(plan.body.moves).toMatchObject({ quotes: 2, orders: 1 });
    const merged = await client.post(`${api}/customers/${survivor.id}/merges`, { absorbedId: absorbed.id });
    expect(merged.status).toBe(201);
    expect((await client.get(`${api}/quotes?customerId=${survivor.id}`)).body.items.map((q: { id: string }) => q.id).sort()).toEqual([quote.id, open.id].sort());
    expect((await client.get(`${api}/customer-orders/${order.id}`)).body.customerId).toBe(survivor.id);
    // the moved draft goes on as the survivor's
    expect((await client.post(`${api}/quotes/${open.id}/send`, {})).status).toBe(200);

    expect((await client.post(`${api}/customer-merges/${merged.body.mergeId}/undo`, { discardEdits: true })).status).toBe(200);
    expect((await client.get(`${api}/quotes?customerId=${absorbed.id}`)).body.total).toBe(2);
    expect((await client.get(`${api}/customer-orders?customerId=${absorbed.id}`)).body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await client.get(`${api}/quotes?customerId=${survivor.id}`)).body.total).toBe(0);
  });
});
