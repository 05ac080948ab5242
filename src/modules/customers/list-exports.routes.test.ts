import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { XLSX_CONTENT_TYPE, parseCsv, readXlsx, xlsxText } from '../../kernel/tabular/index.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

describe.each(testDatabaseKinds())('Customer list exports on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let kielId: string;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Export Metall GmbH', 'owner@export.example');
    api = `/api/v1/companies/${companyId}`;
    kielId = (await client.post(`${api}/customers`, { name: 'Kühn; "Präzision" GmbH', city: 'Kiel', country: 'DE', paymentTermsDays: 30 })).body.id;
    await client.post(`${api}/customers`, { name: '=Formel AG', city: 'Ulm', country: 'DE' });
    await client.post(`${api}/customers`, { name: 'Van der Berg B.V.', city: 'Groningen', country: 'NL' });
    await client.post(`${api}/customers/${kielId}/contacts`, { salutation: 'Frau', firstName: 'Karla', lastName: 'Kühn', email: 'karla@kuehn.example' });
  });
  afterAll(async () => instance?.close());

  it('exports the customer list with its filter as German CSV that parses back, and as XLSX', async () => {
    const csv = await client.get(`${api}/customers.csv?country=DE&sort=name&lang=de`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('kunden.csv');
    const text = csv.raw.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const { separator, records } = parseCsv(text);
    expect(separator).toBe(';');
    expect(records[0]!.fields.slice(0, 3)).toEqual(['Kundennummer', 'Firma', 'USt-IdNr.']);
    expect(records.slice(1).map((r) => r.fields[1])).toEqual(["'=Formel AG", 'Kühn; "Präzision" GmbH']);
    expect(records[2]!.fields[11]).toBe('30');

    const xlsx = await client.get(`${api}/customers.xlsx?lang=en&sort=city`);
    expect(xlsx.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    const rows: string[][] = [];
    for await (const row of readXlsx(xlsx.raw.rawPayload)) rows.push(row.values.map(xlsxText));
    expect(rows[0]!.slice(0, 2)).toEqual(['Customer number', 'Company']);
    expect(rows.slice(1).map((r) => r[5])).toEqual(['Groningen', 'Kiel', 'Ulm']);
    expect(rows[1]![13]).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // what is exported can be read back: the import recognises every column it needs
    const upload = await client.post(`${api}/imports`, { kind: 'customers', fileName: 'kunden.csv', content: csv.raw.rawPayload.toString('base64') });
    expect(upload.body.mapping.slice(0, 3)).toEqual(['number', 'name', 'vatId']);
  });

  it('exports a customer\'s contacts and the quote and order lists with headers in the chosen language', async () => {
    const contacts = await client.get(`${api}/customers/${kielId}/contacts.csv?lang=en`);
    const parsed = parseCsv(contacts.raw.rawPayload.toString('utf8'));
    expect(parsed.separator).toBe(',');
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ['Customer number', 'Salutation', 'First name', 'Last name', 'Role', 'E-mail', 'Phone'],
      ['K-00001', 'Frau', 'Karla', 'Kühn', '', 'karla@kuehn.example', ''],
    ]);
    const quote = await client.post(`${api}/quotes`, { customerId: kielId, subject: 'Flansche', positions: [{ text: 'Flansch', quantityMilli: 2_500, unitPriceCents: 1_050 }] });
    expect(quote.status).toBe(201);
    const quotes = parseCsv((await client.get(`${api}/quotes.csv?lang=de&state=draft`)).raw.rawPayload.toString('utf8')).records;
    expect(quotes[0]!.fields[0]).toBe('Angebot');
    expect(quotes[1]!.fields.slice(4, 9)).toEqual(['Entwurf', '1', 'EUR', '26,25', '31,24']);
    const orders = await client.get(`${api}/customer-orders.xlsx?lang=de`);
    expect(orders.status).toBe(200);
    const header: string[][] = [];
    for await (const row of readXlsx(orders.raw.rawPayload)) header.push(row.values.map(xlsxText));
    expect(header).toEqual([['Auftrag', 'Kundennummer', 'Kunde', 'Bestellnummer des Kunden', 'Angebot', 'Stand', 'Verspätet', 'Währung', 'Bestellt am']]);
    expect((await client.get(`${api}/customers.csv?lang=fr`)).status).toBe(400);
  });
});
