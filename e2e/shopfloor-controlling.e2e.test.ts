import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { startWithCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Kennzahlen aus der Halle 2026';
const EMAIL = 'controlling@brandt.example';

/** The first Monday-to-Friday date of the current month in Berlin, and the month. */
function firstWorkday(): { day: string; month: string } {
  const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 7);
  for (let d = 1; ; d++) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) return { day, month };
  }
}

/** Text content with every kind of space (the formats use no-break spaces) as a plain one. */
const textOf = async (locator: { textContent(): Promise<string | null> }) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');

async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
      // wide tables scroll inside their own focusable region
      .filter((e) => !e.parentElement?.closest('[role="region"]'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 40)}"`);
  });
}

describe.runIf(browserAvailable())('shop-floor controlling dashboard in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let companyId: string;
  const { day, month } = firstWorkday();

  beforeAll(async () => {
    const started = await startWithCompany({ company: 'Brandt Stahlbau GmbH', email: EMAIL, owner: 'Karl Brandt', password: PASSWORD, modules: ['shopfloor'] });
    ({ instance, baseURL, browser, companyId } = started);
    const { client } = started;
    const api = `/api/v1/companies/${companyId}/shopfloor`;
    const shifts = [{ name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] }, { name: 'Spät', start: '14:00', end: '22:00', breaks: [] }];
    const calendar = { timeZone: 'Europe/Berlin', week: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts }, holidays: [] };
    const laser = (await client.post(`${api}/work-centres`, { code: 'LAS-1', name: 'Laser 1', calendar })).body.id;
    const press = (await client.post(`${api}/work-centres`, { code: 'KB-2', name: 'Kantbank 2', calendar })).body.id;
    const part = await client.post(`${api}/parts`, {
      number: 'KON-117', name: 'Konsole verzinkt',
      operations: [
        { name: 'Lasern', workCentreId: laser, setupMinutes: 15, idealCycleSeconds: 60 },
        { name: 'Kanten', workCentreId: press, setupMinutes: 20, idealCycleSeconds: 60 },
      ],
    });
    const order = await client.post(`${api}/orders`, { number: 'FA-2026-0042', partId: part.body.id, quantity: 120, priority: 2, customerReference: 'Bau Nord KG' });
    expect(order.status).toBe(201);
    const [lasern, kanten] = order.body.operations.map((o: { id: string }) => o.id);
    // local Berlin time of the chosen day, written with its offset
    const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' }).format(new Date(`${day}T12:00:00Z`)).split('GMT')[1] || '+00:00';
    const at = (time: string) => `${day}T${time}:00${offset}`;
    // a configured reason (its id is stored) next to an older booking's fixed key ('dimension')
    const reasons = (await client.get(`${api}/reasons`)).body.reasons as Array<{ id: string; label: { de: string } }>;
    const electrical = reasons.find((r) => r.label.de === 'Elektrik')!.id;
    let sequence = 0;
    const b = (operationId: string, kind: string, time: string, extra: Record<string, unknown> = {}) => ({ key: randomUUID(), deviceId: 'e2e-tablet', sequence: ++sequence, operationId, kind, at: at(time), ...extra });
    const sent = await client.post(`${api}/bookings`, {
      bookings: [
        b(lasern, 'start-production', '07:00'),
        b(lasern, 'quantity', '08:00', { good: 100, scrap: 5, reason: 'dimension' }),
        b(lasern, 'pause', '10:00', { reason: electrical }),
        b(lasern, 'resume', '10:30'),
        b(lasern, 'quantity', '12:00', { good: 95, scrap: 0, confirmed: true }),
        b(lasern, 'finish', '13:00'),
        b(kanten, 'start-production', '15:00'),
        b(kanten, 'quantity', '15:55', { good: 100, scrap: 0 }),
        b(kanten, 'finish', '16:00'),
      ],
    });
    expect(sent.body.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('shows OEE per work centre, drills down to the bookings, downloads the monthly report and speaks English', { timeout: 180_000 }, async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await page.getByRole('textbox', { name: 'Passwort' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Willkommen, Karl Brandt' }).waitFor();

    // From the order list to the dashboard
    await page.goto(`/c/${companyId}/shopfloor`);
    await page.getByRole('heading', { name: 'Fertigungsaufträge' }).waitFor();
    // the order is finished: the list shows open orders until asked for all
    await page.getByTestId('order-state-filter').getByText(/^Alle \(\d+\)$/).click();
    await page.getByTestId('order-list').locator('[data-order="FA-2026-0042"]').waitFor();
    const paper = page.getByRole('link', { name: 'Auftragspapier FA-2026-0042 drucken (PDF mit QR-Codes)' });
    expect(await paper.getAttribute('href')).toMatch(/\/orders\/[0-9a-f-]+\/paper\.pdf\?lang=de$/);
    const paperPdf = await page.request.get((await paper.getAttribute('href'))!);
    expect(paperPdf.headers()['content-type']).toBe('application/pdf');
    expect((await paperPdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('link', { name: 'Controlling' }).click();
    await page.getByRole('heading', { name: 'Controlling', level: 1 }).waitFor();

    // The month with both work centres: chart and table, performance above 100 % flagged on the press brake
    const chart = page.getByTestId('controlling-chart');
    await chart.locator('svg').first().waitFor();
    const table = page.getByTestId('controlling-table');
    await table.locator('tbody tr[data-row="LAS-1 – Laser 1"]').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    const press = table.locator('tbody tr[data-row="KB-2 – Kantbank 2"]');
    expect(await textOf(press.locator('[data-above-ideal="true"]'))).toContain('über 100 %');
    expect(await textOf(press.locator('td[data-figure="performance"]'))).toContain('166,7 %');
    // Quality of the laser: 195 of 200 good
    expect(await textOf(table.locator('tbody tr[data-row="LAS-1 – Laser 1"] td[data-figure="quality"]'))).toBe('97,5 %');
    await page.getByTestId('summary-onTimeDelivery').getByText('kein fertiger Auftrag mit Liefertermin').waitFor();
    // Axis and tooltip in German number formats ("160 %", "166,7 %"), never "1,330 %"
    const axisPercent = async () => (await chart.locator('text').allTextContents()).filter((x) => /%$/.test(x));
    await expect.poll(async () => (await axisPercent()).length).toBeGreaterThan(2);
    for (const label of await axisPercent()) expect(label).toMatch(/^\d{1,3}(\.\d{3})*\u00a0%$/);
    await chart.scrollIntoViewIfNeeded();
    const svgBox = (await chart.locator('svg').first().boundingBox())!;
    // KB-2 is the right of the two bar groups; the axis tooltip lists its figures
    await page.mouse.move(svgBox.x + svgBox.width * 0.72, svgBox.y + svgBox.height * 0.45, { steps: 5 });
    await expect.poll(async () => (await chart.textContent()) ?? '').toMatch(/166,7\u00a0%/);
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, 'controlling dashboard');
    await screenshot(page, 'shopfloor-controlling');
    expect(await overflowing(page)).toEqual([]);
    // on the landscape tablet the whole table fits without scrolling
    expect(await page.getByRole('region', { name: 'Kennzahlen je Arbeitsplatz im Zeitraum' }).evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

    // Drill down from the table row: the six bookings of the laser with order, reason and worker
    await page.getByRole('button', { name: /^Buchungen zu LAS-1 – Laser 1/ }).click();
    const dialog = page.getByRole('dialog');
    const drill = dialog.getByTestId('drill-table');
    await drill.waitFor();
    expect(await drill.locator('tbody tr').count()).toBe(6);
    const quantity = drill.locator('tbody tr[data-kind="quantity"]').first();
    for (const text of ['FA-2026-0042', '1. Lasern', 'LAS-1', 'Menge buchen', '100', '5', 'Maß außer Toleranz', 'Früh', 'Karl Brandt', 'übernommen']) {
      expect(await quantity.textContent(), text).toContain(text);
    }
    expect(await drill.locator('tbody tr[data-kind="pause"]').textContent()).toContain('Störung › Elektrik');
    await expectAccessible(page, 'controlling drill-down');
    await screenshot(page, 'shopfloor-controlling-drill-down');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Grouped by shift, drill down from a bar of the chart: the late shift holds the press brake's three bookings
    await page.getByRole('radiogroup', { name: 'Gruppieren nach' }).getByText('Schicht', { exact: true }).click();
    await table.locator('tbody tr[data-row="Spät"]').waitFor();
    await chart.locator('text', { hasText: /^Spät$/ }).click();
    await page.getByRole('dialog').getByTestId('drill-table').waitFor();
    expect(await page.getByRole('dialog').getByTestId('drill-table').locator('tbody tr').count()).toBe(3);
    expect(await page.getByRole('dialog').getByRole('heading').first().textContent()).toContain('Spät');
    await page.keyboard.press('Escape');

    // By day and by one work centre; the definitions are there to read
    await page.getByRole('radiogroup', { name: 'Gruppieren nach' }).getByText('Tag', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Arbeitsplatz' }).click();
    await page.getByRole('option', { name: 'LAS-1 – Laser 1' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(28);
    await page.getByRole('button', { name: 'So werden die Kennzahlen berechnet (ISO 22400)' }).click();
    await page.getByText('Verfügbarkeit = Hauptnutzungszeit ÷ geplante Produktionszeit.').waitFor();
    await page.getByTestId('empty-legend').getByText(/keine geplante Produktionszeit/).waitFor();

    // The monthly report: PDF and CSV of the month shown
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`controlling-bericht-${month}.pdf`);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    expect(csv.suggestedFilename()).toBe(`controlling-bericht-${month}.csv`);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('Ebene;Arbeitsplatz;Bezeichnung;Schicht;Tag');

    // Tablet held upright
    await page.getByRole('radiogroup', { name: 'Gruppieren nach' }).getByText('Arbeitsplatz', { exact: true }).click();
    await page.setViewportSize(TABLET_PORTRAIT);
    await chart.locator('svg').first().waitFor();
    await expect.poll(() => overflowing(page)).toEqual([]);
    // the table fits the upright tablet: the ratios first, the hours and quantities one switch away
    const tableWidth = () => table.evaluate((e) => e.getBoundingClientRect().width);
    await expect.poll(tableWidth).toBeLessThanOrEqual(TABLET_PORTRAIT.width);
    const laserRow = table.locator('tbody tr[data-row="LAS-1 – Laser 1"]');
    expect(await textOf(laserRow.locator('td[data-figure="quality"]'))).toBe('97,5 %');
    expect(await table.locator('td[data-figure="good"]').count()).toBe(0);
    const columns = page.getByRole('radiogroup', { name: 'Spalten' });
    await columns.getByText('Stunden und Stückzahlen').click();
    await expect.poll(() => textOf(laserRow.locator('td[data-figure="good"]'))).toBe('195');
    expect(await table.locator('td[data-figure="quality"]').count()).toBe(0);
    expect(await tableWidth()).toBeLessThanOrEqual(TABLET_PORTRAIT.width);
    await expectAccessible(page, 'controlling table on an upright tablet');
    await screenshot(page, 'shopfloor-controlling-portrait-amounts');
    await columns.getByText('Kennzahlen', { exact: true }).click();
    await laserRow.locator('td[data-figure="quality"]').waitFor();
    await screenshot(page, 'shopfloor-controlling-portrait');

    // English
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Controlling', level: 1 }).waitFor();
    await page.getByText('Group by').waitFor();
    expect(await page.getByTestId('report-pdf').getAttribute('href')).toContain('lang=en');
    expect(await textOf(press.locator('[data-above-ideal="true"]'))).toContain('above 100 %');
    await page.getByRole('button', { name: /^Show the bookings of KB-2 – Kantbank 2/ }).click();
    await page.getByRole('dialog').getByText('Book quantity').first().waitFor();
    await expect.poll(async () => (await chart.locator('text').allTextContents()).filter((x) => /^\d+%$/.test(x)).length).toBeGreaterThan(2);
    await expectAccessible(page, 'controlling in English');
    await screenshot(page, 'shopfloor-controlling-en');
    await page.keyboard.press('Escape');
    await page.locator('label', { hasText: /^DE$/ }).click();

    expect(consoleErrors.filter((e) => !/status of 40[01] /.test(e))).toEqual([]);
    await context.close();
  });
});
