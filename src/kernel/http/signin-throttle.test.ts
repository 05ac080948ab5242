import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { signInKey, signInWaitSeconds } from '../auth/sign-in-throttle.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';

/** Sign-in limits per address (not fooled by X-Forwarded-For) and per account, with audit entries. */
describe.each(testDatabaseKinds())('sign-in limits on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  let forged = 0;
  /** A sign-in from a new forged client address each time. */
  const login = (email: string, password: string, client = new TestClient(instance)) =>
    client.request('POST', '/api/v1/auth/login', { email, password }, { 'x-forwarded-for': `203.0.113.${++forged % 250}, 198.51.100.${forged % 7}` });
  /** Ends the current wait of an address, as if its time had passed. */
  const waitOver = (email: string) =>
    instance.ctx.db.updateTable('sign_in_failures').set({ blocked_until: new Date(Date.now() - 1000) }).where('key_hash', '=', signInKey(email)).execute();
  const stored = (email: string) => instance.ctx.db.selectFrom('sign_in_failures').selectAll().where('key_hash', '=', signInKey(email)).executeTakeFirst();

  it('refuses the 6th to 30th wrong password from rotating forged addresses, and then the right one too', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Konto GmbH', 'konto@throttle.example');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login('konto@throttle.example', `wrong password ${i}`)).status);
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);

    const right = await login('Konto@Throttle.example', 'correct horse battery');
    expect([right.status, right.body.code]).toEqual([429, 'sign_in_throttled']);
    expect(right.headers['content-type']).toContain('application/problem+json');
    expect(right.body.title).toMatch(/^Zu viele fehlgeschlagene Anmeldungen für diese E-Mail-Adresse\. Bitte versuchen Sie es in 1 Min\. wieder\.$/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(right.raw.cookies.some((c) => c.name === 'wv_session')).toBe(false);

    // only the checked passwords were audited, in the account's company (its admins see them)
    const audit = (await owner.get(`/api/v1/companies/${companyId}/audit`)).body;
    const entries = (Array.isArray(audit) ? audit : audit.entries ?? audit.items).filter((e: { action: string }) => e.action === 'auth.sign_in_failed');
    expect(entries).toHaveLength(5);
    expect(entries.map((e: { details: { failures: number } }) => e.details.failures).sort()).toEqual([1, 2, 3, 4, 5]);

    // once the wait is over the right password works and ends the run
    await waitOver('konto@throttle.example');
    expect((await login('konto@throttle.example', 'correct horse battery')).status).toBe(200);
    expect(await stored('konto@throttle.example')).toBeUndefined();
  });

  it('answers an address without account exactly like one with an account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login('niemand@throttle.example', `wrong password ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const row = await stored('niemand@throttle.example');
    expect(row).toMatchObject({ failures: 5 });
    // the address itself is not stored
    expect(JSON.stringify(await instance.ctx.db.selectFrom('sign_in_failures').selectAll().execute())).not.toContain('niemand');
  });

  it('makes each further failure wait twice as long', async () => {
    await new TestClient(instance).signup('Warten GmbH', 'warten@throttle.example');
    for (let i = 0; i < 5; i++) await login('warten@throttle.example', 'wrong password');
    for (const failures of [6, 7, 8]) {
      await waitOver('warten@throttle.example');
      const before = Date.now();
      expect((await login('warten@throttle.example', 'wrong password')).status).toBe(401);
      const row = (await stored('warten@throttle.example'))!;
      expect(row.failures).toBe(failures);
      const seconds = (new Date(row.blocked_until!).getTime() - before) / 1000;
      expect(Math.round(seconds)).toBe(signInWaitSeconds(failures));
      expect((await login('warten@throttle.example', 'correct horse battery')).status).toBe(429);
    }
  });

  it('checks at most five of twenty parallel wrong passwords', async () => {
    await new TestClient(instance).signup('Parallel Konto GmbH', 'parallel@throttle.example');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login('parallel@throttle.example', `wrong password ${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('limits per real client address: a forged X-Forwarded-For is ignored unless a proxy is trusted', async () => {
    const limited = await startTestInstance(kind, { config: { signInRateLimit: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `n${i}@forged.example`, password: 'whatever password' }, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
    // behind one trusted proxy the address it names counts: each client has its own limit
    const proxied = await startTestInstance(kind, { config: { signInRateLimit: 3, trustProxy: 1 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `p${i}@forged.example`, password: 'whatever password' }, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401]);
      const same: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `q${i}@forged.example`, password: 'whatever password' }, headers: { 'x-forwarded-for': '198.51.100.9' } });
        same.push(res.statusCode);
      }
      expect(same).toEqual([401, 401, 401, 429]);
    } finally {
      await proxied.close();
    }
  });
});
