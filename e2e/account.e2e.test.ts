import type { AddressInfo } from 'node:net';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient, startTestInstance } from '../src/kernel/testing/test-instance.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from './support/browser.js';

const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'Drehbank und Fräse 2027';

/** The code an authenticator app shows `steps` time steps from now (same library as the server). */
const appCode = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + steps * 30_000 });

describe.runIf(browserAvailable())('password reset and two-factor sign-in in Chromium', () => {
  const mails: string[] = [];
  let smtp: SMTPServer;
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push(text.replace(/=\r?\n/g, ''));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    instance = await startTestInstance('embedded', { config: { smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` } });
    await instance.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(instance.app.server.address() as AddressInfo).port}`;
    instance.ctx.config.publicUrl = baseURL;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('textbox', { name: 'Passwort' }).fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
  }

  it('resets a forgotten password by e-mail, sets up TOTP and signs in with the code', async () => {
    const api = new TestClient(instance);
    const companyId = await api.signup('Konto Metall GmbH', 'karla@konto.example', 'Karla Konto', OLD_PASSWORD);
    const page = await (await newContext(browser, baseURL, TABLET)).newPage();
    const consoleErrors = watchConsole(page);

    // "Passwort vergessen?" on the sign-in page, by keyboard
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Passwort vergessen?' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Passwort vergessen' }).waitFor();
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('E-Mail-Adresse').fill('karla@konto.example');
    await page.keyboard.press('Enter');
    await page.getByText('Wenn es zu dieser Adresse ein Konto gibt').waitFor();
    await expect.poll(() => mails.length, { timeout: 10_000 }).toBe(1);
    const link = mails[0].match(/http:\/\/127\.0\.0\.1:\d+\/reset-password#[A-Za-z0-9_-]+/)![0];

    // the link from the mail: new password, then sign in with it
    await page.goto(link);
    await page.getByRole('heading', { name: 'Neues Passwort setzen' }).waitFor();
    await expectAccessible(page, 'reset password');
    await page.getByLabel('Neues Passwort').fill('kurz');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await expect.poll(() => page.getByTestId('problem').textContent()).toContain('Neues Passwort (mindestens 10 Zeichen)');
    await page.getByLabel('Neues Passwort').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Ihr Passwort ist gesetzt').waitFor();
    await screenshot(page, 'account-reset-done');
    await signIn(page, 'karla@konto.example', NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Willkommen, Karla Konto' }).waitFor();

    // "Mein Konto" from the header menu: set up TOTP with the QR code
    await page.getByRole('button', { name: 'Karla Konto' }).click();
    await page.getByRole('menuitem', { name: 'Mein Konto' }).click();
    await page.getByRole('heading', { name: 'Mein Konto' }).waitFor();
    await expectAccessible(page, 'account page');
    await page.getByRole('button', { name: 'Zwei-Faktor-Anmeldung einrichten' }).click();
    await page.getByLabel('Passwort zur Bestätigung').fill(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }).waitFor();
    await expectAccessible(page, 'TOTP set-up');
    await screenshot(page, 'account-totp-setup');
    const secret = (await page.getByTestId('totp-secret').textContent())!.replaceAll(' ', '');
    await page.getByLabel('Code aus der App').fill(appCode(secret));
    await page.getByRole('button', { name: 'Einschalten' }).click();
    await page.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await expectAccessible(page, 'recovery codes');
    await page.getByRole('button', { name: 'Ich habe die Codes gesichert' }).click();
    await page.getByText(/Eingeschaltet seit .*Noch 10 Wiederherstellungscodes/).waitFor();

    // sign out; sign-in now asks for the code after the password
    await page.getByRole('button', { name: 'Karla Konto' }).click();
    await page.getByRole('menuitem', { name: 'Abmelden' }).click();
    await signIn(page, 'karla@konto.example', NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Code eingeben' }).waitFor();
    await expectAccessible(page, 'second sign-in step');
    await page.getByRole('textbox', { name: 'Code' }).fill('000000' === appCode(secret, 1) ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('problem').textContent()).toContain('Der Code ist falsch');
    await page.getByRole('textbox', { name: 'Code' }).fill(appCode(secret, 1));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Willkommen, Karla Konto' }).waitFor();

    // the owner requires two-factor sign-in; a member without it is led to set it up
    await page.goto(`/c/${companyId}/members`);
    await page.getByRole('switch', { name: 'Zwei-Faktor-Anmeldung für alle verlangen' }).click();
    await expect.poll(async () => (await instance.ctx.db.selectFrom('tenants').select('require_totp').where('id', '=', companyId).executeTakeFirstOrThrow()).require_totp).toBe(true);
    await expect.poll(() => page.getByRole('switch', { name: 'Zwei-Faktor-Anmeldung für alle verlangen' }).isChecked()).toBe(true);
    await expectAccessible(page, 'members page with the two-factor setting');
    // expected answers to wrong input (400, 401) aside, no error and no CSP violation
    expect(consoleErrors.filter((e) => !/status of 40[01] /.test(e))).toEqual([]);
  });

  it('leads a member to set up TOTP when the company requires it, in English too', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Pflicht Guss GmbH', 'paul@pflicht.example', 'Paul Pflicht', OLD_PASSWORD);
    const setup = await owner.post('/api/v1/me/totp/setup', { password: OLD_PASSWORD });
    await owner.post('/api/v1/me/totp/confirm', { code: appCode(setup.body.secret) });
    expect((await owner.put(`/api/v1/companies/${companyId}/two-factor`, { required: true })).status).toBe(200);
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    await new TestClient(instance).post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Mona Mitglied', email: 'mona@pflicht.example', password: OLD_PASSWORD } });

    const page = await (await newContext(browser, baseURL, TABLET_PORTRAIT)).newPage();
    await signIn(page, 'mona@pflicht.example', OLD_PASSWORD);
    await page.getByTestId('totp-required').waitFor();
    expect(page.url()).toContain(`/c/${companyId}/account`);
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByText('A company you are a member of requires two-factor sign-in').waitFor();
    await expectAccessible(page, 'account page, portrait, English');
    await screenshot(page, 'account-totp-required-en');
  });
});
