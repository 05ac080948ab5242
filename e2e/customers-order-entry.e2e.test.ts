import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithCompany, type StartedCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';

const OWNER = { email: 'ole@lorenzen-blech.example', password: 'Nachbestellung per Telefon 2026', name: 'Ole Lorenzen' };

describe.runIf(browserAvailable())('customer orders without a quote in Chromium', () => {
  let started: StartedCompany;
  beforeAll(async () => {
    started = await startWithCompany({ company: 'Lorenzen Blechtechnik GmbH', email: OWNER.email, owner: OWNER.name, password: OWNER.password, modules: ['shopfloor', 'customers'] });
    const api = `/api/v1/companies/${started.companyId}`;
    const centre = await started.client.post(`${api}/shopfloor/work-centres`, { code: 'KANT', name: 'Kantbank' });
    expect((await started.client.post(`${api}/shopfloor/parts`, { number: 'WIN-40', name: 'Winkel 40', operations: [{ name: 'Kanten', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 45 }] })).status).toBe(201);
    expect((await started.client.post(`${api}/customers`, { name: 'Petersen Anlagenbau GmbH', city: 'Flensburg' })).status).toBe(201);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.instance.close();
  });

  it('takes a repeat order by phone, then cancels it with a reason', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET)).newPage();
    await signInWithPassword(page, OWNER);
    const consoleErrors = watchConsole(page);
    await page.goto(`/c/${started.companyId}/customer-orders`);
    await page.getByRole('link', { name: 'Auftrag ohne Angebot erfassen' }).click();
    await page.getByRole('heading', { name: 'Neuer Kundenauftrag', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Neuer Kundenauftrag' });
    expect(await form.getByRole('button', { name: 'Auftrag anlegen' }).isDisabled()).toBe(true);
    await form.getByPlaceholder('Kunden suchen …').fill('Petersen');
    await page.getByRole('option', { name: /Petersen Anlagenbau GmbH/ }).click();
    await form.getByLabel('Bestellzeichen des Kunden').fill('Tel. 12.01.');
    const position = form.getByTestId('position');
    await position.getByPlaceholder('Teilenummer oder Name suchen …').fill('WIN');
    await page.getByRole('option', { name: 'WIN-40 Winkel 40' }).click();
    await position.getByLabel('Menge').fill('40');
    await position.getByLabel('Einzelpreis').fill('3,20');
    await position.getByLabel('Liefertermin').fill('2099-02-15');
    await form.getByTestId('totals').getByText('152,32 €').waitFor(); // 128,00 € + 19 %
    await expectAccessible(page, 'new customer order without a quote');
    await page.setViewportSize(TABLET_PORTRAIT);
    await expect.poll(() => overflowing(page)).toEqual([]);
    await screenshot(page, 'customers-order-new-portrait');
    await page.setViewportSize(TABLET);
    await form.getByRole('button', { name: 'Auftrag anlegen' }).click();

    await page.getByRole('heading', { name: /^Kundenauftrag AB-\d{4}-00001$/ }).waitFor();
    await page.getByText('Bestellzeichen: Tel. 12.01.').waitFor();
    await page.getByRole('form', { name: 'Fertigungsauftrag für Position 10 anlegen' }).getByRole('button', { name: 'Fertigungsauftrag anlegen' }).click();
    await page.getByTestId('production-orders').getByRole('link', { name: /-10$/ }).waitFor();

    // the customer called back: cancelled, with the reason; the production order is the shop floor's to stop
    await page.getByRole('button', { name: 'Auftrag stornieren' }).click();
    const cancel = page.getByRole('form', { name: 'Auftrag stornieren' });
    expect(await cancel.getByRole('button', { name: 'Stornieren', exact: true }).isDisabled()).toBe(true);
    await cancel.getByLabel('Grund').fill('Kunde hat am Telefon abbestellt');
    await expectAccessible(page, 'cancelling a customer order');
    await cancel.getByRole('button', { name: 'Stornieren', exact: true }).click();
    const cancelled = page.getByTestId('order-cancellation');
    await cancelled.getByText(/^Storniert am \d{2}\.\d{2}\.\d{4}/).waitFor();
    await cancelled.getByText('Kunde hat am Telefon abbestellt (Ole Lorenzen)').waitFor();
    await cancelled.getByText('Dieser Fertigungsauftrag läuft noch – bitte in der Fertigung stoppen:').waitFor();
    await cancelled.getByRole('link', { name: /-10$/ }).waitFor();
    await page.getByText('Storniert', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Auftrag stornieren' }).count()).toBe(0);
    await expectAccessible(page, 'cancelled customer order');
    await screenshot(page, 'customers-order-cancelled');
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
