import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithCompany, type StartedCompany } from './support/company.js';
import { TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';
import { signInWithPassword } from './support/sign-in.js';

const OWNER = { email: 'katrin@muster-metallbau.example', password: 'Blech und Schweißnaht 2026', name: 'Katrin Muster' };

describe.runIf(browserAvailable())('customers in Chromium', () => {
  let started: StartedCompany;
  beforeAll(async () => {
    started = await startWithCompany({ company: 'Muster Metallbau GmbH', email: OWNER.email, owner: OWNER.name, password: OWNER.password, modules: ['shopfloor', 'customers'] });
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.instance.close();
  });

  const customerPage = (page: Page, id: string) => page.goto(`/c/${started.companyId}/customers/${id}`);

  it('creates a customer past the duplicate prompt, records and withdraws a consent, merges two customers and undoes it', async () => {
    const api = `/api/v1/companies/${started.companyId}`;
    const first = await started.client.post(`${api}/customers`, { name: 'Hansen Maschinenbau GmbH', vatId: 'DE136695976', street: 'Industriestraße 12', postcode: '24103', city: 'Kiel' });
    expect(first.status).toBe(201);

    const page = await (await newContext(started.browser, started.baseURL, TABLET_PORTRAIT)).newPage();
    await signInWithPassword(page, OWNER);
    const consoleErrors = watchConsole(page);
    await page.goto(`/c/${started.companyId}/customers`);
    await page.getByRole('heading', { name: 'Kunden', exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('customer-list').getByRole('link', { name: 'Hansen Maschinenbau GmbH' }).count()).toBe(1);

    // a new customer with the same VAT ID: "really a new customer?"
    await page.getByRole('button', { name: 'Neuer Kunde' }).click();
    await page.getByLabel(/^Name/).fill('Hansen Maschinenbau');
    await page.getByLabel('USt-IdNr.').fill('DE 136 695 976');
    await page.getByRole('button', { name: 'Kunde anlegen' }).click();
    const prompt = page.getByTestId('duplicate-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('K-00001 · Hansen Maschinenbau GmbH');
    expect(await prompt.textContent()).toContain('gleiche USt-IdNr. DE136695976');
    await expectAccessible(page, 'duplicate prompt');
    await page.getByRole('button', { name: 'Trotzdem neu anlegen' }).click();
    await page.getByRole('heading', { name: 'Hansen Maschinenbau', exact: true }).waitFor();
    expect(await page.getByText('Kundennummer K-00002').count()).toBe(1);
    const secondId = new URL(page.url()).pathname.split('/').pop()!;

    // a contact with a consent, withdrawn in one click; leaving with a half-typed contact asks first
    await page.getByLabel('Vorname').fill('Jonas');
    await page.getByRole('link', { name: 'Zur Kundenliste' }).click();
    const ask = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
    await ask.getByRole('button', { name: 'Auf der Seite bleiben' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Vorname').inputValue()).toBe('Jonas');
    await page.getByLabel('Nachname').fill('Petersen');
    await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    const card = page.getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Jonas Petersen' }).waitFor();
    await card.getByLabel('Nachweis (Beschreibung oder Aktenzeichen)').fill('Formular vom Messestand');
    await card.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await card.getByTestId('consent-table').getByText('erteilt').waitFor();
    await expectAccessible(page, 'customer detail with a consent');
    await screenshot(page, 'customers-detail-portrait');
    await card.getByRole('button', { name: 'E-Mail für Newsletter von Jonas Petersen widerrufen' }).click();
    await card.getByTestId('consent-table').getByText('widerrufen').waitFor();
    // the row's state and its actions change in one render, which may come a moment after the new row
    await expect.poll(() => card.getByText('erteilt').count()).toBe(0);

    // merge the new customer into the first, side by side, then undo
    await customerPage(page, first.body.id);
    await page.getByRole('link', { name: 'Mit anderem Kunden zusammenführen' }).click();
    await page.getByRole('heading', { name: 'Kunden zusammenführen' }).waitFor();
    await page.getByLabel('Kunde, der übernommen wird').first().fill('K-00002');
    await page.getByRole('option', { name: 'K-00002 · Hansen Maschinenbau' }).click();
    const plan = page.getByTestId('merge-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toContain('Industriestraße 12');
    await expectAccessible(page, 'merge side by side');
    await screenshot(page, 'customers-merge-portrait');
    await page.getByRole('button', { name: 'Zusammenführen', exact: true }).click();
    const merges = page.getByTestId('merges');
    await merges.waitFor();
    expect(await merges.textContent()).toContain('K-00002 Hansen Maschinenbau');
    await page.getByTestId('contact-card').getByRole('heading', { name: 'Jonas Petersen' }).waitFor();
    expect(await page.getByText('K-00002', { exact: true }).count()).toBe(1); // former number shown as alias

    await merges.getByRole('button', { name: 'Rückgängig machen' }).click();
    await merges.waitFor({ state: 'detached' });
    expect(await page.getByTestId('contact-card').count()).toBe(0);
    await customerPage(page, secondId);
    await page.getByTestId('contact-card').getByRole('heading', { name: 'Jonas Petersen' }).waitFor();
    // the one answer the browser logs is the duplicate warning's 409
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  }, 180_000);
});
