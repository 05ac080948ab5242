import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

/** PIN workers, terminal devices and PIN sign-in on both databases. */
describe.each(testDatabaseKinds())('terminal sign-in with PIN on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let companyId: string;
  let api: string;
  let workCentreId: string;
  let operationId: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Terminal GmbH', 'chefin@terminal.example', 'Petra Chefin');
    api = `/api/v1/companies/${companyId}/shopfloor`;
    await owner.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true });
    const centre = await owner.post(`${api}/work-centres`, { code: 'SAW', name: 'Säge', calendar: { week: { mon: [{ name: 'Früh', start: '06:00', end: '14:00' }] } } });
    workCentreId = centre.body.id;
    const part = await owner.post(`${api}/parts`, { number: 'P-1', name: 'Teil', operations: [{ name: 'Sägen', workCentreId, setupMinutes: 5, idealCycleSeconds: 30 }] });
    const order = await owner.post(`${api}/orders`, { number: 'FA-1', partId: part.body.id, quantity: 10 });
    operationId = order.body.operations[0].id;
  });
  afterAll(async () => instance?.close());

  const members = async () => (await owner.get(`/api/v1/companies/${companyId}/members`)).body as Array<{ userId: string; name: string; email: string | null; role: string; personnelNumber: string | null; hasPin: boolean }>;
  const db = () => instance.ctx.db;

  /** Registers a terminal with `client` and returns its device cookie. */
  async function registerTerminal(client: TestClient, company: string, body: Record<string, unknown> = { name: 'Säge 1' }) {
    const res = await client.post(`/api/v1/companies/${company}/shopfloor/terminals`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const cookie = res.raw.cookies.find((c) => c.name === 'wv_terminal')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/terminal' });
    return { id: res.body.id as string, cookie: `wv_terminal=${cookie.value}` };
  }

  async function pinSignIn(terminalCookie: string | undefined, body: Record<string, unknown>, locale = 'de') {
    const worker = new TestClient(instance);
    const res = await worker.request('POST', '/api/v1/terminal/signin', body, { ...(terminalCookie ? { cookie: terminalCookie } : {}), 'accept-language': locale });
    return { worker, res };
  }

  it('creates PIN workers and sets PINs; bad input is refused with a translated error and changes nothing', async () => {
    const created = await owner.post(`/api/v1/companies/${companyId}/workers`, { name: 'Ali Yilmaz', personnelNumber: '1001', pin: '4711' });
    expect(created.status).toBe(201);
    const ali = (await members()).find((m) => m.name === 'Ali Yilmaz')!;
    expect(ali).toMatchObject({ email: null, role: 'shopfloor', personnelNumber: '1001', hasPin: true });
    const stored = await db().selectFrom('memberships').select('pin_hash').where('user_id', '=', ali.userId).executeTakeFirstOrThrow();
    expect(stored.pin_hash).toMatch(/^\$argon2id\$/);

    const before = JSON.stringify(await members());
    for (const [body, locale, title] of [
      [{ name: 'Kurz', personnelNumber: '1002', pin: '12' }, 'de', 'Die Eingabe ist ungültig. Bitte prüfen Sie die markierten Felder.'],
      [{ name: 'Buchstaben', personnelNumber: '1002', pin: '12ab' }, 'de', 'Die Eingabe ist ungültig. Bitte prüfen Sie die markierten Felder.'],
      [{ name: 'Lang', personnelNumber: '1002', pin: '123456789' }, 'de', 'Die Eingabe ist ungültig. Bitte prüfen Sie die markierten Felder.'],
    ] as const) {
      const bad = await owner.request('POST', `/api/v1/companies/${companyId}/workers`, body, { 'accept-language': locale });
      expect(bad.status).toBe(400);
      expect(bad.body.title).toBe(title);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.pin']);
    }
    const taken = await owner.post(`/api/v1/companies/${companyId}/workers`, { name: 'Doppelt', personnelNumber: '1001', pin: '1234' });
    expect([taken.status, taken.body.code, taken.body.title]).toEqual([409, 'personnel_number_taken', 'Diese Personalnummer ist in der Firma schon vergeben.']);
    expect(JSON.stringify(await members())).toBe(before);

    // a worker without e-mail can never use the e-mail/password sign-in
    expect((await new TestClient(instance).login('', '')).status).toBe(401);

    // reset the PIN of the worker, and set one for an existing member with e-mail
    const hashBefore = stored.pin_hash;
    const badReset = await owner.put(`/api/v1/companies/${companyId}/members/${ali.userId}/pin`, { pin: 'abcd' });
    expect(badReset.status).toBe(400);
    expect((await db().selectFrom('memberships').select('pin_hash').where('user_id', '=', ali.userId).executeTakeFirstOrThrow()).pin_hash).toBe(hashBefore);
    expect((await owner.put(`/api/v1/companies/${companyId}/members/${ali.userId}/pin`, { pin: '0815' })).status).toBe(200);
    expect((await db().selectFrom('memberships').select('pin_hash').where('user_id', '=', ali.userId).executeTakeFirstOrThrow()).pin_hash).not.toBe(hashBefore);

    const ownerId = (await owner.get('/api/v1/me')).body.user.id;
    const noNumber = await owner.put(`/api/v1/companies/${companyId}/members/${ownerId}/pin`, { pin: '9999' });
    expect([noNumber.status, noNumber.body.code]).toEqual([400, 'pin_without_personnel_number']);
    const clash = await owner.put(`/api/v1/companies/${companyId}/members/${ownerId}/pin`, { pin: '9999', personnelNumber: '1001' });
    expect([clash.status, clash.body.code]).toEqual([409, 'personnel_number_taken']);
    expect((await owner.put(`/api/v1/companies/${companyId}/members/${ownerId}/pin`, { pin: '9999', personnelNumber: '1' })).status).toBe(200);

    const audit = (await owner.get(`/api/v1/companies/${companyId}/audit`)).body;
    const actions = (Array.isArray(audit) ? audit : audit.entries ?? audit.items).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.worker_created', 'member.pin_set']));
  });

  it('registers, lists and revokes terminals; only members who plan may', async () => {
    const { id } = await registerTerminal(owner, companyId, { name: 'Säge-Tablet', workCentreId });
    const list = (await owner.get(`${api}/terminals`)).body;
    expect(list.find((t: { id: string }) => t.id === id)).toMatchObject({ name: 'Säge-Tablet', workCentreId });
    const unknownCentre = await owner.post(`${api}/terminals`, { name: 'X', workCentreId: randomUUID() });
    expect(unknownCentre.status).toBe(404);
    expect((await owner.post(`${api}/terminals`, { name: '' })).status).toBe(400);
    expect((await owner.get(`${api}/terminals`)).body).toHaveLength(list.length);

    expect((await owner.delete(`${api}/terminals/${id}`)).status).toBe(204);
    expect((await owner.delete(`${api}/terminals/${id}`)).status).toBe(404);
    expect((await owner.get(`${api}/terminals`)).body.some((t: { id: string }) => t.id === id)).toBe(false);
  });

  it('signs in with PIN only on a terminal of the same company; the session can book but not administer', async () => {
    const terminal = await registerTerminal(owner, companyId, { name: 'Säge 2', workCentreId });
    // no terminal cookie, a forged one, and another company's terminal are all refused
    expect((await pinSignIn(undefined, { personnelNumber: '1001', pin: '0815' })).res.body.code).toBe('terminal_required');
    expect((await pinSignIn('wv_terminal=forged', { personnelNumber: '1001', pin: '0815' })).res.status).toBe(401);
    const other = new TestClient(instance);
    const otherCompany = await other.signup('Andere GmbH', 'andere@other.example');
    await other.put(`/api/v1/companies/${otherCompany}/modules/shopfloor`, { enabled: true });
    const foreignTerminal = await registerTerminal(other, otherCompany, { name: 'Fremd' });
    const foreign = await pinSignIn(foreignTerminal.cookie, { personnelNumber: '1001', pin: '0815' });
    expect([foreign.res.status, foreign.res.body.code]).toEqual([401, 'invalid_pin']);
    expect(foreign.res.raw.cookies.some((c) => c.name === 'wv_session')).toBe(false);

    // the sign-in screen lists the people with a PIN, and nobody from another company
    const screen = await new TestClient(instance).request('GET', '/api/v1/terminal', undefined, { cookie: terminal.cookie });
    expect(screen.body.terminal).toMatchObject({ name: 'Säge 2', companyId, companyName: 'Terminal GmbH', workCentreId });
    expect(screen.body.workers.map((w: { personnelNumber: string }) => w.personnelNumber).sort()).toEqual(['1', '1001']);

    const { worker, res } = await pinSignIn(terminal.cookie, { personnelNumber: '1001', pin: '0815' });
    expect(res.status).toBe(200);
    const session = res.raw.cookies.find((c) => c.name === 'wv_session')!;
    expect(session.maxAge).toBe(12 * 3600);
    expect(res.body.terminal).toMatchObject({ id: terminal.id, name: 'Säge 2', workCentreId });
    expect(res.body.companies.map((c: { id: string; role: string }) => [c.id, c.role])).toEqual([[companyId, 'shopfloor']]);

    const at = new Date().toISOString();
    const deviceId = randomUUID();
    const booked = await worker.post(`${api}/bookings`, { bookings: [
      { key: randomUUID(), deviceId, sequence: 1, operationId, kind: 'start-production', at },
      { key: randomUUID(), deviceId, sequence: 2, operationId, kind: 'quantity', at, good: 3, scrap: 0 },
    ] });
    expect(booked.status).toBe(200);
    const workerId = res.body.user.id;
    const rows = await db().selectFrom('shopfloor_bookings').select(['received_by', 'status']).where('device_id', '=', deviceId).execute();
    expect(rows.map((r) => [r.received_by, r.status])).toEqual([[workerId, 'applied'], [workerId, 'applied']]);

    // no admin things, no planning, no new company, nothing of other companies
    expect((await worker.get(`/api/v1/companies/${companyId}/members`)).status).toBe(403);
    expect((await worker.post(`/api/v1/companies/${companyId}/workers`, { name: 'X', personnelNumber: '7', pin: '1234' })).status).toBe(403);
    expect((await worker.post(`${api}/terminals`, { name: 'X' })).status).toBe(403);
    expect((await worker.post(`${api}/work-centres`, { code: 'X', name: 'X', calendar: { week: {} } })).status).toBe(403);
    expect((await worker.post('/api/v1/companies', { name: 'Eigene GmbH' })).body.code).toBe('terminal_session');

    // the owner's PIN session is capped to the shop-floor role and this company
    const ownerPin = await pinSignIn(terminal.cookie, { personnelNumber: '1', pin: '9999' });
    expect(ownerPin.res.body.companies.map((c: { role: string }) => c.role)).toEqual(['shopfloor']);
    expect((await ownerPin.worker.get(`/api/v1/companies/${companyId}/members`)).status).toBe(403);
    expect((await ownerPin.worker.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: false })).status).toBe(403);

    // sign-out ends the session
    expect((await worker.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await worker.get('/api/v1/me')).status).toBe(401);

    // revoking the terminal ends its PIN sessions and its sign-in
    const again = await pinSignIn(terminal.cookie, { userId: workerId, pin: '0815' });
    expect((await again.worker.get('/api/v1/me')).status).toBe(200);
    expect((await owner.delete(`${api}/terminals/${terminal.id}`)).status).toBe(204);
    expect((await again.worker.get('/api/v1/me')).status).toBe(401);
    expect((await pinSignIn(terminal.cookie, { personnelNumber: '1001', pin: '0815' })).res.body.code).toBe('terminal_required');
  });

  it('counts wrong PINs and locks the membership after five, with audit entries', async () => {
    const terminal = await registerTerminal(owner, companyId, { name: 'Säge 3' });
    await owner.post(`/api/v1/companies/${companyId}/workers`, { name: 'Bea Berg', personnelNumber: '2002', pin: '2468' });
    for (let i = 1; i <= 4; i++) {
      const { res } = await pinSignIn(terminal.cookie, { personnelNumber: '2002', pin: '0000' }, i === 1 ? 'en' : 'de');
      expect([res.status, res.body.code]).toEqual([401, 'invalid_pin']);
      if (i === 1) expect(res.body.title).toBe('Personnel number or PIN is wrong.');
    }
    const fifth = (await pinSignIn(terminal.cookie, { personnelNumber: '2002', pin: '0000' })).res;
    expect([fifth.status, fifth.body.code, fifth.body.title]).toEqual([423, 'pin_locked', 'Zu viele falsche PINs. Die Anmeldung ist noch 15 Minuten gesperrt.']);
    // locked: even the right PIN is refused
    const right = (await pinSignIn(terminal.cookie, { personnelNumber: '2002', pin: '2468' })).res;
    expect([right.status, right.body.code]).toEqual([423, 'pin_locked']);
    expect(right.raw.cookies.some((c) => c.name === 'wv_session')).toBe(false);
    expect((await members()).find((m) => m.name === 'Bea Berg')).toMatchObject({ pinLockedUntil: expect.any(String) });

    // once the lock has ended the right PIN works and clears the count; a PIN reset also unlocks
    await db().updateTable('memberships').set({ pin_locked_until: new Date(Date.now() - 1000) }).where('personnel_number', '=', '2002').execute();
    // (the terminal's own wait after five and more wrong PINs on it is over as well)
    const terminalWaitOver = () => db().updateTable('terminals').set({ pin_blocked_until: new Date(Date.now() - 1000) }).where('id', '=', terminal.id).execute();
    await terminalWaitOver();
    expect((await pinSignIn(terminal.cookie, { personnelNumber: '2002', pin: '0000' })).res.status).toBe(401);
    await terminalWaitOver();
    expect((await pinSignIn(terminal.cookie, { personnelNumber: '2002', pin: '2468' })).res.status).toBe(200);
    const counted = await db().selectFrom('memberships').select(['pin_failed_attempts', 'pin_locked_until']).where('personnel_number', '=', '2002').executeTakeFirstOrThrow();
    expect([counted.pin_failed_attempts, counted.pin_locked_until]).toEqual([0, null]);

    const audit = await db().selectFrom('audit_log').select('action').where('tenant_id', '=', companyId).where('target', '=', '2002').execute();
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'auth.pin_failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.pin_locked')).toHaveLength(1);
    expect(actions).toContain('auth.pin_signed_in');
  });

  it('limits sign-in attempts per terminal', async () => {
    const limited = await startTestInstance(kind, { config: { signInRateLimit: 3 } });
    try {
      const admin = new TestClient(limited);
      const id = await admin.signup('Limit GmbH', 'l@limit.example');
      await admin.put(`/api/v1/companies/${id}/modules/shopfloor`, { enabled: true });
      const res = await admin.post(`/api/v1/companies/${id}/shopfloor/terminals`, { name: 'T' });
      const cookie = `wv_terminal=${res.raw.cookies.find((c) => c.name === 'wv_terminal')!.value}`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await new TestClient(limited).request('POST', '/api/v1/terminal/signin', { personnelNumber: '9', pin: '1111' }, { cookie })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
