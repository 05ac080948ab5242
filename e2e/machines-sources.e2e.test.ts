import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startOpcuaTestServer } from '../src/modules/machines/sources/opcua-test-server.js';
import { startConnectionSources } from '../src/modules/machines/sources/start-sources.js';
import { loopbackAllowed } from '../src/modules/machines/test-modules.js';
import { startServer } from './support/server.js';
import { signInWithPassword } from './support/sign-in.js';
import { DESKTOP, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Daten von der Steuerung 2026';
const EMAIL = 'leitung@machines-sources.example';

describe.runIf(browserAvailable())('machine connections in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let companyId: string;
  let opcua: Awaited<ReturnType<typeof startOpcuaTestServer>>;
  let sources: Awaited<ReturnType<typeof startConnectionSources>>;

  beforeAll(async () => {
    opcua = await startOpcuaTestServer(20_000 + Math.floor(Math.random() * 20_000));
    ({ instance, baseURL } = await startServer());
    instance.ctx.config.dataDir = mkdtempSync(path.join(tmpdir(), 'wv-e2e-sources-'));
    instance.ctx.config.outboundAllow = loopbackAllowed; // the OPC UA server and the Mosquitto run on this machine
    sources = await startConnectionSources(instance.ctx);
    browser = await launchBrowser();
    const client = new TestClient(instance);
    companyId = await client.signup('Kröger Stanztechnik GmbH', EMAIL, 'Jana Kröger', PASSWORD);
    expect((await client.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true })).status).toBe(200);
    expect((await client.post(`/api/v1/companies/${companyId}/machines`, { name: 'Presse 1' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await sources?.stop();
    await instance?.close();
    await opcua?.stop();
  });

  const signIn = (page: Page) => signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Jana Kröger' });

  it('connects an OPC UA server, browses it, picks a variable and shows its live value', async () => {
    const context = await newContext(browser, baseURL, DESKTOP);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signIn(page);
    await page.goto(`/c/${companyId}/machines`);
    await page.getByRole('link', { name: 'Verbindungen (MQTT, OPC UA)' }).click();
    await page.getByRole('heading', { name: 'Verbindungen', level: 1 }).waitFor();
    await page.getByText('Noch keine Verbindungen.').waitFor();
    await page.getByRole('link', { name: 'OPC-UA-Server verbinden' }).click();

    // A wrong endpoint is refused with a translated message at the field.
    const form = page.getByRole('form', { name: 'Neue OPC-UA-Verbindung' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('SPS Presse 1');
    await form.getByRole('textbox', { name: 'Endpunkt' }).fill('http://presse1');
    await form.getByRole('button', { name: 'Verbindung anlegen' }).click();
    await form.getByText('Bitte einen Endpunkt wie opc.tcp://host:4840 angeben.').waitFor();
    await expectAccessible(page, 'new OPC UA connection with an error');
    await screenshot(page, 'machines-sources-opcua-new-error');

    await form.getByRole('textbox', { name: 'Endpunkt' }).fill(opcua.url);
    await form.getByRole('button', { name: 'Verbindung anlegen' }).click();
    await page.getByRole('heading', { name: 'SPS Presse 1', level: 1 }).waitFor();
    await page.locator('[data-state="connected"]').waitFor({ timeout: 20_000 });

    // Browse lazily: open the folder, tick the variable, assign it and save.
    await page.getByRole('button', { name: 'Presse1 öffnen' }).click();
    await page.getByRole('checkbox', { name: /Temperatur/ }).check();
    const row = page.locator('[data-item$="Presse1.Temperatur"]');
    await expect.poll(() => row.getByRole('textbox', { name: /Datenpunkt für/ }).inputValue()).toBe('Temperatur');
    await row.getByRole('textbox', { name: /Datenpunkt für/ }).fill('temperatur');
    await page.getByRole('button', { name: 'Auswahl speichern' }).click();
    await page.getByText('Gespeichert – das Abonnement startet neu.').waitFor();
    // The subscription restarts after saving; on a loaded machine reconnecting can take a while.
    // The status badge is the one element whose data-state is a connection state (Mantine's
    // popovers and collapses carry data-state="hidden" and may come first in the page).
    await page.getByRole('region', { name: 'Status' }).locator('[data-state="connected"]').waitFor({ timeout: 45_000 });
    await expectAccessible(page, 'OPC UA connection with the browse tree');
    await screenshot(page, 'machines-sources-opcua-detail');

    // The value arrives on the machine overview without reloading.
    await page.goto(`/c/${companyId}/machines`);
    const point = page.locator('[data-machine="Presse 1"] [data-point="temperatur"]');
    await expect.poll(async () => /\d+,\d/.test((await point.textContent().catch(() => '')) ?? ''), { timeout: 20_000 }).toBe(true);

    await page.goto(`/c/${companyId}/machines/connections`);
    await page.locator('[data-connection="SPS Presse 1"] [data-state="connected"]').waitFor();
    await expect.poll(async () => (await page.locator('[data-connection="SPS Presse 1"]').textContent()) ?? '', { timeout: 10_000 }).toMatch(/gespeichert/);
    await expectAccessible(page, 'connections list');
    await screenshot(page, 'machines-sources-list');
    // searched by name, address or kind
    const search = page.getByRole('search').getByRole('searchbox', { name: 'Suchen' });
    await search.fill('opc ua presse');
    await page.locator('[data-connection="SPS Presse 1"]').waitFor();
    await search.fill('Mosquitto');
    await page.getByTestId('list-no-match').getByText('Nichts passt zu „Mosquitto“.').waitFor();
    expect(await page.locator('[data-connection]').count()).toBe(0);
    await page.getByRole('button', { name: 'Suche löschen' }).click();
    await page.locator('[data-connection="SPS Presse 1"]').waitFor();
    // 401: the sign-in page asking who is signed in; 400: the refused endpoint above. Anything else fails.
    expect(errors.filter((e) => !/status of (401|400)/.test(e))).toEqual([]);
    await context.close();
  }, 120_000);

  it('offers the MQTT form with its mapping on a tablet, with field errors', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/c/${companyId}/machines/connections/new/mqtt`);
    const form = page.getByRole('form', { name: 'Neue MQTT-Verbindung' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Mosquitto Halle 1');
    await form.getByRole('textbox', { name: 'Broker-Adresse' }).fill('mqtt://127.0.0.1:1883');
    await form.getByRole('textbox', { name: 'Topic-Muster' }).fill('werk/{machine}/#/x');
    await form.getByRole('button', { name: 'Verbindung anlegen' }).click();
    await form.getByText(/Ungültiges Muster/).waitFor();
    await form.getByText(/mindestens einen Schlüssel/).waitFor();
    await expectAccessible(page, 'new MQTT connection with errors');
    await screenshot(page, 'machines-sources-mqtt-new-error');
    await context.close();
  }, 60_000);
});
