import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Schweißen und Kanten 2026';
const EMAIL = 'meisterin@pin.example';
const ORDER = 'FA-2026-0777';

interface StoredBooking { key: string; deviceId: string; sequence: number; kind: string; good: number | null; scrap: number | null; status: string }

describe.runIf(browserAvailable())('terminal sign-in with PIN and offline app in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let api: string;
  let orderId: string;
  let workerId: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Schmitt Schweißtechnik GmbH', email: EMAIL, owner: 'Jana Schmitt', password: PASSWORD, modules: ['shopfloor'] }));
    api = `/api/v1/companies/${companyId}/shopfloor`;
    const shift = [{ name: 'Früh', start: '06:00', end: '14:00', breaks: [] }];
    const calendar = { timeZone: 'Europe/Berlin', week: { mon: shift, tue: shift }, holidays: [] };
    const weld = await client.post(`${api}/work-centres`, { code: 'SCHW-1', name: 'Schweißplatz 1', calendar });
    const saw = await client.post(`${api}/work-centres`, { code: 'SAE-1', name: 'Säge 1', calendar });
    const part = await client.post(`${api}/parts`, {
      number: 'RAH-30',
      name: 'Rahmen',
      operations: [
        { name: 'Sägen', workCentreId: saw.body.id, setupMinutes: 5, idealCycleSeconds: 60 },
        {
          name: 'Schweißen', workCentreId: weld.body.id, setupMinutes: 10, idealCycleSeconds: 300,
          parameters: [
            { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', unit: 'A', target: 180, lowerTolerance: 10, upperTolerance: 10, required: true },
            { id: 'voltage', label: { de: 'Spannung', en: 'Voltage' }, type: 'number', unit: 'V', target: 24, lowerTolerance: 1, upperTolerance: 1, required: true },
          ],
        },
      ],
    });
    expect(part.status).toBe(201);
    const order = await client.post(`${api}/orders`, { number: ORDER, partId: part.body.id, quantity: 40 });
    expect(order.status).toBe(201);
    orderId = order.body.id;
    const worker = await client.post(`/api/v1/companies/${companyId}/workers`, { name: 'Ali Yilmaz', personnelNumber: '1001', pin: '4711' });
    expect(worker.status).toBe(201);
    workerId = worker.body.userId;
    expect((await client.post(`/api/v1/companies/${companyId}/workers`, { name: 'Bea Berg', personnelNumber: '1002', pin: '2468' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  async function bookQuantity(page: Page, good: number) {
    const welding = page.getByRole('region', { name: '2. Schweißen' });
    await welding.getByRole('button', { name: 'Menge buchen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Menge buchen' });
    await dialog.getByLabel('Gutmenge').fill(String(good));
    await dialog.getByLabel('Ausschuss', { exact: true }).fill('0');
    await dialog.getByRole('button', { name: 'Buchen' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  const cachedUrls = (page: Page) => page.evaluate(async () => (await (await caches.open('wv-terminal-data')).keys()).map((r) => new URL(r.url).pathname));

  it('serves a valid web app manifest and icons', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto('/terminal');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    const response = await page.request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/application\/manifest\+json|application\/json/);
    expect(response.headers()['cache-control']).toBe('no-cache');
    expect((await page.request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
    const manifest = await response.json();
    expect(manifest).toMatchObject({ start_url: '/terminal', display: 'standalone', theme_color: '#1c5d99', name: 'Werkverbund Terminal' });
    for (const icon of manifest.icons as Array<{ src: string; sizes: string; type: string }>) {
      const file = await page.request.get(icon.src);
      expect([icon.src, file.status(), file.headers()['content-type']]).toEqual([icon.src, 200, icon.type]);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    // Chromium's own parser: no errors, and the page is installable
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    expect(parsed.errors).toEqual([]);
    // (a fresh browser context is an incognito profile, where Chromium never offers installation)
    const installability = async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
    await expect.poll(installability, { timeout: 15_000 }).toEqual([]);
    // nobody is signed in and the device is no terminal yet: /me and /terminal answer 401
    expect(consoleErrors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    await context.close();
  });

  it('creates a worker without e-mail and resets a PIN on the people page', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await page.getByRole('textbox', { name: 'Passwort' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Willkommen, Jana Schmitt' }).waitFor();
    await page.goto(`/c/${companyId}/members`);
    await page.getByRole('heading', { name: 'Personen und Rollen' }).waitFor();

    const card = page.locator('form').filter({ has: page.getByRole('button', { name: 'Anlegen' }) });
    await card.getByRole('textbox', { name: 'Name' }).fill('Cem Demir');
    await card.getByRole('textbox', { name: 'Personalnummer' }).fill('1003');
    await card.getByLabel('PIN (4 bis 8 Ziffern)').fill('12');
    await card.getByRole('button', { name: 'Anlegen' }).click();
    await card.getByRole('alert').filter({ hasText: 'Die Eingabe ist ungültig' }).waitFor();
    expect(await card.getByText('PIN (4 bis 8 Ziffern)').count()).toBeGreaterThan(1); // the field is named in the error list and marked
    await card.getByLabel('PIN (4 bis 8 Ziffern)').fill('135790');
    await card.getByRole('button', { name: 'Anlegen' }).click();
    const row = page.getByTestId('member-1003');
    await row.waitFor();
    expect(await row.textContent()).toContain('ohne E-Mail (nur Terminal)');
    expect(await row.textContent()).toContain('PIN gesetzt');

    await page.getByTestId('member-1001').getByRole('button', { name: 'PIN neu setzen' }).click();
    const dialog = page.getByRole('dialog', { name: 'PIN für Ali Yilmaz' });
    await dialog.getByLabel('PIN (4 bis 8 Ziffern)').fill('4711');
    await expectAccessible(page, 'PIN dialog');
    await dialog.getByRole('button', { name: 'PIN speichern' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // the overlay fades out after the dialog is gone; checked while fading, everything behind it looks pale
    await page.waitForFunction(() => !document.querySelector('.mantine-Modal-overlay'));

    // a worker locked for the day after ten wrong PINs: shown with the time, unlocked after asking
    await instance.ctx.db.updateTable('memberships').set({ pin_budget_failures: 10, pin_budget_since: new Date() }).where('tenant_id', '=', companyId).where('personnel_number', '=', '1002').execute();
    await page.reload();
    const locked = page.getByTestId('member-1002');
    await locked.getByText(/^gesperrt bis \d\d\.\d\d\.\d{4}, \d\d:\d\d$/).waitFor();
    expect(await page.getByTestId('member-1001').getByRole('button', { name: 'PIN entsperren' }).count()).toBe(0);
    await expectAccessible(page, 'people page with workers');
    await screenshot(page, 'terminal-pin-people');
    await locked.getByRole('button', { name: 'PIN entsperren' }).click();
    const ask = page.getByRole('dialog', { name: 'PIN-Anmeldung von Bea Berg entsperren?' });
    await ask.getByRole('button', { name: 'Abbrechen' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect((await client.get(`/api/v1/companies/${companyId}/members`)).body.find((m: { personnelNumber: string }) => m.personnelNumber === '1002').pinLockedUntil).not.toBeNull();
    await locked.getByRole('button', { name: 'PIN entsperren' }).click();
    await expectAccessible(page, 'unlock PIN dialog');
    await ask.getByRole('button', { name: 'Entsperren' }).click();
    await ask.waitFor({ state: 'hidden' });
    await page.getByText('Bea Berg kann sich wieder mit der PIN anmelden.').waitFor();
    await locked.getByRole('button', { name: 'PIN entsperren' }).waitFor({ state: 'detached' });
    expect(await locked.textContent()).not.toContain('gesperrt');
    expect((await client.get(`/api/v1/companies/${companyId}/members`)).body.find((m: { personnelNumber: string }) => m.personnelNumber === '1002').pinLockedUntil).toBeNull();
    expect((await client.get(`/api/v1/companies/${companyId}/members`)).body.find((m: { personnelNumber: string }) => m.personnelNumber === '1003')).toMatchObject({ email: null, role: 'shopfloor', hasPin: true });
    await context.close();
  });

  it('registers the tablet, signs a worker in with the PIN, books online and offline after a reload, and stores each booking once', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);

    // The admin sets the tablet up as the welding terminal, then signs out
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await page.getByRole('textbox', { name: 'Passwort' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Willkommen, Jana Schmitt' }).waitFor();
    await page.goto(`/c/${companyId}/shopfloor/terminals`);
    await page.getByRole('heading', { name: 'Terminals', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Name des Terminals' }).fill('Schweißen – Tablet');
    await page.getByRole('combobox', { name: 'Arbeitsplatz (optional)' }).click();
    await page.getByRole('option', { name: 'SCHW-1 – Schweißplatz 1' }).click();
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await page.getByText('Dieses Gerät ist jetzt das Terminal „Schweißen – Tablet“').waitFor();
    await expectAccessible(page, 'terminal set-up');
    await page.getByRole('button', { name: 'Abmelden und PIN-Anmeldung öffnen' }).click();

    // PIN screen: the names to tap, then the keypad
    await page.getByRole('heading', { name: 'Anmeldung am Terminal' }).waitFor();
    expect(await page.getByTestId('terminal-name').textContent()).toBe('Schmitt Schweißtechnik GmbH · Schweißen – Tablet');
    await expectAccessible(page, 'PIN screen: choose a name');
    await screenshot(page, 'terminal-pin-names-portrait');
    await page.getByRole('listitem').filter({ hasText: 'Ali Yilmaz' }).click();
    await page.getByRole('heading', { name: 'PIN für Ali Yilmaz' }).waitFor();
    for (const digit of '1234') await page.getByRole('button', { name: `Ziffer ${digit}` }).click();
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Personalnummer oder PIN ist falsch.' }).waitFor();
    expect(await page.getByTestId('pin-input').inputValue()).toBe('');
    await expectAccessible(page, 'PIN screen: keypad with an error');
    await screenshot(page, 'terminal-pin-keypad-portrait');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'terminal-pin-keypad-landscape');
    for (const digit of '4711') await page.getByRole('button', { name: `Ziffer ${digit}` }).click();
    await page.getByRole('button', { name: 'Anmelden' }).click();

    // The terminal, locked to the welding work centre
    await page.getByRole('heading', { name: 'Terminal', exact: true }).waitFor();
    await page.getByTestId('terminal-session').getByText('Ali Yilmaz · Schweißen – Tablet').waitFor();
    expect(await page.getByRole('combobox', { name: 'Arbeitsplatz' }).isDisabled()).toBe(true);
    // The shared device shows the terminal and nothing else: no navigation, no company switch, and any
    // other page of the company leads back to it.
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(0);
    expect(await page.getByTestId('company-switch').count()).toBe(0);
    await page.goto(`/c/${companyId}/members`);
    await page.getByTestId('terminal-session').getByText('Ali Yilmaz · Schweißen – Tablet').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${companyId}/shopfloor/terminal`);
    await page.getByRole('textbox', { name: 'Auftragsnummer' }).fill(ORDER);
    await page.getByRole('button', { name: 'Auftrag öffnen' }).click();
    const welding = page.getByRole('region', { name: '2. Schweißen' });
    await welding.waitFor();
    expect(await page.getByRole('region', { name: '1. Sägen' }).count()).toBe(0);

    await welding.getByRole('button', { name: 'Fertigung starten' }).click();
    const form = page.getByRole('dialog', { name: 'Prozessparameter erfassen' });
    await form.waitFor();
    await form.getByLabel('Schweißstrom (A)').fill('182');
    await form.getByLabel('Spannung (V)').fill('24');
    await form.getByRole('button', { name: 'Werte buchen' }).click();
    await form.waitFor({ state: 'hidden' });
    await bookQuantity(page, 5);
    await expect.poll(() => page.getByTestId('open-count').textContent()).toBe('Alle Buchungen sind beim Server angekommen.');
    await expectAccessible(page, 'terminal of a PIN session');
    await screenshot(page, 'terminal-pin-session');

    // The service worker controls the page and holds the shell, who is signed in and the order list
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    await expect.poll(() => cachedUrls(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['/api/v1/me', `${api}/orders`]));

    // Offline: reload, the terminal comes back from the cache with the worker and the order
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Terminal', exact: true }).waitFor();
    await page.getByTestId('terminal-session').getByText('Offline – zuletzt geladene Daten').waitFor();
    expect(await page.getByRole('button', { name: 'Abmelden' }).isDisabled()).toBe(true);
    await welding.waitFor();
    await bookQuantity(page, 7);
    await bookQuantity(page, 3);
    await expect.poll(() => page.getByTestId('open-count').textContent()).toBe('2 Buchungen ausstehend');
    expect(await page.getByTestId('booking-log').locator('li[data-state="pending"]').count()).toBe(2);
    await expectAccessible(page, 'terminal offline after a reload');
    await screenshot(page, 'terminal-pin-offline');
    expect(((await client.get(`${api}/bookings?orderId=${orderId}`)).body as StoredBooking[]).length).toBe(3);

    // Back online: the pending bookings arrive, each exactly once and in order
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('open-count').textContent(), { timeout: 20_000 }).toBe('Alle Buchungen sind beim Server angekommen.');
    const stored = (await client.get(`${api}/bookings?orderId=${orderId}`)).body as StoredBooking[];
    expect(stored.map((b) => [b.sequence, b.kind, b.good, b.status])).toEqual([
      [1, 'start-production', null, 'applied'],
      [2, 'parameters', null, 'applied'],
      [3, 'quantity', 5, 'applied'],
      [4, 'quantity', 7, 'applied'],
      [5, 'quantity', 3, 'applied'],
    ]);
    expect(new Set(stored.map((b) => b.key)).size).toBe(5);
    const receivedBy = await instance.ctx.db.selectFrom('shopfloor_bookings').select('received_by').where('tenant_id', '=', companyId).execute();
    expect(receivedBy.map((r) => r.received_by)).toEqual(Array(5).fill(workerId));
    const order = (await client.get(`${api}/orders/${orderId}`)).body;
    expect(order.operations[1]).toMatchObject({ status: 'running', good: 15 });

    // Sign-out returns to the PIN screen and forgets the cached answers
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmeldung am Terminal' }).waitFor();
    expect(await cachedUrls(page)).not.toContain('/api/v1/me');
    expect(consoleErrors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  });
});
