import type { Page } from 'playwright-core';

/** Signs in through the German sign-in page and waits for the personal greeting. */
export async function signInWithPassword(page: Page, person: { email: string; password: string; name: string }) {
  await page.goto('/signin');
  await page.getByLabel('E-Mail-Adresse').fill(person.email);
  await page.getByRole('textbox', { name: 'Passwort' }).fill(person.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: `Willkommen, ${person.name}` }).waitFor();
}
