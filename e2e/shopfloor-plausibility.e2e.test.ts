import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Plausibel buchen 2026';
const EMAIL = 'meister@plausibel.example';
const ORDER = 'FA-2026-0100';

interface StoredBooking { key: string; kind: string; good: number | null; scrap: number | null; reason: string | null; status: string; reverses: string | null; reversedBy: string | null }

describe.runIf(browserAvailable())('terminal: impossible quantities and corrections in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let api: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Plausibel GmbH', email: EMAIL, owner: 'Petra Plausibel', password: PASSWORD, modules: ['shopfloor'] }));
    api = `/api/v1/companies/${companyId}/shopfloor`;
    const shift = [{ name: 'Früh', start: '06:00', end: '14:00' }];
    const centre = await client.post(`${api}/work-centres`, { code: 'SAE-1', name: 'Säge 1', calendar: { timeZone: 'Europe/Berlin', week: { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift }, holidays: [] } });
    const part = await client.post(`${api}/parts`, { number: 'ROH-40', name: 'Rohr 40', operations: [{ name: 'Sägen', workCentreId: centre.body.id, setupMinutes: 5, idealCycleSeconds: 30 }] });
    expect((await client.post(`${api}/orders`, { number: ORDER, partId: part.body.id, quantity: 40 })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  const stored = async () => (await client.get(`${api}/bookings`)).body as StoredBooking[];

  for (const [viewport, label] of [[TABLET, 'landscape'], [TABLET_PORTRAIT, 'portrait']] as const) {
    it(`refuses a non-number, asks above the open quantity and corrects a booking (${label})`, async () => {
      const context = await newContext(browser, baseURL, viewport);
      const page = await context.newPage();
      const consoleErrors = watchConsole(page);
      await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Petra Plausibel' });
      await page.goto(`${baseURL}/c/${companyId}/shopfloor/terminal?order=${ORDER}`);
      const saw = page.getByRole('region', { name: '1. Sägen' });
      await saw.waitFor();
      if ((await saw.getAttribute('data-status')) === 'planned') {
        await saw.getByRole('button', { name: 'Fertigung starten' }).click();
        await expect.poll(() => saw.getAttribute('data-status')).toBe('running');
      }
      const before = (await stored()).length;
      const goodBefore = Number(/Gut (\d+)/.exec((await saw.getByTestId('counts').textContent()) ?? '')?.[1]);

      // "-5abc" is not a quantity: refused with the reason, nothing booked
      await saw.getByRole('button', { name: 'Menge buchen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Menge buchen' });
      await dialog.getByLabel('Gutmenge').fill('-5abc');
      await dialog.getByRole('button', { name: 'Buchen' }).click();
      await expect.poll(() => dialog.getByText('Das ist keine Zahl').count()).toBe(1);
      await dialog.getByRole('alert').filter({ hasText: 'nichts' }).waitFor();
      await expectAccessible(page, `quantity refused (${label})`);
      await screenshot(page, `terminal-quantity-refused-${label}`);
      await dialog.getByLabel('Gutmenge').fill('-5');
      await dialog.getByRole('button', { name: 'Buchen' }).click();
      await expect.poll(() => dialog.getByText('Darf nicht negativ sein.').count()).toBe(1);

      // 9,999 on an order of 40: the terminal asks first; "Menge ändern" goes back without booking
      await dialog.getByLabel('Gutmenge').fill('9999');
      await dialog.getByRole('button', { name: 'Buchen' }).click();
      const confirmation = dialog.getByTestId('quantity-confirmation');
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toContain('9.999 Stück');
      await expectAccessible(page, `over-quantity confirmation (${label})`);
      await screenshot(page, `terminal-quantity-confirm-${label}`);
      await confirmation.getByRole('button', { name: 'Menge ändern' }).click();
      await dialog.getByLabel('Gutmenge').waitFor();
      expect((await stored()).length).toBe(before);
      await dialog.getByRole('button', { name: 'Buchen' }).click();
      await confirmation.getByRole('button', { name: 'Ja, 9.999 Stück buchen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await stored()).find((b) => b.good === 9999)?.status).toBe('applied');
      await expect.poll(() => saw.getByTestId('counts').textContent()).toContain(`Gut ${(goodBefore + 9999).toLocaleString('de-DE')}`);

      // the correction: choose the wrong booking, give a reason; the original stays, the figures return
      await saw.getByRole('button', { name: 'Buchung korrigieren' }).click();
      const correction = page.getByRole('dialog', { name: /Buchung korrigieren/ });
      await correction.getByRole('button', { name: 'Buchung stornieren' }).click();
      await correction.getByRole('alert').filter({ hasText: 'Bitte die Buchung wählen' }).waitFor();
      await correction.getByRole('radio', { name: /9\.999 Gut/ }).check();
      await correction.getByRole('textbox', { name: /Grund der Korrektur/ }).fill('Tippfehler: 9999 statt 9');
      await expectAccessible(page, `correction dialog (${label})`);
      await screenshot(page, `terminal-correction-${label}`);
      await correction.getByRole('button', { name: 'Buchung stornieren' }).click();
      await correction.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await stored()).find((b) => b.kind === 'reversal' && b.reason === 'Tippfehler: 9999 statt 9' && b.status === 'applied') !== undefined).toBe(true);
      await expect.poll(() => saw.getByTestId('counts').textContent()).toContain(`Gut ${goodBefore}`);
      const original = (await stored()).find((b) => b.good === 9999 && b.reversedBy !== null);
      expect(original?.status).toBe('applied');
      await page.getByTestId('booking-log').locator('[data-kind="reversal"]').first().waitFor();
      expect(await page.getByTestId('booking-log').locator('[data-kind="reversal"]').first().textContent()).toContain('Grund: Tippfehler');
      await screenshot(page, `terminal-after-correction-${label}`);
      // the sign-in page asks who is signed in before anyone is: that 401 is expected
      expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      await context.close();
    });
  }
});
