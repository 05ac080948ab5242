import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpReceiver, startSmtpReceiver } from '../testing/smtp-receiver.js';
import { codeAt, enableTotp } from '../account/account-test-helpers.js';
import { hashToken } from '../auth/secret-token.js';
import type { Instance } from '../instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';

/** "Forgot password" with a real SMTP receiver. */
describe.each(testDatabaseKinds())('password reset by e-mail on the %s database', (kind) => {
  let smtp: SmtpReceiver;
  let received: string[] = [];
  let instance: Instance;
  let withoutMail: Instance;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    received = smtp.received;
    instance = await startTestInstance(kind, { config: { smtpUrl: smtp.url, publicUrl: 'https://werk.example' } });
    withoutMail = await startTestInstance(kind);
  });
  afterAll(async () => {
    await instance?.close();
    await withoutMail?.close();
    await smtp?.close();
  });

  const mailsTo = (address: string) => received.filter((m) => new RegExp(`^To: ${address.replace('.', '\\.')}`, 'm').test(m));
  async function waitForMail(address: string, count: number) {
    for (let i = 0; i < 100 && mailsTo(address).length < count; i++) await new Promise((r) => setTimeout(r, 50));
    return mailsTo(address);
  }
  const tokenOf = (mail: string) => mail.match(/https:\/\/werk\.example\/reset-password#([A-Za-z0-9_-]+)/)![1];

  it('mails a single-use link; the new password works and every session ends', async () => {
    const c = new TestClient(instance);
    const companyId = await c.signup('Vergessen GmbH', 'vera@vergessen.example');
    const anon = new TestClient(instance);
    expect((await anon.get('/api/v1/auth/password-reset')).body).toEqual({ byMail: true });

    const asked = await anon.post('/api/v1/auth/password-reset', { email: 'Vera@vergessen.example' });
    expect(asked.status).toBe(202);
    const [mail] = await waitForMail('vera@vergessen.example', 1);
    expect(mail).toMatch(/Passwort/);
    const token = tokenOf(mail);
    // only the hash is stored
    const rows = await instance.ctx.db.selectFrom('password_resets').select(['token_hash', 'expires_at']).execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const expires = new Date(rows.find((r) => r.token_hash === hashToken(token))!.expires_at).getTime();
    expect(Math.abs(expires - Date.now() - 3_600_000)).toBeLessThan(60_000);

    const tooShort = await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'short' });
    expect(tooShort.body.code).toBe('validation');
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'my new long password' })).status).toBe(204);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    expect((await new TestClient(instance).login('vera@vergessen.example')).status).toBe(401);
    expect((await new TestClient(instance).login('vera@vergessen.example', 'my new long password')).status).toBe(200);
    const reused = await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'another long password' });
    expect(reused.status).toBe(404);
    expect(reused.body.code).toBe('reset_token_invalid');
    const actions = (await instance.ctx.db.selectFrom('audit_log').select('action').where('tenant_id', '=', companyId).execute()).map((r) => r.action);
    expect(actions).toContain('auth.password_reset');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const anon = new TestClient(instance);
    const before = received.length;
    const unknown = await anon.post('/api/v1/auth/password-reset', { email: 'nobody@nowhere.example' });
    const invalid = await anon.post('/api/v1/auth/password-reset', { email: 'not an address' });
    await new TestClient(instance).signup('Bekannt GmbH', 'bea@bekannt.example');
    const known = await anon.post('/api/v1/auth/password-reset', { email: 'bea@bekannt.example' });
    expect([unknown.status, invalid.status]).toEqual([known.status, known.status]);
    expect(unknown.body).toEqual(known.body);
    await waitForMail('bea@bekannt.example', 1);
    expect(received.length).toBe(before + 1);
  });

  it('refuses an expired link, and sends at most three mails per address and hour', async () => {
    await new TestClient(instance).signup('Viel GmbH', 'vic@viel.example');
    const anon = new TestClient(instance);
    for (let i = 0; i < 4; i++) expect((await anon.post('/api/v1/auth/password-reset', { email: 'vic@viel.example' })).status).toBe(202);
    await waitForMail('vic@viel.example', 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo('vic@viel.example')).toHaveLength(3);
    const token = tokenOf(mailsTo('vic@viel.example')[0]);
    await instance.ctx.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hashToken(token)).execute();
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'my new long password' })).body.code).toBe('reset_token_invalid');
    // the other links still work, but only one of them: setting a password spends them all
    const [, second, third] = mailsTo('vic@viel.example').map(tokenOf);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token: second, password: 'my new long password' })).status).toBe(204);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token: third, password: 'yet another password' })).status).toBe(404);
  });

  it('keeps the second factor: after a reset the code is still asked', async () => {
    const c = new TestClient(instance);
    await c.signup('Faktor GmbH', 'fay@faktor.example');
    const { secret } = await enableTotp(c);
    const anon = new TestClient(instance);
    await anon.post('/api/v1/auth/password-reset', { email: 'fay@faktor.example' });
    const [mail] = await waitForMail('fay@faktor.example', 1);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token: tokenOf(mail), password: 'my new long password' })).status).toBe(204);
    const login = await anon.login('fay@faktor.example', 'my new long password');
    expect(login.body.secondFactor).toBe('totp');
    expect((await anon.post('/api/v1/auth/login/second-factor', { challenge: login.body.challenge, code: codeAt(secret, 1) })).status).toBe(200);
  });

  it('says plainly when no SMTP is configured, whatever the address', async () => {
    const anon = new TestClient(withoutMail);
    expect((await anon.get('/api/v1/auth/password-reset')).body).toEqual({ byMail: false });
    await new TestClient(withoutMail).signup('Ohne Mail GmbH', 'otto@ohne.example');
    for (const email of ['otto@ohne.example', 'nobody@nowhere.example']) {
      const res = await anon.post('/api/v1/auth/password-reset', { email });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('mail_not_configured');
      expect(res.body.title).toMatch(/SMTP/);
    }
    expect(await withoutMail.ctx.db.selectFrom('password_resets').select('token_hash').execute()).toEqual([]);
  });
});
