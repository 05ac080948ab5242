import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { smallExportArchive } from '../src/kernel/testing/small-export-archive.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { TABLET, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';
import { startServer } from './support/server.js';
import { signInWithPassword } from './support/sign-in.js';

const PASSWORD = 'Umzug mit allen Daten 2026';

describe.runIf(browserAvailable())('company import from an export archive in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let dir: string;
  let companyId: string;

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    browser = await launchBrowser();
    dir = mkdtempSync(path.join(os.tmpdir(), 'wv-import-e2e-'));
    const owner = new TestClient(instance);
    companyId = await owner.signup('Quelle Drehteile GmbH', 'quentin@quelle.example', 'Quentin Quelle', PASSWORD);
    await owner.post(`/api/v1/companies/${companyId}/invitations`, { email: 'ida@quelle.example', role: 'member' });
    // the company's real export, downloaded as the owner would
    const exported = await owner.get(`/api/v1/companies/${companyId}/export`);
    expect(exported.status).toBe(200);
    writeFileSync(path.join(dir, 'werkverbund-export.zip'), exported.raw.rawPayload);
    writeFileSync(path.join(dir, 'notizen.zip'), 'Das ist kein Archiv, sondern eine Notiz.\n');
    writeFileSync(path.join(dir, 'export-v99.zip'), smallExportArchive({ formatVersion: 99 }));
    writeFileSync(path.join(dir, 'gross.zip'), randomBytes(2 * 1024 * 1024));
  });
  afterAll(async () => {
    delete process.env.WERKVERBUND_IMPORT_MAX_MB;
    await browser?.close();
    await instance?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a wrong file, a wrong version and a too large file with a translated message, then creates the company and leads to it', async () => {
    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    await signInWithPassword(page, { email: 'quentin@quelle.example', password: PASSWORD, name: 'Quentin Quelle' });
    const errors = watchConsole(page);
    await page.getByRole('link', { name: 'Datenexport' }).click();
    const card = page.getByRole('region', { name: 'Unternehmen aus einem Export anlegen' });
    await card.waitFor();
    const fileInput = card.locator('input[type="file"]');
    const create = card.getByRole('button', { name: 'Unternehmen anlegen' });
    const companiesBefore = await instance.ctx.db.selectFrom('tenants').select('id').execute();

    // not a ZIP at all (the server reads it)
    await fileInput.setInputFiles(path.join(dir, 'notizen.zip'));
    await create.click();
    await card.getByRole('alert').getByText('Die Datei ist kein ZIP-Archiv.', { exact: false }).waitFor();
    await expectAccessible(page, 'import: wrong file');

    // an export of a newer format version
    await fileInput.setInputFiles(path.join(dir, 'export-v99.zip'));
    await create.click();
    await card.getByRole('alert').getByText('Dieser Export hat die Formatversion 99; dieses Werkverbund liest die Versionen 1 bis 2.', { exact: false }).waitFor();

    // larger than the instance takes (the limit is read per request)
    process.env.WERKVERBUND_IMPORT_MAX_MB = '1';
    try {
      await fileInput.setInputFiles(path.join(dir, 'gross.zip'));
      await create.click();
      await card.getByRole('alert').getByText('Der Export ist zu groß (höchstens 1 MB).', { exact: false }).waitFor();
    } finally {
      delete process.env.WERKVERBUND_IMPORT_MAX_MB;
    }
    expect(await instance.ctx.db.selectFrom('tenants').select('id').execute()).toHaveLength(companiesBefore.length);

    // in English, the same refusal in English
    await page.locator('label', { hasText: /^EN$/ }).click();
    const english = page.getByRole('region', { name: 'Create a company from an export' });
    await english.locator('input[type="file"]').setInputFiles(path.join(dir, 'notizen.zip'));
    await english.getByRole('button', { name: 'Create company' }).click();
    await english.getByRole('alert').getByText('The file is not a ZIP archive.', { exact: false }).waitFor();
    await page.locator('label', { hasText: /^DE$/ }).click();

    // the real export, under a name of its own: progress, result, the way to the new company
    await fileInput.setInputFiles(path.join(dir, 'werkverbund-export.zip'));
    await card.getByLabel('Name des neuen Unternehmens (optional)').fill('Ziel Drehteile GmbH');
    await create.click();
    const done = card.getByRole('status');
    await done.getByText('„Ziel Drehteile GmbH“ wurde angelegt.').waitFor({ timeout: 60_000 });
    await done.getByText(/Personen mit vorhandenem Konto verknüpft: 1; neu angelegt \(ohne Passwort\): 0\./).waitFor();
    await expectAccessible(page, 'import: done');
    await screenshot(page, 'company-import-done');
    const created = await instance.ctx.db.selectFrom('tenants').select(['id', 'name']).where('name', '=', 'Ziel Drehteile GmbH').executeTakeFirstOrThrow();
    expect(created.id).not.toBe(companyId);
    const invitations = await instance.ctx.db.selectFrom('invitations').select('email').where('tenant_id', '=', created.id).execute();
    expect(invitations.map((i) => i.email)).toEqual(['ida@quelle.example']);

    await done.getByRole('link', { name: 'Zu „Ziel Drehteile GmbH“ wechseln' }).click();
    await page.waitForURL(new RegExp(`/c/${created.id}`));
    await expect.poll(() => page.getByText('Ziel Drehteile GmbH').count()).toBeGreaterThan(0);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 180_000);
});
