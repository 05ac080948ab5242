import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData } from '../src/kernel/demo-data.js';
import type { Instance } from '../src/kernel/instance.js';
import { TABLET, browserAvailable, launchBrowser, newContext } from './support/browser.js';
import { internalNames } from './support/plain-words.js';
import { startServer } from './support/server.js';

/** Pages of one kind are alike: two of each (e.g. two orders) are enough to see how that kind speaks. */
const kindOf = (path: string) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id').replace(/\?.*$/, '');
const PER_KIND = 2;
const MAX_PAGES = 90;

/** Every page of the demo company that links reach from the home page, in German and in English: no raw id, no internal key. */
describe.runIf(browserAvailable())('plain words on every page of the demo', () => {
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

  /** Waits until the page has stopped loading data: no request open and no loader shown. */
  const settled = async (page: Page) => {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('[role="progressbar"], .mantine-Loader-root'), undefined, { timeout: 15_000 }).catch(() => undefined);
  };

  it.each(['de', 'en'] as const)('shows no internal key or raw id on any page (%s)', { timeout: 600_000 }, async (lang) => {
    const context = await newContext(browser, baseURL, TABLET);
    await context.addInitScript((l) => localStorage.setItem('werkverbund.lang', l), lang);
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel(lang === 'de' ? 'E-Mail-Adresse' : 'E-mail address').fill(DEMO_EMAIL);
    await page.getByRole('textbox', { name: lang === 'de' ? 'Passwort' : 'Password' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: lang === 'de' ? 'Anmelden' : 'Sign in', exact: true }).click();
    await page.waitForURL(new RegExp(`/c/${tenantId}`));
    await page.goto(`/c/${tenantId}`);
    await page.locator('label', { hasText: lang === 'de' ? /^DE$/ : /^EN$/ }).click();

    const start = `/c/${tenantId}`;
    const queue = [start];
    const seen = new Set<string>();
    const perKind = new Map<string, number>();
    const findings: string[] = [];
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      const kind = kindOf(path);
      if ((perKind.get(kind) ?? 0) >= PER_KIND) continue;
      seen.add(path);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      await page.goto(path);
      await settled(page);
      // code marks text for machines (a data point's key, a command to copy): left out
      const text = await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement;
        body.querySelectorAll('code, pre, kbd, samp').forEach((el) => el.remove());
        document.body.append(body);
        body.style.position = 'absolute';
        const shown = body.innerText;
        body.remove();
        return shown;
      });
      for (const name of new Set(internalNames(text))) findings.push(`${kind}: ${name}`);
      const links = await page.locator(`a[href^="/c/${tenantId}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of links) {
        if (/\.(pdf|csv|xlsx|ics)\b|\/api\//.test(href) || href.includes('/terminal')) continue;
        if (!seen.has(href)) queue.push(href);
      }
    }
    // the crawl reached every module's pages
    const kinds = [...perKind.keys()];
    for (const area of ['/check', '/roadmap', '/invest', '/shopfloor', '/machines', '/customers', '/members', '/audit']) {
      expect(kinds.some((k) => k.includes(area)), `no page under ${area} reached: ${kinds.join(', ')}`).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(25);
    expect(findings).toEqual([]);
    await context.close();
  });
});
