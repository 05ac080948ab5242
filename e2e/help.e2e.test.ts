import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData } from '../src/kernel/demo-data.js';
import type { Instance } from '../src/kernel/instance.js';
import checkDe from '../src/modules/check/i18n/de.json';
import checkEn from '../src/modules/check/i18n/en.json';
import machinesDe from '../src/modules/machines/i18n/de.json';
import machinesEn from '../src/modules/machines/i18n/en.json';
import roadmapDe from '../src/modules/roadmap/i18n/de.json';
import roadmapEn from '../src/modules/roadmap/i18n/en.json';
import shopfloorDe from '../src/modules/shopfloor/i18n/de.json';
import shopfloorEn from '../src/modules/shopfloor/i18n/en.json';
import kernelDe from '../src/web/i18n/de.json';
import kernelEn from '../src/web/i18n/en.json';
import { webModules } from '../src/web/web-modules.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing } from './support/layout.js';
import { startServer } from './support/server.js';

type Lang = 'de' | 'en';

/** A handful of pages of the demo company, with the page heading and the help text the drawer must show. */
const PAGES: Array<{ id: string; path: string; heading: Record<Lang, RegExp>; help: Record<Lang, string> }> = [
  { id: 'overview', path: '', heading: { de: /^Willkommen, /, en: /^Welcome, / }, help: { de: kernelDe.help.overview, en: kernelEn.help.overview } },
  { id: 'check', path: '/check', heading: { de: /^Digital-Check$/, en: /^Digital-Check$/ }, help: { de: checkDe.help.home, en: checkEn.help.home } },
  { id: 'matrix', path: '/roadmap/matrix', heading: { de: /^Roadmap$/, en: /^Roadmap$/ }, help: { de: roadmapDe.help.matrix, en: roadmapEn.help.matrix } },
  { id: 'controlling', path: '/shopfloor/controlling', heading: { de: /^Controlling$/, en: /^Controlling$/ }, help: { de: shopfloorDe.shopfloor.help.controlling, en: shopfloorEn.shopfloor.help.controlling } },
  { id: 'machines', path: '/machines', heading: { de: /^Maschinendaten$/, en: /^Machine data$/ }, help: { de: machinesDe.machines.help.list, en: machinesEn.machines.help.list } },
  { id: 'profile', path: '/profile', heading: { de: /^Unternehmensprofil$/, en: /^Company profile$/ }, help: { de: kernelDe.help.profile, en: kernelEn.help.profile } },
];

const WORDS = {
  de: { email: 'E-Mail-Adresse', password: /^Passwort/, signIn: 'Anmelden', open: 'Hilfe zu dieser Seite', title: 'Hilfe: ', close: 'Hilfe schließen' },
  en: { email: 'E-mail address', password: /^Password/, signIn: 'Sign in', open: 'Help on this page', title: 'Help: ', close: 'Close the help' },
} as const;

/** The help drawer of the current page, opened by its button. */
async function openHelp(page: Page, lang: Lang) {
  const button = page.getByRole('main').getByRole('button', { name: WORDS[lang].open, exact: true });
  await button.click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${WORDS[lang].title}`) });
  await dialog.waitFor();
  return { button, dialog };
}

describe.runIf(browserAvailable())('help on every page in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let tenantId: string;

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    tenantId = (await ensureDemoData(instance.ctx)).tenantId!;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  async function signedIn(lang: Lang, viewport: { width: number; height: number }) {
    const context = await newContext(browser, baseURL, viewport);
    await context.addInitScript((l) => localStorage.setItem('werkverbund.lang', l), lang);
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel(WORDS[lang].email).fill(DEMO_EMAIL);
    await page.getByLabel(WORDS[lang].password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).click();
    await page.waitForURL(new RegExp(`/c/${tenantId}`));
    await page.goto(`/c/${tenantId}`);
    // the demo account speaks German: the reader switches as anyone would
    await page.locator('label', { hasText: lang === 'de' ? /^DE$/ : /^EN$/ }).click();
    return { context, page };
  }

  const runs: Array<[Lang, 'landscape' | 'portrait']> = [['de', 'landscape'], ['en', 'portrait'], ['en', 'landscape'], ['de', 'portrait']];

  it.each(runs)('opens the explanation of a page, closes it with Escape and gives the focus back (%s, %s)', { timeout: 240_000 }, async (lang, orientation) => {
    const { context, page } = await signedIn(lang, orientation === 'landscape' ? TABLET : TABLET_PORTRAIT);
    const consoleErrors = watchConsole(page);
    for (const p of PAGES) {
      await page.goto(`/c/${tenantId}${p.path}`);
      await page.getByRole('heading', { level: 1, name: p.heading[lang] }).waitFor();
      if (p.id === 'overview') {
        expect(await overflowing(page), 'the help button keeps the header inside the screen').toEqual([]);
        await screenshot(page, `help-${lang}-${orientation}-header`);
      }
      const { button, dialog } = await openHelp(page, lang);
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      // the drawer names the page, not its greeting
      if (p.id === 'overview') expect(await dialog.getAttribute('aria-labelledby').then((id) => page.locator(`[id="${id}"]`).innerText())).toBe(`${WORDS[lang].title}${lang === 'de' ? 'Übersicht' : 'Overview'}`);
      // every paragraph of the explanation, in the reader's language
      const shown = (await dialog.innerText()).replace(/\s+/g, ' ');
      for (const paragraph of p.help[lang].split(/\n\s*\n/)) expect(shown).toContain(paragraph.replace(/\s+/g, ' ').trim());
      // the focus is inside the drawer while it is open
      await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
      await expectAccessible(page, `${p.id} with help open (${lang}, ${orientation})`);
      // the drawer fits the screen (the page behind it is the page's own business)
      const box = (await dialog.boundingBox())!;
      expect(box.x, `${p.id}: drawer inside the screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${p.id}: drawer inside the screen`).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
      await page.screenshot({ path: `.tmp/screenshots/help-${lang}-${orientation}-${p.id}.png` });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('page-help');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
    }
    // the close button works as well, and the keyboard alone opens the help
    const button = page.getByRole('main').getByRole('button', { name: WORDS[lang].open, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: WORDS[lang].close }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('page-help');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('offers help on every page of the demo that needs no id, in German and English', { timeout: 300_000 }, async () => {
    const kernelPaths = ['', '/profile', '/members', '/modules', '/audit', '/export', '/health', '/webhooks', '/account'];
    const modulePaths = webModules.flatMap((m) => m.routes.map((r) => r.path ?? '')).filter((p) => !p.includes(':')).map((p) => `/${p}`);
    expect(modulePaths.length).toBeGreaterThanOrEqual(15);
    for (const lang of ['de', 'en'] as const) {
      const { context, page } = await signedIn(lang, TABLET);
      const consoleErrors = watchConsole(page);
      for (const path of [...kernelPaths, ...modulePaths]) {
        await page.goto(`/c/${tenantId}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        const { dialog } = await openHelp(page, lang);
        const text = await dialog.innerText();
        expect(text.length, `${lang} ${path}: help text`).toBeGreaterThan(200);
        // no translation key shown instead of a text
        expect(text, `${lang} ${path}`).not.toMatch(/\b[a-z]+\.help\.[a-zA-Z]+/);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      }
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });
});
