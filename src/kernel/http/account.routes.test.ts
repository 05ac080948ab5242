import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeAt, enableTotp } from '../account/account-test-helpers.js';
import { deleteExpiredSignInState } from '../account/expired-cleanup.js';
import { hashToken } from '../auth/secret-token.js';
import type { Instance } from '../instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';

describe.each(testDatabaseKinds())('account security on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  const auditActions = async (companyId: string) =>
    (await instance.ctx.db.selectFrom('audit_log').select('action').where('tenant_id', '=', companyId).execute()).map((r) => r.action);

  it('changes the password with the current one, ends every other session and audits it', async () => {
    const here = new TestClient(instance);
    const companyId = await here.signup('Passwort GmbH', 'pia@passwort.example');
    const elsewhere = new TestClient(instance);
    expect((await elsewhere.login('pia@passwort.example')).status).toBe(200);

    const wrong = await here.post('/api/v1/me/password', { currentPassword: 'not my password', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('current_password_wrong');
    expect((await elsewhere.get('/api/v1/me')).status).toBe(200);
    const short = await here.post('/api/v1/me/password', { currentPassword: 'correct horse battery', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('validation');

    expect((await here.post('/api/v1/me/password', { currentPassword: 'correct horse battery', newPassword: 'a brand new password' })).status).toBe(204);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect((await new TestClient(instance).login('pia@passwort.example')).status).toBe(401);
    expect((await new TestClient(instance).login('pia@passwort.example', 'a brand new password')).status).toBe(200);
    expect(await auditActions(companyId)).toContain('auth.password_changed');
  });

  it('sets up TOTP with a QR code and a confirmation code; the secret is stored encrypted', async () => {
    const c = new TestClient(instance);
    await c.signup('Totp GmbH', 'tom@totp.example');
    expect((await c.post('/api/v1/me/totp/setup', { password: 'wrong password' })).body.code).toBe('current_password_wrong');
    const setup = await c.post('/api/v1/me/totp/setup', { password: 'correct horse battery' });
    expect(setup.status).toBe(200);
    expect(setup.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(setup.body.uri).toContain(`secret=${setup.body.secret}`);
    const wrong = await c.post('/api/v1/me/totp/confirm', { code: '000000' === codeAt(setup.body.secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('totp_code_invalid');
    expect((await c.get('/api/v1/me')).body.user.totpEnabled).toBe(false);

    const confirmed = await c.post('/api/v1/me/totp/confirm', { code: codeAt(setup.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/v1/me')).body.user.totpEnabled).toBe(true);
    expect((await c.get('/api/v1/me/security')).body).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    expect((await c.post('/api/v1/me/totp/setup', { password: 'correct horse battery' })).body.code).toBe('totp_already_enabled');

    const row = await instance.ctx.db.selectFrom('users').select(['totp_secret', 'totp_pending_secret']).where('email', '=', 'tom@totp.example').executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v2:[0-9a-f]{8}:/);
    expect(row.totp_secret).not.toContain(setup.body.secret);
    expect(row.totp_pending_secret).toBeNull();
    const stored = await instance.ctx.db.selectFrom('totp_recovery_codes').select('code_hash').execute();
    const hashes = stored.map((r) => r.code_hash as string);
    for (const code of confirmed.body.recoveryCodes as string[]) expect(hashes.join()).not.toContain(code.replaceAll('-', ''));
  });

  it('signs in in two steps with TOTP: each code once, recovery codes once, wrong codes end the attempt', async () => {
    const c = new TestClient(instance);
    const companyId = await c.signup('Zwei Schritte GmbH', 'zoe@zwei.example');
    const { secret, recoveryCodes } = await enableTotp(c);
    await c.post('/api/v1/auth/logout');

    const first = await c.login('zoe@zwei.example');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ secondFactor: 'totp', challenge: expect.any(String) });
    expect(c.cookie).toBeUndefined();
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const stored = await instance.ctx.db.selectFrom('sign_in_challenges').select('id_hash').where('id_hash', '=', hashToken(first.body.challenge)).execute();
    expect(stored).toHaveLength(1);

    const code = codeAt(secret, 1); // the confirmation used the current step; the next one is new
    const wrong = await c.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code: code === '123456' ? '654321' : '123456' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('totp_code_invalid');
    const second = await c.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code });
    expect(second.status).toBe(200);
    expect(second.body.user.totpEnabled).toBe(true);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    // the challenge is spent, and the same code does not work a second time
    expect((await c.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code })).body.code).toBe('totp_challenge_invalid');
    const again = new TestClient(instance);
    const challenge = (await again.login('zoe@zwei.example')).body.challenge;
    expect((await again.post('/api/v1/auth/login/second-factor', { challenge, code })).body.code).toBe('totp_code_invalid');

    // a recovery code works once
    const recovered = await again.post('/api/v1/auth/login/second-factor', { challenge, code: recoveryCodes[0].toLowerCase() });
    expect(recovered.status).toBe(200);
    const third = new TestClient(instance);
    const challenge3 = (await third.login('zoe@zwei.example')).body.challenge;
    expect((await third.post('/api/v1/auth/login/second-factor', { challenge: challenge3, code: recoveryCodes[0] })).status).toBe(401);
    expect((await c.get('/api/v1/me/security')).body.recoveryCodesLeft).toBe(9);

    // five wrong codes and the challenge is gone, even for the right code
    for (let i = 0; i < 4; i++) await third.post('/api/v1/auth/login/second-factor', { challenge: challenge3, code: '000000' });
    const late = await third.post('/api/v1/auth/login/second-factor', { challenge: challenge3, code: recoveryCodes[1] });
    expect(late.body.code).toBe('totp_challenge_invalid');
    expect(await auditActions(companyId)).toEqual(expect.arrayContaining(['auth.totp_enabled', 'auth.second_factor_failed', 'auth.signed_in_with_recovery_code']));
  });

  it('switches TOTP off only with password and a code; sign-in is one step again', async () => {
    const c = new TestClient(instance);
    const companyId = await c.signup('Aus GmbH', 'ali@aus.example');
    const { recoveryCodes } = await enableTotp(c);
    expect((await c.post('/api/v1/me/totp/disable', { password: 'wrong password', code: recoveryCodes[0] })).body.code).toBe('current_password_wrong');
    expect((await c.post('/api/v1/me/totp/disable', { password: 'correct horse battery', code: '000000' })).body.code).toBe('totp_code_invalid');
    expect((await c.post('/api/v1/me/totp/disable', { password: 'correct horse battery', code: recoveryCodes[0] })).status).toBe(204);
    expect((await c.get('/api/v1/me')).body.user.totpEnabled).toBe(false);
    const row = await instance.ctx.db.selectFrom('users').select(['id', 'totp_secret']).where('email', '=', 'ali@aus.example').executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeNull();
    expect(await instance.ctx.db.selectFrom('totp_recovery_codes').select('code_hash').where('user_id', '=', row.id).execute()).toEqual([]);
    const login = await new TestClient(instance).login('ali@aus.example');
    expect(login.body.user?.email).toBe('ali@aus.example');
    expect(await auditActions(companyId)).toContain('auth.totp_disabled');
  });

  it('lets the owner require TOTP: members without it are stopped until they set it up', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Pflicht GmbH', 'olaf@pflicht.example');
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'admin' });
    const member = new TestClient(instance);
    await member.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Mia Mitglied', email: 'mia@pflicht.example', password: 'correct horse battery' } });

    expect((await owner.put(`/api/v1/companies/${companyId}/two-factor`, { required: true })).body.code).toBe('totp_enable_first');
    await enableTotp(owner);
    expect((await member.put(`/api/v1/companies/${companyId}/two-factor`, { required: true })).status).toBe(403);
    expect((await owner.put(`/api/v1/companies/${companyId}/two-factor`, { required: true })).status).toBe(200);

    const blocked = await member.get(`/api/v1/companies/${companyId}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('totp_required');
    const me = await member.get('/api/v1/me');
    expect(me.body.companies[0]).toMatchObject({ id: companyId, requireTotp: true });
    expect(me.body.user.totpEnabled).toBe(false);
    expect((await owner.get(`/api/v1/companies/${companyId}`)).status).toBe(200);

    await enableTotp(member);
    expect((await member.get(`/api/v1/companies/${companyId}`)).status).toBe(200);
    expect((await owner.put(`/api/v1/companies/${companyId}/two-factor`, { required: false })).status).toBe(200);
    expect(await auditActions(companyId)).toEqual(expect.arrayContaining(['company.two_factor_required', 'company.two_factor_optional']));
  });

  it('deletes expired sessions, challenges, reset tokens, invitations and forgotten sign-in failures in the periodic job, and nothing live', async () => {
    const c = new TestClient(instance);
    const companyId = await c.signup('Aufräum GmbH', 'aki@aufraeum.example');
    const db = instance.ctx.db;
    const user = await db.selectFrom('users').select('id').where('email', '=', 'aki@aufraeum.example').executeTakeFirstOrThrow();
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await db.insertInto('sessions').values({ id_hash: 'expired-session', user_id: user.id, csrf_token: 'x', expires_at: past }).execute();
    await db.insertInto('sign_in_challenges').values({ id_hash: 'expired-challenge', user_id: user.id, expires_at: past }).execute();
    await db.insertInto('password_resets').values([
      { token_hash: 'expired-reset', user_id: user.id, expires_at: past },
      { token_hash: 'used-reset', user_id: user.id, expires_at: future, used_at: new Date() },
      { token_hash: 'open-reset', user_id: user.id, expires_at: future },
    ]).execute();
    const open = await c.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    const old = await c.post(`/api/v1/companies/${companyId}/invitations`, { role: 'viewer' });
    await db.updateTable('invitations').set({ expires_at: past }).where('id', '=', old.body.id).execute();
    const dayAndMinuteAgo = new Date(Date.now() - 24 * 3_600_000 - 60_000);
    await db.insertInto('sign_in_failures').values([
      { key_hash: 'forgotten-run', failures: 7, last_failure_at: dayAndMinuteAgo, blocked_until: new Date(dayAndMinuteAgo.getTime() + 3_600_000) },
      { key_hash: 'recent-run', failures: 3, last_failure_at: past, blocked_until: null },
      { key_hash: 'waiting-run', failures: 9, last_failure_at: past, blocked_until: future },
    ]).execute();

    // the kernel scheduler runs it at start and every 15 minutes
    const job = instance.ctx.jobs.list().find((j) => j.id === 'platform.expired-sign-in-state');
    expect(job?.intervalMs).toBe(15 * 60_000);
    expect(await instance.ctx.jobs.runNow('platform.expired-sign-in-state')).toBe('succeeded');

    expect(await db.selectFrom('sessions').select('id_hash').where('id_hash', '=', 'expired-session').execute()).toEqual([]);
    expect(await db.selectFrom('sign_in_challenges').select('id_hash').where('user_id', '=', user.id).execute()).toEqual([]);
    const resets = await db.selectFrom('password_resets').select('token_hash').where('user_id', '=', user.id).execute();
    expect(resets.map((r) => r.token_hash)).toEqual(['open-reset']);
    const invitations = await db.selectFrom('invitations').select('id').where('tenant_id', '=', companyId).execute();
    expect(invitations.map((r) => r.id)).toEqual([open.body.id]);
    const failures = await db.selectFrom('sign_in_failures').select('key_hash').where('key_hash', 'in', ['forgotten-run', 'recent-run', 'waiting-run']).orderBy('key_hash').execute();
    expect(failures.map((r) => r.key_hash)).toEqual(['recent-run', 'waiting-run']);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect(await deleteExpiredSignInState(db)).toEqual({ sessions: 0, challenges: 0, resets: 0, invitations: 0, signInFailures: 0 });
  });
});
