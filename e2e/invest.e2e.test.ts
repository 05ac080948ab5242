import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startServer } from './support/server.js';
import { TABLET, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Drehbank und Fräse 2026';
const euro = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(Math.round(cents) / 100);
const npvOf = (rate: number, flows: number[]) => flows.reduce((sum, f, t) => sum + f / (1 + rate) ** t, 0);
const norm = (s: string | null) => (s ?? '').replace(/\s/g, ' ').trim();

// Inputs typed below, worked out by hand in cents (4 years, 10 %):
// expected: −10 000 € + 20 % subsidy, then 4 000 € savings − 1 000 € running costs, 500 € residual value.
const EXPECTED = [-800_000, 300_000, 300_000, 300_000, 350_000];
// worst: investment +20 % (12 000 € less 20 %), savings −30 % (2 800 €).
const WORST = [-960_000, 180_000, 180_000, 180_000, 230_000];
const BEST = [-700_000, 400_000, 400_000, 400_000, 450_000];
const cumulative = (flows: number[]) => flows.map((_, t) => flows.slice(0, t + 1).reduce((a, b) => a + b, 0));
const SCORES = { risk: 4, timeToEffect: 5, brandImage: 3, staffSatisfaction: 4, strategicFit: 3, supplierDependency: 3 };
const WEIGHTS = { risk: 0.25, timeToEffect: 0.15, brandImage: 0.1, staffSatisfaction: 0.15, strategicFit: 0.25, supplierDependency: 0.1 };

describe.runIf(browserAvailable())('investment evaluation in Chromium', () => {
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

  async function signUp(page: Page) {
    await page.goto('/signup');
    await page.getByLabel('Name des Unternehmens').fill('Schmidt Präzisionsteile GmbH');
    await page.getByLabel('Ihr Name').fill('Sabine Schmidt');
    await page.getByLabel('E-Mail-Adresse').fill('sabine@invest.example');
    await page.getByLabel(/^Passwort/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Registrieren' }).click();
    await page.getByRole('heading', { name: 'Unternehmensprofil' }).waitFor();
    return new URL(page.url()).pathname.split('/')[2];
  }

  async function create(page: Page, companyId: string, title: string) {
    await page.goto(`/c/${companyId}/invest`);
    await page.getByLabel('Titel der neuen Bewertung').fill(title);
    await page.getByRole('button', { name: 'Bewertung anlegen' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  }

  it('evaluates a measure with three scenarios, shows figures, chart and utility, and compares alternatives', async () => {
    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    const consoleErrors = watchConsole(page);
    const companyId = await signUp(page);

    await page.goto(`/c/${companyId}/invest`);
    await page.getByRole('heading', { name: 'Investitionsbewertung' }).waitFor();
    await expectAccessible(page, 'invest list (empty)');
    await create(page, companyId, 'Tablets in der Fertigung');

    await page.getByLabel('Planungszeitraum (Jahre)').fill('4');
    await page.getByLabel('Kalkulationszinssatz').fill('10');
    await page.getByLabel('Investition', { exact: true }).fill('10000');
    await page.locator('label', { hasText: /^Anteil$/ }).click();
    await page.getByLabel('Förderquote (%)').fill('20');
    await page.getByLabel('Laufende Kosten pro Jahr').fill('1000');
    await page.getByLabel('Einsparungen pro Jahr').fill('4000');
    await page.getByLabel('Restwert', { exact: true }).fill('500');
    await expect.poll(async () => norm(await page.getByLabel('Investition', { exact: true }).inputValue())).toBe('10.000 €');

    await page.getByLabel('Ungünstiger Fall: Investition (%)').fill('20');
    await page.getByLabel('Ungünstiger Fall: Laufende Kosten (%)').fill('0');
    await page.getByLabel('Ungünstiger Fall: Einsparungen (%)').fill('-30');
    const best = page.getByTestId('scenario-best');
    await best.locator('label', { hasText: 'Eigene Zahlungen' }).click();
    for (const [year, cents] of BEST.entries()) await page.getByLabel(`Günstiger Fall: Jahr ${year} (€)`).fill(String(cents / 100));

    for (const [id, score] of Object.entries(SCORES)) {
      await page.locator(`[data-criterion="${id}"]`).locator('label', { hasText: new RegExp(`^${score}$`) }).click();
    }
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert').waitFor();

    // Figures: NPV per scenario, payback, and the decision sheet with the utility score
    const figure = (id: string, scenario: string) => page.locator(`[data-figure="${id}"] [data-scenario="${scenario}"]`);
    for (const [scenario, flows] of [['worst', WORST], ['expected', EXPECTED], ['best', BEST]] as const) {
      await expect.poll(async () => norm(await figure('npv', scenario).textContent()), { message: scenario }).toBe(norm(euro(npvOf(0.1, flows))));
    }
    expect(norm(await figure('paybackYears', 'expected').textContent())).toBe('2,7 Jahre');
    expect(norm(await figure('paybackYears', 'worst').textContent())).toBe('nicht erreicht');
    expect(norm(await figure('paybackYears', 'best').textContent())).toBe('1,8 Jahre');
    expect(norm(await figure('roi', 'expected').textContent())).toBe('56,3 %');
    const utility = Object.entries(SCORES).reduce((s, [id, score]) => s + WEIGHTS[id as keyof typeof WEIGHTS] * score, 0) / 5 * 100;
    expect(norm(await page.getByTestId('decision-utility').textContent())).toBe(`${Math.round(utility)} / 100`);
    expect(norm(await page.getByTestId('decision-npv').textContent())).toBe(norm(euro(npvOf(0.1, EXPECTED))));

    // Chart: three lines in the SVG, and the same values in the accessible table
    const chart = page.getByTestId('cumulative-chart');
    await expect.poll(() => chart.locator('svg path[fill="none"]').count()).toBeGreaterThanOrEqual(3);
    for (const label of ['Ungünstiger Fall', 'Erwarteter Fall', 'Günstiger Fall']) expect(await chart.locator('svg text', { hasText: label }).count()).toBeGreaterThan(0);
    const rows = page.getByTestId('cumulative-table').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const lastRow = (await rows.nth(4).locator('td').allTextContents()).map(norm);
    expect(lastRow).toEqual([WORST, EXPECTED, BEST].map((f) => norm(euro(cumulative(f)[4]))));
    // the save shows in the evaluation's history, as a sentence with who made it
    const history = page.getByTestId('record-history');
    await history.getByText('Investitionsrechnung „Tablets in der Fertigung“ geändert.').waitFor();
    expect(await history.locator('[data-history-entry]').first().textContent()).toContain('Sabine Schmidt');
    expect(await history.locator('[data-history-entry]').count()).toBe(2);
    await expectAccessible(page, 'invest editor');
    await screenshot(page, 'invest-editor');

    // Stored: a reload shows the same
    await page.reload();
    await expect.poll(async () => norm(await figure('npv', 'best').textContent())).toBe(norm(euro(npvOf(0.1, BEST))));
    expect(norm(await page.getByLabel('Förderquote (%)').inputValue())).toBe('20 %');

    // A second alternative, then the comparison
    await create(page, companyId, 'Maschinendaten erfassen');
    await page.getByLabel('Investition', { exact: true }).fill('45000');
    await page.getByLabel('Einsparungen pro Jahr').fill('11500');
    for (const id of Object.keys(SCORES)) await page.locator(`[data-criterion="${id}"]`).locator('label', { hasText: /^2$/ }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert').waitFor();

    await page.goto(`/c/${companyId}/invest`);
    await page.getByLabel('Tablets in der Fertigung für den Vergleich auswählen').check();
    await page.getByLabel('Maschinendaten erfassen für den Vergleich auswählen').check();
    const evaluations = page.getByTestId('evaluation-list').locator('tbody tr');
    expect(await evaluations.count()).toBe(2);
    const search = page.getByRole('search').getByRole('searchbox', { name: 'Suchen' });
    await search.fill('TABLETS fertigung');
    await expect.poll(() => evaluations.count()).toBe(1);
    await search.fill('Roboterzelle');
    await page.getByTestId('list-no-match').getByText('Nichts passt zu „Roboterzelle“.').waitFor();
    await page.getByRole('button', { name: 'Suche löschen' }).click();
    await expect.poll(() => evaluations.count()).toBe(2);
    // what was chosen for the comparison stays chosen through the search
    expect(await page.getByLabel('Tablets in der Fertigung für den Vergleich auswählen').isChecked()).toBe(true);
    await expectAccessible(page, 'invest list');
    await screenshot(page, 'invest-list');
    await page.getByRole('button', { name: 'Ausgewählte vergleichen' }).click();
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    const rank = (await comparison.locator('tbody tr').first().locator('td').allTextContents()).map(norm);
    expect(rank).toEqual(['1', '2']);
    const common = (await comparison.locator('tbody tr').nth(1).locator('td').allTextContents()).map(norm);
    expect(common).toEqual([`${Math.round(utility)} / 100`, '40 / 100']);
    await expectAccessible(page, 'invest comparison');
    await screenshot(page, 'invest-compare');
    // The sign-up page asks who is signed in before anyone is: that 401 is expected.
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('attaches evaluations to measures of the plan and shows their figures in the plan', { timeout: 120_000 }, async () => {
    const email = 'jonas@plan-invest.example';
    const client = new TestClient(instance);
    const companyId = await client.signup('Keller Drehteile GmbH', email, 'Jonas Keller', PASSWORD);
    const roadmap = `/api/v1/companies/${companyId}/roadmap/plan`;
    const tablets = (await client.post(`${roadmap}/items`, { title: 'Tablets an den Maschinen', startQuarter: '2027-Q1' })).body;
    const erp = (await client.post(`${roadmap}/items`, { title: 'ERP einführen', startQuarter: '2027-Q2' })).body;

    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    const consoleErrors = watchConsole(page);
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel(/^Passwort/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL(/\/c\//);

    // From the plan measure's page, whose next step it is, into a new evaluation attached to it
    await page.goto(`/c/${companyId}/roadmap/plan`);
    await page.getByRole('link', { name: 'Ansehen: Tablets an den Maschinen' }).click();
    await page.getByText('Noch keine Investitionsbewertung für diese Maßnahme.').waitFor();
    await page.getByTestId('measure-next-step').getByRole('link', { name: 'Investition bewerten' }).click();
    await page.getByTestId('new-for-measure').getByText('Tablets an den Maschinen').waitFor();
    await expect.poll(() => page.getByLabel('Titel der neuen Bewertung').inputValue()).toBe('Tablets an den Maschinen');
    await page.getByLabel('Titel der neuen Bewertung').fill('Tablets – Angebot A');
    await page.getByRole('button', { name: 'Bewertung anlegen' }).click();
    await page.getByRole('heading', { name: 'Tablets – Angebot A' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Maßnahme im Plan' }).inputValue()).toBe('Tablets an den Maschinen');
    // 3 years at 10 %: −10 000 €, then 5 000 € savings a year
    await page.getByLabel('Planungszeitraum (Jahre)').fill('3');
    await page.getByLabel('Kalkulationszinssatz').fill('10');
    await page.getByLabel('Investition', { exact: true }).fill('10000');
    await page.getByLabel('Einsparungen pro Jahr').fill('5000');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert').waitFor();
    await screenshot(page, 'invest-editor-plan-measure');

    // A second evaluation, created on its own and attached to the other measure with the select
    await create(page, companyId, 'ERP – Mietmodell');
    await page.getByRole('combobox', { name: 'Maßnahme im Plan' }).click();
    await page.getByRole('option', { name: 'ERP einführen' }).click();
    await page.getByLabel('Planungszeitraum (Jahre)').fill('2');
    await page.getByLabel('Kalkulationszinssatz').fill('0');
    await page.getByLabel('Investition', { exact: true }).fill('20000');
    await page.getByLabel('Einsparungen pro Jahr').fill('4000');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert').waitFor();
    await expectAccessible(page, 'invest editor with plan measure');

    const linked = (await client.get(`/api/v1/companies/${companyId}/invest/evaluations`)).body as Array<{ id: string; title: string; planItemId: string | null }>;
    expect(Object.fromEntries(linked.map((e) => [e.title, e.planItemId]))).toEqual({ 'Tablets – Angebot A': tablets.id, 'ERP – Mietmodell': erp.id });

    // The plan shows each measure's evaluation with its figures and a link to it
    await page.goto(`/c/${companyId}/roadmap/plan`);
    const figures = async (measure: string) => {
      const card = page.getByTestId(`plan-item-${measure}`);
      await card.getByTestId('plan-item-evaluations').waitFor();
      return Object.fromEntries(await Promise.all(['npv', 'irr', 'payback', 'utility'].map(async (f) => [f, norm(await card.locator(`[data-figure="${f}"]`).textContent())])));
    };
    // NPV = −10 000 + 5 000 · (1/1.1 + 1/1.21 + 1/1.331); cumulative −10 000, −5 000, 0 → payback 2.0 years.
    const tabletsNpv = npvOf(0.1, [-1_000_000, 500_000, 500_000, 500_000]);
    expect(await figures(tablets.id)).toEqual({ npv: `Kapitalwert: ${norm(euro(tabletsNpv))}`, irr: 'Zinsfuß: 23,4 %', payback: 'Amortisation: 2,0 Jahre', utility: 'Nutzwert: nicht bewertet' });
    // At 0 %: −20 000 + 2 · 4 000 = −12 000 €, never paid back; the rate solves −20 000 + 4 000·x + 4 000·x² = 0
    // with x = 1/(1 + r): x = (√21 − 1)/2, so r = 2/(√21 − 1) − 1 ≈ −44.2 %.
    const erpIrr = new Intl.NumberFormat('de-DE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(2 / (Math.sqrt(21) - 1) - 1);
    expect(await figures(erp.id)).toEqual({ npv: `Kapitalwert: ${norm(euro(-1_200_000))}`, irr: `Zinsfuß: ${norm(erpIrr)}`, payback: 'Amortisation: nicht erreicht', utility: 'Nutzwert: nicht bewertet' });
    await expectAccessible(page, 'roadmap plan with evaluations');
    await screenshot(page, 'roadmap-plan-evaluations');
    // and the measure's own page under "Kosten und Nutzen"
    await page.getByRole('link', { name: 'Ansehen: Tablets an den Maschinen' }).click();
    await page.getByRole('heading', { name: 'Tablets an den Maschinen', level: 1 }).waitFor();
    expect(norm(await page.getByTestId('plan-item-evaluations').locator('[data-figure="npv"]').textContent())).toBe(`Kapitalwert: ${norm(euro(tabletsNpv))}`);
    await expectAccessible(page, 'plan measure with its evaluation');
    await page.getByRole('link', { name: 'Bewertung „Tablets – Angebot A“ öffnen' }).click();
    await page.getByRole('heading', { name: 'Tablets – Angebot A' }).waitFor();
    // The sign-in page asks who is signed in before anyone is: that 401 is expected.
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
