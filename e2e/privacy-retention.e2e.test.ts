import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import type { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Aufbewahren mit Frist 2026';
const EMAIL = 'inhaber@fristwerk.example';

describe.runIf(browserAvailable())('retention rules in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Fristwerk GmbH', email: EMAIL, owner: 'Frank Frist', password: PASSWORD, modules: ['privacy', 'shopfloor'] }));
    const api = `/api/v1/companies/${companyId}/privacy/breaches`;
    const breach = await client.post(api, { title: 'Alter Vorfall', becameKnownAt: new Date(Date.now() - 3_600_000).toISOString(), risk: 'unlikely', riskReason: 'Die Daten waren verschlüsselt.' });
    expect((await client.post(`${api}/${breach.body.id}/close`, {})).status).toBe(200);
    // the breach was closed four years ago: its documentation period of three years has ended
    await instance.ctx.db.updateTable('privacy_breaches').set({ closed_at: new Date(Date.now() - 4 * 365 * 86_400_000) }).where('id', '=', breach.body.id).execute();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('shows what is due in a dry run, runs the rules after a question, and logs what went', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Frank Frist' });
    await page.goto(`/c/${companyId}/privacy/retention`);
    await page.getByRole('heading', { name: 'Aufbewahrung und Löschung', level: 1 }).waitFor();
    expect(await page.getByTestId('retention-enforcement').textContent()).toContain('Eingeschaltet');
    await page.getByRole('heading', { name: 'Heute fällig: 1 Datensatz' }).waitFor();
    const breaches = page.getByTestId('retention-rule').filter({ hasText: 'Angaben zu Datenschutzvorfällen' });
    expect(await breaches.textContent()).toContain('Wird 36 Monate ab dem Abschluss des Vorfalls gelöscht.');
    expect(await breaches.getByTestId('retention-rule-due').textContent()).toMatch(/^1 Datensatz von vor dem .* würde gelöscht:$/);
    expect(await breaches.textContent()).toContain('Datenschutzvorfall „Alter Vorfall“');
    await expectAccessible(page, 'retention page with a due record');
    await screenshot(page, 'privacy-retention-due');

    // a period below one month is questioned at the field; a valid one is saved
    const bookings = page.getByTestId('retention-rule').filter({ hasText: 'Rückmeldungen mit Benutzerkonto' });
    await bookings.getByLabel('Frist in Monaten').fill('0');
    expect(await bookings.getByRole('button', { name: 'Frist speichern' }).isDisabled()).toBe(true);
    await bookings.getByLabel('Frist in Monaten').fill('30');
    await bookings.getByRole('button', { name: 'Frist speichern' }).click();
    await expect.poll(() => bookings.textContent()).toContain('Wird 30 Monate ab der Rückmeldung anonymisiert.');
    expect(await bookings.textContent()).toContain('Voreinstellung: 24 Monate');

    await page.getByRole('button', { name: 'Jetzt ausführen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aufbewahrungsregeln jetzt ausführen' });
    expect(await dialog.textContent()).toContain('1 Datensatz wird gelöscht oder anonymisiert. Das lässt sich nicht rückgängig machen.');
    await dialog.getByRole('button', { name: '1 Datensatz löschen oder anonymisieren' }).click();
    await page.getByRole('heading', { name: 'Heute fällig: 0 Datensätze' }).waitFor();
    const log = page.getByTestId('retention-log');
    expect(await log.textContent()).toContain('Frank Frist');
    expect(await log.textContent()).toContain('1 Datensatz gelöscht');
    expect((await client.get(`/api/v1/companies/${companyId}/privacy/breaches`)).body).toEqual([]);
    // the one refused request is the session check before signing in
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('pauses erasure with a reason, in English on a portrait tablet', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Frank Frist' });
    await page.goto(`/c/${companyId}/privacy/retention`);
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Retention and erasure', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Pause erasure …' }).click();
    await page.getByLabel('Reason for pausing').fill('Lawsuit with a supplier: keep everything');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByText('Reason: Lawsuit with a supplier: keep everything').waitFor();
    expect(await page.getByTestId('retention-enforcement').textContent()).toContain('Paused');
    expect((await client.get(`/api/v1/companies/${companyId}/privacy/retention`)).body.enforced).toBe(false);
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page, 'retention page, paused, English, portrait');
    await screenshot(page, 'privacy-retention-paused-en-portrait');
    await page.getByRole('button', { name: 'Switch erasure on' }).click();
    await expect.poll(async () => (await client.get(`/api/v1/companies/${companyId}/privacy/retention`)).body.enforced).toBe(true);
    await page.locator('label', { hasText: /^DE$/ }).click();
    await context.close();
  });
});
