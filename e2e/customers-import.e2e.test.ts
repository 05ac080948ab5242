import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/kernel/tabular/index.js';
import { startWithCompany, type StartedCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';
import { signInWithPassword } from './support/sign-in.js';

const OWNER = { email: 'ines@import-technik.example', password: 'Tabellen ohne Tippfehler 2026', name: 'Ines Import' };

describe.runIf(browserAvailable())('customer import and list export in Chromium', () => {
  let started: StartedCompany;
  let dir: string;
  beforeAll(async () => {
    started = await startWithCompany({ company: 'Import Technik GmbH', email: OWNER.email, owner: OWNER.name, password: OWNER.password, modules: ['customers'] });
    dir = mkdtempSync(path.join(os.tmpdir(), 'wv-customer-import-'));
    const lines = ['Kd.-Nr.;Firma;PLZ;Ort;E-Mail;Zahlungsziel (Tage)'];
    for (let i = 1; i <= 30; i++) lines.push(`${2000 + i};Blechwerk ${i} GmbH;2410${i % 10};Kiel;${i === 11 ? 'einkauf(at)blechwerk11' : `einkauf@blechwerk${i}.example`};30`);
    writeFileSync(path.join(dir, 'kunden.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.instance.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file with a bad row: refused whole, then only the good rows on request; the list downloads as CSV', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET)).newPage();
    await signInWithPassword(page, OWNER);
    const consoleErrors = watchConsole(page);
    await page.goto(`/c/${started.companyId}/customers`);
    await page.getByRole('link', { name: 'Aus Datei einlesen' }).click();
    await page.getByRole('heading', { name: 'Kunden, Ansprechpartner und Aufträge einlesen' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(path.join(dir, 'kunden.csv'));
    await page.getByRole('button', { name: 'Datei hochladen' }).click();

    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByText('Die Datei hat 30 Zeilen, die ersten 20 sehen Sie hier.', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Feld für Spalte Firma' }).inputValue()).toBe('Firma *');
    expect(await page.getByRole('combobox', { name: 'Feld für Spalte E-Mail' }).inputValue()).toBe('E-Mail');
    expect(await page.getByRole('combobox', { name: 'Feld für Spalte Kd.-Nr.' }).inputValue()).toBe('Frühere Kundennummer');
    await expectAccessible(page, 'import preview with mapping');
    await screenshot(page, 'customers-import-preview');

    await page.getByRole('button', { name: 'Alle Zeilen prüfen' }).click();
    await page.getByTestId('import-check-summary').getByText('Eine Zeile hat Fehler, 29 sind in Ordnung:').waitFor();
    expect(await page.getByTestId('import-problems').textContent()).toBe('Zeile 12: E-Mail: keine gültige E-Mail-Adresse');

    await page.getByRole('button', { name: 'Alle 30 Zeilen einlesen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nichts gespeichert: eine Zeile hat Fehler.' }).waitFor();
    expect(await started.instance.ctx.db.selectFrom('customers').select('id').execute()).toHaveLength(0);
    await expectAccessible(page, 'import refused');
    await screenshot(page, 'customers-import-refused');

    await page.getByRole('button', { name: 'Nur die 29 fehlerfreien Zeilen einlesen' }).click();
    await page.getByTestId('import-done').getByText('29 Kunden eingelesen.', { exact: false }).waitFor();
    expect(await page.getByTestId('import-problems').textContent()).toBe('Zeile 12: E-Mail: keine gültige E-Mail-Adresse');
    await expectAccessible(page, 'import done');
    await screenshot(page, 'customers-import-done');

    await page.getByRole('link', { name: 'Zur Kundenliste', exact: true }).click();
    await page.getByText('29 Kunden').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Liste herunterladen' }).getByRole('link', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('kunden.csv');
    const file = path.join(dir, 'export.csv');
    await download.saveAs(file);
    const { separator, records } = parseCsv(readFileSync(file, 'utf8'));
    expect(separator).toBe(';');
    expect(records).toHaveLength(30);
    expect(records.map((r) => r.fields[1])).not.toContain('Blechwerk 11 GmbH');
    expect(records.find((r) => r.fields[1] === 'Blechwerk 12 GmbH')!.fields[12]).toBe('2012');
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  }, 180_000);

  it('shows the import in English on a portrait tablet and names the same file imported before', async () => {
    const page = await (await newContext(started.browser, started.baseURL, TABLET_PORTRAIT)).newPage();
    await signInWithPassword(page, OWNER);
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.goto(`/c/${started.companyId}/customers/import`);
    await page.getByRole('heading', { name: 'Import customers, contacts and orders' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(path.join(dir, 'kunden.csv'));
    await page.getByRole('button', { name: 'Upload file' }).click();
    await page.getByText('This file has been imported before').waitFor();
    await page.getByRole('button', { name: 'Check all rows' }).click();
    await page.getByTestId('import-check-summary').getByText('30 rows have problems, 0 are fine:').waitFor();
    expect(await page.getByTestId('import-problems').textContent()).toContain('Line 2: Former customer number: the number 2001 exists already');
    expect(await page.getByRole('button', { name: /Import only/ }).count()).toBe(0);
    await expectAccessible(page, 'import check, portrait, English');
    await screenshot(page, 'customers-import-portrait-en');
  }, 120_000);
});
