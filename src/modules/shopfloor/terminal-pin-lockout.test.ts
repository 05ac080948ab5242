import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { PIN_DAILY_BUDGET } from '../../kernel/auth/pin-lockout.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

/** PIN guessing is bounded per worker and day and slowed per terminal, atomically; admins see and unlock. */
describe.each(testDatabaseKinds())('PIN lockout on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let companyId: string;
  const db = () => instance.ctx.db;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Sperre GmbH', 'chefin@sperre.example', 'Petra Chefin');
    await owner.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true });
  });
  afterAll(async () => instance?.close());

  async function terminal(name: string) {
    const res = await owner.post(`/api/v1/companies/${companyId}/shopfloor/terminals`, { name });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, cookie: `wv_terminal=${res.raw.cookies.find((c) => c.name === 'wv_terminal')!.value}` };
  }
  async function worker(personnelNumber: string, pin: string) {
    const res = await owner.post(`/api/v1/companies/${companyId}/workers`, { name: `Werker ${personnelNumber}`, personnelNumber, pin });
    expect(res.status).toBe(201);
    return res.body.userId as string;
  }
  const signIn = (cookie: string, personnelNumber: string, pin: string) =>
    new TestClient(instance).request('POST', '/api/v1/terminal/signin', { personnelNumber, pin }, { cookie });
  /** PINs actually checked for a worker: every check of a wrong PIN leaves one audit entry. */
  const checkedWrong = async (personnelNumber: string) =>
    (await db().selectFrom('audit_log').select('action').where('tenant_id', '=', companyId).where('target', '=', personnelNumber).where('action', 'in', ['auth.pin_failed', 'auth.pin_locked']).execute()).length;
  const pauseOver = (userId: string) => db().updateTable('memberships').set({ pin_locked_until: new Date(Date.now() - 1000) }).where('tenant_id', '=', companyId).where('user_id', '=', userId).execute();
  const terminalsWaitOver = () => db().updateTable('terminals').set({ pin_blocked_until: new Date(Date.now() - 1000) }).where('tenant_id', '=', companyId).execute();

  it('checks at most five of twenty parallel wrong PINs, spread over four terminals', async () => {
    const terminals = await Promise.all(['P1', 'P2', 'P3', 'P4'].map(terminal));
    await worker('3001', '4711');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(terminals[i % 4].cookie, '3001', '0000')));
    const statuses = results.map((r) => r.status);
    expect(await checkedWrong('3001')).toBe(5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(16);
    expect(results.filter((r) => r.status === 423).every((r) => r.body.code === 'pin_locked')).toBe(true);
  });

  it('checks at most five of twenty parallel wrong PINs for different workers on one terminal', async () => {
    const t = await terminal('P5');
    const numbers = ['3101', '3102', '3103', '3104', '3105'];
    for (const n of numbers) await worker(n, '4711');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(t.cookie, numbers[i % 5], '0000')));
    let checked = 0;
    for (const n of numbers) checked += await checkedWrong(n);
    expect(checked).toBe(5);
    expect(results.filter((r) => r.status === 429).every((r) => r.body.code === 'terminal_throttled')).toBe(true);
    expect(results.filter((r) => r.status === 429)).toHaveLength(15);
  });

  it('locks a worker for the day after ten wrong PINs; other workers go on; the admin sees it and unlocks', async () => {
    const t = await terminal('Tages-Terminal');
    const userId = await worker('3201', '2468');
    await worker('3202', '1357');
    const codes: Array<[number, string | undefined]> = [];
    for (let i = 1; i <= PIN_DAILY_BUDGET; i++) {
      await terminalsWaitOver();
      if (i === 6) {
        // the fifth started a 15-minute pause; once over, the next five wrong PINs end the day
        expect((await signIn(t.cookie, '3201', '2468')).body.code).toBe('pin_locked');
        await pauseOver(userId);
      }
      const res = await signIn(t.cookie, '3201', '0000');
      codes.push([res.status, res.body.code]);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill([401, 'invalid_pin']));
    expect(codes[4]).toEqual([423, 'pin_locked']);
    expect(codes.slice(5, 9)).toEqual(Array(4).fill([401, 'invalid_pin']));
    expect(codes[9]).toEqual([423, 'pin_locked_day']);

    // locked for the day: even the right PIN, also after the pause and the terminal's wait are over
    await pauseOver(userId);
    await terminalsWaitOver();
    const right = await signIn(t.cookie, '3201', '2468');
    expect([right.status, right.body.code]).toEqual([423, 'pin_locked_day']);
    expect(right.body.title).toMatch(/^Zu viele falsche PINs heute\. Die PIN-Anmeldung ist gesperrt, bis die Verwaltung sie freigibt, höchstens 24 Stunden\.$/);
    expect(right.raw.cookies.some((c) => c.name === 'wv_session')).toBe(false);
    expect(await checkedWrong('3201')).toBe(PIN_DAILY_BUDGET);
    // a colleague on the same terminal is not affected
    expect((await signIn(t.cookie, '3202', '1357')).status).toBe(200);

    // the admin sees the lock in the member list and in the audit log, with the terminal
    const member = (await owner.get(`/api/v1/companies/${companyId}/members`)).body.find((m: { userId: string }) => m.userId === userId);
    expect(new Date(member.pinLockedUntil).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const audit = await db().selectFrom('audit_log').select(['action', 'details']).where('tenant_id', '=', companyId).where('target', '=', '3201').where('action', '=', 'auth.pin_locked').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => (typeof a.details === 'string' ? JSON.parse(a.details) : a.details))).toEqual([
      expect.objectContaining({ reason: 'paused', terminal: 'Tages-Terminal' }),
      expect.objectContaining({ reason: 'budget', terminal: 'Tages-Terminal', wrongToday: PIN_DAILY_BUDGET }),
    ]);

    // a shop-floor worker cannot unlock, the admin can; then the right PIN works
    const colleague = await signIn(t.cookie, '3202', '1357');
    const viaTerminal = new TestClient(instance);
    viaTerminal.cookie = colleague.raw.cookies.filter((c) => c.name === 'wv_session').map((c) => `wv_session=${c.value}`)[0];
    viaTerminal.csrfToken = colleague.body.csrfToken;
    expect((await viaTerminal.delete(`/api/v1/companies/${companyId}/members/${userId}/pin-lock`)).status).toBe(403);
    expect((await owner.delete(`/api/v1/companies/${companyId}/members/${userId}/pin-lock`)).status).toBe(204);
    expect((await owner.get(`/api/v1/companies/${companyId}/members`)).body.find((m: { userId: string }) => m.userId === userId).pinLockedUntil).toBeNull();
    await terminalsWaitOver();
    expect((await signIn(t.cookie, '3201', '2468')).status).toBe(200);
    const unlocked = await db().selectFrom('audit_log').select('action').where('tenant_id', '=', companyId).where('target', '=', userId).where('action', '=', 'member.pin_unlocked').execute();
    expect(unlocked).toHaveLength(1);
  });

  it('a right PIN does not give back the day: wrong PINs between right ones still add up', async () => {
    const t = await terminal('Zähl-Terminal');
    const userId = await worker('3301', '8642');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        await terminalsWaitOver();
        await signIn(t.cookie, '3301', '0000');
      }
      await terminalsWaitOver();
      expect((await signIn(t.cookie, '3301', '8642')).status).toBe(round < 2 ? 200 : 423);
    }
    const row = await db().selectFrom('memberships').select(['pin_budget_failures', 'pin_failed_attempts']).where('tenant_id', '=', companyId).where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(row.pin_budget_failures).toBe(PIN_DAILY_BUDGET);
  });

  it('slows a terminal after five wrong PINs for anyone, with growing waits, and tells the admin', async () => {
    const t = await terminal('Flur-Tablet');
    const other = await terminal('Halle-Tablet');
    const numbers = ['3401', '3402', '3403', '3404', '3405', '3406'];
    for (const n of numbers) await worker(n, '9753');
    for (const n of numbers.slice(0, 5)) expect((await signIn(t.cookie, n, '0000')).status).toBe(401);
    // waiting: even a right PIN of someone else is not checked here, with Retry-After
    const waiting = await signIn(t.cookie, '3406', '9753');
    expect([waiting.status, waiting.body.code]).toEqual([429, 'terminal_throttled']);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(15);
    // another terminal is not affected, and no worker is locked by the spread-out wrong PINs
    expect((await signIn(other.cookie, '3406', '9753')).status).toBe(200);
    // the next wrong PIN on the terminal waits twice as long
    await terminalsWaitOver();
    const before = Date.now();
    expect((await signIn(t.cookie, '3401', '0000')).status).toBe(401);
    const row = await db().selectFrom('terminals').select(['pin_failures', 'pin_blocked_until']).where('tenant_id', '=', companyId).where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.pin_failures).toBe(6);
    expect(Math.round((new Date(row.pin_blocked_until!).getTime() - before) / 1000)).toBe(30);
    const audit = await db().selectFrom('audit_log').select(['action', 'target']).where('tenant_id', '=', companyId).where('action', '=', 'auth.terminal_throttled').where('target', '=', 'Flur-Tablet').execute();
    expect(audit).toEqual([{ action: 'auth.terminal_throttled', target: 'Flur-Tablet' }]);
  });
});
