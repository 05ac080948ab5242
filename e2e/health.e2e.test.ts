import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';
import { startServer } from './support/server.js';
import { signInWithPassword } from './support/sign-in.js';

const PASSWORD = 'Betrieb läuft rund 2026';
// read when the instance is created: the no-data check runs every second
process.env.WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS = '1';

describe.runIf(browserAvailable())('admin health page in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let companyId: string;
  let memberEmail: string;

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    browser = await launchBrowser();
    const owner = new TestClient(instance);
    companyId = await owner.signup('Zustand Fräserei GmbH', 'olga@zustand.example', 'Olga Owner', PASSWORD);
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    memberEmail = 'max@zustand.example';
    await new TestClient(instance).post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Max Mitglied', email: memberEmail, password: PASSWORD } });
    instance.ctx.jobs.start();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('shows the jobs to the owner, a failing job within a minute, in German and English, accessible', async () => {
    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    await signInWithPassword(page, { email: 'olga@zustand.example', password: PASSWORD, name: 'Olga Owner' });
    const errors = watchConsole(page); // signed in: the sign-in page's 401 for /me is expected
    await page.getByRole('link', { name: 'Betriebszustand' }).click();
    await page.getByRole('heading', { name: 'Betriebszustand', level: 1 }).waitFor();
    const jobs = page.getByRole('table', { name: 'Hintergrundaufgaben' });
    const noData = jobs.getByRole('row', { name: /Regeln „keine Daten seit N Minuten“ prüfen/ });
    await noData.getByText('jede Sekunde').waitFor();
    await expect.poll(() => noData.getByText('In Ordnung').count(), { timeout: 20_000 }).toBe(1);
    await page.getByText('Eingebettetes PostgreSQL').waitFor();
    await expect.poll(() => page.getByText('machines.').count()).toBe(0); // no internal job id on screen
    await expectAccessible(page, 'health');
    await screenshot(page, 'health-de');

    // The no-data check loses its table: the page shows it failing without a reload.
    await sql`alter table machine_alarm_rules rename to machine_alarm_rules_away`.execute(instance.ctx.db);
    const broke = Date.now();
    try {
      await noData.getByText('Fehlgeschlagen', { exact: true }).waitFor({ timeout: 60_000 });
      expect(Date.now() - broke).toBeLessThan(60_000);
      await expect.poll(() => page.getByTestId('health-status').textContent()).toBe('Beeinträchtigt');
      await expect.poll(() => page.getByText('machine_alarm_rules').count()).toBe(0); // error texts stay with the operator
      await expectAccessible(page, 'health with a failing job');
      await screenshot(page, 'health-failing-de');

      await page.locator('label', { hasText: /^EN$/ }).click();
      await page.getByRole('heading', { name: 'System health', level: 1 }).waitFor();
      const english = page.getByRole('table', { name: 'Background jobs' }).getByRole('row', { name: /check "no data for N minutes" rules/ });
      await english.getByText('Failing', { exact: true }).waitFor();
      await english.getByText('every second').waitFor();
      await expectAccessible(page, 'health (English)');

      const portrait = await (await newContext(browser, baseURL, TABLET_PORTRAIT)).newPage();
      await signInWithPassword(portrait, { email: memberEmail, password: PASSWORD, name: 'Max Mitglied' });
      // members do not see the page (upright, the navigation opens from the burger)
      await portrait.getByRole('button', { name: 'Navigation ein- oder ausblenden' }).click();
      const nav = portrait.getByRole('navigation', { name: 'Hauptnavigation' });
      await nav.getByRole('link', { name: 'Unternehmensprofil' }).waitFor();
      await expect.poll(() => nav.getByRole('link', { name: 'Betriebszustand' }).count()).toBe(0);
    } finally {
      await sql`alter table machine_alarm_rules_away rename to machine_alarm_rules`.execute(instance.ctx.db);
    }
    await page.getByRole('table', { name: 'Background jobs' }).getByRole('row', { name: /check "no data for N minutes" rules/ }).getByText('Healthy').waitFor({ timeout: 20_000 });
    await page.setViewportSize(TABLET_PORTRAIT);
    await expectAccessible(page, 'health portrait');
    await screenshot(page, 'health-en-portrait');
    await page.locator('label', { hasText: /^DE$/ }).click();
    expect(errors).toEqual([]);
  });
});
