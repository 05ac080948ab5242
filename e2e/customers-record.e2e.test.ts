import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithCompany, type StartedCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';

const OWNER = { email: 'katrin@muster-schweisstechnik.example', password: 'Blech und Schweißnaht 2026', name: 'Katrin Muster' };
const MIN = 60_000;

describe.runIf(browserAvailable())('production record and recall in Chromium', () => {
  let started: StartedCompany;
  let orderId: string;
  let orderNumber: string;
  let productionOrderNumber: string;
  let lotNumber: string;
  // a morning a week ago, so the minute aggregates are complete
  const t0 = Math.floor((Date.now() - 7 * 24 * 60 * MIN) / (60 * MIN)) * 60 * MIN;

  beforeAll(async () => {
    started = await startWithCompany({ company: 'Muster Schweißtechnik GmbH', email: OWNER.email, owner: OWNER.name, password: OWNER.password, modules: ['shopfloor', 'machines', 'customers'] });
    const api = `/api/v1/companies/${started.companyId}`;
    const c = started.client;
    const centre = await c.post(`${api}/shopfloor/work-centres`, { code: 'SZ1', name: 'Schweißzelle 1' });
    const part = await c.post(`${api}/shopfloor/parts`, {
      number: 'RAHMEN-7', name: 'Rahmen geschweißt', operations: [{
        name: 'Schweißen', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60, parameters: [
          { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', required: false, unit: 'A', target: 120, lowerTolerance: 10, upperTolerance: 10 },
        ],
      }],
    });
    expect(part.status).toBe(201);
    const customer = await c.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', city: 'Kiel' });
    const quote = (await c.post(`${api}/quotes`, { customerId: customer.body.id, subject: 'Rahmen', positions: [{ partId: part.body.id, quantityMilli: 10_000, unitPriceCents: 5_000, vatBasisPoints: 1900, deliveryDate: '2027-03-15' }] })).body;
    await c.post(`${api}/quotes/${quote.id}/send`, { language: 'de' });
    await c.post(`${api}/quotes/${quote.id}/win`, {});
    const order = (await c.post(`${api}/quotes/${quote.id}/order`, {})).body;
    orderId = order.id;
    orderNumber = order.number;
    const po = (await c.post(`${api}/customer-order-positions/${order.positions[0].id}/production-orders`, { release: true })).body.productionOrder;
    lotNumber = po.lotNumber;
    productionOrderNumber = po.number;
    const operationId = (await c.get(`${api}/shopfloor/orders/${po.id}`)).body.operations[0].id;

    const machine = await c.post(`${api}/machines`, { name: 'Roboter 1', workCentreId: centre.body.id });
    const device = await c.post(`${api}/machines/${machine.body.id}/devices`, { name: 'SPS' });
    const point = await c.post(`${api}/machines/${machine.body.id}/points`, { name: 'current', label: 'Schweißstrom', unit: 'A' });
    await c.post(`${api}/machines/${machine.body.id}/rules`, { pointId: point.body.id, name: 'Strom zu hoch', rule: { kind: 'threshold', direction: 'high', limit: 150 } });

    // booked as on the terminal: setup, production, parameters (one out of tolerance), quantities, finish
    const steps = [
      { kind: 'start-setup', at: t0 },
      { kind: 'start-production', at: t0 + 10 * MIN },
      { kind: 'parameters', at: t0 + 11 * MIN, parameters: [{ name: 'current', value: 125 }] },
      { kind: 'quantity', at: t0 + 30 * MIN, good: 9, scrap: 1 },
      { kind: 'parameters', at: t0 + 31 * MIN, parameters: [{ name: 'current', value: 141.5 }] },
      { kind: 'finish', at: t0 + 40 * MIN },
    ];
    const booked = await c.post(`${api}/shopfloor/bookings`, { bookings: steps.map((s, i) => ({ ...s, key: randomUUID(), deviceId: 'tablet-1', sequence: i + 1, operationId, at: new Date(s.at).toISOString() })) });
    expect(booked.body.results.map((r: { status: string }) => r.status)).toEqual(steps.map(() => 'applied'));
    const samples = Array.from({ length: 50 }, (_, i) => ({ ts: t0 + i * MIN, values: { current: i >= 30 && i < 35 ? 160 : 100 + (i % 3) } }));
    const ingest = await started.instance.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: samples, headers: { authorization: `Bearer ${device.body.token}` } });
    expect(ingest.statusCode).toBe(200);
    expect(await started.instance.ctx.jobs.runNow('machines.aggregation')).toBe('succeeded');
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.instance.close();
  });

  it('shows a booked order\'s production record with its parameters and machine signals, in German and English', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET)).newPage();
    await signInWithPassword(page, OWNER);
    const consoleErrors = watchConsole(page);
    await page.goto(`${started.baseURL}/c/${started.companyId}/customer-orders/${orderId}`);
    await page.getByRole('link', { name: 'Fertigungsnachweis' }).click();
    await page.getByRole('heading', { name: `Fertigungsnachweis ${orderNumber}` }).waitFor();
    const operation = page.getByTestId('record-operation');
    await operation.getByText('9 gut, 1 Ausschuss').waitFor();
    await page.getByText(new RegExp(`Fertigungsauftrag ${productionOrderNumber}`)).waitFor();
    await page.getByTestId('record-lot').getByText(`Los ${lotNumber}`).waitFor();
    const parameters = page.getByTestId('record-parameters');
    await parameters.getByRole('row', { name: /Schweißstrom 125 A .*in Toleranz/ }).waitFor();
    await parameters.getByRole('row', { name: /Schweißstrom 141,5 A .*außerhalb der Toleranz/ }).waitFor();
    const signals = page.getByTestId('record-signals');
    await signals.getByRole('row', { name: /Roboter 1 Schweißstrom 100 A .* 160 A 5 Minuten/ }).waitFor();
    await page.getByTestId('record-alarms').getByText(/Roboter 1: Strom zu hoch/).waitFor();
    await expectAccessible(page, 'production record');
    await screenshot(page, 'customers-production-record');
    await page.setViewportSize(TABLET_PORTRAIT);
    await expect.poll(() => overflowing(page)).toEqual([]);
    await screenshot(page, 'customers-production-record-portrait');
    await page.setViewportSize(TABLET);

    // the PDF for the customer
    const pdf = await page.request.get(await page.getByRole('link', { name: 'Fertigungsnachweis als PDF auf Englisch' }).getAttribute('href') as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    expect((await started.client.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: `Production record ${orderNumber}` }).waitFor();
    await page.getByTestId('record-parameters').getByRole('row', { name: /Welding current 141.5 A .*out of tolerance/ }).waitFor();
    await page.getByTestId('record-signals').getByRole('row', { name: /Roboter 1 Schweißstrom .* 5 minutes/ }).waitFor();
    await expectAccessible(page, 'production record in English');
    await screenshot(page, 'customers-production-record-en');
    expect((await started.client.patch('/api/v1/me', { locale: 'de' })).status).toBe(200);
    expect(consoleErrors).toEqual([]);
  });

  it('answers the recall question for the machine and the parameter and offers the exports', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET)).newPage();
    await signInWithPassword(page, OWNER);
    const consoleErrors = watchConsole(page);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Rückverfolgung', exact: true }).click();
    await page.getByRole('heading', { name: 'Rückverfolgung', exact: true }).waitFor();
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    await page.getByLabel('Von (Tag)').fill(day(t0 - 24 * 60 * MIN));
    await page.getByLabel('Bis einschließlich (Tag)').fill(day(t0 + 24 * 60 * MIN));
    await page.getByTestId('recall-machine').click();
    await page.getByRole('option', { name: 'Roboter 1' }).click();
    await page.getByRole('button', { name: 'Betroffene finden' }).click();
    const rows = page.getByTestId('recall-rows');
    await rows.getByRole('row', { name: new RegExp(`${productionOrderNumber} RAHMEN-7 ${lotNumber} .* 30 ${orderNumber}, Position 10 Hansen Maschinenbau GmbH`) }).waitFor();
    await page.getByText('Betroffene Kunden: Hansen Maschinenbau GmbH', { exact: false }).waitFor();
    await expectAccessible(page, 'recall by machine');
    await screenshot(page, 'customers-recall');

    await page.locator('label', { hasText: 'Parameter außerhalb der Toleranz' }).click();
    await page.getByTestId('recall-parameter').click();
    await page.getByRole('option', { name: 'Schweißstrom (A)' }).click();
    await page.getByRole('button', { name: 'Betroffene finden' }).click();
    await rows.getByRole('row', { name: /1 Buchung: 141,5 A/ }).waitFor();
    const csv = await page.request.get(await page.getByRole('link', { name: 'Als CSV herunterladen' }).getAttribute('href') as string);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('141,5');
    const xlsx = await page.request.get(await page.getByRole('link', { name: 'Als Excel-Datei herunterladen' }).getAttribute('href') as string);
    expect(xlsx.status()).toBe(200);

    // a period whose end lies before its start is refused, naming the field
    await page.getByLabel('Bis einschließlich (Tag)').fill(day(t0 - 3 * 24 * 60 * MIN));
    await page.getByRole('button', { name: 'Betroffene finden' }).click();
    await page.getByText('Das Ende des Zeitraums muss nach seinem Beginn liegen.').waitFor();
    await expectAccessible(page, 'recall with a reversed period');
    await page.setViewportSize(TABLET_PORTRAIT);
    await expect.poll(() => overflowing(page)).toEqual([]);
    await screenshot(page, 'customers-recall-portrait');
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
