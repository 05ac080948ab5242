import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Schweißen mit Verstand 2026';
const EMAIL = 'leitung@orders.example';
const MIN = 60_000;

describe.runIf(browserAvailable())('order context of machine data in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let orderId: string;
  /** The values the order was made with: setup and production, not the pause. */
  let attributed: number[] = [];

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Brandt Stahlbau GmbH', email: EMAIL, owner: 'Olaf Brandt', password: PASSWORD, modules: ['shopfloor', 'machines'] }));
    const sf = `/api/v1/companies/${companyId}/shopfloor`;
    const centre = await client.post(`${sf}/work-centres`, { code: 'SZ1', name: 'Schweißzelle 1', calendar: { week: { mon: [{ name: 'Früh', start: '06:00', end: '14:00' }] } } });
    const part = await client.post(`${sf}/parts`, { number: 'RAHMEN-7', name: 'Rahmen', operations: [{ name: 'Schweißen', workCentreId: centre.body.id, setupMinutes: 5, idealCycleSeconds: 60 }] });
    const order = await client.post(`${sf}/orders`, { number: '4711', partId: part.body.id, quantity: 20 });
    orderId = order.body.id;
    const api = `/api/v1/companies/${companyId}/machines`;
    const machine = await client.post(api, { name: 'Schweißroboter 1', workCentreId: centre.body.id });
    const point = await client.post(`${api}/${machine.body.id}/points`, { name: 'current', label: 'Schweißstrom', unit: 'A' });
    const device = await client.post(`${api}/${machine.body.id}/devices`, { name: 'Robotersteuerung' });
    expect([centre.status, part.status, order.status, machine.status, point.status, device.status]).toEqual([201, 201, 201, 201, 201, 201]);

    // setup 30 min ago, production from 25 min ago, a pause from 15 to 10 min ago, running since
    const now = Math.floor(Date.now() / 1000) * 1000;
    const operationId = order.body.operations[0].id;
    const bookings = [['start-setup', now - 30 * MIN], ['start-production', now - 25 * MIN], ['pause', now - 15 * MIN], ['resume', now - 10 * MIN]] as const;
    const booked = await client.post(`${sf}/bookings`, {
      bookings: bookings.map(([kind, at], i) => ({ key: randomUUID(), deviceId: 'terminal-sz1', sequence: i + 1, operationId, kind, at: new Date(at).toISOString(), ...(kind === 'pause' ? { reason: 'Material fehlt' } : {}) })),
    });
    expect(booked.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

    // the robot controller sends every 30 s: low current while setting up, ~180 A welding, nothing welded in the pause
    const samples: Array<{ ts: number; values: { current: number } }> = [];
    for (let k = 0, ts = now - 35 * MIN; ts < now; k++, ts += 30_000) {
      const inSetup = ts >= now - 30 * MIN && ts < now - 25 * MIN;
      const welding = (ts >= now - 25 * MIN && ts < now - 15 * MIN) || ts >= now - 10 * MIN;
      const value = inSetup ? 20 + (k % 3) : welding ? 178 + (k % 7) : 0;
      samples.push({ ts, values: { current: value } });
      if (inSetup || welding) attributed.push(value);
    }
    const res = await fetch(`${baseURL}/api/v1/ingest`, { method: 'POST', headers: { authorization: `Bearer ${device.body.token}`, 'content-type': 'application/json' }, body: JSON.stringify(samples) });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  const signIn = (page: Page) => signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Olaf Brandt' });

  const de = (x: number) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);

  it('shows the process data of order 4711, the order on the machine chart, and downloads the CSV', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signIn(page);

    // from the shop-floor order list to the order's process data
    await page.goto(`/c/${companyId}/shopfloor`);
    await page.getByRole('link', { name: 'Prozessdaten von Auftrag 4711' }).click();
    await page.getByRole('heading', { name: 'Auftrag 4711: Prozessdaten', level: 1 }).waitFor();
    const row = page.locator('[data-testid="order-parameters"] [data-point="current"]');
    const avg = attributed.reduce((a, b) => a + b, 0) / attributed.length;
    await expect.poll(() => row.textContent()).toContain(`${de(Math.min(...attributed))} A`);
    const text = await row.textContent();
    expect(text).toContain(`${de(avg)} A`);
    expect(text).toContain(`${de(Math.max(...attributed))} A`);
    expect(text).toContain(String(attributed.length));
    expect(await page.locator('[data-testid="order-runs"] tbody tr').count()).toBe(3);
    await page.getByRole('img', { name: 'Verlauf von Schweißstrom während Auftrag 4711' }).waitFor();
    await expectAccessible(page, 'order process data');
    await screenshot(page, 'machines-order-process-data');

    // the machine's chart marks the order
    await page.getByRole('link', { name: 'Verlauf von Schweißroboter 1' }).click();
    await page.getByRole('heading', { name: 'Schweißroboter 1', level: 1 }).waitFor();
    await page.getByLabel('Zeitraum', { exact: true }).selectOption('1h');
    const chart = page.getByRole('img', { name: 'Verlauf von Schweißstrom im gewählten Zeitraum' });
    await chart.waitFor();
    await expect.poll(() => chart.locator('text').allTextContents()).toContain('4711');
    const segments = page.locator('[data-testid="order-segments"] tbody tr');
    await expect.poll(() => segments.count()).toBe(3);
    expect(await segments.first().textContent()).toContain('Rüsten');
    await expect.poll(() => page.getByTestId('resolution-note').textContent()).toContain('Rohdaten');
    await expectAccessible(page, 'machine chart with orders');
    await screenshot(page, 'machines-chart-orders');

    // a week: days in German on the time axis, and the order's label left off where it has no room
    await page.getByLabel('Zeitraum', { exact: true }).selectOption('7d');
    const dayLabel = /^\d{1,2}\. \p{L}{3,5}\.?$/u;
    await expect.poll(async () => (await chart.locator('text').allTextContents()).filter((x) => dayLabel.test(x)).length).toBeGreaterThan(2);
    const weekTexts = await chart.locator('text').allTextContents();
    expect(weekTexts.filter((x) => /\b(Jan|Feb|Mar|May|Jun|Jul|Oct|Dec)\b/.test(x))).toEqual([]);
    expect(weekTexts).not.toContain('4711');
    await screenshot(page, 'machines-chart-week');
    await page.getByLabel('Zeitraum', { exact: true }).selectOption('1h');
    await expect.poll(() => chart.locator('text').allTextContents()).toContain('4711');

    // CSV of what the chart shows, with the order of every row
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV herunterladen' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFtime;value;order;operation;phase\r\n')).toBe(true);
    expect(csv).toMatch(/\r\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z;1\d\d;4711;Schweißen;running\r\n/);
    expect(csv).toMatch(/\r\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z;0;;;\r\n/);

    // 1-minute values with their band
    await page.getByLabel('Auflösung', { exact: true }).selectOption('1m');
    await expect.poll(() => page.getByTestId('resolution-note').textContent()).toContain('1-Minuten-Werte');
    await screenshot(page, 'machines-chart-band');
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('lays out the order page on a portrait tablet', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/c/${companyId}/machines/orders/${orderId}`);
    await page.getByRole('heading', { name: 'Auftrag 4711: Prozessdaten', level: 1 }).waitFor();
    await page.getByRole('img', { name: 'Verlauf von Schweißstrom während Auftrag 4711' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'machines-order-process-data-portrait');
    await context.close();
  });
});
