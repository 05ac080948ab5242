import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { writeXlsx } from '../../kernel/tabular/index.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

describe.each(testDatabaseKinds())('Customer imports on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let tenantId: string;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    tenantId = await client.signup('Import Metall GmbH', 'owner@import.example');
    api = `/api/v1/companies/${tenantId}`;
  });
  afterAll(async () => instance?.close());

  const customerCount = async () => Number((await instance.ctx.db.selectFrom('customers').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
  const upload = (kindOf: string, fileName: string, content: string | Buffer) => client.post(`${api}/imports`, { kind: kindOf, fileName, content: b64(content) });

  it('reads a German CSV (";", decimal comma, BOM), suggests the mapping, shows the first rows and imports with the former number kept', async () => {
    const csv = '\uFEFFKd.-Nr.;Firma;USt-IdNr.;Straße;PLZ;Ort;Land;E-Mail;Zahlungsziel (Tage);Bemerkung\r\n'
      + '10001;Kühn Präzision GmbH;DE 136 695 976;Werkstraße 3;24103;Kiel;Deutschland;info@kuehn.example;30;"Rabatt; 2 %"\r\n'
      + '10002;"Özdemir ""Drehteile"" KG";;Am Hafen 1;20457;Hamburg;DE;;14;\r\n';
    const up = await upload('customers', 'kunden.csv', csv);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileFormat: 'csv', numberLocale: 'de', rowCount: 2, state: 'uploaded', unmappedRequired: [], sameFileImportedBefore: [] });
    expect(up.body.header[1]).toBe('Firma');
    expect(up.body.mapping).toEqual(['number', 'name', 'vatId', 'street', 'postcode', 'city', 'country', 'email', 'paymentTermsDays', null]);
    expect(up.body.preview.map((r: { line: number; cells: string[] }) => [r.line, r.cells[1]])).toEqual([[2, 'Kühn Präzision GmbH'], [3, 'Özdemir "Drehteile" KG']]);

    const dry = await client.post(`${api}/imports/${up.body.id}/dry-run`, {});
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rowCount: 2, goodCount: 2, rejectedCount: 0, rejected: [] });
    expect(await customerCount()).toBe(0);

    const run = await client.post(`${api}/imports/${up.body.id}/run`, {});
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ saved: 2, rejectedCount: 0, mode: 'all-or-nothing' });
    const list = await client.get(`${api}/customers?sort=number`);
    expect(list.body.items.map((c: { number: string; name: string; aliases: string[]; country: string; paymentTermsDays: number }) => [c.number, c.name, c.aliases, c.country, c.paymentTermsDays])).toEqual([
      ['K-00001', 'Kühn Präzision GmbH', ['10001'], 'DE', 30],
      ['K-00002', 'Özdemir "Drehteile" KG', ['10002'], 'DE', 14],
    ]);
    const audit = await instance.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('target', '=', up.body.id).execute();
    expect(audit).toEqual([{ action: 'customers.import_customers', details: { count: 2, rejected: 0, rows: 2, mode: 'all-or-nothing' } }]);
    expect((await client.post(`${api}/imports/${up.body.id}/run`, {})).body.code).toBe('customers_import_already_run');
    // the rows are dropped once imported; the same file again is warned about and its rows are known numbers now
    expect((await client.get(`${api}/imports/${up.body.id}/preview`)).body.rows).toEqual([]);
    const again = await upload('customers', 'kunden-kopie.csv', csv);
    expect(again.body.sameFileImportedBefore).toEqual([expect.objectContaining({ id: up.body.id, savedCount: 2 })]);
    const dryAgain = await client.post(`${api}/imports/${again.body.id}/dry-run`, {});
    expect(dryAgain.body.rejected[0]).toEqual({ line: 2, problems: expect.arrayContaining([{ field: 'number', code: 'number-exists', detail: '10001' }, { field: 'name', code: 'possible-duplicate', detail: 'K-00001' }]) });
  });

  it('saves nothing when one row of 1,000 is bad and names that row; good rows only saves exactly the 999 others', async () => {
    const before = await customerCount();
    const lines = ['Name,City,Email,Payment terms'];
    for (let i = 1; i <= 1000; i++) lines.push(i === 437 ? `Firma ${i} GmbH,Ulm,kein-at-zeichen,30` : `Firma ${i} GmbH,Ulm,firma${i}@f${i}.example,1${i % 3}`);
    const up = await upload('customers', 'many.csv', lines.join('\n'));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ numberLocale: 'en', rowCount: 1000, mapping: ['name', 'city', 'email', 'paymentTermsDays'] });
    expect(up.body.preview).toHaveLength(20);

    const dry = await client.post(`${api}/imports/${up.body.id}/dry-run`, {});
    expect(dry.body).toMatchObject({ rowCount: 1000, goodCount: 999, rejectedCount: 1, rejected: [{ line: 438, problems: [{ field: 'email', code: 'invalid-email' }] }] });

    const refused = await client.post(`${api}/imports/${up.body.id}/run`, { mode: 'all-or-nothing' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('customers_import_rows_invalid');
    expect(refused.body.title).toMatch(/^Eine Zeile hat Fehler/);
    expect(refused.body.rejected).toEqual([{ line: 438, problems: [{ field: 'email', code: 'invalid-email' }] }]);
    expect(await customerCount()).toBe(before);

    const good = await client.post(`${api}/imports/${up.body.id}/run`, { mode: 'good-rows-only' });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ saved: 999, rejectedCount: 1, mode: 'good-rows-only' });
    expect(await customerCount()).toBe(before + 999);
    const names = await instance.ctx.db.selectFrom('customers').select('name').where('tenant_id', '=', tenantId).where('city', '=', 'Ulm').execute();
    expect(names.map((n) => n.name)).not.toContain('Firma 437 GmbH');
    expect(new Set(names.map((n) => n.name)).size).toBe(999);
    const shown = await client.get(`${api}/imports/${up.body.id}`);
    expect(shown.body).toMatchObject({ state: 'done', savedCount: 999, rejectedCount: 1, problems: [{ line: 438 }] });
  });

  it('imports contacts from XLSX by customer number or former number, names unknown customers and repeats in the file', async () => {
    const xlsx = await writeXlsx([{
      name: 'Kontakte',
      header: ['Kundennummer', 'Anrede', 'Vorname', 'Nachname', 'Funktion', 'E-Mail', 'Telefon'],
      rows: [
        ['K-00001', 'Frau', 'Karla', 'Kühn', 'Einkauf', 'karla@kuehn.example', '+49 431 1'],
        ['10002', null, 'Olcay', 'Özdemir', null, 'olcay@oezdemir.example', 4930123],
        ['K-99999', null, 'Niemand', 'Unbekannt', null, null, null],
        ['K-00001', null, 'Karla', 'Kühn', null, 'KARLA@kuehn.example', null],
        ['K-00001', null, 'Ohne', '', null, null, null],
      ],
    }], 'de');
    const up = await upload('contacts', 'kontakte.xlsx', xlsx);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileFormat: 'xlsx', rowCount: 5, mapping: ['customerNumber', 'salutation', 'firstName', 'lastName', 'role', 'email', 'phone'] });
    const dry = await client.post(`${api}/imports/${up.body.id}/dry-run`, {});
    expect(dry.body.rejected).toEqual([
      { line: 4, problems: [{ field: 'customerNumber', code: 'unknown-customer', detail: 'K-99999' }] },
      { line: 5, problems: [{ field: 'lastName', code: 'duplicate-in-file', detail: 2 }] },
      { line: 6, problems: [{ field: 'lastName', code: 'required' }] },
    ]);
    const run = await client.post(`${api}/imports/${up.body.id}/run`, { mode: 'good-rows-only' });
    expect(run.body.saved).toBe(2);
    const customers = (await client.get(`${api}/customers?sort=number&limit=2`)).body.items;
    const second = await client.get(`${api}/customers/${customers[1].id}`);
    expect(second.body.contacts.map((c: { lastName: string; phone: string }) => [c.lastName, c.phone])).toEqual([['Özdemir', '4930123']]);
  });

  it('imports orders from a German CSV (decimal comma prices): rows of one customer and reference form one order; an order with a bad row is held back whole', async () => {
    expect((await client.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const centre = await client.post(`${api}/shopfloor/work-centres`, { code: 'FRAES', name: 'Fräsen' });
    await client.post(`${api}/shopfloor/parts`, { number: 'FL-100', name: 'Flansch', operations: [{ name: 'Fräsen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }] });
    await client.post(`${api}/shopfloor/parts`, { number: 'WE-200', name: 'Welle', operations: [{ name: 'Fräsen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 }] });
    const sub = await client.post(`${api}/webhooks`, { url: 'https://hooks.example/orders', eventTypes: ['customers.order.created'] });
    expect(sub.status).toBe(201);
    const csv = '\uFEFFKundennummer;Bestellnummer;Artikelnummer;Menge;Einzelpreis;Liefertermin\r\n'
      + 'K-00001;PO-1;FL-100;25;12,50;30.06.2027\r\n'
      + 'K-00001;PO-1;WE-200;1.000;1.234,56;30.06.2027\r\n'
      + '10002;PO-7;FL-100;5;9,99;\r\n'
      + '10002;PO-7;XX-999;5;9,99;\r\n'
      + 'K-00001;PO-2;WE-200;3;7;31.02.2027\r\n';
    const up = await upload('orders', 'auftraege.csv', csv);
    expect(up.body).toMatchObject({ numberLocale: 'de', mapping: ['customerNumber', 'customerReference', 'partNumber', 'quantity', 'unitPrice', 'promisedAt'] });
    const dry = await client.post(`${api}/imports/${up.body.id}/dry-run`, {});
    expect(dry.body.rejected).toEqual([
      { line: 4, problems: [{ field: null, code: 'order-incomplete', detail: 5 }] },
      { line: 5, problems: [{ field: 'partNumber', code: 'unknown-part', detail: 'XX-999' }] },
      { line: 6, problems: [{ field: 'promisedAt', code: 'invalid-date' }] },
    ]);
    const run = await client.post(`${api}/imports/${up.body.id}/run`, { mode: 'good-rows-only' });
    expect(run.body).toMatchObject({ saved: 2, orders: 1, rejectedCount: 3 });
    const orders = await client.get(`${api}/customer-orders`);
    expect(orders.body.items).toHaveLength(1);
    const order = await client.get(`${api}/customer-orders/${orders.body.items[0].id}`);
    expect(order.body).toMatchObject({ customerReference: 'PO-1', currency: 'EUR', state: 'open', quoteId: null });
    expect(order.body.positions.map((p: { number: number; text: string; quantityMilli: number; unitPriceCents: number; promisedDate: string; producible: boolean }) => [p.number, p.text, p.quantityMilli, p.unitPriceCents, p.promisedDate, p.producible])).toEqual([
      [10, 'FL-100 Flansch', 25_000, 1_250, '2027-06-30', true],
      [20, 'WE-200 Welle', 1_000_000, 123_456, '2027-06-30', true],
    ]);
    const events = await instance.ctx.db.selectFrom('event_outbox').select(['type', 'payload']).where('tenant_id', '=', tenantId).where('type', '=', 'customers.order.created').execute();
    expect(events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload))).toEqual([expect.objectContaining({ order: expect.objectContaining({ number: orders.body.items[0].number, quote: null, customerReference: 'PO-1' }) })]);
    // the same order again is named, not doubled
    const again = await upload('orders', 'auftraege-2.csv', 'Kundennummer;Bestellnummer;Artikelnummer;Menge;Einzelpreis\nK-00001;PO-1;FL-100;25;12,50\n');
    expect((await client.post(`${api}/imports/${again.body.id}/dry-run`, {})).body.rejected).toEqual([{ line: 2, problems: [{ field: 'customerReference', code: 'order-exists', detail: 'PO-1' }] }]);
  });

  it('refuses a broken file, an unknown field and a missing required column with the field named, and changes nothing', async () => {
    const broken = await upload('customers', 'kaputt.csv', 'Name;Ort\n"Offen;Kiel\n');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('customers_import_file_csv_syntax');
    const fake = await upload('customers', 'tabelle.xlsx', 'PK\u0003\u0004 kein echtes Archiv');
    expect(fake.body.code).toBe('customers_import_file_not_a_workbook');
    expect((await upload('customers', 'leer.csv', 'Name;Ort\n')).body.code).toBe('customers_import_file_no_rows');
    expect((await client.post(`${api}/imports`, { kind: 'customers', fileName: 'x.csv', content: 'not base64!' })).status).toBe(400);

    const up = await upload('customers', 'ort.csv', 'Ort;Notiz\nKiel;x\n');
    expect(up.body.unmappedRequired).toEqual(['name']);
    const dry = await client.post(`${api}/imports/${up.body.id}/dry-run`, {});
    expect(dry.status).toBe(400);
    expect(dry.body.code).toBe('customers_import_required_unmapped');
    const unknown = await client.put(`${api}/imports/${up.body.id}/mapping`, { mapping: ['city', 'salary'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.path).toBe('body.mapping.1');
    const twice = await client.put(`${api}/imports/${up.body.id}/mapping`, { mapping: ['name', 'name'] });
    expect(twice.body.code).toBe('customers_import_mapping_twice');
    const mapped = await client.put(`${api}/imports/${up.body.id}/mapping`, { mapping: ['city', 'name'] });
    expect(mapped.status).toBe(200);
    expect(mapped.body).toMatchObject({ mapping: ['city', 'name'], unmappedRequired: [] });
  });
});
