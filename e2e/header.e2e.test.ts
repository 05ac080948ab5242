import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData } from '../src/kernel/demo-data.js';
import type { Instance } from '../src/kernel/instance.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing, overlappingHeaderControls } from './support/layout.js';
import { startServer } from './support/server.js';

/** The header of every company page: navigation on a portrait tablet, search and notifications, on the demo company. */
describe.runIf(browserAvailable())('header in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    await ensureDemoData(instance.ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  async function signIn(page: Page) {
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(DEMO_EMAIL);
    await page.getByRole('textbox', { name: 'Passwort' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByTestId('company-switch').waitFor();
  }

  /** Where the navigation panel is: its right edge (≤ 0 while pushed off the screen). */
  const navRight = (page: Page) => page.locator('#main-navigation').evaluate((e) => Math.round(e.getBoundingClientRect().right));
  const focusInNavigation = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('#main-navigation')));

  it('collapses the navigation behind a burger on a portrait tablet, opened and closed by keyboard', async () => {
    const page = await (await newContext(browser, baseURL, TABLET_PORTRAIT)).newPage();
    await signIn(page);
    const consoleErrors = watchConsole(page);
    const burger = page.getByRole('button', { name: 'Navigation ein- oder ausblenden' });

    // closed: the page has the whole width, and the keyboard does not wander into hidden links
    await expect.poll(() => burger.getAttribute('aria-expanded')).toBe('false');
    expect(await navRight(page)).toBeLessThanOrEqual(0);
    const main = await page.locator('main').evaluate((e) => Math.round(e.getBoundingClientRect().left));
    expect(main).toBe(0);
    await page.locator('body').focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInNavigation(page)).toBe(false);
    }
    expect(await overflowing(page)).toEqual([]);
    expect(await overlappingHeaderControls(page)).toEqual([]);
    await expectAccessible(page, 'portrait, navigation closed');
    await screenshot(page, 'header-portrait-closed');

    // opened with the keyboard: the panel shows and the focus is in it, at the current page
    await burger.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => burger.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => navRight(page)).toBeGreaterThan(700);
    await expect.poll(() => focusInNavigation(page)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page');
    await expectAccessible(page, 'portrait, navigation open');
    await screenshot(page, 'header-portrait-open');

    // Escape closes it and gives the focus back to the burger
    await page.keyboard.press('Escape');
    await expect.poll(() => burger.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('main-navigation');
    await expect.poll(() => navRight(page)).toBeLessThanOrEqual(0);

    // a page chosen in the panel opens and the panel closes
    await burger.click();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fertigung', exact: true }).click();
    await page.getByRole('heading', { name: 'Fertigungsaufträge' }).waitFor();
    await expect.poll(() => burger.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => navRight(page)).toBeLessThanOrEqual(0);
    await expect.poll(() => overflowing(page)).toEqual([]);

    // English
    await page.locator('label', { hasText: /^EN$/ }).click();
    const english = page.getByRole('button', { name: 'Show or hide navigation' });
    await english.click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Overview' }).waitFor();
    expect(await overlappingHeaderControls(page)).toEqual([]);
    await expectAccessible(page, 'portrait, navigation open, English');
    await page.keyboard.press('Escape');
    await page.locator('label', { hasText: /^DE$/ }).click();
    expect(consoleErrors).toEqual([]);
  });

  it('keeps the navigation beside the page on a landscape tablet', async () => {
    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    await signIn(page);
    await expect.poll(() => navRight(page)).toBe(260);
    expect(await page.getByRole('button', { name: 'Navigation ein- oder ausblenden' }).isVisible()).toBe(false);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fertigung', exact: true }).click();
    await page.getByRole('heading', { name: 'Fertigungsaufträge' }).waitFor();
    expect(await overlappingHeaderControls(page)).toEqual([]);
    await expectAccessible(page, 'landscape');
    await screenshot(page, 'header-landscape');
  });
});
