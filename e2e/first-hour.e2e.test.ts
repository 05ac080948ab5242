import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData } from '../src/kernel/demo-data.js';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { getQuestionnaire } from '../src/modules/check/index.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing } from './support/layout.js';
import { startServer } from './support/server.js';

const PASSWORD = 'Drehbank und Fräse 2026';

/** What a new owner reads and clicks, in both languages. */
const WORDS = {
  de: {
    company: 'Name des Unternehmens', name: 'Ihr Name', email: 'E-Mail-Adresse', password: /^Passwort/, signUp: 'Registrieren',
    profile: 'Unternehmensprofil', welcome: 'Willkommen bei Werkverbund – Schritt 1 von 5', allSteps: 'Alle Schritte der ersten Stunde ansehen',
    pathTitle: 'Ihre erste Stunde mit Werkverbund', stepOf: /^Schritt 1 von 5 · noch etwa 53 Minuten$/, fillProfile: 'Profil ausfüllen',
    employees: 'Beschäftigte', industry: 'Branche (WZ 2008, Abteilung)', save: 'Speichern', toCheck: 'Zum Digital-Check',
    checkTitle: 'Digital-Check', startCheck: 'Check starten', summary: 'Zusammenfassung', complete: 'Check abschließen', confirm: 'Ja, abschließen',
    results: 'Ergebnis des Digital-Checks', yes: 'Ja', toRoadmap: 'Zu den Roadmap-Vorschlägen', accept: 'Übernehmen', toPlan: 'Zum Plan',
    schedule: 'In Quartale einplanen', toHome: 'Zur Übersicht', welcomeHome: 'Willkommen, ', next: 'Was als Nächstes?', checkTile: 'Digital-Check', planTile: 'Roadmap',
    resume: 'Weitermachen', skip: 'Diesen Schritt überspringen', skipped: 'Übersprungen',
  },
  en: {
    company: 'Company name', name: 'Your name', email: 'E-mail address', password: /^Password/, signUp: 'Sign up',
    profile: 'Company profile', welcome: 'Welcome to Werkverbund – step 1 of 5', allSteps: 'See every step of the first hour',
    pathTitle: 'Your first hour with Werkverbund', stepOf: /^Step 1 of 5 · about 53 minutes to go$/, fillProfile: 'Fill in the profile',
    employees: 'Employees', industry: 'Industry (WZ 2008 division)', save: 'Save', toCheck: 'Go to the Digital-Check',
    checkTitle: 'Digital-Check', startCheck: 'Start the check', summary: 'Summary', complete: 'Complete the check', confirm: 'Yes, complete',
    results: 'Result of the Digital-Check', yes: 'Yes', toRoadmap: 'Go to the Roadmap suggestions', accept: 'Accept', toPlan: 'Go to the plan',
    schedule: 'Schedule in quarters', toHome: 'Go to the overview', welcomeHome: 'Welcome, ', next: 'What next?', checkTile: 'Digital-Check', planTile: 'Roadmap',
    resume: 'Continue', skip: 'Skip this step', skipped: 'Skipped',
  },
} as const;

type Lang = keyof typeof WORDS;

/** Every question answered the way a careful owner might, through the API as the same person. */
function allAnswers(): Record<string, boolean | number | string> {
  const answers: Record<string, boolean | number | string> = {};
  for (const item of getQuestionnaire().items) {
    if (item.type === 'scale') answers[item.id] = (item.id.length % 3) + 1;
    else if (item.type === 'boolean') answers[item.id] = item.id.length % 2 === 0;
    else if (item.type === 'choice') answers[item.id] = item.options[0]!.value;
    else answers[item.id] = item.type === 'integer' ? 2 : (item.min + (item.max - item.min) / 4);
  }
  return { ...answers, 'scr.machines': true, 'scr.cooperation': false, 'dgm.tech.cloud': false };
}

async function look(page: Page, label: string, name: string) {
  await expectAccessible(page, label);
  await expect.poll(() => overflowing(page), { message: `${label}: nothing wider than the screen` }).toEqual([]);
  await screenshot(page, name);
}

