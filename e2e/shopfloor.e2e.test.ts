import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Schweißen und Kanten 2026';
const EMAIL = 'meister@shopfloor.example';
const ORDER = 'FA-2026-0042';

interface StoredBooking { key: string; deviceId: string; sequence: number; operationId: string; kind: string; good: number | null; scrap: number | null; reason: string | null; status: string }

describe.runIf(browserAvailable())('shop-floor terminal in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let api: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Brandt Stahlbau GmbH', email: EMAIL, owner: 'Karl Brandt', password: PASSWORD, modules: ['shopfloor'] }));
    api = `/api/v1/companies/${companyId}/shopfloor`;
    const shift = [{ name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] }];
    const week = { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift };
    const laser = await client.post(`${api}/work-centres`, { code: 'LAS-1', name: 'Laser 1', calendar: { timeZone: 'Europe/Berlin', week, holidays: [] } });
    const press = await client.post(`${api}/work-centres`, { code: 'KB-2', name: 'Kantbank 2', calendar: { timeZone: 'Europe/Berlin', week, holidays: [] } });
    expect([laser.status, press.status]).toEqual([201, 201]);
    const part = await client.post(`${api}/parts`, {
      number: 'KON-117',
      name: 'Konsole verzinkt',
      operations: [
        { name: 'Lasern', workCentreId: laser.body.id, setupMinutes: 15, idealCycleSeconds: 40 },
        { name: 'Kanten', workCentreId: press.body.id, setupMinutes: 20, idealCycleSeconds: 25 },
      ],
    });
    expect(part.status).toBe(201);
    const order = await client.post(`${api}/orders`, { number: ORDER, partId: part.body.id, quantity: 120, dueDate: '2027-03-15', customerReference: 'Bau Nord KG', priority: 2 });
    expect(order.status).toBe(201);
    expect((await client.post(`${api}/orders`, { number: 'FA-2026-0043', partId: part.body.id, quantity: 30, priority: 6 })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  const signIn = (page: Page) => signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Karl Brandt' });

  async function bookQuantity(page: Page, good: number, scrap: number, reason?: string) {
    const laser = page.getByRole('region', { name: '1. Lasern' });
    await laser.getByRole('button', { name: 'Menge buchen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Menge buchen' });
    await dialog.getByLabel('Gutmenge').fill(String(good));
    await dialog.getByLabel('Ausschuss', { exact: true }).fill(String(scrap));
    if (reason) await dialog.getByRole('group', { name: 'Ausschussgrund' }).getByRole('button', { name: reason }).click();
    await dialog.getByRole('button', { name: 'Buchen' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  const stored = async () => (await client.get(`${api}/bookings`)).body as StoredBooking[];
  const touchTargets = async (page: Page, scope: string) => {
    const sizes = await page.locator(`${scope} button`).evaluateAll((buttons) => buttons.map((b) => {
      const r = b.getBoundingClientRect();
      return { text: b.textContent, width: r.width, height: r.height };
    }));
    for (const s of sizes) expect(Math.min(s.width, s.height), `touch target ${s.text}`).toBeGreaterThanOrEqual(48);
  };

  it('books on the tablet, keeps bookings offline as pending and stores each exactly once', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page);

    // Order list from the navigation: status per operation, due date, priority
    await page.getByTestId('nav-shopfloor').click();
    await page.getByRole('heading', { name: 'Fertigungsaufträge' }).waitFor();
    const rows = page.getByTestId('order-list').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-order')).toBe(ORDER); // priority 2 before 6
    await expect.poll(() => rows.first().textContent()).toContain('15.03.2027');
    expect(await rows.first().locator('[data-status="planned"]').count()).toBe(2);
    await expectAccessible(page, 'shop-floor order list');
    await screenshot(page, 'shopfloor-orders');

    // Terminal: type the order number
    await page.getByRole('link', { name: 'Terminal öffnen' }).click();
    await page.getByRole('heading', { name: 'Terminal' }).waitFor();
    await page.getByRole('textbox', { name: 'Auftragsnummer' }).fill(ORDER.toLowerCase());
    await page.getByRole('button', { name: 'Auftrag öffnen' }).click();
    await page.getByRole('heading', { name: `Auftrag ${ORDER}` }).waitFor();
    const laser = page.getByRole('region', { name: '1. Lasern' });
    await page.getByRole('region', { name: '2. Kanten' }).waitFor();

    // Start production, book good and scrap (with a reason) online
    await laser.getByRole('button', { name: 'Fertigung starten' }).click();
    await expect.poll(() => laser.getAttribute('data-status')).toBe('running');
    await bookQuantity(page, 40, 2, 'Maßabweichung');
    await expect.poll(() => page.getByTestId('open-count').textContent()).toBe('Alle Buchungen sind beim Server angekommen.');
    await expect.poll(async () => (await stored()).length).toBe(2);
    await expect.poll(() => laser.getByTestId('counts').textContent()).toBe('Gut 40 · Ausschuss 2 · Soll 120');
    expect(await page.getByTestId('booking-log').locator('li[data-state="applied"]').count()).toBe(2);
    await touchTargets(page, '[data-testid="order-panel"]');
    await expectAccessible(page, 'terminal');
    await screenshot(page, 'shopfloor-terminal');

    // Offline: three more bookings stay on the device as "ausstehend"
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 20_000 }).toContain('Keine Verbindung');
    await bookQuantity(page, 30, 0);
    await laser.getByRole('button', { name: 'Unterbrechen' }).click();
    await page.getByRole('dialog', { name: 'Unterbrechung: Grund wählen' }).getByRole('button', { name: 'Material', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Material fehlt' }).click();
    await expect.poll(() => laser.getAttribute('data-status')).toBe('paused');
    await laser.getByRole('button', { name: 'Fortsetzen' }).click();
    await expect.poll(() => laser.getAttribute('data-status')).toBe('running');
    await bookQuantity(page, 10, 1, 'Oberfläche');
    await expect.poll(() => page.getByTestId('open-count').textContent()).toBe('4 Buchungen ausstehend');
    const log = page.getByTestId('booking-log');
    expect(await log.locator('li[data-state="pending"]').count()).toBe(4);
    expect(await log.getByText('ausstehend', { exact: true }).count()).toBe(4);
    expect(await laser.getByTestId('counts').textContent()).toBe('Gut 80 · Ausschuss 3 · Soll 120');
    await laser.getByText('enthält noch nicht gesendete Buchungen').waitFor();
    expect((await stored()).length).toBe(2); // nothing reached the server
    await page.waitForTimeout(6_000); // a retry while offline changes nothing
    expect(await log.locator('li[data-state="pending"]').count()).toBe(4);
    await expectAccessible(page, 'terminal offline');
    await screenshot(page, 'shopfloor-terminal-offline');

    // Back online: the queue is sent in order
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('open-count').textContent(), { timeout: 20_000 }).toBe('Alle Buchungen sind beim Server angekommen.');
    expect(await log.locator('li[data-state="applied"]').count()).toBe(6);

    // The answer of a delivery is lost on the way back: the resend is answered "duplicate"
    let dropped = 0;
    let answerLost!: () => void;
    const lost = new Promise<void>((resolve) => (answerLost = resolve));
    await page.route('**/shopfloor/bookings', async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
      dropped++;
      await route.fetch(); // the server stores the booking …
      await route.abort('connectionreset'); // … but the terminal never hears back
      answerLost();
    });
    await laser.getByRole('button', { name: 'Beenden' }).click();
    await lost;
    await page.unroute('**/shopfloor/bookings');
    // the terminal retries by itself every few seconds; "send now" only speeds it up
    await page.getByRole('button', { name: 'Jetzt senden' }).click({ timeout: 3_000 }).catch(() => undefined);
    await expect.poll(() => page.getByTestId('open-count').textContent(), { timeout: 20_000 }).toBe('Alle Buchungen sind beim Server angekommen.');
    await log.locator('li[data-kind="finish"][data-state="duplicate"]').waitFor();
    await expect.poll(() => laser.getAttribute('data-status')).toBe('finished');

    // Server: every booking exactly once, in device order, all applied
    const local = await page.evaluate((id) => JSON.parse(localStorage.getItem(`werkverbund.shopfloor.${id}.queue`) ?? '[]') as Array<{ booking: { key: string } }>, companyId);
    const bookings = await stored();
    expect(bookings.length).toBe(7);
    expect(new Set(bookings.map((b) => b.key)).size).toBe(7);
    expect(bookings.map((b) => b.key).sort()).toEqual(local.map((e) => e.booking.key).sort());
    expect(new Set(bookings.map((b) => b.deviceId)).size).toBe(1);
    expect(bookings.map((b) => b.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(bookings.every((b) => b.status === 'applied')).toBe(true);
    const bySequence = [...bookings].sort((a, b) => a.sequence - b.sequence);
    expect(bySequence.map((b) => b.kind)).toEqual(['start-production', 'quantity', 'quantity', 'pause', 'resume', 'quantity', 'finish']);
    // bookings carry the id of the company's configured reason
    const reasons = (await client.get(`${api}/reasons`)).body.reasons as Array<{ id: string; label: { de: string } }>;
    const reasonId = (label: string) => reasons.find((r) => r.label.de === label)?.id;
    expect(bySequence[1]).toMatchObject({ good: 40, scrap: 2, reason: reasonId('Maßabweichung') });
    expect(bySequence[3].reason).toBe(reasonId('Material fehlt'));
    const order = ((await client.get(`${api}/orders`)).body as Array<{ number: string; operations: Array<{ name: string; status: string; good: number; scrap: number }> }>).find((o) => o.number === ORDER);
    expect(order?.operations[0]).toMatchObject({ status: 'finished', good: 80, scrap: 3 });
    expect(order?.operations[1]).toMatchObject({ status: 'planned', good: 0, scrap: 0 });
    expect(consoleErrors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|net::/.test(e))).toEqual([]);
    await context.close();
  });

  it('shows a refused booking in plain words and works in portrait with one work centre', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/c/${companyId}/shopfloor/terminal?order=${ORDER}`);
    await page.getByRole('heading', { name: `Auftrag ${ORDER}` }).waitFor();

    // This terminal belongs to the press brake: only that operation is shown
    await page.getByRole('combobox', { name: 'Arbeitsplatz' }).click();
    await page.getByRole('option', { name: 'KB-2 – Kantbank 2' }).click();
    await expect.poll(() => page.getByRole('region', { name: '1. Lasern' }).count()).toBe(0);
    const press = page.getByRole('region', { name: '2. Kanten' });
    await press.getByRole('button', { name: 'Rüsten starten' }).click();
    await expect.poll(() => press.getAttribute('data-status')).toBe('setup');

    // Another terminal starts production first; this terminal, offline for a moment, has not heard of it
    // (online, its next refresh might show the operation running before the button is pressed)
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 20_000 }).toContain('Keine Verbindung');
    const orders = (await client.get(`${api}/orders`)).body as Array<{ number: string; operations: Array<{ id: string }> }>;
    const operationId = orders.find((o) => o.number === ORDER)?.operations[1].id;
    const other = await client.post(`${api}/bookings`, {
      bookings: [{ key: crypto.randomUUID(), deviceId: 'tablet-other', sequence: 1, operationId, kind: 'start-production', at: new Date().toISOString() }],
    });
    expect(other.body.results[0].status).toBe('applied');
    await press.getByRole('button', { name: 'Fertigung starten' }).click();
    await context.setOffline(false);
    const refused = page.getByTestId('booking-log').locator('li[data-kind="start-production"][data-state="conflict"]');
    await refused.waitFor();
    expect(await refused.getByTestId('conflict').textContent()).toBe('Der Arbeitsgang läuft schon – vermutlich wurde er an einem anderen Terminal gestartet. Stand beim Server: läuft');
    await expect.poll(() => press.getAttribute('data-status')).toBe('running');
    await touchTargets(page, '[data-testid="order-panel"]');
    await expectAccessible(page, 'terminal portrait with a conflict');
    await screenshot(page, 'shopfloor-terminal-conflict');
    await context.close();
  });
  it('finds an order in the list by part of its number and shows its page with every booking, also the refused one', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/c/${companyId}/shopfloor`);
    const list = page.getByTestId('order-list');
    await list.locator(`[data-order="${ORDER}"]`).waitFor();
    const filter = page.getByTestId('order-state-filter');
    await filter.getByText('Offen (2)').waitFor();
    await filter.getByText('In Arbeit (1)').waitFor();
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('0043');
    await expect.poll(() => list.locator('[data-order]').count()).toBe(1);
    expect(await list.locator('[data-order]').first().getAttribute('data-order')).toBe('FA-2026-0043');
    expect(new URL(page.url()).searchParams.get('q')).toBe('0043');
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('nord');
    await list.locator(`[data-order="${ORDER}"]`).waitFor();
    await filter.getByText('Fertig (0)').click();
    await page.getByTestId('order-list-empty').waitFor();
    await filter.getByText('In Arbeit (1)').click();
    await expectAccessible(page, 'order list searched and filtered, portrait');
    await screenshot(page, 'shopfloor-orders-filtered-portrait');

    await page.getByRole('link', { name: `Auftrag ${ORDER} ansehen` }).click();
    await page.getByRole('heading', { name: `Auftrag ${ORDER}`, level: 1 }).waitFor();
    expect(await page.getByTestId('order-state').textContent()).toBe('In Arbeit');
    const operations = page.getByTestId('order-operations');
    expect(await operations.locator('[data-operation="Lasern"]').textContent()).toContain('LAS-1 – Laser 1');
    expect(await operations.locator('[data-operation="Lasern"] [data-status="finished"]').count()).toBe(1);
    const history = page.getByTestId('order-bookings');
    // seven bookings of the first tablet, the set-up and the refused start here, the other tablet's start
    await expect.poll(() => history.locator('tbody tr').count()).toBe(10);
    expect(await history.locator('tr[data-kind="quantity"]').first().textContent()).toContain('Maßabweichung');
    expect(await history.locator('tr[data-status="conflict"]').textContent()).toContain('Der Arbeitsgang läuft schon');
    expect(await history.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(page, 'order page, portrait');
    await screenshot(page, 'shopfloor-order-detail-portrait');
    await context.close();

    const wide = await newContext(browser, baseURL, TABLET);
    const en = await wide.newPage();
    await signIn(en);
    await en.goto(`/c/${companyId}/shopfloor`);
    await en.locator('label', { hasText: /^EN$/ }).click();
    await en.getByRole('heading', { name: 'Production orders', level: 1 }).waitFor();
    await en.getByTestId('order-state-filter').getByText('All (2)').click();
    await en.getByRole('combobox', { name: 'Sort by' }).click();
    await en.getByRole('option', { name: 'Order number' }).click();
    await expect.poll(() => new URL(en.url()).searchParams.get('sort')).toBe('number');
    await expect.poll(() => en.getByTestId('order-list').locator('tbody tr').count()).toBe(2);
    await en.getByRole('link', { name: `View order ${ORDER}` }).click();
    await en.getByRole('heading', { name: `Order ${ORDER}`, level: 1 }).waitFor();
    expect(await en.getByTestId('order-state').textContent()).toBe('In progress');
    await en.getByTestId('order-bookings').getByText('Production started').first().waitFor();
    await expectAccessible(en, 'order page in English');
    await screenshot(en, 'shopfloor-order-detail-en');
    await en.locator('label', { hasText: /^DE$/ }).click();
    await en.getByRole('heading', { name: `Auftrag ${ORDER}`, level: 1 }).waitFor();
    await wide.close();
  });
  it('fills the welding form after starting production, flags a value out of tolerance and stores it flagged', async () => {
    const shift = [{ name: 'Früh', start: '06:00', end: '14:00', breaks: [] }];
    const weld = await client.post(`${api}/work-centres`, { code: 'SCHW-1', name: 'Schweißplatz 1', calendar: { timeZone: 'Europe/Berlin', week: { mon: shift }, holidays: [] } });
    const part = await client.post(`${api}/parts`, {
      number: 'RAH-20',
      name: 'Rahmen geschweißt',
      operations: [{
        name: 'Schweißen', workCentreId: weld.body.id, setupMinutes: 10, idealCycleSeconds: 300,
        parameters: [
          { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', unit: 'A', target: 180, lowerTolerance: 10, upperTolerance: 10, required: true },
          { id: 'voltage', label: { de: 'Spannung', en: 'Voltage' }, type: 'number', unit: 'V', target: 24, lowerTolerance: 1, upperTolerance: 1, required: true },
          { id: 'wire-feed', label: { de: 'Drahtvorschub', en: 'Wire feed' }, type: 'number', unit: 'm/min', target: 8, lowerTolerance: 0.5, upperTolerance: 0.5, required: true },
          { id: 'gas-flow', label: { de: 'Gasdurchfluss', en: 'Gas flow' }, type: 'number', unit: 'l/min', target: 14, lowerTolerance: 2, upperTolerance: 2 },
        ],
      }],
    });
    expect(part.status).toBe(201);
    const order = await client.post(`${api}/orders`, { number: 'FA-2026-0050', partId: part.body.id, quantity: 12 });
    expect(order.status).toBe(201);

    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/c/${companyId}/shopfloor/terminal?order=FA-2026-0050`);
    const welding = page.getByRole('region', { name: '1. Schweißen' });
    await welding.getByRole('button', { name: 'Fertigung starten' }).click();

    // The form opens after the start of production
    const dialog = page.getByRole('dialog', { name: 'Prozessparameter erfassen' });
    await dialog.waitFor();
    await dialog.getByLabel('Schweißstrom (A)').fill('205');
    const warning = dialog.getByTestId('tolerance-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Schweißstrom liegt außerhalb der Toleranz (Soll 180 A, zulässig 170 A bis 190 A)');
    await dialog.getByLabel('Spannung (V)').fill('24,5');
    await dialog.getByLabel('Drahtvorschub (m/min)').fill('8');
    expect(await dialog.getByTestId('tolerance-warning').count()).toBe(1);
    await expectAccessible(page, 'process-parameter form with a value out of tolerance');
    await screenshot(page, 'shopfloor-terminal-parameters');
    await dialog.getByRole('button', { name: 'Werte buchen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('booking-log').locator('li[data-kind="parameters"][data-state="applied"]').waitFor();
    const recorded = welding.getByTestId('recorded-parameters');
    await recorded.waitFor();
    expect(await recorded.locator('[data-out-of-tolerance="true"]').textContent()).toBe('Schweißstrom: 205 A – außerhalb der Toleranz');

    // The form can be filled again while the operation runs
    await welding.getByRole('button', { name: 'Prozessparameter' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const stored = (await client.get(`${api}/bookings?orderId=${order.body.id}`)).body as Array<{ kind: string; status: string; parameters: unknown[] }>;
    const values = stored.filter((b) => b.kind === 'parameters');
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ status: 'applied' });
    expect(values[0].parameters).toEqual([
      { name: 'current', value: 205, unit: 'A', outOfTolerance: true },
      { name: 'voltage', value: 24.5, unit: 'V', outOfTolerance: false },
      { name: 'wire-feed', value: 8, unit: 'm/min', outOfTolerance: false },
    ]);
    const fetched = (await client.get(`${api}/orders/${order.body.id}`)).body;
    expect(fetched.operations[0].recordedParameters.map((p: { name: string; outOfTolerance: boolean }) => [p.name, p.outOfTolerance])).toEqual([
      ['current', true], ['voltage', false], ['wire-feed', false],
    ]);
    await context.close();
  });
});
