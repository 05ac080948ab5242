import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { encodeOrderCode } from '../src/modules/shopfloor/web/order-code.js';
import { startServer } from './support/server.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, chromiumPath, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Schutzgas und Draht 2026';
const EMAIL = 'meisterin@reasons.example';
const ORDER = 'FA-2026-0777';

/**
 * A Y4M video (what Chromium's fake camera plays) showing the QR code of `text`: grey levels only,
 * so the chroma planes are constant.
 */
function qrVideo(text: string, file: string) {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const cell = Math.floor(400 / (size + 8));
  const left = Math.floor((width - size * cell) / 2);
  const top = Math.floor((height - size * cell) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size * cell; y++) {
    for (let x = 0; x < size * cell; x++) {
      if (qr.modules.get(Math.floor(y / cell), Math.floor(x / cell))) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
}

interface StoredBooking { key: string; kind: string; reason: string | null; good: number | null; scrap: number | null; parameters: Array<{ name: string; value: unknown }>; status: string }

describe.runIf(browserAvailable())('reasons, photos and QR scanning on the terminal in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let api: string;
  const dir = path.resolve('.tmp/e2e-reasons');

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    mkdirSync(dir, { recursive: true });
    const video = path.join(dir, 'qr-operation-2.y4m');
    qrVideo(encodeOrderCode(ORDER, 2), video);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    client = new TestClient(instance);
    companyId = await client.signup('Vogt Schweißtechnik GmbH', EMAIL, 'Vera Vogt', PASSWORD);
    expect((await client.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    api = `/api/v1/companies/${companyId}/shopfloor`;
    const shift = [{ name: 'Früh', start: '06:00', end: '14:00', breaks: [] }];
    const centre = await client.post(`${api}/work-centres`, { code: 'SW-1', name: 'Schweißroboter', calendar: { timeZone: 'Europe/Berlin', week: { mon: shift, tue: shift }, holidays: [] } });
    const part = await client.post(`${api}/parts`, {
      number: 'RAH-9',
      name: 'Rahmen geschweißt',
      operations: [
        { name: 'Heften', workCentreId: centre.body.id, setupMinutes: 10, idealCycleSeconds: 60 },
        {
          name: 'Schweißen', workCentreId: centre.body.id, setupMinutes: 20, idealCycleSeconds: 120,
          parameters: [
            { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', unit: 'A', target: 180, lowerTolerance: 10, upperTolerance: 10 },
            { id: 'seam', label: { de: 'Foto der Naht', en: 'Photo of the seam' }, type: 'photo', required: true },
          ],
        },
      ],
    });
    expect(part.status).toBe(201);
    expect((await client.post(`${api}/orders`, { number: ORDER, partId: part.body.id, quantity: 50 })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  const signIn = (page: Page) => signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Vera Vogt' });

  const stored = async () => (await client.get(`${api}/bookings`)).body as StoredBooking[];
  const reasons = async () => (await client.get(`${api}/reasons`)).body.reasons as Array<{ id: string; label: { de: string }; planned: boolean | null }>;
  const bigPhoto = async () => QRCode.toBuffer('Naht 1 – Rahmen RAH-9', { type: 'png', width: 2400, margin: 4 });

  async function takePhoto(page: Page) {
    const dialog = page.getByRole('dialog', { name: 'Prozessparameter' });
    await dialog.getByTestId('photo-input').setInputFiles({ name: 'naht.png', mimeType: 'image/png', buffer: await bigPhoto() });
    await dialog.getByTestId('photo-preview').waitFor();
    return dialog;
  }

  it('configures a reason, scans the order paper, pauses and books scrap with reasons, takes photos also offline', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page);

    // Settings screen, linked from the orders page
    await page.goto(`/c/${companyId}/shopfloor`);
    await page.getByRole('link', { name: 'Stillstands- und Ausschussgründe' }).click();
    await page.getByRole('heading', { name: 'Stillstands- und Ausschussgründe' }).waitFor();
    const tree = page.getByTestId('downtime-tree');
    await tree.getByText('Elektrik', { exact: true }).waitFor();

    // A name taken in the same group is refused in words, nothing is stored
    await page.getByRole('button', { name: 'Neuer Stillstandsgrund' }).click();
    let form = page.getByRole('dialog', { name: 'Neuer Stillstandsgrund' });
    await form.getByLabel('Bezeichnung (deutsch)').fill('Elektrik');
    await form.getByLabel('Bezeichnung (englisch)').fill('Electrical');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByText('Diese Bezeichnung gibt es an dieser Stelle schon.').first().waitFor();
    await expectAccessible(page, 'reason form with error');
    const before = (await reasons()).length;

    // A new unplanned reason in the group "Störung"
    await form.getByLabel('Bezeichnung (deutsch)').fill('Schutzgas leer');
    await form.getByLabel('Bezeichnung (englisch)').fill('Shielding gas empty');
    await expectAccessible(page, 'reason form');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.waitFor({ state: 'hidden' });
    await tree.locator('[data-group="Störung"]').getByText('Schutzgas leer').waitFor();
    const all = await reasons();
    expect(all.length).toBe(before + 1);
    const gas = all.find((r) => r.label.de === 'Schutzgas leer')!;
    expect(gas.planned).toBe(false);

    // … and a planned one: "Brenner reinigen" in "Geplant"
    await page.getByRole('button', { name: 'Neuer Stillstandsgrund' }).click();
    form = page.getByRole('dialog', { name: 'Neuer Stillstandsgrund' });
    await form.getByLabel('Bezeichnung (deutsch)').fill('Brenner reinigen');
    await form.getByLabel('Bezeichnung (englisch)').fill('Clean the torch');
    await form.getByRole('combobox', { name: 'Gruppe' }).click();
    await page.getByRole('option', { name: 'Geplant' }).click();
    await form.getByLabel('Geplanter Stillstand').check();
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.waitFor({ state: 'hidden' });
    await tree.locator('[data-group="Geplant"]').getByText('Brenner reinigen').waitFor();
    expect((await reasons()).find((r) => r.label.de === 'Brenner reinigen')?.planned).toBe(true);
    await expectAccessible(page, 'reason settings');
    // Search in both languages: a found reason is shown under its group, a found group with all of its reasons
    const search = page.getByRole('search').getByRole('searchbox', { name: 'Suchen' });
    await search.fill('SHIELDING gas');
    await expect.poll(() => tree.locator('[data-reason]').count()).toBe(2); // the group and its reason
    await tree.locator('[data-group="Störung"]').getByText('Schutzgas leer').waitFor();
    await page.getByText('Hier passt kein Grund zur Suche.').waitFor(); // none of the scrap reasons
    await search.fill('storung');
    await expect.poll(async () => (await tree.locator('[data-group]').count()) === 1 && (await tree.locator('[data-reason]').count()) > 2).toBe(true);
    await search.fill('Kühlmittel');
    await page.getByTestId('list-no-match').getByText('Nichts passt zu „Kühlmittel“.').waitFor();
    await expectAccessible(page, 'reasons with a search that finds nothing');
    await page.getByRole('button', { name: 'Suche löschen' }).click();
    await tree.locator('[data-group="Geplant"]').getByText('Brenner reinigen').waitFor();
    await page.setViewportSize(TABLET_PORTRAIT);
    await screenshot(page, 'shopfloor-reasons-portrait');
    await page.setViewportSize(TABLET);

    // Terminal: scan the QR code of operation 2 with the (fake) camera
    await page.goto(`/c/${companyId}/shopfloor/terminal`);
    await page.getByRole('heading', { name: 'Terminal' }).waitFor();
    await page.getByTestId('scan').click();
    await page.getByRole('heading', { name: `Auftrag ${ORDER}` }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('textbox', { name: 'Auftragsnummer' }).inputValue()).toBe(ORDER);
    expect(new URL(page.url()).searchParams.get('op')).toBe('2');
    const welding = page.getByRole('region', { name: '2. Schweißen' });
    expect(await welding.getAttribute('data-focused')).toBe('true');
    expect(await page.locator('[data-focused]').count()).toBe(1);

    // Start production: the form opens; a photo is taken (file input with capture) and downscaled
    await welding.getByRole('button', { name: 'Fertigung starten' }).click();
    let dialog = await takePhoto(page);
    await dialog.getByRole('textbox', { name: /Schweißstrom/ }).fill('182');
    await expectAccessible(page, 'parameters with photo');
    await dialog.getByRole('button', { name: 'Werte buchen' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Pause with a reason from the tree: group, then reason
    await welding.getByRole('button', { name: 'Unterbrechen' }).click();
    const pause = page.getByRole('dialog', { name: 'Unterbrechung: Grund wählen' });
    await pause.getByRole('button', { name: 'Störung', exact: true }).waitFor();
    await page.setViewportSize(TABLET_PORTRAIT);
    await expectAccessible(page, 'pause dialog');
    await page.screenshot({ path: path.resolve('.tmp/screenshots/shopfloor-pause-groups-portrait.png') });
    await pause.getByRole('button', { name: 'Störung', exact: true }).click();
    const group = page.getByRole('dialog', { name: 'Unterbrechung: Grund wählen › Störung' });
    await group.getByRole('button', { name: 'Schutzgas leer' }).waitFor();
    await page.screenshot({ path: path.resolve('.tmp/screenshots/shopfloor-pause-reasons-portrait.png') });
    const sizes = await group.getByRole('group').getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    for (const h of sizes) expect(h).toBeGreaterThanOrEqual(48);
    await group.getByRole('button', { name: 'Schutzgas leer' }).click();
    await page.setViewportSize(TABLET);
    await expect.poll(() => welding.getAttribute('data-status')).toBe('paused');
    await page.getByTestId('booking-log').getByText('Unterbrechen: Störung › Schutzgas leer').waitFor();
    await welding.getByRole('button', { name: 'Fortsetzen' }).click();

    // Scrap needs a reason from the list
    await welding.getByRole('button', { name: 'Menge buchen' }).click();
    const quantity = page.getByRole('dialog', { name: 'Menge buchen' });
    await quantity.getByLabel('Gutmenge').fill('12');
    await quantity.getByLabel('Ausschuss', { exact: true }).fill('1');
    await quantity.getByRole('button', { name: 'Buchen' }).click();
    await quantity.getByRole('alert').waitFor();
    await quantity.getByRole('group', { name: 'Ausschussgrund' }).getByRole('button', { name: 'Oberfläche' }).click();
    await expectAccessible(page, 'quantity with scrap reason');
    await quantity.getByRole('button', { name: 'Buchen' }).click();
    await quantity.waitFor({ state: 'hidden' });
    await page.getByTestId('booking-log').getByText('Menge buchen: Gut 12, Ausschuss 1 – Oberfläche').waitFor();
    await expect.poll(() => page.getByTestId('open-count').textContent(), { timeout: 20_000 }).toBe('Alle Buchungen sind beim Server angekommen.');

    // Offline: pause with a cached reason, a photo waits on the device
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 20_000 }).toContain('Keine Verbindung');
    await welding.getByRole('button', { name: 'Unterbrechen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Geplant', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Brenner reinigen' }).click();
    await expect.poll(() => welding.getAttribute('data-status')).toBe('paused');
    await welding.getByRole('button', { name: 'Prozessparameter' }).click();
    dialog = await takePhoto(page);
    await dialog.getByRole('button', { name: 'Werte buchen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('photos-waiting').textContent()).toBe('1 Foto wartet auf das Hochladen');
    await page.waitForTimeout(5_500); // retries while offline change nothing
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('photos-waiting').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('open-count').textContent(), { timeout: 20_000 }).toBe('Alle Buchungen sind beim Server angekommen.');
    await expectAccessible(page, 'terminal after reasons');
    await screenshot(page, 'shopfloor-terminal-reasons');

    // Server: reason ids stored, both photos stored exactly once and referenced from the bookings
    const list = await reasons();
    const id = (label: string) => list.find((r) => r.label.de === label)!.id;
    const bookings = await stored();
    expect(bookings.every((b) => b.status === 'applied')).toBe(true);
    expect(bookings.filter((b) => b.kind === 'pause').map((b) => b.reason)).toEqual([id('Schutzgas leer'), id('Brenner reinigen')]);
    expect(bookings.find((b) => b.kind === 'quantity')).toMatchObject({ good: 12, scrap: 1, reason: id('Oberfläche') });
    const photoIds = bookings.filter((b) => b.kind === 'parameters').map((b) => b.parameters.find((p) => p.name === 'seam')?.value as string);
    expect(photoIds.length).toBe(2);
    const rows = await instance.ctx.db.selectFrom('shopfloor_photos').select(['id', 'media_type', 'size']).where('tenant_id', '=', companyId).execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...photoIds].sort());
    expect(rows.every((r) => r.media_type === 'image/jpeg' && Number(r.size) < 2 * 1024 * 1024)).toBe(true);

    // Order list: the recorded photo is shown, downscaled to at most 1600 px
    await page.goto(`/c/${companyId}/shopfloor`);
    const photo = page.getByTestId('recorded-photo').first();
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const natural = await photo.evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight));
    expect(natural).toBe(1600);
    await expectAccessible(page, 'orders with photo');
    expect(consoleErrors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|net::/.test(e))).toEqual([]);
    await context.close();
  });
});
