import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
export const chromiumPath = CANDIDATES.find((p) => existsSync(p));

/**
 * Browser tests run when Chromium is installed. CI sets WERKVERBUND_REQUIRE_BROWSER=1 so that a
 * missing browser fails the run instead of skipping it.
 */
export function browserAvailable(): boolean {
  if (chromiumPath) return true;
  if (process.env.WERKVERBUND_REQUIRE_BROWSER === '1') {
    throw new Error('Chromium is required (WERKVERBUND_REQUIRE_BROWSER=1) but was not found; install the Debian package "chromium" or set CHROMIUM_PATH.');
  }
  console.warn('Browser tests skipped: Chromium not found (install the Debian package "chromium" or set CHROMIUM_PATH).');
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const TABLET = { width: 1280, height: 800 };
export const TABLET_PORTRAIT = { width: 800, height: 1280 };
export const DESKTOP = { width: 1440, height: 900 };

export async function newContext(browser: Browser, baseURL: string, viewport = TABLET): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'de-DE', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Fails on serious or critical axe findings (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, label: string) {
  // a dialog fading in or out makes everything look pale to the contrast check: let transitions end.
  // A transition may only start a frame or two after the click, so quiet must hold for a few frames.
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const finite = () => document.getAnimations().filter((a) => a.playState !== 'finished' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    const deadline = performance.now() + 5_000;
    let quietFrames = 0;
    while (quietFrames < 4 && performance.now() < deadline) {
      const running = finite();
      if (running.length === 0) quietFrames += 1;
      else {
        quietFrames = 0;
        await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      }
      await frame();
    }
  });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `accessibility findings on ${label}`).toEqual([]);
}

/** Saves a screenshot under .tmp/screenshots for people to look at. */
export async function screenshot(page: Page, name: string) {
  const dir = path.resolve('.tmp/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Collects browser console errors (including CSP violations) so a test can assert there are none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