describe.runIf(browserAvailable())('The first hour of a new owner in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  const runs: Array<[Lang, 'landscape' | 'portrait']> = [['de', 'landscape'], ['en', 'landscape'], ['de', 'portrait'], ['en', 'portrait']];

  it.each(runs)('walks from sign-up to the first plan and a home with tiles (%s, %s)', { timeout: 240_000 }, async (lang, orientation) => {
    const viewport = orientation === 'landscape' ? TABLET : TABLET_PORTRAIT;
    const w = WORDS[lang];
    const shot = (name: string) => `first-hour-${lang}-${orientation}-${name}`;
    const email = `owner-${lang}-${orientation}@first-hour.example`;
    const context = await newContext(browser, baseURL, viewport);
    await context.addInitScript((l) => localStorage.setItem('werkverbund.lang', l), lang);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);

    // Sign-up: a welcome that says this is step 1 of 5
    await page.goto('/signup');
    await page.getByLabel(w.company).fill(`Erste Stunde ${lang} ${orientation} GmbH`);
    await page.getByLabel(w.name).fill('Eva Erstmann');
    await page.getByLabel(w.email).fill(email);
    await page.getByLabel(w.password).fill(PASSWORD);
    await page.getByRole('button', { name: w.signUp }).click();
    await page.getByRole('heading', { name: w.profile, level: 1 }).waitFor();
    await page.getByTestId('profile-welcome').getByText(w.welcome).waitFor();
    await look(page, 'profile with welcome', shot('1-profile'));

    // The whole path on the home page: each step with what it gives and how long it takes
    await page.getByRole('link', { name: w.allSteps }).click();
    const path = page.getByTestId('start-path');
    await path.getByRole('heading', { name: w.pathTitle }).waitFor();
    expect(await page.getByTestId('start-path-progress').textContent()).toMatch(w.stepOf);
    expect(await path.locator('li').count()).toBe(5);
    await look(page, 'home with the start path', shot('2-start-path'));
    await path.getByRole('link', { name: w.fillProfile }).click();

    // Step 1: the profile, ending with the way to the check
    await page.getByLabel(w.employees).fill('18');
    await page.getByRole('combobox', { name: w.industry }).fill(lang === 'de' ? 'Maschinenbau' : 'machinery');
    await page.getByRole('option', { name: /^28 – / }).click();
    await page.getByRole('button', { name: w.save }).click();
    await page.getByTestId('next-step').getByRole('link', { name: w.toCheck }).click();

    // Step 2: the check (answered through the API as the same person, completed in the browser)
    await page.getByRole('heading', { name: w.checkTitle, level: 1 }).waitFor();
    await page.getByRole('button', { name: w.startCheck }).click();
    await page.getByTestId('check-progress-text').waitFor();
    const companyId = new URL(page.url()).pathname.split('/')[2]!;
    const runId = new URL(page.url()).pathname.split('/')[4]!;
    const client = new TestClient(instance);
    expect((await client.login(email, PASSWORD)).status).toBe(200);
    expect((await client.put(`/api/v1/companies/${companyId}/check/runs/${runId}/answers`, { answers: allAnswers() })).status).toBe(200);

    // the home page knows the check is under way: "continue" leads back into it
    await page.goto(`/c/${companyId}`);
    await page.getByTestId('start-step-check.answer').getByRole('link', { name: w.resume }).click();
    await page.getByRole('heading', { name: w.summary }).waitFor();
    await page.getByRole('button', { name: w.complete }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.confirm }).click();

    // Step 3: the results, ending with the way into the Roadmap; every question answered, nothing "open"
    await page.getByRole('heading', { name: w.results }).waitFor();
    expect(await page.getByTestId('benchmark-dgm.complementaryModels').getByRole('cell').first().textContent()).toBe(w.yes);
    const toRoadmap = page.getByTestId('results-next-step');
    await toRoadmap.scrollIntoViewIfNeeded();
    const last = await page.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      const sections = [...main.querySelectorAll('section, [data-testid]')].filter((e) => e.getBoundingClientRect().height > 0);
      return sections.map((e) => e.getAttribute('data-testid')).filter(Boolean).pop();
    });
    expect(last).toBe('results-next-step');
    await screenshot(page, shot('3-results'));
    await toRoadmap.getByRole('link', { name: w.toRoadmap }).click();

    // Step 4: take two suggestions into the plan
    const accept = page.getByRole('button', { name: new RegExp(`^${w.accept}: `) });
    await accept.first().waitFor();
    await look(page, 'roadmap suggestions', shot('4-suggestions'));
    await accept.first().click();
    await expect.poll(() => page.getByTestId('suggestions-next-step').count()).toBe(1);
    const before = await accept.count();
    await accept.first().click();
    await expect.poll(() => accept.count()).toBe(before - 1);
    await page.getByTestId('suggestions-next-step').getByRole('link', { name: w.toPlan }).click();

    // Step 5: place them in quarters; the plan ends with the way home
    await page.getByRole('button', { name: w.schedule }).click();
    const home = page.getByTestId('plan-next-step');
    await home.waitFor();
    await look(page, 'plan', shot('5-plan'));
    await home.getByRole('link', { name: w.toHome }).click();

    // Home: the path is done and gone; the tiles show the check's score and the plan
    await page.getByRole('heading', { name: new RegExp(`^${w.welcomeHome}Eva Erstmann`) }).waitFor();
    const checkTile = page.getByTestId('tile-check.latestCheck');
    await checkTile.getByRole('heading', { name: w.checkTile }).waitFor();
    expect(await checkTile.getByTestId('tile-headline').textContent()).toMatch(/^\d{1,3}$/);
    const planTile = page.getByTestId('tile-roadmap.plan');
    expect(await planTile.getByTestId('tile-headline').textContent()).toMatch(/^0\s?%$/);
    expect(await page.getByTestId('start-path').count()).toBe(0);
    // no internal key or raw id on the screen
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/\b[a-z]+\.(dashboard|startPath)\.[a-zA-Z.]+/);
    await look(page, 'home with tiles', shot('6-home'));

    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it.each([['de', 'portrait'], ['en', 'landscape']] as Array<[Lang, 'landscape' | 'portrait']>)('shows the demo company every module\'s tile with live figures (%s, %s)', { timeout: 180_000 }, async (lang, orientation) => {
    const { tenantId } = await ensureDemoData(instance.ctx);
    const context = await newContext(browser, baseURL, orientation === 'landscape' ? TABLET : TABLET_PORTRAIT);
    await context.addInitScript((l) => localStorage.setItem('werkverbund.lang', l), lang);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto('/signin');
    await page.getByLabel(WORDS[lang].email).fill(DEMO_EMAIL);
    await page.getByLabel(WORDS[lang].password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: lang === 'de' ? 'Anmelden' : 'Sign in', exact: true }).click();
    await page.waitForURL(new RegExp(`/c/${tenantId}`));
    await page.goto(`/c/${tenantId}`);
    // the demo account speaks German: the reader switches as anyone would
    await page.locator('label', { hasText: lang === 'de' ? /^DE$/ : /^EN$/ }).click();
    await page.getByRole('heading', { name: new RegExp(`^${WORDS[lang].welcomeHome}`) }).waitFor();
    for (const id of ['check.latestCheck', 'roadmap.plan', 'invest.decisions', 'shopfloor.month', 'shopfloor.lateOrders', 'machines.alarms', 'customers.customers']) {
      await page.getByTestId(`tile-${id}`).getByTestId('tile-headline').waitFor();
    }
    // the change against the year before carries its sign; percentages in the reader's format
    expect(await page.getByTestId('tile-check.latestCheck').innerText()).toMatch(/[+−-]\d+|±0|0/);
    expect(await page.getByTestId('tile-shopfloor.month').getByTestId('tile-headline').innerText()).toMatch(lang === 'de' ? /^(\d+,\d\s%|noch kein Wert)$/ : /^(\d+\.\d%|no value yet)$/);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/\b[a-z]+\.(dashboard|startPath)\.[a-zA-Z.]+/);
    await look(page, 'demo home', `first-hour-demo-home-${lang}-${orientation}`);
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('lets a new owner skip a step and hide the path, kept on the server', { timeout: 120_000 }, async () => {
    const w = WORDS.de;
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByLabel(w.company).fill('Später GmbH');
    await page.getByLabel(w.name).fill('Sam Später');
    await page.getByLabel(w.email).fill('sam@spaeter.example');
    await page.getByLabel(w.password).fill(PASSWORD);
    await page.getByRole('button', { name: w.signUp }).click();
    await page.getByRole('heading', { name: w.profile, level: 1 }).waitFor();
    await page.getByRole('link', { name: w.allSteps }).click();
    const path = page.getByTestId('start-path');
    await path.getByRole('button', { name: w.skip }).click();
    await page.getByTestId('start-step-platform.profile').getByText(w.skipped).waitFor();
    expect(await page.getByTestId('start-step-check.answer').getAttribute('aria-current')).toBe('step');
    await path.getByRole('button', { name: 'Startpfad ausblenden' }).click();
    await expect.poll(() => page.getByTestId('start-path').count()).toBe(0);
    await page.reload();
    await page.getByText('Den Startpfad haben Sie ausgeblendet.').waitFor();
    expect(await page.getByTestId('start-path').count()).toBe(0);
    await page.getByRole('button', { name: 'Wieder zeigen' }).click();
    await page.getByTestId('start-path').waitFor();
    await context.close();
  });
});
