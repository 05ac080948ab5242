import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startServer } from './support/server.js';
import { getQuestionnaire } from '../src/modules/check/index.js';
import { TABLET, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Drehbank und Fräse 2026';
const EMAIL = 'anna@huber-blech.example';

/** A finished check through the API: a small firm with gaps everywhere. */
async function finishedCheck(instance: Instance): Promise<string> {
  const client = new TestClient(instance);
  const companyId = await client.signup('Huber Blechtechnik GmbH', EMAIL, 'Anna Huber', PASSWORD);
  await client.patch(`/api/v1/companies/${companyId}`, { profile: { employees: 24, industry: '25', series: 'single', state: 'BY', region: 'muenchen' } });
  const answers: Record<string, boolean | number | string> = {};
  for (const item of getQuestionnaire().items) {
    if (item.type === 'scale') answers[item.id] = 1;
    else if (item.type === 'boolean') answers[item.id] = false;
    else if (item.type === 'choice') answers[item.id] = item.options[0]!.value;
  }
  answers['scr.machines'] = true;
  const api = `/api/v1/companies/${companyId}/check/runs`;
  const run = (await client.post(api)).body.id;
  expect((await client.put(`${api}/${run}/answers`, { answers })).status).toBe(200);
  expect((await client.post(`${api}/${run}/complete`)).status).toBe(200);
  return companyId;
}

describe.runIf(browserAvailable())('Roadmap in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let companyId: string;

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    companyId = await finishedCheck(instance);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('goes from a finished check to an accepted, scheduled plan and downloads the report', { timeout: 180_000 }, async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await page.getByLabel(/^Passwort/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByTestId('nav-roadmap').click();
    await page.getByRole('heading', { name: 'Roadmap', level: 1 }).waitFor();

    const client = new TestClient(instance);
    await client.login(EMAIL, PASSWORD);
    const api = `/api/v1/companies/${companyId}/roadmap`;
    const suggestions = (await client.get(`${api}/suggestions`)).body.suggestions as Array<{ id: string; title: { de: string }; reason: { de: string }; quadrant: string; dependsOn: string[] }>;
    expect(suggestions.length).toBeGreaterThan(2);

    // Suggestions with their reasons in plain words and an "Übernehmen" button each
    const first = page.getByTestId(`suggestion-${suggestions[0]!.id}`);
    await first.waitFor();
    expect(await first.textContent()).toContain(suggestions[0]!.reason.de.slice(0, 40));
    await expectAccessible(page, 'roadmap suggestions');
    await screenshot(page, 'roadmap-suggestions');

    const chosen = suggestions.slice(0, 3);
    for (const s of chosen) {
      const card = page.getByTestId(`suggestion-${s.id}`);
      await card.getByRole('button', { name: `Übernehmen: ${s.title.de}` }).click();
      await card.getByText('Im Plan: geplant').waitFor();
    }

    // The matrix as a chart with an accessible list beside it
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await expect.poll(() => page.getByTestId('matrix-chart').locator('svg').count()).toBeGreaterThan(0);
    const quickWins = suggestions.filter((s) => s.quadrant === 'quickWin').length;
    await page.getByRole('heading', { name: `Schnelle Erfolge (${quickWins})` }).waitFor();
    // Labelled axes, numbered dots, a tooltip per dot and the list for screen readers
    const matrix = page.getByTestId('matrix-chart');
    await expect.poll(() => matrix.locator('text').allTextContents()).toEqual(expect.arrayContaining(['Aufwand (gering → hoch)', 'Nutzen (gering → hoch)', 'gering', 'mittel', 'hoch', '1', String(suggestions.length)]));
    expect(await matrix.getAttribute('aria-describedby')).toBe('matrix-hint');
    await page.locator('#matrix-hint').getByText('Maßnahmen je Feld').waitFor();
    for (const s of suggestions) expect(await page.getByTestId(`matrix-entry-${s.id}`).textContent()).toContain(s.title.de);
    await matrix.locator('text', { hasText: /^1$/ }).first().hover();
    await expect.poll(async () => (await matrix.textContent()) ?? '').toContain(`1. ${suggestions[0]!.title.de}`);
    await expect.poll(async () => (await matrix.textContent()) ?? '').toMatch(/Aufwand: (gering|mittel|hoch) · Nutzen: (gering|mittel|hoch)/);
    await expectAccessible(page, 'roadmap matrix');
    await screenshot(page, 'roadmap-matrix');

    // The plan: schedule into quarters, then edit one measure with the keyboard
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'In Quartale einplanen' }).click();
    await page.getByTestId('plan-scheduled').waitFor();
    await expect.poll(async () => (await page.getByTestId('next-review').textContent()) ?? '').toMatch(/Nächste jährliche Überprüfung/);
    const plan = (await client.get(`${api}/plan`)).body;
    expect(plan.items.map((i: { measureId: string }) => i.measureId).sort()).toEqual(chosen.map((s) => s.id).sort());
    for (const item of plan.items) {
      expect(item.startQuarter).toMatch(/^\d{4}-Q[1-4]$/);
      await page.getByTestId(`quarter-${item.startQuarter}`).getByTestId(`plan-item-${item.measureId}`).waitFor();
    }
    await expectAccessible(page, 'roadmap plan');
    await screenshot(page, 'roadmap-plan');

    // A measure opens its own page (what it is, progress, costs, history); its editor opens from there
    const target = chosen[0]!;
    await page.getByRole('link', { name: `Ansehen: ${target.title.de}` }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: target.title.de, level: 1 }).waitFor();
    expect(await page.getByTestId('measure-status').textContent()).toBe('geplant');
    await page.getByRole('link', { name: `Maßnahme „${target.title.de}“ bearbeiten` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Jahresziel').fill('Zielbild beschlossen');
    await dialog.getByLabel('Kennzahl', { exact: true }).fill('Jahresziele mit Kennzahl');
    await dialog.getByLabel('Zielwert').fill('4');
    await dialog.getByLabel('Oder Verantwortliche/r als Text').fill('Anna Huber');
    await dialog.getByLabel('Status', { exact: true }).click();
    await page.getByRole('option', { name: 'in Arbeit' }).click();
    await expectAccessible(page, 'roadmap plan editor');
    await screenshot(page, 'roadmap-plan-editor');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await client.get(`${api}/plan`)).body.items.find((i: { measureId: string }) => i.measureId === target.id)).toMatchObject({
      status: 'in_progress', microGoal: 'Zielbild beschlossen', kpiTarget: '4', ownerText: 'Anna Huber',
    });
    // back on the measure's page: the new state and the change in its history, as a sentence with who made it
    expect(page.url()).toMatch(/\/roadmap\/plan\/[0-9a-f-]{36}$/);
    await expect.poll(async () => page.getByTestId('measure-status').textContent()).toBe('in Arbeit');
    const history = page.getByTestId('record-history');
    await history.getByText(`Maßnahme „${target.title.de}“ im Plan geändert.`).first().waitFor();
    expect(await history.locator('[data-history-entry]').first().textContent()).toMatch(/Betroffen: Status jetzt „in Arbeit“, Verantwortlich, Jahresziel/);
    expect(await history.locator('[data-history-entry]').first().textContent()).toContain('Anna Huber');
    await page.getByText('Zielbild beschlossen').waitFor();
    await expectAccessible(page, 'roadmap measure');
    await screenshot(page, 'roadmap-measure');

    // A wrong quarter is refused with a message and changes nothing
    await page.getByRole('link', { name: `Maßnahme „${target.title.de}“ bearbeiten` }).click();
    await dialog.getByLabel('Bis Quartal').fill('2000-Q1');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByRole('alert').waitFor();
    // closing the editor with an unsaved change asks first; staying keeps what was typed
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    const ask = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
    await ask.getByRole('button', { name: 'Auf der Seite bleiben' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await dialog.getByLabel('Bis Quartal').inputValue()).toBe('2000-Q1');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await ask.getByRole('button', { name: 'Verlassen und Änderungen verwerfen' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await client.get(`${api}/plan`)).body.items.find((i: { measureId: string }) => i.measureId === target.id).endQuarter).not.toBe('2000-Q1');
    await page.getByRole('link', { name: 'Zum Plan' }).first().click();

    // Funding programmes: historical examples, marked as such
    await page.getByRole('tab', { name: 'Förderprogramme' }).click();
    await page.getByTestId('funding-digitalbonus-bayern').getByText('Historisches Beispiel – Gültigkeit prüfen').waitFor();
    await expectAccessible(page, 'roadmap funding');
    await screenshot(page, 'roadmap-funding');

    // The board report
    await page.getByRole('tab', { name: 'Vorschläge' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-link').click()]);
    expect(download.suggestedFilename()).toBe('roadmap-bericht.pdf');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path!).subarray(0, 5).toString()).toBe('%PDF-');

    // 401: the sign-in page asks who is signed in; 400: the deliberately refused quarter above
    expect(consoleErrors.filter((e) => !/status of 40[01] /.test(e))).toEqual([]);
    await context.close();
  });
});
