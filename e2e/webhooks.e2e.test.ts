import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { verifyWebhookSignature } from '../src/kernel/webhooks/index.js';
import { loopbackAllowed } from '../src/modules/machines/test-modules.js';
import { startWithCompany } from './support/company.js';
import { signInWithPassword } from './support/sign-in.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Signiert und zugestellt 2026';
const EMAIL = 'it@hooks.example';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Hit { headers: IncomingHttpHeaders; body: string; answered: number }

/** A real HTTP receiver on 127.0.0.1; answers 204, or 503 while `down`. */
async function startReceiver() {
  const state = { down: false, hits: [] as Hit[] };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const answered = state.down ? 503 : 204;
      state.hits.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/werkverbund`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const signed = (secret: string, hit: Hit) => verifyWebhookSignature(secret, Number(hit.headers['x-werkverbund-timestamp']), hit.body, hit.headers['x-werkverbund-signature'] as string);

describe.runIf(browserAvailable())('the company\'s webhooks page in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let sendForce: (force: number) => Promise<void>;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Hakenwerk Signal GmbH', email: EMAIL, owner: 'Hanna Haken', password: PASSWORD, modules: ['machines'] }));
    instance.ctx.config.outboundAllow = loopbackAllowed; // the receiver runs on this machine
    receiver = await startReceiver();
    // a machine whose critical alarm is what the webhook reports
    const api = `/api/v1/companies/${companyId}/machines`;
    const machine = (await client.post(api, { name: 'Presse 4' })).body;
    const point = (await client.post(`${api}/${machine.id}/points`, { name: 'force', unit: 'kN' })).body;
    const device = (await client.post(`${api}/${machine.id}/devices`, { name: 'SPS Presse 4' })).body;
    await client.post(`${api}/${machine.id}/rules`, { pointId: point.id, name: 'Presskraft zu hoch', severity: 'critical', rule: { kind: 'threshold', direction: 'high', limit: 100, hysteresis: 10 } });
    let ts = Date.now() - 60_000;
    sendForce = async (force: number) => {
      ts += 1000;
      const res = await instance.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { authorization: `Bearer ${device.token}` }, payload: { ts, values: { force } } });
      expect(res.statusCode).toBe(200);
    };
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
    await receiver?.close();
  });

  const deliver = async () => expect(await instance.ctx.jobs.runNow('platform.webhook-delivery')).toBe('succeeded');
  const visibleText = (page: Page) => page.locator('main').innerText();

  it('creates a subscription, sees its signed delivery at a real receiver, retries a failed one, edits, tests, rotates the secret and deletes it', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInWithPassword(page, { email: EMAIL, password: PASSWORD, name: 'Hanna Haken' });
    await page.goto(`/c/${companyId}/webhooks`);
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('Noch keine Webhooks.').waitFor();
    await expectAccessible(page, 'webhooks, empty');

    // Create: a wrong address is refused at the field, the input kept.
    await page.getByRole('button', { name: 'Webhook anlegen' }).click();
    const form = page.getByRole('dialog', { name: 'Neuer Webhook' });
    await form.getByRole('textbox', { name: 'Adresse (URL)' }).fill('ftp://leitstand.example/alarme');
    await form.getByRole('textbox', { name: 'Beschreibung' }).fill('Leitstand Halle 2');
    await form.getByRole('checkbox', { name: 'Maschinenalarm ausgelöst' }).check();
    await form.getByRole('checkbox', { name: 'Kritisch' }).check();
    await form.getByRole('button', { name: 'Webhook anlegen' }).click();
    await form.getByText('Bitte eine Adresse mit http:// oder https:// angeben, ohne Benutzername und Passwort.').waitFor();
    expect(await form.getByRole('textbox', { name: 'Beschreibung' }).inputValue()).toBe('Leitstand Halle 2');
    await expectAccessible(page, 'webhook form with a refused address');
    await form.getByRole('textbox', { name: 'Adresse (URL)' }).fill(receiver.url);
    await form.getByRole('button', { name: 'Webhook anlegen' }).click();

    // The secret: shown once.
    const created = page.getByRole('dialog', { name: 'Webhook angelegt' });
    const secret = (await created.getByTestId('webhook-secret-value').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, 'webhook secret');
    await created.getByRole('button', { name: 'Fertig' }).click();
    const row = page.locator('[data-webhook-row="Leitstand Halle 2"]');
    await row.getByText('Maschinenalarm ausgelöst').waitFor();
    await row.getByText('Schwere des Alarms: Kritisch').waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await visibleText(page)).not.toMatch(UUID);

    // A real delivery: a critical alarm → one signed POST to the receiver, logged as delivered.
    await sendForce(150);
    await deliver();
    expect(receiver.state.hits).toHaveLength(1);
    const first = receiver.state.hits[0]!;
    expect(first.headers['x-werkverbund-event']).toBe('machines.alarm.raised');
    expect(signed(secret, first)).toBe(true);
    expect(JSON.parse(first.body)).toMatchObject({ type: 'machines.alarm.raised', companyId, data: { alarm: { severity: 'critical', rule: 'Presskraft zu hoch' }, machine: { name: 'Presse 4' } } });
    const log = page.getByRole('region', { name: 'Zustellprotokoll' });
    await log.locator('[data-delivery="delivered"]').getByText('Antwort 204').waitFor();
    await log.getByText('Leitstand Halle 2').first().waitFor();

    // The receiver fails: the delivery waits for its next attempt; "Erneut senden" sends it at the next run.
    receiver.state.down = true;
    await sendForce(10); // cleared: not subscribed
    await sendForce(160);
    await deliver();
    expect(receiver.state.hits.map((h) => h.answered)).toEqual([204, 503]);
    const waiting = log.locator('[data-delivery="pending"]');
    await waiting.getByText('Antwort 503').waitFor();
    await expectAccessible(page, 'delivery log with a failed delivery');
    receiver.state.down = false;
    await waiting.getByRole('button', { name: 'Maschinenalarm ausgelöst an Leitstand Halle 2 erneut senden' }).click();
    await page.getByText('Wird in wenigen Sekunden erneut gesendet.').waitFor();
    await deliver();
    expect(receiver.state.hits.map((h) => h.answered)).toEqual([204, 503, 204]);
    const [, failed, retried] = receiver.state.hits;
    expect(retried!.headers['x-werkverbund-delivery']).toBe(failed!.headers['x-werkverbund-delivery']);
    expect(signed(secret, retried!)).toBe(true);
    await expect.poll(() => log.locator('[data-delivery="delivered"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await log.locator('[data-delivery="pending"]').count()).toBe(0);
    await screenshot(page, 'webhooks-portrait');

    // Edit: the description.
    await page.getByRole('button', { name: 'Webhook Leitstand Halle 2 bearbeiten' }).click();
    const edit = page.getByRole('dialog', { name: 'Webhook bearbeiten' });
    expect(await edit.getByRole('checkbox', { name: 'Kritisch' }).isChecked()).toBe(true);
    await edit.getByRole('textbox', { name: 'Beschreibung' }).fill('Leitstand Halle 3');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('[data-webhook-row="Leitstand Halle 3"]').waitFor();

    // Landscape: a test message, then a new secret that signs from now on.
    await page.setViewportSize(TABLET);
    await page.getByRole('button', { name: 'Testnachricht an Leitstand Halle 3 senden' }).click();
    await page.getByTestId('webhook-test-result').filter({ hasText: 'Testnachricht angekommen (Antwort 204).' }).waitFor();
    expect(receiver.state.hits.at(-1)!.headers['x-werkverbund-event']).toBe('webhook.test');
    await page.getByRole('button', { name: 'Neues Geheimnis für Leitstand Halle 3' }).click();
    await page.getByRole('dialog', { name: 'Neues Geheimnis erzeugen?' }).getByRole('button', { name: 'Neues Geheimnis erzeugen' }).click();
    const rotated = page.getByRole('dialog', { name: 'Neues Geheimnis' });
    const newSecret = (await rotated.getByTestId('webhook-secret-value').textContent())!;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await expectAccessible(page, 'rotated webhook secret');
    await rotated.getByRole('button', { name: 'Fertig' }).click();
    await page.getByRole('button', { name: 'Testnachricht an Leitstand Halle 3 senden' }).click();
    await expect.poll(() => receiver.state.hits.length).toBe(5);
    expect(signed(newSecret, receiver.state.hits[4]!)).toBe(true);
    expect(signed(secret, receiver.state.hits[4]!)).toBe(false);
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'webhooks, landscape');
    await screenshot(page, 'webhooks');
    expect(await visibleText(page)).not.toMatch(UUID);

    // Delete: the log stays and names the deleted receiver by its address.
    await page.getByRole('button', { name: 'Webhook Leitstand Halle 3 löschen' }).click();
    await page.getByRole('dialog', { name: 'Webhook löschen?' }).getByRole('button', { name: 'Webhook löschen' }).click();
    await page.getByText('Noch keine Webhooks.').waitFor();
    await log.getByText(`${receiver.url} (gelöscht)`).first().waitFor();
    // 401: the sign-in page asks who is signed in; 400: the refused address
    expect(errors.filter((e) => !/status of (401|400)/.test(e))).toEqual([]);
    await context.close();
  });

  it('speaks English, names the events, and is closed to a member who is no administrator', async () => {
    await client.post(`/api/v1/companies/${companyId}/webhooks`, { url: receiver.url, description: 'ERP', eventTypes: ['machines.alarm.raised', 'machines.alarm.cleared'], filter: { 'alarm.severity': ['warning', 'critical'] } });
    expect((await client.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
    const context = await newContext(browser, baseURL, TABLET);
    await context.addInitScript(() => localStorage.setItem('werkverbund.lang', 'en'));
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('E-mail address').fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Hanna Haken' }).waitFor();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    const row = page.locator('[data-webhook-row="ERP"]');
    await row.getByText('Machine alarm raised').waitFor();
    await row.getByText('Machine alarm cleared').waitFor();
    await row.getByText('Alarm severity: Warning, Critical').waitFor();
    await page.getByRole('region', { name: 'Delivery log' }).getByText('Machine alarm raised').first().waitFor();
    await expectAccessible(page, 'webhooks in English');
    await screenshot(page, 'webhooks-en');
    await context.close();
    expect((await client.patch('/api/v1/me', { locale: 'de' })).status).toBe(200);

    const inv = await client.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    const member = new TestClient(instance);
    const accepted = await member.post('/api/v1/invitations/accept', {
      token: new URL(inv.body.link).hash.slice(1),
      user: { name: 'Mia Mitglied', email: 'mia@hooks.example', password: PASSWORD },
    });
    expect(accepted.status).toBeLessThan(300);
    expect((await member.get(`/api/v1/companies/${companyId}/webhooks`)).status).toBe(403);
    const memberContext = await newContext(browser, baseURL, TABLET);
    const memberPage = await memberContext.newPage();
    await signInWithPassword(memberPage, { email: 'mia@hooks.example', password: PASSWORD, name: 'Mia Mitglied' });
    expect(await memberPage.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await memberPage.goto(`/c/${companyId}/webhooks`);
    await memberPage.getByText('Webhooks können nur Administratoren einrichten.').waitFor();
    await expectAccessible(memberPage, 'webhooks for a member');
    await memberContext.close();
  });
});
