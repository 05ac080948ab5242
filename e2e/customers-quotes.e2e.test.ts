import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithCompany, type StartedCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';

const OWNER = { email: 'katrin@muster-metallbau.example', password: 'Blech und Schweißnaht 2026', name: 'Katrin Muster' };

describe.runIf(browserAvailable())('quotes to production orders in Chromium', () => {
  let started: StartedCompany;
  let partId: string;
  beforeAll(async () => {
    started = await startWithCompany({ company: 'Muster Metallbau GmbH', email: OWNER.email, owner: OWNER.name, password: OWNER.password, modules: ['shopfloor', 'customers'] });
    const api = `/api/v1/companies/${started.companyId}`;
    const centre = await started.client.post(`${api}/shopfloor/work-centres`, { code: 'SCHWEISS', name: 'Schweißplatz' });
    const part = await started.client.post(`${api}/shopfloor/parts`, { number: 'KONS-100', name: 'Konsole geschweißt', operations: [{ name: 'Schweißen', workCentreId: centre.body.id, setupMinutes: 15, idealCycleSeconds: 240 }] });
    expect(part.status).toBe(201);
    partId = part.body.id;
    expect((await started.client.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', city: 'Kiel' })).status).toBe(201);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.instance.close();
  });

  it('writes a quote with a part, sends and wins it, makes it an order and a production order that Shop floor lists', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET)).newPage();
    await signInWithPassword(page, OWNER);
    const consoleErrors = watchConsole(page);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Angebote', exact: true }).click();
    await page.getByRole('heading', { name: 'Angebote', exact: true }).waitFor();
    await page.getByText('Noch keine Angebote.', { exact: false }).waitFor();

    // a new quote for Hansen
    await page.getByRole('button', { name: 'Neues Angebot' }).click();
    await page.getByPlaceholder('Kunden suchen …').fill('Hansen');
    await page.getByRole('option', { name: /Hansen Maschinenbau GmbH/ }).click();
    await page.getByLabel('Betreff').fill('Konsolen für Verpackungsanlage');
    await page.getByRole('button', { name: 'Angebot anlegen' }).click();
    await page.getByRole('heading', { name: /^Angebot A-\d{4}-00001$/ }).waitFor();
    const quoteNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Angebot ', '');

    // one part position in German formats: 10 pieces at 42,50 € less 5 %
    await page.getByRole('button', { name: 'Position hinzufügen' }).click();
    const position = page.getByTestId('position');
    await position.getByPlaceholder('Teilenummer oder Name suchen …').fill('KONS');
    await page.getByRole('option', { name: 'KONS-100 Konsole geschweißt' }).click();
    await position.getByLabel('Menge').fill('10');
    await position.getByLabel('Einzelpreis').fill('42,50');
    await position.getByLabel('Rabatt').fill('5');
    await position.getByLabel('Liefertermin').fill('2027-03-15');
    await position.getByText('403,75 €').waitFor();
    const totals = page.getByTestId('totals');
    await totals.getByText('480,46 €').waitFor(); // 403,75 € + 19 % (76,71 €)
    await expectAccessible(page, 'quote editor with a part position');
    await screenshot(page, 'customers-quote-editor');
    // the same editor on a tablet held upright: nothing wider than the screen
    await page.setViewportSize(TABLET_PORTRAIT);
    await expect.poll(() => overflowing(page)).toEqual([]);
    await screenshot(page, 'customers-quote-editor-portrait');
    await page.setViewportSize(TABLET);
    // leaving with the unsaved position asks first; staying keeps it
    await page.getByRole('link', { name: 'Zu den Angeboten' }).click();
    const unsaved = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
    await unsaved.getByRole('button', { name: 'Auf der Seite bleiben' }).click();
    await unsaved.waitFor({ state: 'hidden' });
    await position.getByText('403,75 €').waitFor();
    await page.getByRole('button', { name: 'Speichern' }).click();
    // saved: nothing unsaved any more, so the quote can be sent
    await expect.poll(async () => page.getByRole('button', { name: 'Als versendet markieren' }).isEnabled()).toBe(true);
    const stored = await started.client.get(`/api/v1/companies/${started.companyId}/quotes?q=${quoteNumber}`);
    expect(stored.body.items[0]).toMatchObject({ netCents: 40_375, grossCents: 48_046 });

    // send (frozen), then won
    await page.getByRole('button', { name: 'Als versendet markieren' }).click();
    await page.getByText('Versendet', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Speichern' }).count()).toBe(0);
    await page.getByTestId('positions').getByText('KONS-100 Konsole geschweißt').waitFor();
    await expectAccessible(page, 'sent quote with its next steps');
    // the sent version as PDF, in English for a customer abroad
    const pdfLink = page.getByRole('link', { name: `Angebot ${quoteNumber}, Version 1, als PDF auf Englisch öffnen` });
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('button', { name: 'Gewonnen', exact: true }).click();
    await page.getByText('Gewonnen', { exact: true }).waitFor();

    // the won quote becomes a customer order in one step
    await page.getByLabel('Bestellzeichen des Kunden').fill('4500012345');
    await page.getByRole('button', { name: 'Kundenauftrag anlegen' }).click();
    await page.getByRole('heading', { name: /^Kundenauftrag AB-\d{4}-00001$/ }).waitFor();
    const orderNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Kundenauftrag ', '');
    await page.getByText('Bestellzeichen: 4500012345').waitFor();

    // a production order for position 10: quantity and due date prefilled
    const form = page.getByRole('form', { name: 'Fertigungsauftrag für Position 10 anlegen' });
    expect(await form.getByLabel('Menge').inputValue()).toBe('10');
    expect(await form.getByLabel('Termin').inputValue()).toBe('2027-03-15');
    await form.getByRole('button', { name: 'Fertigungsauftrag anlegen' }).click();
    const productionOrders = page.getByTestId('production-orders');
    await productionOrders.getByRole('link', { name: `${orderNumber}-10` }).waitFor();
    await page.getByText('In Fertigung', { exact: true }).waitFor();
    // the whole quantity is planned: another production order is asked for explicitly
    await page.getByText('Die ganze Menge ist in Fertigungsaufträgen.').waitFor();
    await page.getByRole('button', { name: 'Weiteren Fertigungsauftrag für Position 10 anlegen' }).waitFor();
    // where is my order: not started, but the promised day is far enough away
    const forecast = page.getByTestId('position-forecast');
    await forecast.getByText(/^Voraussichtlich fertig am \d{2}\.\d{2}\.\d{4}/).waitFor();
    expect(await forecast.getByText('Verspätet').count()).toBe(0);
    await expectAccessible(page, 'customer order with its production order');
    await screenshot(page, 'customers-order');

    // the production order is Shop floor's: its list and its page show it
    await productionOrders.getByRole('link', { name: `${orderNumber}-10` }).click();
    await page.getByRole('heading', { name: new RegExp(`${orderNumber}-10`) }).waitFor();
    await page.goto(`/c/${started.companyId}/shopfloor`);
    await page.getByTestId('order-list').getByText(`${orderNumber}-10`).waitFor();
    const inShopfloor = await started.client.get(`/api/v1/companies/${started.companyId}/shopfloor/orders`);
    expect(inShopfloor.body.map((o: { number: string; partId: string; quantity: number }) => [o.number, o.partId, o.quantity])).toEqual([[`${orderNumber}-10`, partId, 10]]);

    // the customer's page lists the quote and the order
    await page.goto(`/c/${started.companyId}/customers`);
    await page.getByRole('link', { name: 'Hansen Maschinenbau GmbH' }).click();
    await page.getByTestId('customer-quotes').getByRole('link', { name: quoteNumber }).waitFor();
    await page.getByTestId('customer-orders').getByRole('link', { name: orderNumber }).waitFor();
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('shows quotes and the order in English on a portrait tablet', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET_PORTRAIT)).newPage();
    await signInWithPassword(page, OWNER);
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.goto(`/c/${started.companyId}/quotes`);
    await page.getByRole('heading', { name: 'Quotes', exact: true }).waitFor();
    await page.getByTestId('quote-list').getByText('Won', { exact: true }).waitFor();
    await expectAccessible(page, 'quote list, portrait, English');
    await expect.poll(() => overflowing(page)).toEqual([]);
    await screenshot(page, 'customers-quotes-portrait-en');
    // sorted by number on request, the address keeps it
    await page.getByTestId('quote-list').getByRole('button', { name: 'Number' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /^Number/ }).getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('number');
    await page.getByTestId('quote-list').getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Quote A-/ }).waitFor();
    await page.getByText('This quote became customer order').waitFor();
    await expectAccessible(page, 'won quote, portrait, English');
    const wonQuote = page.url();
    const wonNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Quote ', '');
    await page.getByRole('link', { name: /^AB-/ }).click();
    await page.getByRole('heading', { name: /^Customer order AB-/ }).waitFor();
    await page.getByText('The whole quantity is in production orders.').waitFor();
    await page.getByTestId('position-forecast').getByText(/^Expected finish /).waitFor();
    await expectAccessible(page, 'customer order, portrait, English');
    await screenshot(page, 'customers-order-portrait-en');

    // a won quote is final: the same offer again starts from a copy, a draft with the same positions
    await page.goto(wonQuote);
    await page.getByRole('button', { name: 'Copy quote' }).click();
    const copyForm = page.getByRole('form', { name: 'Copy as a new quote' });
    expect(await copyForm.getByLabel(/^Customer/).inputValue()).toMatch(/^Hansen Maschinenbau GmbH/);
    await expectAccessible(page, 'copying a quote, portrait, English');
    await copyForm.getByRole('button', { name: 'Create copy' }).click();
    await page.getByText(`Copy of quote ${wonNumber}`).waitFor();
    await page.getByText('Please check prices and delivery dates before the quote goes out.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe(`Quote ${wonNumber}`);
    await page.getByText('Draft', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await screenshot(page, 'customers-quote-copied-portrait-en');
    await page.locator('label', { hasText: /^DE$/ }).click();
  }, 120_000);
});
