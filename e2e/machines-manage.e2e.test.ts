import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Stanzen mit Gefühl 2026';
const EMAIL = 'technik@manage.example';

describe.runIf(browserAvailable())('setting up machines, devices, rules and notifications in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Albrecht Umformtechnik GmbH', email: EMAIL, owner: 'Tom Albrecht', password: PASSWORD, modules: ['machines'] }));
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  const signIn = (page: Page) => signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Tom Albrecht' });

  it('creates a machine, a data point, a device token and a rule; an alarm from HTTP data shows up live with a notification', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signIn(page);
    await page.goto(`/c/${companyId}/machines`);
    await page.getByRole('heading', { name: 'Maschinendaten', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Maschinen einrichten' }).click();
    await page.getByRole('heading', { name: 'Maschinen einrichten', level: 1 }).waitFor();

    // A machine: an empty name is refused with a translated message.
    const machineForm = page.getByRole('form', { name: 'Neue Maschine anlegen' });
    await machineForm.getByLabel('Beschreibung').fill('Exzenterpresse 160 t');
    await machineForm.getByRole('button', { name: 'Maschine anlegen' }).click();
    await machineForm.getByText('Bitte einen Namen angeben (höchstens 200 Zeichen).').waitFor();
    expect(await machineForm.getByLabel('Beschreibung').inputValue()).toBe('Exzenterpresse 160 t');
    await machineForm.getByRole('textbox', { name: 'Name' }).fill('Presse 7');
    await machineForm.getByRole('button', { name: 'Maschine anlegen' }).click();
    await page.getByRole('heading', { name: 'Presse 7 einrichten', level: 1 }).waitFor();

    // A data point.
    const pointForm = page.getByRole('form', { name: 'Neuer Datenpunkt' });
    await pointForm.getByRole('textbox', { name: 'Name (Schlüssel)' }).fill('motor current');
    await pointForm.getByRole('textbox', { name: 'Bezeichnung' }).fill('Motorstrom');
    await pointForm.getByRole('textbox', { name: 'Einheit' }).fill('A');
    await pointForm.getByRole('button', { name: 'Datenpunkt anlegen' }).click();
    await pointForm.getByText(/Der Name beginnt mit einem Buchstaben/).waitFor();
    expect(await pointForm.getByRole('textbox', { name: 'Einheit' }).inputValue()).toBe('A');
    await pointForm.getByRole('textbox', { name: 'Name (Schlüssel)' }).fill('current');
    await pointForm.getByRole('button', { name: 'Datenpunkt anlegen' }).click();
    await page.locator('[data-point-row="current"]').waitFor();

    // Its retention: finer data kept longer than coarser is refused with the reason, nothing is saved.
    await page.getByRole('button', { name: 'Aufbewahrung von current' }).click();
    const retention = page.getByRole('dialog', { name: 'Aufbewahrung von Motorstrom' });
    await retention.getByTestId('retention-effective').waitFor();
    expect(await retention.getByTestId('retention-effective').textContent()).toBe('Es gilt: Rohdaten 90 Tage, 1-Minuten-Werte 400 Tage, Stundenwerte 3650 Tage.');
    await retention.getByRole('textbox', { name: 'Rohdaten (Tage)' }).fill('30');
    await retention.getByRole('textbox', { name: '1-Minuten-Werte (Tage)' }).fill('20');
    await retention.getByRole('button', { name: 'Aufbewahrung speichern' }).click();
    await retention.getByText('1-Minuten-Werte müssen mindestens so lange aufbewahrt werden wie die Rohdaten.').waitFor();
    await expectAccessible(page, 'retention dialog with a refused setting');
    await screenshot(page, 'machines-manage-retention');
    const [press] = (await client.get(`/api/v1/companies/${companyId}/machines`)).body;
    const [current] = (await client.get(`/api/v1/companies/${companyId}/machines/${press.id}`)).body.points;
    const retentionUrl = `/api/v1/companies/${companyId}/machines/${press.id}/points/${current.id}/retention`;
    expect((await client.get(retentionUrl)).body.setting).toEqual({ rawDays: null, minuteDays: null, hourDays: null });
    await retention.getByRole('textbox', { name: '1-Minuten-Werte (Tage)' }).fill('200');
    await retention.getByRole('button', { name: 'Aufbewahrung speichern' }).click();
    await retention.waitFor({ state: 'hidden' });
    expect((await client.get(retentionUrl)).body).toMatchObject({ setting: { rawDays: 30, minuteDays: 200, hourDays: null }, effective: { rawDays: 30, minuteDays: 200, hourDays: 3650 } });

    // A device credential: the token is shown once, with examples for curl and mosquitto_pub.
    const deviceForm = page.getByRole('form', { name: 'Neuer Geräte-Zugang' });
    await deviceForm.getByRole('textbox', { name: 'Name des Geräts' }).fill('SPS Presse 7');
    await deviceForm.getByRole('button', { name: 'Zugang anlegen' }).click();
    const modal = page.getByTestId('device-token');
    await modal.waitFor();
    const token = (await modal.locator('[data-copy="Token"]').textContent())!.trim();
    const deviceId = (await modal.locator('[data-copy="Geräte-ID"]').textContent())!.trim();
    expect(token.length).toBeGreaterThan(30);
    expect(await modal.locator('[data-copy="Per HTTP senden (curl)"]').textContent()).toContain(`Bearer ${token}`);
    const mqtt = await modal.locator('[data-copy="Per MQTT senden (mosquitto_pub)"]').textContent();
    expect(mqtt).toContain(`-u ${deviceId}`);
    expect(mqtt).toContain(`-t wv/${deviceId}/telemetry`);
    await page.waitForTimeout(500); // the dialog's opening transition
    await expectAccessible(page, 'device token dialog');
    await screenshot(page, 'machines-manage-token');
    await modal.getByRole('button', { name: 'Fertig' }).click();
    await page.locator('[data-device-row="SPS Presse 7"]').waitFor();
    expect(await page.content()).not.toContain(token);

    // An alarm rule: a missing limit is refused and nothing typed is lost.
    const ruleForm = page.getByRole('form', { name: 'Neue Regel' });
    await ruleForm.getByRole('textbox', { name: 'Name' }).fill('Motorstrom zu hoch');
    await ruleForm.getByRole('textbox', { name: 'Hysterese' }).fill('10');
    await ruleForm.getByRole('button', { name: 'Regel anlegen' }).click();
    await ruleForm.getByText('Bitte einen Grenzwert als Zahl angeben.').waitFor();
    expect(await ruleForm.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Motorstrom zu hoch');
    await ruleForm.getByRole('textbox', { name: 'Grenzwert' }).fill('200');
    await ruleForm.getByRole('combobox', { name: 'Schwere' }).click();
    await page.getByRole('option', { name: 'Kritisch' }).click();
    await ruleForm.getByTestId('hysteresis-help').waitFor();
    await expect.poll(() => ruleForm.getByTestId('rule-summary').textContent()).toBe('Alarm, sobald der Wert über 200 A liegt; zurückgesetzt, wenn er unter 190 A fällt.');
    await ruleForm.getByRole('button', { name: 'Regel anlegen' }).click();
    const ruleRow = page.locator('[data-rule-row="Motorstrom zu hoch"]');
    await ruleRow.waitFor();
    await expect.poll(() => ruleRow.textContent()).toContain('Kritisch');
    await expectAccessible(page, 'machine set-up');
    await screenshot(page, 'machines-manage-machine');
    const portrait = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const portraitPage = await portrait.newPage();
    await signIn(portraitPage);
    await portraitPage.goto(page.url());
    await portraitPage.locator('[data-rule-row="Motorstrom zu hoch"]').waitFor();
    await screenshot(portraitPage, 'machines-manage-machine-portrait');

    // The device sends over HTTP with its token; the alarm appears live with a notification.
    await page.getByRole('link', { name: '← Alle Maschinen' }).click();
    await page.getByRole('link', { name: '← Zurück zur Übersicht' }).click();
    const card = page.locator('[data-machine="Presse 7"]');
    await card.getByText('Keine offenen Alarme.').waitFor();
    const sent = await fetch(`${baseURL}/api/v1/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ts: new Date().toISOString(), values: { current: 231.5 } }),
    });
    expect(sent.status).toBe(200);
    await card.locator('[data-status="active"]').waitFor({ timeout: 10_000 });
    const bell = page.getByTestId('notifications-button');
    await expect.poll(() => bell.textContent(), { timeout: 10_000 }).toBe('Benachrichtigungen (1 neu)');
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.locator('[data-notification="raised"][data-read="false"]').waitFor();
    await expect.poll(() => list.textContent()).toContain('Motorstrom zu hoch · Presse 7');
    await expectAccessible(page, 'overview with notifications');
    await screenshot(page, 'machines-overview-notifications');

    await card.getByRole('button', { name: 'Alarm Motorstrom zu hoch an current quittieren' }).click();
    await card.locator('[data-status="acknowledged"]').waitFor();
    await expect.poll(() => bell.textContent(), { timeout: 10_000 }).toBe('Benachrichtigungen (2 neu)');
    await page.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await expect.poll(() => bell.textContent(), { timeout: 10_000 }).toBe('Benachrichtigungen (0 neu)');
    expect(await list.locator('[data-read="false"]').count()).toBe(0);
    expect(errors.filter((e) => !/status of (401|400)/.test(e))).toEqual([]);
    await portrait.close();
    await context.close();
  });

  it('sets up e-mail recipients and leads to the company\'s webhooks for alarm webhooks', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/c/${companyId}/machines`);
    await page.getByRole('link', { name: 'Benachrichtigungen einstellen' }).click();
    await page.getByRole('heading', { name: 'Benachrichtigungen bei Alarmen', level: 1 }).waitFor();
    const settings = page.getByRole('form', { name: 'E-Mail und Schwere' });
    await settings.getByRole('checkbox', { name: 'Hinweis' }).check();
    await settings.getByLabel('Weitere E-Mail-Adressen').fill('schicht@manage.example');
    await settings.getByLabel('Weitere E-Mail-Adressen').press('Enter');
    await settings.getByRole('button', { name: 'Speichern' }).click();
    await settings.getByText('Gespeichert.').waitFor();
    expect((await client.get(`/api/v1/companies/${companyId}/machine-notification-settings`)).body).toMatchObject({ severities: ['info', 'warning', 'critical'], addresses: ['schicht@manage.example'] });

    await page.mouse.move(0, 0); // no button left in its hover state
    await expectAccessible(page, 'notification settings');
    await screenshot(page, 'machines-notification-settings-portrait');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'machines-notification-settings');

    // Alarm webhooks are the company's webhooks (creating one, its secret shown once and the test
    // message: e2e/webhooks.e2e.test.ts); the page leads there.
    await page.getByRole('link', { name: 'Webhooks des Unternehmens öffnen' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Webhook anlegen' }).click();
    await page.getByRole('dialog', { name: 'Neuer Webhook' }).getByRole('checkbox', { name: 'Maschinenalarm ausgelöst' }).waitFor();
    await context.close();
  });

  it('shows the set-up read-only to a viewer, in English', async () => {
    const inv = await client.post(`/api/v1/companies/${companyId}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    const accepted = await viewer.post('/api/v1/invitations/accept', {
      token: new URL(inv.body.link).hash.slice(1),
      user: { name: 'Vera Viewer', email: 'viewer@manage.example', password: PASSWORD },
    });
    expect(accepted.status).toBeLessThan(300);
    expect((await viewer.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
    const api = `/api/v1/companies/${companyId}/machines`;
    const machine = (await client.post(api, { name: 'Presse 8' })).body;
    const point = (await client.post(`${api}/${machine.id}/points`, { name: 'current', unit: 'A' })).body;
    await client.post(`${api}/${machine.id}/devices`, { name: 'SPS Presse 8' });
    await client.post(`${api}/${machine.id}/rules`, { pointId: point.id, name: 'Motorstrom zu hoch', rule: { kind: 'threshold', direction: 'high', limit: 200, hysteresis: 10 } });
    const context = await newContext(browser, baseURL, TABLET);
    await context.addInitScript(() => localStorage.setItem('werkverbund.lang', 'en'));
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('E-mail address').fill('viewer@manage.example');
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Vera Viewer' }).waitFor();
    await page.goto(`/c/${companyId}/machines/${machine.id}/manage`);
    await page.getByRole('heading', { name: `Set up ${machine.name}`, level: 1 }).waitFor();
    await page.getByText('Only administrators can change anything here; you see the settings.').waitFor();
    await page.locator('[data-rule-row="Motorstrom zu hoch"]').waitFor();
    expect(await page.getByRole('button', { name: 'Create credential' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    expect(await page.locator('form').count()).toBe(0);
    await expectAccessible(page, 'read-only set-up in English');
    await screenshot(page, 'machines-manage-readonly-en');
    await context.close();
  });
  it('finds machines by a search that ignores case and umlauts, and pages through many', async () => {
    const api = `/api/v1/companies/${companyId}/machines`;
    for (let n = 1; n <= 25; n++) expect((await client.post(api, { name: `Säge ${String(n).padStart(2, '0')}` })).status).toBe(201);
    expect((await client.post(api, { name: 'Fräse Süd', description: 'Portalfräse' })).status).toBe(201);
    const total = (await client.get(api)).body.length;
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/c/${companyId}/machines/manage`);
    const rows = page.locator('[data-machine-row]');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByText(`1–25 von ${total}`).waitFor();
    await page.getByRole('button', { name: 'Seite 2' }).click();
    await expect.poll(() => rows.count()).toBe(total - 25);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');

    const search = page.getByRole('search').getByRole('searchbox', { name: 'Suchen' });
    await search.fill('FRASE sud');
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator('[data-machine-row="Fräse Süd"]').waitFor();
    // the search is kept in the address: a reload shows the same
    await page.reload();
    await page.locator('[data-machine-row="Fräse Süd"]').waitFor();
    expect(await search.inputValue()).toBe('FRASE sud');
    await search.fill('Hobelbank');
    await page.getByTestId('list-no-match').getByText('Nichts passt zu „Hobelbank“.').waitFor();
    await expectAccessible(page, 'machine list with a search that finds nothing');
    await screenshot(page, 'machines-manage-list-no-match-portrait');
    await page.getByRole('button', { name: 'Suche löschen' }).click();
    await expect.poll(() => rows.count()).toBe(25);
    expect(await search.inputValue()).toBe('');

    // the overview's cards are searched the same way
    await page.goto(`/c/${companyId}/machines?q=portalfrase`);
    const cards = page.getByTestId('machine-cards').locator('[data-machine]');
    await page.locator('[data-machine="Fräse Süd"]').waitFor();
    expect(await cards.count()).toBe(1);
    await page.getByRole('search').getByRole('searchbox', { name: 'Suchen' }).fill('säge 2');
    await expect.poll(() => cards.count()).toBe(8); // Säge 02, 12 and 20–25
    await context.close();
  });
});
