import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import type { TestClient } from '../src/kernel/testing/test-instance.js';
import { dayIn } from '../src/modules/privacy/domain/skills.js';
import { startWithCompany } from './support/company.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Schulung vor dem Start 2026';
const EMAIL = 'chefin@kompetenz.example';
const day = (offset: number) => dayIn('Europe/Berlin', Date.now() + offset * 86_400_000);

describe.runIf(browserAvailable())('skills and training in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Kompetenz GmbH', email: EMAIL, owner: 'Dana Hof', password: PASSWORD, modules: ['privacy', 'roadmap'] }));
    expect((await client.post(`/api/v1/companies/${companyId}/workers`, { name: 'Ali Yilmaz', personnelNumber: '1001', pin: '482913' })).status).toBe(201);
    expect((await client.post(`/api/v1/companies/${companyId}/roadmap/plan/items`, { title: 'Fertigungsleitsystem einführen' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('sets levels, records a training, adds a requirement for a roadmap measure and flags the worker without the skill', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Dana Hof' });
    await page.goto(`/c/${companyId}/privacy/skills`);
    await page.getByRole('heading', { name: 'Kompetenzen und Schulungen', level: 1 }).waitFor();
    const ali = page.locator('[data-person="Ali Yilmaz"]');
    expect(await ali.textContent()).toContain('Terminal');
    expect(await ali.getByTestId('awareness').getAttribute('data-state')).toBe('never');
    await expectAccessible(page, 'skills matrix, nobody assessed');

    await ali.getByRole('link', { name: 'Ali Yilmaz' }).click();
    await page.getByRole('heading', { name: 'Ali Yilmaz', level: 1 }).waitFor();
    const level = (name: string) => page.getByRole('combobox', { name });
    await level('Mensch-Maschine-Interaktion').selectOption({ label: 'Stufe 2 – Grundstufe' });
    // the keyboard reaches and changes a level as well
    await level('IT-Sicherheitsbewusstsein').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await level('IT-Sicherheitsbewusstsein').inputValue()).toBe('1');
    await level('IT-Sicherheitsbewusstsein').selectOption({ label: 'Stufe 3 – Aufbaustufe' });
    await page.getByRole('button', { name: 'Stufen speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();

    const form = page.getByTestId('training-form');
    await form.getByLabel('Titel der Schulung').fill('Phishing erkennen');
    await form.getByLabel('Anbieter').fill('IHK-Online-Akademie');
    await form.getByLabel('Datum').fill(day(-20));
    await form.getByLabel('Gültig bis (optional)').fill(day(-30));
    await form.getByLabel('IT-Sicherheitsbewusstsein').check();
    await form.getByRole('button', { name: 'Schulung eintragen' }).click();
    // an expiry before the training is questioned, and nothing is stored
    await page.getByText('Das Ablaufdatum liegt vor dem Tag der Schulung').waitFor();
    await form.getByLabel('Gültig bis (optional)').fill('');
    await form.getByRole('button', { name: 'Schulung eintragen' }).click();
    await page.locator('[data-training="Phishing erkennen"]').waitFor();
    await expect.poll(() => page.getByTestId('awareness').getAttribute('data-state')).toBe('current');
    await expectAccessible(page, 'person with levels and a training');
    await screenshot(page, 'privacy-skills-person');

    await page.goto(`/c/${companyId}/privacy/skills/requirements`);
    await page.getByRole('heading', { name: 'Anforderungen vor dem Start', level: 1 }).waitFor();
    await page.getByTestId('requirements-empty').waitFor();
    const req = page.getByTestId('requirement-form');
    await req.getByRole('combobox', { name: /^Maßnahme/ }).selectOption({ label: 'Fertigungsleitsystem einführen' });
    await req.getByRole('textbox', { name: 'Starttermin' }).fill(day(-3));
    await req.getByRole('combobox', { name: 'Mensch-Maschine-Interaktion' }).selectOption({ label: 'mindestens Stufe 3' });
    await req.getByLabel('Ali Yilmaz (Terminal)').check();
    await req.getByRole('button', { name: 'Anlegen' }).click();
    // a go-live in the past is a question, not silently taken
    await req.getByLabel('Ja, der Start war wirklich an diesem Tag.').waitFor();
    await req.getByRole('textbox', { name: 'Starttermin' }).fill(day(14));
    await req.getByRole('button', { name: 'Anlegen' }).click();

    const card = page.locator('[data-requirement="Fertigungsleitsystem einführen"]');
    await card.waitFor();
    expect(await card.getAttribute('data-urgency')).toBe('soon');
    expect(await card.textContent()).toContain('Start in 14 Tagen');
    expect(await card.textContent()).toContain('1 Person ist noch nicht bereit');
    expect(await card.locator('[data-person="Ali Yilmaz"]').textContent()).toContain('Mensch-Maschine-Interaktion: Stufe 3 nötig, hat 2');
    await expectAccessible(page, 'requirement with a flagged worker');
    await screenshot(page, 'privacy-skills-requirements');

    // moving the go-live: the form takes the requirement, and the card follows
    await card.getByRole('button', { name: 'Anforderung „Fertigungsleitsystem einführen“ ändern' }).click();
    await page.getByRole('heading', { name: 'Anforderung ändern' }).waitFor();
    expect(await req.getByRole('textbox', { name: 'Starttermin' }).inputValue()).toBe(day(14));
    await req.getByRole('textbox', { name: 'Starttermin' }).fill(day(20));
    await req.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: 'Anforderung anlegen' }).waitFor();
    await expect.poll(() => card.textContent()).toContain('Start in 20 Tagen');

    // the flagged worker in the matrix and in the notification centre
    await page.goto(`/c/${companyId}/privacy/skills`);
    await page.locator('[data-person="Ali Yilmaz"]').getByTestId('person-flagged').waitFor();
    expect(await page.locator('[data-person="Ali Yilmaz"] [data-competence="human-machine"]').textContent()).toContain('Stufe 2 – Grundstufe');
    await page.getByTestId('skills-distribution').locator('svg').waitFor();
    await page.getByRole('button', { name: /^Benachrichtigungen/ }).click();
    const centre = page.getByRole('dialog', { name: 'Benachrichtigungen' });
    await centre.getByTestId('notification').filter({ hasText: 'Kompetenzen vor dem Start' }).getByRole('link', { name: 'Fertigungsleitsystem einführen' }).waitFor();
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'skills matrix with a flagged worker');
    await screenshot(page, 'privacy-skills-matrix');
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401)/.test(e))).toEqual([]);
    await context.close();
  });

  it('reads in English and fits a portrait tablet', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Dana Hof' });
    await page.goto(`/c/${companyId}/privacy/skills`);
    await page.getByRole('heading', { name: 'Kompetenzen und Schulungen', level: 1 }).waitFor();
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Skills and training', level: 1 }).waitFor();
    expect(await page.locator('[data-person="Ali Yilmaz"] [data-competence="security-awareness"]').textContent()).toContain('Level 3 – Intermediate');
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page, 'skills matrix, English, portrait');
    await screenshot(page, 'privacy-skills-matrix-en-portrait');
    await page.getByRole('link', { name: 'Requirements before go-live' }).click();
    await page.getByRole('heading', { name: 'Requirements before go-live', level: 1 }).waitFor();
    expect(await page.locator('[data-requirement="Fertigungsleitsystem einführen"]').textContent()).toContain('1 person is not ready yet');
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page, 'requirements, English, portrait');
    await page.locator('label', { hasText: /^DE$/ }).click();
    await page.getByRole('heading', { name: 'Anforderungen vor dem Start', level: 1 }).waitFor();
    await context.close();
  });
});
