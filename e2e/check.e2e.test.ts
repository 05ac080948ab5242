import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import type { Item, Questionnaire } from '../src/modules/check/domain/questionnaire-schema.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';
import { startServer } from './support/server.js';

const PASSWORD = 'Drehbank und Fräse 2026';
const questionnaire = JSON.parse(readFileSync(new URL('../src/modules/check/questionnaire/2026.1.json', import.meta.url), 'utf8')) as Questionnaire;

type Planned = boolean | number | string;

/**
 * The newcomer's answers. Everything not listed: yes for yes/no questions, the middle step of a
 * scale, the first option of a choice. A few answers are "don't know" and "not applicable".
 */
const PLAN: Record<string, Planned> = {
  'scr.machines': true,
  'scr.cooperation': false,
  'dgm.tech.internet': true,
  'dgm.tech.mobileDevices': true,
  'dgm.tech.webPlatforms': false,
  'dgm.tech.conditionMonitoring': true,
  'dgm.tech.connectedMachines': false,
  'dgm.tech.m2m': false,
  'dgm.tech.cloud': false,
  'dgm.tech.apps': false,
  'dgm.tech.analytics': false,
  'dgm.tech.vrAr': false,
  'isi.competition.primary': 'quality',
  'isi.competition.secondary': 'services',
  'dgm.mainModel.revenueShare': '75-100',
  'dgm.mainModel.status': 'proven',
  'dgm.threat': 'future',
  'dgm.complementaryModels': 2,
  'isi.serviceRevenueShare': 12,
  'isi.serviceModel.rental': false,
  'isi.serviceModel.fullService': false,
  'isi.serviceModel.operator': false,
  'isi.serviceModel.availabilityGuarantee': false,
  'isi.serviceModel.performancePricing': false,
  'isi.serviceTech.internet': true,
  'isi.serviceTech.mobileDevices': false,
  'isi.serviceTech.teleservice': false,
  'isi.serviceTech.vrAr': 'na',
  'isi.service.software': 'unknown',
};

function planned(item: Item): Planned {
  if (item.id in PLAN) return PLAN[item.id]!;
  switch (item.type) {
    case 'boolean': return true;
    case 'scale': return 2;
    case 'choice': return item.options[0]!.value;
    default: return item.min;
  }
}

/** The study's definitions (PRODUCT.md), applied to the planned answers; "na" counts as no. */
function expectedClassifications(answers: Record<string, Planned>) {
  const yes = (id: string) => answers[id] === true;
  const tech = ['internet', 'mobileDevices', 'teleservice', 'vrAr'].some((k) => yes(`isi.serviceTech.${k}`));
  const model = ['rental', 'fullService', 'operator', 'availabilityGuarantee', 'performancePricing'].some((k) => yes(`isi.serviceModel.${k}`));
  const stage = tech && model ? 3 : tech || model ? 2 : 1;
  const basic = ['internet', 'mobileDevices', 'webPlatforms'].filter((k) => yes(`dgm.tech.${k}`)).length;
  const further = ['conditionMonitoring', 'connectedMachines', 'm2m', 'cloud', 'apps', 'analytics', 'vrAr'].filter((k) => yes(`dgm.tech.${k}`)).length;
  const degree = basic + further <= 1 || further === 0 ? 'niedrig' : basic >= 2 && further >= 2 ? 'hoch' : 'mittel';
  return { stage, degree };
}

const STAGE_NAMES: Record<number, string> = {
  1: 'Fokussierter Produkthersteller',
  2: 'Fortgeschrittener Produkt-Dienstleistungs-Anbieter',
  3: 'Anbieter digitaler Geschäftsmodelle',
};

