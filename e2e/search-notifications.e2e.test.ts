import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/kernel/db/uuid-v7.js';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData } from '../src/kernel/demo-data.js';
import type { Instance } from '../src/kernel/instance.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';
import { overflowing, overlappingHeaderControls } from './support/layout.js';
import { startServer } from './support/server.js';

const TEXTS = {
  de: {
    search: /^Suchen/, searchField: 'Suchen nach Auftrag, Teil, Maschine, Maßnahme, Kunde oder Person', orders: 'Fertigungsaufträge', measures: 'Maßnahmen',
    order: (n: string) => `Auftrag ${n}`, bell: /^Benachrichtigungen/, notifications: 'Benachrichtigungen', alarm: 'Alarm', active: 'Temperatur zu hoch · aktiv',
  },
  en: {
    search: /^Search/, searchField: 'Search for an order, part, machine, measure, customer or person', orders: 'Production orders', measures: 'Measures',
    order: (n: string) => `Order ${n}`, bell: /^Notifications/, notifications: 'Notifications', alarm: 'Alarm', active: 'Temperatur zu hoch · active',
  },
} as const;

/** The header's global search (Ctrl+K) and notification centre on the demo company, in German and English, landscape and portrait. */
describe.runIf(browserAvailable())('global search and notifications in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let orderNumber: string;
  let measure: { id: string; de: string; en: string };
  let machine: { id: string; name: string };

  beforeAll(async () => {
    ({ instance, baseURL } = await startServer());
    const { tenantId } = await ensureDemoData(instance.ctx);
    const db = instance.ctx.db;
    const orders = await db.selectFrom('shopfloor_orders').select('number').where('tenant_id', '=', tenantId!).orderBy('number').execute();
    orderNumber = orders[Math.min(41, orders.length - 1)].number;
    // an open alarm on a demo machine (the demo's own alarm is history): raised by its first data point
    const point = await db.selectFrom('machine_points as p').innerJoin('machines as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.machine_id'))
      .select(['p.machine_id', 'p.name', 'p.label', 'm.name as machine_name']).where('p.tenant_id', '=', tenantId!).orderBy('m.name').executeTakeFirstOrThrow();
    machine = { id: point.machine_id, name: point.machine_name };
    await db.insertInto('machine_alarms').values({
      tenant_id: tenantId!, id: uuidv7(), machine_id: point.machine_id, rule_id: uuidv7(), rule_name: 'Temperatur zu hoch', point: point.name,
      status: 'active', severity: 'critical', raised_at: new Date(Date.now() - 20 * 60_000), raised_value: 93.5,
    }).execute();
    browser = await launchBrowser();
    // a measure of the demo plan, by its title in both languages
    const page = await (await newContext(browser, baseURL)).newPage();
    await signIn(page);
    const plan = await page.evaluate(async (id) => (await fetch(`/api/v1/companies/${id}/roadmap/plan`)).json(), tenantId);
    const item = plan.items.find((i: { status: string }) => i.status !== 'dropped');
    measure = { id: item.id, de: item.title.de, en: item.title.en };
    await page.context().close();
  }, 300_000);
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

  /** A word of the measure's title that is long enough to be telling. */
  const wordOf = (title: string) => title.split(/[\s,–-]+/).sort((a, b) => b.length - a.length)[0].slice(0, 8);

  for (const lang of ['de', 'en'] as const) {
    for (const [size, viewport] of [['landscape', TABLET], ['portrait', TABLET_PORTRAIT]] as const) {
      it(`finds an order and a measure with Ctrl+K and follows an alarm from the bell (${lang}, ${size})`, async () => {
        const text = TEXTS[lang];
        const page = await (await newContext(browser, baseURL, viewport)).newPage();
        await signIn(page);
        const consoleErrors = watchConsole(page);
        if (lang === 'en') {
          await page.locator('label', { hasText: /^EN$/ }).click();
          await page.getByRole('button', { name: text.search }).waitFor();
        }
        expect(await overlappingHeaderControls(page)).toEqual([]);
        expect(await overflowing(page)).toEqual([]);
        await expectAccessible(page, `home with an open alarm (${lang}, ${size})`);

        // an order by part of its number, chosen with the keyboard
        await page.keyboard.press('Control+k');
        const field = page.getByRole('textbox', { name: text.searchField });
        await field.waitFor();
        const part = orderNumber.slice(-4);
        await field.fill(part);
        const orderHit = page.getByTestId('search-hit').filter({ hasText: orderNumber });
        await orderHit.first().waitFor();
        await expect.poll(() => page.getByText(text.orders, { exact: true }).isVisible()).toBe(true);
        await expectAccessible(page, `search results (${lang}, ${size})`);
        await screenshot(page, `search-order-${lang}-${size}`);
        await field.press('ArrowDown');
        await field.press('Enter');
        await page.getByRole('heading', { name: text.order(orderNumber) }).waitFor();
        expect(page.url()).toMatch(/\/shopfloor\/orders\/[0-9a-f-]{36}$/);
        expect(await overflowing(page)).toEqual([]);

        // a measure by a word of its title, opened with the mouse
        await page.getByRole('button', { name: text.search }).click();
        await field.fill(wordOf(measure[lang]));
        const measureHit = page.getByTestId('search-hit').filter({ hasText: measure[lang] });
        await measureHit.first().waitFor();
        await expect.poll(() => page.getByText(text.measures, { exact: true }).isVisible()).toBe(true);
        await screenshot(page, `search-measure-${lang}-${size}`);
        await measureHit.first().click();
        // the plan's link forwards to the measure's own page, with its history
        await page.getByRole('heading', { name: measure[lang], level: 1 }).waitFor();
        expect(page.url()).toMatch(/\/roadmap\/plan\/[0-9a-f-]{36}$/);
        await page.getByTestId('record-history').waitFor();
        expect(await overflowing(page)).toEqual([]);
        await screenshot(page, `search-measure-opened-${lang}-${size}`);
        await expectAccessible(page, `measure opened from the search (${lang}, ${size})`);

        // the bell: the open alarm, followed to its machine
        const bell = page.getByRole('button', { name: text.bell });
        await bell.click();
        const centre = page.getByRole('dialog', { name: text.notifications });
        await centre.waitFor();
        const alarm = centre.getByTestId('notification').filter({ hasText: text.alarm }).filter({ hasText: machine.name });
        await alarm.waitFor();
        expect(await alarm.textContent()).toContain(text.active);
        expect(await alarm.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
        await expectAccessible(page, `notification centre (${lang}, ${size})`);
        await screenshot(page, `notifications-${lang}-${size}`);
        await alarm.getByRole('link', { name: machine.name }).click();
        await page.getByRole('heading', { name: machine.name, level: 1 }).waitFor();
        expect(page.url()).toContain(`/machines/${machine.id}`);
        await expect.poll(() => page.getByRole('dialog', { name: text.notifications }).isVisible()).toBe(false);
        expect(await overlappingHeaderControls(page)).toEqual([]);
        expect(await overflowing(page)).toEqual([]);

        if (lang === 'en') await page.locator('label', { hasText: /^DE$/ }).click();
        expect(consoleErrors).toEqual([]);
        await page.context().close();
      }, 120_000);
    }
  }
});
