import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { startServer } from './support/server.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Zahlen prüfen 2026';

describe.runIf(browserAvailable())('investment editor: numbers it cannot take, unsaved changes (Chromium)', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  async function signUp(page: Page, email: string) {
    await page.goto('/signup');
    await page.getByLabel('Name des Unternehmens').fill('Zahlenwerk GmbH');
    await page.getByLabel('Ihr Name').fill('Nora Zahl');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel(/^Passwort/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Registrieren' }).click();
    await page.waitForURL(/\/c\/[^/]+\//);
    return new URL(page.url()).pathname.split('/')[2];
  }

  for (const [viewport, label] of [[TABLET, 'landscape'], [TABLET_PORTRAIT, 'portrait']] as const) {
    it(`refuses bad numbers with the reason, changes nothing silently and warns before unsaved changes are lost (${label})`, async () => {
      const page = await (await newContext(browser, baseURL, viewport)).newPage();
      const consoleErrors = watchConsole(page);
      const companyId = await signUp(page, `nora-${label}@zahlen.example`);
      await page.goto(`/c/${companyId}/invest`);
      await page.getByLabel('Titel der neuen Bewertung').fill('Neue Säge');
      await page.getByRole('button', { name: 'Bewertung anlegen' }).click();
      await page.getByRole('heading', { name: 'Neue Säge' }).waitFor();

      // a new evaluation of zeros gives no verdict
      const sheet = page.getByTestId('decision-sheet');
      await sheet.getByTestId('decision-nothing').waitFor();
      expect(await sheet.textContent()).not.toContain('mehr als den Kalkulationszins');
      expect(await sheet.textContent()).toContain('Noch nichts zu bewerten');

      const save = page.getByRole('button', { name: 'Speichern' });
      const investment = page.getByLabel('Investition', { exact: true });
      const fieldError = async (field: ReturnType<Page['getByLabel']>) => {
        const id = await field.getAttribute('aria-describedby');
        return id ? (await page.locator(`[id="${id.split(' ').find((x) => x.endsWith('-error'))}"]`).textContent()) ?? '' : '';
      };
      for (const [text, message] of [['-25000', 'Darf nicht negativ sein.'], ['1e9', 'Das ist keine Zahl'], ['12,345', 'Höchstens 2 Nachkommastellen.']] as const) {
        await investment.fill(text);
        await expect.poll(() => fieldError(investment)).toContain(message);
        expect(await investment.inputValue()).toBe(text);
        expect(await save.isDisabled()).toBe(true);
      }
      await page.getByText('Bitte zuerst die markierten Felder korrigieren').waitFor();
      const horizon = page.getByLabel('Planungszeitraum (Jahre)');
      await horizon.fill('0');
      await expect.poll(() => fieldError(horizon)).toBe('Darf nicht kleiner als 1 sein.');
      const rate = page.getByLabel('Kalkulationszinssatz');
      await rate.fill('-150');
      await expect.poll(() => fieldError(rate)).toBe('Darf nicht negativ sein.');
      await expectAccessible(page, `invest editor with refused numbers (${label})`);
      await screenshot(page, `invest-refused-numbers-${label}`);

      // nothing of it reached the figures; good values do, and saving stores exactly them
      await investment.fill('25.000');
      await horizon.fill('5');
      await rate.fill('8');
      await page.getByLabel('Einsparungen pro Jahr').fill('7000');
      await expect.poll(() => save.isDisabled()).toBe(false);
      expect(await sheet.textContent()).toContain('mehr als den Kalkulationszins');

      // leaving with unsaved changes asks first; staying keeps them
      await page.getByRole('link', { name: 'Zur Übersicht' }).click();
      const leave = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
      await leave.waitFor();
      await expectAccessible(page, `leave warning (${label})`);
      await screenshot(page, `invest-leave-warning-${label}`);
      await leave.getByRole('button', { name: 'Auf der Seite bleiben' }).click();
      await leave.waitFor({ state: 'hidden' });
      expect(await investment.inputValue()).toBe('25.000 €');

      // closing or reloading the tab asks the browser's question
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.type();
        void dialog.dismiss();
      });
      await page.close({ runBeforeUnload: true });
      await expect.poll(() => asked).toBe('beforeunload');

      const again = await (await newContext(browser, baseURL, viewport)).newPage();
      expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      await again.close();
    });
  }

  it('saves what was typed, and after saving leaves without asking', async () => {
    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    const companyId = await signUp(page, 'nora-save@zahlen.example');
    await page.goto(`/c/${companyId}/invest`);
    await page.getByLabel('Titel der neuen Bewertung').fill('Roboterzelle');
    await page.getByRole('button', { name: 'Bewertung anlegen' }).click();
    await page.getByRole('heading', { name: 'Roboterzelle' }).waitFor();
    await page.getByLabel('Investition', { exact: true }).fill('250000');
    await page.getByLabel('Restwert', { exact: true }).fill('-1500,50');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert').waitFor();
    const evaluationId = new URL(page.url()).pathname.split('/').at(-1);
    const stored = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/companies/${companyId}/invest/evaluations/${evaluationId}`);
    expect(stored.inputs.investmentCents).toBe(25_000_000);
    expect(stored.inputs.residualValueCents).toBe(-150_050);
    await page.getByRole('link', { name: 'Zur Übersicht' }).click();
    await page.getByRole('heading', { name: 'Investitionsbewertung' }).waitFor();
  });
});
