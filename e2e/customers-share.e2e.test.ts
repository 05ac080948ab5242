import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithCompany, type StartedCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';

const OWNER = { email: 'katrin@muster-metallbau.example', password: 'Blech und Schweißnaht 2026', name: 'Katrin Muster' };
const PHONE = { width: 390, height: 844 };

describe.runIf(browserAvailable())('the customer link in Chromium', () => {
  let started: StartedCompany;
  let order: { id: string; number: string };
  beforeAll(async () => {
    started = await startWithCompany({ company: 'Muster Metallbau GmbH', email: OWNER.email, owner: OWNER.name, password: OWNER.password, modules: ['shopfloor', 'customers'] });
    const api = `/api/v1/companies/${started.companyId}`;
    const c = started.client;
    const centre = await c.post(`${api}/shopfloor/work-centres`, { code: 'SCHWEISS', name: 'Schweißplatz' });
    const part = await c.post(`${api}/shopfloor/parts`, { number: 'KONS-100', name: 'Konsole geschweißt', operations: [{ name: 'Schweißen', workCentreId: centre.body.id, setupMinutes: 15, idealCycleSeconds: 240, parameters: [{ id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', required: false, unit: 'A', target: 120, lowerTolerance: 10, upperTolerance: 10 }] }, { name: 'Prüfen', workCentreId: centre.body.id, setupMinutes: 0, idealCycleSeconds: 60 }] });
    const customer = await c.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', city: 'Kiel' });
    const quote = await c.post(`${api}/quotes`, { customerId: customer.body.id, subject: 'Konsolen', positions: [{ partId: part.body.id, quantityMilli: 10_000, unitPriceCents: 4_250, deliveryDate: '2027-03-15' }] });
    expect((await c.post(`${api}/quotes/${quote.body.id}/send`, { language: 'de' })).status).toBe(200);
    expect((await c.post(`${api}/quotes/${quote.body.id}/win`, {})).status).toBe(200);
    const made = await c.post(`${api}/quotes/${quote.body.id}/order`, { customerReference: '4500012345' });
    expect(made.status).toBe(201);
    const production = await c.post(`${api}/customer-order-positions/${made.body.positions[0].id}/production-orders`, {});
    expect(production.status).toBe(201);
    order = made.body;
    // welding has started: one current in tolerance, one above it
    const operationId = (await c.get(`${api}/shopfloor/orders/${production.body.productionOrder.id}`)).body.operations[0].id as string;
    const t0 = Date.now() - 60 * 60_000;
    const steps = [
      { kind: 'start-setup', at: t0 },
      { kind: 'start-production', at: t0 + 15 * 60_000 },
      { kind: 'parameters', at: t0 + 20 * 60_000, parameters: [{ name: 'current', value: 125 }] },
      { kind: 'parameters', at: t0 + 40 * 60_000, parameters: [{ name: 'current', value: 141.5 }] },
    ];
    const booked = await c.post(`${api}/shopfloor/bookings`, { bookings: steps.map((st, i) => ({ ...st, key: randomUUID(), deviceId: 'tablet-1', sequence: i + 1, operationId, at: new Date(st.at).toISOString() })) });
    expect(booked.body.results.map((r: { status: string }) => r.status)).toEqual(steps.map(() => 'applied'));
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.instance.close();
  });

  it('the firm creates a link; the customer opens it without signing in, in German and English; the firm sees the view and revokes it', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET)).newPage();
    await signInWithPassword(page, OWNER);
    const consoleErrors = watchConsole(page);
    await page.goto(`/c/${started.companyId}/customer-orders/${order.id}`);
    const card = page.getByRole('region', { name: 'Link für den Kunden' });
    await card.getByText('Noch kein Link für diesen Auftrag.').waitFor();

    await card.getByRole('button', { name: 'Link erstellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link für den Kunden erstellen' });
    await dialog.getByLabel('Gültig für (Tage)').fill('14');
    await dialog.getByLabel('Arbeitsgänge mit Stand und Mengen').check();
    await dialog.getByLabel('Prozessparameter mit Toleranzprüfung (ohne Fotos)').check();
    await expectAccessible(page, 'the dialog that creates a customer link');
    await screenshot(page, 'customers-share-create');
    await dialog.getByRole('button', { name: 'Link erstellen' }).click();
    const url = (await dialog.getByTestId('share-link-url').textContent())!;
    expect(url).toMatch(new RegExp(`^${started.baseURL}/p/o/[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$`));
    await dialog.getByRole('button', { name: 'Link kopieren' }).waitFor();
    await expectAccessible(page, 'the new customer link, shown once');
    await screenshot(page, 'customers-share-created');
    await dialog.getByRole('button', { name: 'Fertig' }).click();
    await card.getByText('Noch nicht aufgerufen').waitFor();
    await card.getByText('gültig', { exact: true }).waitFor();

    // the customer: a fresh browser, no account, no cookies
    const customerContext = await newContext(started.browser, started.baseURL, PHONE);
    const customer = await customerContext.newPage();
    const customerErrors = watchConsole(customer);
    await customer.goto(url);
    await customer.getByRole('heading', { name: `Auftrag ${order.number}` }).waitFor();
    await customer.getByText('Zugesagter Liefertermin: 15.03.2027').waitFor();
    await customer.getByText('in Fertigung').first().waitFor();
    await customer.getByText(`Fertigungsauftrag ${order.number}-10`).waitFor();
    await customer.getByRole('cell', { name: /^Schweißen läuft$/i }).waitFor();
    await customer.getByText('Prozessparameter – Schweißen').waitFor();
    await customer.getByText('Schweißstrom: 141,5 A').waitFor();
    await customer.getByText('außerhalb der Toleranz').waitFor();
    // every column of the operations fits the phone: the scrap column's right edge inside the screen
    const scrap = await customer.getByRole('columnheader', { name: 'Ausschuss' }).boundingBox();
    expect(scrap!.x + scrap!.width).toBeLessThanOrEqual(PHONE.width);
    const text = await customer.locator('body').innerText();
    expect(text).not.toContain('42,50');
    expect(await customer.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');
    expect(await customer.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(() => overflowing(customer)).toEqual([]);
    await expectAccessible(customer, 'the customer link on a phone, in German');
    await screenshot(customer, 'customers-share-public-phone');

    await customer.getByText('English', { exact: true }).click();
    await customer.getByRole('heading', { name: `Order ${order.number}` }).waitFor();
    await customer.getByText(/^Promised delivery date: .*2027$/).waitFor();
    await customer.getByText('Welding current: 141.5 A').waitFor();
    expect(await customer.evaluate(() => document.documentElement.lang)).toBe('en');
    await customer.setViewportSize(TABLET_PORTRAIT);
    await expect.poll(() => overflowing(customer)).toEqual([]);
    await expectAccessible(customer, 'the customer link on a tablet, in English');
    await screenshot(customer, 'customers-share-public-en');
    expect(await customerContext.cookies()).toEqual([]);
    expect(customerErrors).toEqual([]);

    // the firm sees the views beside the link
    await page.reload();
    // one view: switching the language reads nothing again
    await card.getByText(/^1 Aufruf, zuletzt /).waitFor();
    await card.getByRole('button', { name: /^1 Aufruf des Links vom .* ansehen$/ }).click();
    const views = page.getByRole('dialog', { name: 'Aufrufe des Links' });
    await views.getByTestId('share-link-views').waitFor();
    expect(await views.getByRole('row').count()).toBe(2);
    await views.getByRole('cell', { name: '127.0.0.0/24' }).first().waitFor();
    await views.getByRole('cell', { name: 'Chrome' }).first().waitFor();
    await expectAccessible(page, 'the views of a customer link');
    await screenshot(page, 'customers-share-views');
    await page.keyboard.press('Escape');
    await views.waitFor({ state: 'hidden' });
    await expectAccessible(page, 'the order page with its customer link');
    await screenshot(page, 'customers-share-order');

    // revoked: the customer's page says the link is no longer valid, as for any unknown link
    await card.getByRole('button', { name: /^Link vom .* widerrufen$/ }).click();
    await card.getByText('widerrufen', { exact: true }).waitFor();
    await customer.reload();
    await customer.getByRole('heading', { name: 'Link not available' }).waitFor();
    await expectAccessible(customer, 'a revoked customer link');
    await screenshot(customer, 'customers-share-revoked');
    await customer.goto('/p/o/nonsense?lang=en');
    await customer.getByRole('heading', { name: 'Link not available' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
