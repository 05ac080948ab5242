import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE, type XlsxValue, parseCsv, readXlsx } from '../../kernel/tabular/index.js';
import type { Instance } from '../../kernel/instance.js';
import { pdfPages } from '../../kernel/testing/pdf-pages.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { MONTHLY_REPORT_LABELS } from './reports/monthly-report-labels.js';
import { ORDER_PAPER_LABELS } from './reports/order-paper-labels.js';
import { parseOrderCodeDetail } from './web/order-code.js';

/** The text of each page; every page must be A4 portrait. */
async function pdfTexts(data: Buffer): Promise<string[]> {
  const pages = await pdfPages(data);
  for (const page of pages) expect(page.size).toEqual([595, 842]);
  return pages.map((page) => page.text);
}

const shifts = [
  { name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] },
  { name: 'Spät', start: '14:00', end: '22:00', breaks: [] },
];
const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts }, holidays: [] };

describe.each(testDatabaseKinds())('Controlling drill-down, monthly report and order papers on the %s database', (kind) => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let ids: { laser: string; press: string; saw: string; order: string; ops: string[] };

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    client = new TestClient(instance);
    const companyId = await client.signup('Brandt Stahlbau GmbH', 'meister@brandt.example', 'Karl Brandt');
    expect((await client.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    api = `/api/v1/companies/${companyId}/shopfloor`;
    const centre = async (code: string, name: string) => {
      const res = await client.post(`${api}/work-centres`, { code, name, calendar: CALENDAR });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const laser = await centre('LAS-1', 'Laser 1');
    const press = await centre('KB-2', 'Kantbank 2');
    // a name a spreadsheet would run as a formula
    const saw = await centre('SAW-3', '=HYPERLINK("http://x","Säge")');
    const part = await client.post(`${api}/parts`, {
      number: 'KON-117', name: 'Konsole verzinkt',
      operations: [
        { name: 'Lasern', workCentreId: laser, setupMinutes: 15, idealCycleSeconds: 60 },
        { name: 'Kanten', workCentreId: press, setupMinutes: 20, idealCycleSeconds: 60, parameters: [{ id: 'angle', label: { de: 'Biegewinkel', en: 'Bending angle' }, type: 'number', unit: '°' }] },
      ],
    });
    expect(part.status).toBe(201);
    const order = await client.post(`${api}/orders`, {
      number: 'FA-2026-0042', partId: part.body.id, quantity: 120, dueDate: '2026-11-05', customerReference: 'Bau Nord KG', priority: 2, releasedAt: '2026-10-30T08:00:00+01:00',
    });
    expect(order.status).toBe(201);
    const ops = (order.body.operations as Array<{ id: string }>).map((o) => o.id);
    ids = { laser, press, saw, order: order.body.id, ops };
    let seq = 0;
    const b = (op: string, kind: string, at: string, extra: Record<string, unknown> = {}) => ({ key: randomUUID(), deviceId: 'tablet-1', sequence: ++seq, operationId: op, kind, at, ...extra });
    const sent = await client.post(`${api}/bookings`, {
      bookings: [
        // Monday 2 November: laser runs 07:00–10:00 and 10:30–13:00 (5 h inside the plan, the break 09:00–09:30 left out)
        b(ops[0], 'start-production', '2026-11-02T07:00:00+01:00'),
        b(ops[0], 'quantity', '2026-11-02T08:00:00+01:00', { good: 100, scrap: 5, reason: 'dimension' }),
        b(ops[0], 'pause', '2026-11-02T10:00:00+01:00', { reason: 'breakdown' }),
        b(ops[0], 'resume', '2026-11-02T10:30:00+01:00'),
        // 195 good on an order of 120: above the open quantity, booked with the worker's confirmation
        b(ops[0], 'quantity', '2026-11-02T12:00:00+01:00', { good: 95, scrap: 0, confirmed: true }),
        b(ops[0], 'finish', '2026-11-02T13:00:00+01:00'),
        // Tuesday 3 November: the press brake runs one hour and books 100 pieces of 60 s: performance 167 %
        b(ops[1], 'start-production', '2026-11-03T08:00:00+01:00'),
        b(ops[1], 'quantity', '2026-11-03T08:55:00+01:00', { good: 100, scrap: 0 }),
        b(ops[1], 'finish', '2026-11-03T09:00:00+01:00'),
      ],
    });
    expect(sent.status).toBe(200);
    expect(sent.body.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
  });
  afterAll(async () => instance?.close());

  it('lists the bookings behind a figure, by work centre, day and shift, with order, operation and worker', async () => {
    const day = await client.get(`${api}/controlling/bookings?workCentreId=${ids.laser}&from=2026-11-02&to=2026-11-02`);
    expect(day.status).toBe(200);
    expect(day.body.truncated).toBe(false);
    expect(day.body.period).toMatchObject({ start: '2026-11-01T23:00:00.000Z', end: '2026-11-02T23:00:00.000Z' });
    const list = day.body.bookings as Array<Record<string, unknown>>;
    expect(list.map((x) => x.kind)).toEqual(['start-production', 'quantity', 'pause', 'resume', 'quantity', 'finish']);
    expect(list[1]).toMatchObject({
      orderNumber: 'FA-2026-0042', operationPosition: 1, operationName: 'Lasern', workCentreCode: 'LAS-1', good: 100, scrap: 5, reason: 'dimension',
      worker: 'Karl Brandt', shift: 'Früh', status: 'applied', at: '2026-11-02T07:00:00.000Z',
    });
    expect(list[2]).toMatchObject({ kind: 'pause', reason: 'breakdown' });

    // the whole month of all work centres, and the other work centre only
    expect((await client.get(`${api}/controlling/bookings?from=2026-11-01&to=2026-11-30`)).body.bookings).toHaveLength(9);
    const press = (await client.get(`${api}/controlling/bookings?workCentreId=${ids.press}&from=2026-11-01&to=2026-11-30`)).body.bookings;
    expect(press.map((x: { operationName: string }) => x.operationName)).toEqual(['Kanten', 'Kanten', 'Kanten']);
    // by shift: everything was booked in the early shift
    expect((await client.get(`${api}/controlling/bookings?from=2026-11-01&to=2026-11-30&shift=Früh`)).body.bookings).toHaveLength(9);
    expect((await client.get(`${api}/controlling/bookings?from=2026-11-01&to=2026-11-30&shift=${encodeURIComponent('Spät')}`)).body.bookings).toHaveLength(0);
    expect((await client.get(`${api}/controlling/bookings?from=2026-11-01&to=2026-11-30&outsideShifts=true`)).body.bookings).toHaveLength(0);
    const limited = await client.get(`${api}/controlling/bookings?from=2026-11-01&to=2026-11-30&limit=4`);
    expect(limited.body.bookings).toHaveLength(4);
    expect(limited.body.truncated).toBe(true);
    // another day has nothing
    expect((await client.get(`${api}/controlling/bookings?workCentreId=${ids.laser}&from=2026-11-03&to=2026-11-03`)).body.bookings).toHaveLength(0);

    const bad = await client.get(`${api}/controlling/bookings?from=2026-11-05&to=2026-11-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('querystring.to');
    expect((await client.get(`${api}/controlling/bookings?from=2026-11-01&to=2026-11-30&workCentreId=${randomUUID()}`)).status).toBe(404);
  });

  it('groups the controlling figures by shift, per work centre and over all work centres', async () => {
    const res = await client.get(`${api}/controlling?from=2026-11-02&to=2026-11-02&groupBy=shift`);
    expect(res.status).toBe(200);
    const early = res.body.overall.find((r: { shift: string | null }) => r.shift === 'Früh');
    // three work centres × 7.5 h planned; the laser ran 5 h of them
    expect(early).toMatchObject({ plannedProductionMs: 3 * 7.5 * 3_600_000, runMs: 5 * 3_600_000, good: 195, scrap: 5 });
    expect(res.body.overall.map((r: { shift: string | null }) => r.shift)).toEqual(['Früh', 'Spät', null]);
    const laserEarly = res.body.rows.find((r: { workCentreCode: string; shift: string | null }) => r.workCentreCode === 'LAS-1' && r.shift === 'Früh');
    expect(laserEarly.availability).toBeCloseTo(5 / 7.5, 10);
    expect(res.body.orders.rows).toEqual([res.body.orders.total]);
  });

  for (const lang of ['de', 'en'] as const) {
    it(`writes the monthly report as PDF in ${lang}`, async () => {
      const L = MONTHLY_REPORT_LABELS[lang];
      const res = await client.get(`${api}/reports/monthly.pdf?month=2026-11&lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('2026-11.pdf');
      if (process.env.SHOPFLOOR_PDF_DIR) writeFileSync(`${process.env.SHOPFLOOR_PDF_DIR}/monthly-${lang}.pdf`, res.raw.rawPayload);
      const pages = await pdfTexts(res.raw.rawPayload);
      const all = pages.join('\n');
      expect(pages[0]).toContain(L.title);
      expect(pages[0]).toContain('Brandt Stahlbau GmbH');
      expect(pages[0]).toContain('November 2026');
      for (const [i, page] of pages.entries()) expect(page).toContain(L.page(i + 1, pages.length));
      for (const text of [L.totals, L.perDay, L.perWorkCentre, L.perShift, L.orders, L.definitions]) expect(all).toContain(text);
      // Monday 2 Nov over all three work centres: 3 × 15.5 h planned, 5 h run → availability 10.8 %,
      // performance 200 min ÷ 300 min = 66.7 %, quality 195 ÷ 200 = 97.5 %, OEE 7.0 %.
      const dayRow = lang === 'de' ? 'Mo., 02.11. 46,5 5,0 195 5 10,8 % 66,7 % 97,5 % 7,0 %' : 'Mon 02/11 46.5 5.0 195 5 10.8% 66.7% 97.5% 7.0%';
      expect(all).toContain(dayRow);
      // the press brake: performance 166.7 % flagged, the saw: planned but never ran
      expect(all).toContain(lang === 'de' ? '166,7 % *' : '166.7% *');
      expect(all).toContain(L.aboveIdeal.slice(0, 40));
      expect(all).toMatch(lang === 'de' ? /SAW-3 .* 0,0 %/ : /SAW-3 .* 0\.0%/);
      // order: released 30 Oct 08:00, finished 3 Nov 09:00 → 4.0 days, on time (due 5 Nov)
      expect(all).toContain(lang === 'de' ? '4,0 Tage' : '4.0 days');
      expect(all).toContain(L.onTimeOf(1, 1));
      for (const [term] of L.terms) expect(pages[pages.length - 1]).toContain(term);
      expect(all).toContain(L.shift);
      expect(all).toContain('Früh');
    });
  }

  it('writes the monthly report as CSV: BOM, German separator and decimal comma, no formulas', async () => {
    const res = await client.get(`${api}/reports/monthly.csv?month=2026-11&lang=de`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.raw.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0].slice(0, 5)).toEqual(['Ebene', 'Arbeitsplatz', 'Bezeichnung', 'Schicht', 'Tag']);
    const col = (name: string) => lines[0].indexOf(name);
    const monday = lines.find((l) => l[0] === 'Tag' && l[4] === '2026-11-02')!;
    expect(monday[col('Verfügbarkeit (%)')]).toBe('10,8');
    expect(monday[col('OEE (%)')]).toBe('7,0');
    const total = lines.find((l) => l[0] === 'Monat')!;
    expect(total[col('Fertiggestellte Aufträge')]).toBe('1');
    expect(total[col('Termintreue (%)')]).toBe('100,0');
    expect(total[col('Durchlaufzeit Mittelwert (Tage)')]).toBe('4,04');
    const saw = lines.find((l) => l[0] === 'Arbeitsplatz' && l[1] === 'SAW-3')!;
    expect(text).toContain(`;"'=HYPERLINK(""http://x"",""Säge"")";`);
    expect(saw[col('Leistung (%)')]).toBe('');
    expect(saw[col('OEE (%)')]).toBe('0,0');
    expect(lines.find((l) => l[0] === 'Arbeitsplatz' && l[1] === 'KB-2')![col('Leistung über 100 %')]).toBe('ja');

    const en = (await client.get(`${api}/reports/monthly.csv?month=2026-11&lang=en`)).raw.body;
    const header = en.slice(1).split('\r\n')[0].split(',');
    expect(header.slice(0, 3)).toEqual(['level', 'work centre', 'name']);
    expect(en).toMatch(/\r\nday,,,,2026-11-02,46\.50,5\.00,/);
  });

  it('writes the same table as an XLSX workbook with figures as numbers and texts never as formulas', async () => {
    const res = await client.get(`${api}/reports/monthly.xlsx?month=2026-11&lang=de`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers['content-disposition']).toContain('controlling-bericht-2026-11.xlsx');
    const rows: XlsxValue[][] = [];
    for await (const row of readXlsx(res.raw.rawPayload)) rows.push(row.values);
    const csv = (await client.get(`${api}/reports/monthly.csv?month=2026-11&lang=de`)).raw.body as string;
    const csvRecords = parseCsv(csv).records;
    expect(rows[0]).toEqual(csvRecords[0]!.fields);
    expect(rows).toHaveLength(csvRecords.length);
    const col = (name: string) => (rows[0] as string[]).indexOf(name);
    const monday = rows.find((r) => r[0] === 'Tag' && r[4] === '2026-11-02')!;
    expect(monday[col('Verfügbarkeit (%)')]).toBeCloseTo(10.8, 1);
    const total = rows.find((r) => r[0] === 'Monat')!;
    expect(total[col('Fertiggestellte Aufträge')]).toBe(1);
    expect(total[col('Termintreue (%)')]).toBe(100);
    expect(rows.flat()).toContain('=HYPERLINK("http://x","Säge")');
  });

  it('says in the CSV that the current month is still running, and until when it is measured', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const de = (await client.get(`${api}/reports/monthly.csv?month=${month}&lang=de&timeZone=UTC`)).raw.body;
    expect(de.slice(1).split('\r\n')[1]).toMatch(/^"?Monat \(laufend, Stand \d/);
    const en = (await client.get(`${api}/reports/monthly.csv?month=${month}&lang=en&timeZone=UTC`)).raw.body;
    expect(en.slice(1).split('\r\n')[1]).toMatch(/^"?month \(running, as of /);
    // a month that is over says nothing of the kind
    expect((await client.get(`${api}/reports/monthly.csv?month=2026-11&lang=de`)).raw.body).not.toContain('laufend');
  });

  it('refuses a month in another format with a translated message', async () => {
    for (const month of ['2026-13', '11.2026', '2026-1', '']) {
      const res = await client.get(`${api}/reports/monthly.pdf?month=${encodeURIComponent(month)}`);
      expect(res.status, month).toBe(400);
      expect(res.body.code).toBe('shopfloor_month_invalid');
      expect(res.body.title).toBe(`Der Monat „${month}“ ist ungültig: bitte als JJJJ-MM angeben, z. B. 2026-11.`);
      expect(res.body.errors[0].path).toBe('querystring.month');
    }
    expect((await client.get(`${api}/reports/monthly.csv`)).body.code).toBe('shopfloor_month_invalid');
    expect((await client.get(`${api}/reports/monthly.pdf?month=2026-11&lang=fr`)).body.code).toBe('validation');
    expect((await client.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
    try {
      const res = await client.get(`${api}/reports/monthly.csv?month=2026-11-01`);
      expect(res.body.title).toBe('The month "2026-11-01" is not valid: give it as YYYY-MM, e.g. 2026-11.');
    } finally {
      await client.patch('/api/v1/me', { locale: 'de' });
    }
  });

  for (const lang of ['de', 'en'] as const) {
    it(`prints the order paper with a code per operation in ${lang}`, async () => {
      const L = ORDER_PAPER_LABELS[lang];
      const res = await client.get(`${api}/orders/${ids.order}/paper.pdf?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      if (process.env.SHOPFLOOR_PDF_DIR) writeFileSync(`${process.env.SHOPFLOOR_PDF_DIR}/paper-${lang}.pdf`, res.raw.rawPayload);
      const pages = await pdfTexts(res.raw.rawPayload);
      expect(pages).toHaveLength(1);
      const page = pages[0];
      for (const text of [
        `${L.order} FA-2026-0042`, 'KON-117', 'Konsole verzinkt', 'Bau Nord KG', L.customerReference, L.dueDate, L.priority,
        lang === 'de' ? '120 Stück' : '120 pcs', lang === 'de' ? 'Do., 05.11.2026' : 'Thu, 05/11/2026',
        '1. Lasern', '2. Kanten', 'LAS-1 – Laser 1', 'KB-2 – Kantbank 2', 'WV1:FA-2026-0042:1', 'WV1:FA-2026-0042:2',
        lang === 'de' ? 'Biegewinkel' : 'Bending angle', L.page(1, 1), 'Brandt Stahlbau GmbH',
      ]) expect(page, text).toContain(text);
      // the printed code is what the terminal reads back
      expect(parseOrderCodeDetail('WV1:FA-2026-0042:2')).toEqual({ order: 'FA-2026-0042', operation: 2 });
    });
  }

  it('answers 404 for an unknown order and 400 for an unknown language', async () => {
    expect((await client.get(`${api}/orders/${randomUUID()}/paper.pdf`)).status).toBe(404);
    expect((await client.get(`${api}/orders/${ids.order}/paper.pdf?lang=fr`)).status).toBe(400);
  });
});
