import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Pressen und Stanzen 2026';
const EMAIL = 'leitung@machines.example';

describe.runIf(browserAvailable())('machine data in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let machineId: string;
  let token: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Kröger Stanztechnik GmbH', email: EMAIL, owner: 'Jana Kröger', password: PASSWORD, modules: ['machines'] }));
    const api = `/api/v1/companies/${companyId}/machines`;
    const machine = await client.post(api, { name: 'Presse 1', description: 'Stanzpresse 250 t' });
    machineId = machine.body.id;
    const point = await client.post(`${api}/${machineId}/points`, { name: 'current', label: 'Motorstrom', unit: 'A' });
    const device = await client.post(`${api}/${machineId}/devices`, { name: 'SPS Presse 1' });
    token = device.body.token;
    const rule = await client.post(`${api}/${machineId}/rules`, {
      pointId: point.body.id,
      name: 'Motorstrom zu hoch',
      rule: { kind: 'threshold', direction: 'high', limit: 200, hysteresis: 10, minDurationSeconds: 2 },
    });
    expect([machine.status, point.status, device.status, rule.status]).toEqual([201, 201, 201, 201]);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  const send = async (body: unknown) => {
    const res = await fetch(`${baseURL}/api/v1/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  };

  const signIn = (page: Page) => signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Jana Kröger' });

  it('shows live values and a raised alarm, acknowledges it, and charts the series', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signIn(page);
    await page.goto(`/c/${companyId}/machines`);
    await page.getByRole('heading', { name: 'Maschinendaten', level: 1 }).waitFor();
    const card = page.locator('[data-machine="Presse 1"]');
    await expect.poll(() => card.getByText('noch kein Wert').count()).toBe(1);
    await card.getByText('Keine offenen Alarme.').waitFor();

    // A value below the limit shows up without reloading.
    const now = Date.now();
    await send({ ts: now - 10_000, values: { current: 180.5 } });
    await expect.poll(() => card.locator('[data-point="current"]').textContent(), { timeout: 10_000 }).toContain('180,50 A');

    // Above the limit for 2 seconds: raised.
    await send([{ ts: now - 6000, values: { current: 231 } }, { ts: now - 4000, values: { current: 236.25 } }]);
    await expect.poll(() => card.locator('[data-point="current"]').textContent(), { timeout: 10_000 }).toContain('236,25 A');
    const alarm = card.locator('[data-status="active"]');
    await alarm.waitFor({ timeout: 10_000 });
    await expect.poll(() => alarm.textContent()).toContain('Motorstrom zu hoch');
    await expectAccessible(page, 'machine overview with an alarm');
    await screenshot(page, 'machines-overview-alarm');

    await card.getByRole('button', { name: 'Alarm Motorstrom zu hoch an current quittieren' }).click();
    await card.locator('[data-status="acknowledged"]').waitFor();
    expect(await card.getByRole('button', { name: /quittieren/ }).count()).toBe(0);
    const stored = await client.get(`/api/v1/companies/${companyId}/machines/${machineId}/alarms`);
    expect(stored.body).toEqual([expect.objectContaining({ status: 'acknowledged', raisedValue: 236.25 })]);

    // Below the hysteresis band: cleared and, being acknowledged, closed; it leaves the overview.
    await send({ ts: now - 2000, values: { current: 189 } });
    await card.getByText('Keine offenen Alarme.').waitFor({ timeout: 10_000 });

    await page.getByRole('link', { name: 'Verlauf von Presse 1 ansehen' }).click();
    await page.getByRole('heading', { name: 'Presse 1', level: 1 }).waitFor();
    await page.getByRole('img', { name: 'Verlauf von Motorstrom im gewählten Zeitraum' }).waitFor();
    const table = page.getByRole('table', { name: 'Letzte Werte von Motorstrom' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(4);
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('189 A');
    await page.locator('[data-status="closed"]').waitFor();
    await expectAccessible(page, 'machine detail');
    await screenshot(page, 'machines-detail');
    // The 401 is the sign-in page asking who is signed in; anything else (CSP, script errors) fails.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });
});
