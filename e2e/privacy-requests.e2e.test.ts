import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import type { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { overflowing } from './support/layout.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Auskunft binnen eines Monats 2026';
const EMAIL = 'inhaber@loeschhof.example';

describe.runIf(browserAvailable())('data-subject requests in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let contactId: string;
  let customerId: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Löschhof GmbH', email: EMAIL, owner: 'Lars Löschhof', password: PASSWORD, modules: ['privacy', 'customers'] }));
    const api = `/api/v1/companies/${companyId}`;
    customerId = (await client.post(`${api}/customers`, { name: 'Kundenwerk AG', city: 'Kiel', confirmDuplicate: true })).body.id;
    const contact = await client.post(`${api}/customers/${customerId}/contacts`, { salutation: 'Frau', firstName: 'Greta', lastName: 'Grünfeld', role: 'Einkauf', email: 'greta@kundenwerk.example', phone: '+49 431 777' });
    contactId = contact.body.id;
    await client.post(`${api}/customers/${customerId}/interactions`, { kind: 'call', contactId, subject: 'Anruf von Greta Grünfeld', body: 'Bitte keine Werbung mehr' });
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('a contact asks for erasure: the owner records it, finds her, sees what stays and why, erases, and the request and the log show it', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Lars Löschhof' });
    await page.goto(`/c/${companyId}/privacy/requests`);
    await page.getByRole('heading', { name: 'Betroffenenanfragen', level: 1 }).waitFor();
    await page.getByTestId('requests-empty').waitFor();
    await page.getByLabel('Art der Anfrage').selectOption('erasure');
    await page.getByLabel('Wer fragt').fill('Greta Grünfeld');
    await page.getByLabel('Wie die Person erreichbar ist').fill('greta@kundenwerk.example');
    await expectAccessible(page, 'requests page with the form');
    await page.getByTestId('request-create').click();

    await page.getByRole('heading', { name: 'Löschung (Art. 17): Greta Grünfeld', level: 1 }).waitFor();
    const deadline = page.getByTestId('request-deadline');
    expect(await deadline.getAttribute('data-state')).toBe('running');
    expect(await deadline.textContent()).toMatch(/^Noch (28|29|30|31) Tage, bis /);

    await page.getByLabel('Name, E-Mail, Telefon oder Personalnummer').fill('grünfeld');
    await page.getByTestId('people-search').click();
    const found = page.getByTestId('people-found');
    await found.waitFor();
    expect(await found.textContent()).toContain('Greta Grünfeld · Ansprechpartner/in bei einem Kunden · Kunden und Aufträge · Kundenwerk AG');
    await page.getByTestId('people-link').click();
    await page.getByTestId('linked-person').waitFor();
    expect(await page.getByTestId('linked-people').textContent()).toContain('greta@kundenwerk.example');

    await page.getByTestId('erasure-preview').click();
    const plan = page.getByTestId('erasure-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toContain('Ansprechpartner/in: Anrede, Name, Funktion, E-Mail, Telefon (1)');
    expect(await page.getByTestId('erasure-run').isDisabled()).toBe(true);
    await expectAccessible(page, 'request page with the erasure to confirm');
    await screenshot(page, 'privacy-request-erasure-confirm');
    await page.getByTestId('erasure-confirm').check();
    await page.getByTestId('erasure-run').click();

    await page.getByTestId('request-erased').waitFor();
    await page.getByTestId('erasure-done').waitFor();
    await page.getByRole('heading', { name: 'Löschung (Art. 17): G. G.', level: 1 }).waitFor();
    expect(await page.getByTestId('linked-people').textContent()).toContain('Gelöschte Person · Ansprechpartner/in bei einem Kunden');
    expect(await page.getByTestId('linked-people').textContent()).not.toContain('greta');
    const log = page.getByTestId('request-log');
    expect(await log.textContent()).toContain('Löschung ausgeführt für 1 Fundstelle: 2 Datensätze gelöscht oder anonymisiert');
    expect(await log.textContent()).toContain('1 Person mit der Betroffenenanfrage verknüpft.');
    expect(await log.textContent()).toContain('Lars Löschhof');

    // the contact itself reads as erased on its customer
    const customer = (await client.get(`/api/v1/companies/${companyId}/customers/${customerId}`)).body;
    expect(customer.contacts.find((c: { id: string }) => c.id === contactId)).toMatchObject({ lastName: '', email: null, erased: true });

    await page.getByLabel('Notiz zum Abschluss').fill('Löschung per E-Mail bestätigt');
    await page.getByTestId('close').click();
    await expect.poll(async () => page.getByTestId('request-deadline').getAttribute('data-state')).toBe('answered');
    await expectAccessible(page, 'request page after the erasure');
    await page.getByRole('link', { name: '← Alle Anfragen' }).click();
    expect(await page.locator('[data-request="G. G."]').textContent()).toContain('Erledigt');
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|409)/.test(e))).toEqual([]);
    await context.close();
  });

  it('reads in English and fits a portrait tablet', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Lars Löschhof' });
    await page.goto(`/c/${companyId}/privacy/requests`);
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Data-subject requests', level: 1 }).waitFor();
    expect(await page.locator('[data-request="G. G."]').textContent()).toContain('Answered');
    await page.getByRole('link', { name: 'G. G.' }).click();
    await page.getByRole('heading', { name: 'Erasure (Art. 17): G. G.', level: 1 }).waitFor();
    expect(await page.getByTestId('erasure-done').textContent()).toContain('Contact: salutation, name, role, e-mail, phone (1)');
    expect(await page.getByTestId('request-log').textContent()).toContain('Erasure run for 1 record of the person');
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page, 'request page, English, portrait');
    await screenshot(page, 'privacy-request-erased-en-portrait');
    await page.locator('label', { hasText: /^DE$/ }).click();
    await page.getByRole('heading', { name: 'Löschung (Art. 17): G. G.', level: 1 }).waitFor();
    await context.close();
  });
});
