import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Sicherheit ist Chefsache 2026';
const EMAIL = 'chef@sicherhof.example';
const MEMBER = { email: 'max@sicherhof.example', password: 'correct horse battery staple', name: 'Max Dreher' };

describe.runIf(browserAvailable())('IT-security check and security concept in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Sicherhof GmbH', email: EMAIL, owner: 'Sina Hof', password: PASSWORD, modules: ['privacy'] }));
    const invitation = await client.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    const member = new TestClient(instance);
    const accepted = await member.post('/api/v1/invitations/accept', { token: new URL(invitation.body.link).hash.slice(1), user: { name: MEMBER.name, email: MEMBER.email, password: MEMBER.password } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBeLessThan(300);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('answers the check, shows the status with the gaps, and a gap becomes a roadmap measure in one step', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Sina Hof' });
    await page.goto(`/c/${companyId}/privacy/security`);
    await page.getByRole('heading', { name: 'IT-Sicherheits-Check', level: 1 }).waitFor();
    const status = page.getByTestId('security-status');
    expect(await page.getByTestId('security-level').textContent()).toBe('Hohes Risiko');
    expect(await status.textContent()).toContain('0 von 27 Anforderungen beantwortet.');

    const responsible = page.getByTestId('question-org.responsible');
    await responsible.getByLabel('Notiz').fill('Sina Hof, Vertretung Netzwerk Schmid 0711 555 210');
    await responsible.getByRole('radio', { name: 'Erfüllt', exact: true }).click();
    await expect.poll(() => responsible.getAttribute('data-answer')).toBe('met');
    const backup = page.getByTestId('question-backup.regular');
    await backup.getByRole('radio', { name: 'Nicht erfüllt' }).click();
    await expect.poll(() => backup.getAttribute('data-answer')).toBe('not_met');
    // a requirement that applies to every firm offers no "does not apply"
    expect(await backup.getByRole('radio', { name: 'Trifft nicht zu' }).count()).toBe(0);
    await page.getByTestId('question-network.wifi').getByRole('radio', { name: 'Trifft nicht zu' }).click();
    await expect.poll(() => status.textContent()).toContain('3 von 27 Anforderungen beantwortet.');
    expect(await page.getByTestId('security-gaps').textContent()).toContain('Regelmäßige Datensicherung einrichten');
    expect(await page.getByTestId('security-areas').textContent()).toContain('Datensicherung');
    await expectAccessible(page, 'security check with a gap');
    await screenshot(page, 'privacy-security-check');

    await page.getByRole('link', { name: 'Zum Fahrplan' }).click();
    const suggestions = page.getByTestId('module-suggestions');
    await suggestions.waitFor();
    expect(await suggestions.textContent()).toContain('Aus: IT-Sicherheits-Check');
    await suggestions.getByRole('button', { name: 'Übernehmen: Regelmäßige Datensicherung einrichten' }).click();
    await suggestions.getByText('Im Plan: geplant').waitFor();
    await expectAccessible(page, 'roadmap with a suggestion of the security check');
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('generates the concept, keeps an edit, adopts it, and every member acknowledges it for themselves', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Sina Hof' });
    await page.goto(`/c/${companyId}/privacy/security/concept`);
    await page.getByRole('heading', { name: 'Sicherheitskonzept', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Konzept erstellen' }).click();
    const draft = page.getByTestId('concept-draft');
    await draft.waitFor();
    expect(await draft.getByTestId('section-access').textContent()).toContain('Max Dreher — Mitarbeiter/in');
    expect(await draft.getByTestId('section-responsibility').textContent()).toContain('Netzwerk Schmid 0711 555 210');
    expect(await draft.getByTestId('section-openPoints').textContent()).toContain('Regelmäßige Datensicherung einrichten');

    await draft.getByRole('button', { name: 'Bearbeiten: Datensicherung' }).click();
    await draft.getByLabel('Datensicherung').fill('Ab nächster Woche jede Nacht auf das NAS und freitags auf Band in den Tresor.');
    await draft.getByRole('button', { name: 'Speichern' }).click();
    await draft.getByTestId('section-backup').getByText('Eigener Text').waitFor();
    await expectAccessible(page, 'concept draft');
    await page.getByRole('button', { name: 'Entwurf neu erzeugen' }).click();
    await page.getByTestId('concept-changes').waitFor();
    expect(await draft.getByTestId('section-backup').textContent()).toContain('freitags auf Band in den Tresor');

    await page.getByRole('button', { name: 'Verabschieden' }).click();
    await page.getByRole('heading', { name: /^Version 1, verabschiedet am/ }).waitFor();
    expect(await page.getByTestId('concept-review').textContent()).toMatch(/^Nächste Überprüfung: /);
    const list = page.getByTestId('acknowledgements');
    expect(await list.textContent()).toContain('0 von 2 Personen haben bestätigt.');
    await page.getByRole('button', { name: 'Gelesen und verstanden' }).click();
    await page.getByTestId('my-acknowledgement').waitFor();
    await expect.poll(() => list.textContent()).toContain('1 von 2 Personen haben bestätigt.');
    const pdf = await client.get(`/api/v1/companies/${companyId}/privacy/security/concept.pdf`);
    expect(pdf.status).toBe(200);
    await screenshot(page, 'privacy-security-concept');
    await context.close();

    // the member reads the concept and acknowledges it for themselves
    const memberContext = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const memberPage = await memberContext.newPage();
    await signInWithPassword(memberPage, MEMBER);
    await memberPage.goto(`/c/${companyId}/privacy/security/concept`);
    await memberPage.getByTestId('concept-text').waitFor();
    expect(await memberPage.getByTestId('concept-text').textContent()).toContain('freitags auf Band in den Tresor');
    expect(await memberPage.getByRole('button', { name: 'Konzept erstellen' }).count()).toBe(0);
    await memberPage.getByRole('button', { name: 'Gelesen und verstanden' }).click();
    await memberPage.getByTestId('my-acknowledgement').waitFor();
    expect(await overflowing(memberPage)).toEqual([]);
    await expectAccessible(memberPage, 'concept acknowledged by a member, portrait');
    await memberContext.close();
    const view = (await client.get(`/api/v1/companies/${companyId}/privacy/security/concept`)).body;
    expect(view.acknowledgements.every((a: { acknowledgedAt: string | null }) => a.acknowledgedAt !== null)).toBe(true);
  });

  it('reads in English and fits a portrait tablet', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Sina Hof' });
    await page.goto(`/c/${companyId}/privacy/security`);
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'IT security check', level: 1 }).waitFor();
    expect(await page.getByTestId('security-level').textContent()).toBe('High risk');
    expect(await page.getByTestId('security-gaps').textContent()).toContain('Set up regular backups');
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page, 'security check, English, portrait');
    await page.getByRole('link', { name: 'To the security concept' }).click();
    await page.getByRole('heading', { name: 'Who has acknowledged version 1' }).waitFor();
    expect(await page.getByTestId('concept-text').textContent()).toContain('Who may access what');
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page, 'security concept, English, portrait');
    await screenshot(page, 'privacy-security-concept-en-portrait');
    await context.close();
  });
});