/** Elements sticking out to the right of the screen, for a readable failure. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 40)}" right=${Math.round(e.getBoundingClientRect().right)}`);
  });
}

describe.runIf(browserAvailable())('Digital-Check in Chromium', () => {
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

  async function answer(page: Page, item: Item, value: Planned, useKeyboard: boolean) {
    const card = page.getByTestId(`item-${item.id}`);
    const saved = () => card.getByTestId('save-state').textContent();
    if (typeof value === 'number' && (item.type === 'number' || item.type === 'integer')) {
      await card.getByRole('textbox').fill(String(value));
      await card.getByRole('textbox').press('Tab');
    } else if (useKeyboard && item.type === 'scale' && typeof value === 'number') {
      // Arrow keys move along the radio group and choose as they go.
      await card.getByRole('radio').first().focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < value; i++) await page.keyboard.press('ArrowDown');
    } else {
      const label = value === 'na' ? 'Trifft nicht zu'
        : value === 'unknown' ? 'Weiß nicht'
          : typeof value === 'boolean' ? (value ? 'Ja' : 'Nein')
            : item.type === 'scale' ? item.steps[value as number]!.de
              : item.type === 'choice' ? item.options.find((o) => o.value === value)!.label.de
                : String(value);
      await card.getByRole('radio', { name: label, exact: true }).check();
    }
    await expect.poll(saved).toBe('Gespeichert');
  }

  it('a newcomer completes a whole check and reads the results', { timeout: 240_000 }, async () => {
    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    const consoleErrors = watchConsole(page);

    await page.goto('/signup');
    await page.getByLabel('Name des Unternehmens').fill('Keller Maschinenbau GmbH');
    await page.getByLabel('Ihr Name').fill('Jonas Keller');
    await page.getByLabel('E-Mail-Adresse').fill('jonas@keller.example');
    await page.getByLabel(/^Passwort/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Registrieren' }).click();
    await page.getByRole('heading', { name: 'Unternehmensprofil' }).waitFor();

    // A profile, so that the study's figures for size class and industry apply
    await page.getByLabel('Beschäftigte').fill('42');
    await page.getByRole('combobox', { name: 'Branche (WZ 2008, Abteilung)' }).fill('Maschinenbau');
    await page.getByRole('option', { name: /^28 – / }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('Gespeichert').count()).toBeGreaterThan(0);

    // The module is on by default; if not, switch it on
    if ((await page.getByTestId('nav-check').count()) === 0) {
      await page.getByRole('link', { name: 'Module' }).click();
      await page.getByTestId('module-check').getByRole('switch').check();
    }
    await page.getByTestId('nav-check').click();
    await page.getByRole('heading', { name: 'Digital-Check', level: 1 }).waitFor();
    await page.getByText(/^Etwa 20 Minuten/).waitFor();
    await expectAccessible(page, 'check home');
    await screenshot(page, 'check-home');

    await page.getByRole('button', { name: 'Check starten' }).click();
    await page.getByTestId('check-progress-text').waitFor();
    await expectAccessible(page, 'check wizard');
    await screenshot(page, 'check-wizard');

    const byId = new Map(questionnaire.items.map((i) => [i.id, i]));
    const given: Record<string, Planned> = {};
    let keyboardScales = 2;
    for (let step = 0; step < questionnaire.sections.length; step++) {
      const ids = await page.locator('[data-testid^="item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('item-'.length)));
      for (const id of ids) {
        const item = byId.get(id)!;
        const value = planned(item);
        const keyboard = item.type === 'scale' && keyboardScales > 0;
        if (keyboard) keyboardScales--;
        await answer(page, item, value, keyboard);
        given[id] = value;
      }
      if (step === 1) await screenshot(page, 'check-wizard-answered');
      const next = page.getByRole('button', { name: /^(Weiter|Weiter zur Zusammenfassung)$/ });
      const toSummary = (await next.textContent()) === 'Weiter zur Zusammenfassung';
      await next.click();
      if (toSummary) break;
      await expect.poll(() => page.locator(':focus').getAttribute('tabindex')).toBe('-1');
    }

    // Hidden sections (no production cooperation, no cloud) were skipped; everything visible is answered
    expect(given['cooperation.capacitySharing']).toBeUndefined();
    expect(given['cooperation.cloudExit']).toBeUndefined();
    await page.getByRole('heading', { name: 'Zusammenfassung' }).waitFor();
    await expect.poll(() => page.getByRole('progressbar', { name: 'Fortschritt' }).getAttribute('aria-valuenow')).toBe('100');
    const count = Object.keys(given).length;
    await page.getByText(`${count} von ${count} Fragen beantwortet (100 %)`).first().waitFor();
    await screenshot(page, 'check-summary');

    await page.getByRole('button', { name: 'Check abschließen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, abschließen' }).click();
    await page.getByRole('heading', { name: 'Ergebnis des Digital-Checks' }).waitFor();

    // Results: radar, classifications as defined by the study, benchmarks with source
    const chart = page.getByTestId('radar-chart');
    await expect.poll(() => chart.locator('svg, canvas').count()).toBeGreaterThan(0);
    const { stage, degree } = expectedClassifications(given);
    expect(await page.getByTestId('class-stage').textContent()).toContain(`Stufe ${stage}: ${STAGE_NAMES[stage]}`);
    expect(await page.getByTestId('class-degree').textContent()).toContain(degree);
    expect(await page.getByTestId('class-services').textContent()).toContain('Ja');
    expect(await page.getByTestId('class-dependency').textContent()).toContain('hoch');
    expect(await page.getByTestId('benchmark-serviceStage').textContent()).toContain('Fraunhofer ISI');
    // every question answered: nothing says answers are missing; "don't know" and "not applicable" say so
    expect(await page.getByTestId('benchmarks').textContent()).not.toContain('dafür fehlen Antworten');
    expect(await page.getByTestId('benchmark-isi.service.software').getByRole('cell').first().textContent()).toBe('Kein Vergleich – beantwortet mit „Weiß nicht“.');
    expect(await page.getByTestId('benchmark-isi.serviceTech.vrAr').getByRole('cell').first().textContent()).toBe('Kein Vergleich – beantwortet mit „Trifft nicht zu“.');
    expect(await page.getByTestId('benchmark-dgm.complementaryModels').getByRole('cell').first().textContent()).toBe('Ja');
    expect(await page.getByTestId('benchmark-digitalBusinessModelProvider').textContent()).toMatch(/Maschinenbau/);
    await page.getByTestId('dimension-strategy').getByRole('button', { name: 'Was hat den Wert bewegt?' }).click();
    await page.getByTestId('dimension-strategy').getByRole('cell', { name: byId.get('strategy.goal')!.text.de }).waitFor();
    await expectAccessible(page, 'check results');
    await screenshot(page, 'check-results');

    // The same page on a tablet held upright: nothing wider than the screen
    await page.setViewportSize(TABLET_PORTRAIT);
    await chart.locator('svg, canvas').first().waitFor();
    await expect.poll(() => overflowing(page)).toEqual([]);
    await screenshot(page, 'check-results-portrait');

    // English once
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Result of the Digital-Check' }).waitFor();
    await page.getByRole('heading', { name: 'Classification by the study' }).waitFor();
    await screenshot(page, 'check-results-en');
    await page.locator('label', { hasText: /^DE$/ }).click();
    await page.getByRole('heading', { name: 'Ergebnis des Digital-Checks' }).waitFor();

    // Back home: the completed check is listed with a link to its results
    await page.getByRole('link', { name: 'Zur Übersicht' }).click();
    await page.getByTestId('completed-checks').getByRole('link', { name: /Ergebnis vom .* ansehen/ }).waitFor();
    await page.getByTestId('check-home-next-step').getByRole('link', { name: 'Zu den Roadmap-Vorschlägen' }).waitFor();
    await expect.poll(() => overflowing(page)).toEqual([]);
    await expectAccessible(page, 'check home with a finished check');
    await screenshot(page, 'check-home-portrait');

    // The 401 is the sign-up page asking who is signed in; anything else (CSP, script errors) fails
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
