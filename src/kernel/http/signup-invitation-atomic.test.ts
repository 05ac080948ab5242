import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { byTableName } from '../db/database.js';

/** Sign-up and invitation acceptance either happen completely or not at all, also in parallel. */
describe.each(testDatabaseKinds())('atomic sign-up and invitations on the %s database', (kind) => {
  let instance: Instance;
  const count = async (table: string) => Number((await byTableName(instance.ctx.db).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    // the database refuses this one company name, as it would any failure after the account was written
    await instance.ctx.database.exec(`
      create function refuse_test_company() returns trigger language plpgsql as $$
      begin
        if new.name = 'Verweigert GmbH' then raise exception 'company refused'; end if;
        return new;
      end $$;
      create trigger refuse_test_company before insert on tenants for each row execute function refuse_test_company();`);
  });
  afterAll(async () => instance?.close());

  it('leaves no account behind when the company cannot be created, so the address stays free', async () => {
    const users = await count('users');
    const audit = await count('audit_log');
    const c = new TestClient(instance);
    const failed = await c.post('/api/v1/auth/signup', { company: { name: 'Verweigert GmbH' }, user: { name: 'Vera', email: 'vera@atomic.example', password: 'long enough password' } });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(failed.raw.cookies.some((k) => k.name === 'wv_session' && k.value)).toBe(false);
    expect(await count('users')).toBe(users);
    expect(await count('audit_log')).toBe(audit);
    // the same address signs up fine afterwards instead of being "taken"
    const again = await new TestClient(instance).post('/api/v1/auth/signup', { company: { name: 'Angenommen GmbH' }, user: { name: 'Vera', email: 'vera@atomic.example', password: 'long enough password' } });
    expect(again.status).toBe(201);
    expect(await count('users')).toBe(users + 1);
  });

  it('answers parallel sign-ups with one address once with 201 and otherwise email_taken', async () => {
    const body = { company: { name: 'Parallel GmbH' }, user: { name: 'Paula', email: 'paula@atomic.example', password: 'long enough password' } };
    const tenants = await count('tenants');
    const results = await Promise.all(Array.from({ length: 4 }, () => new TestClient(instance).post('/api/v1/auth/signup', body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'email_taken')).toBe(true);
    expect(await count('tenants')).toBe(tenants + 1);
  });

  async function invitation(owner: TestClient, companyId: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    expect(inv.status).toBe(201);
    return new URL(inv.body.link).hash.slice(1);
  }

  it('lets exactly one of five parallel accepts with one token in, with new accounts', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Einladung Atomar GmbH', 'owner@inv-atomic.example');
    const token = await invitation(owner, companyId);
    const users = await count('users');
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      new TestClient(instance).post('/api/v1/invitations/accept', { token, user: { name: `Gast ${i}`, email: `gast${i}@inv-atomic.example`, password: 'long enough password' } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 404, 404, 404, 404]);
    expect(results.filter((r) => r.status === 404).every((r) => r.body.code === 'invitation_invalid')).toBe(true);
    const members = await owner.get(`/api/v1/companies/${companyId}/members`);
    expect(members.body).toHaveLength(2);
    // the refused ones did not even keep an account
    expect(await count('users')).toBe(users + 1);
    const accepted = await instance.ctx.db.selectFrom('audit_log').select('action').where('tenant_id', '=', companyId).where('action', '=', 'invitation.accepted').execute();
    expect(accepted).toHaveLength(1);
  });

  it('lets exactly one of five parallel accepts with one token in, signed in', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Einladung Angemeldet GmbH', 'owner@inv-signed.example');
    const token = await invitation(owner, companyId);
    const guests = await Promise.all(Array.from({ length: 5 }, async (_, i) => {
      const guest = new TestClient(instance);
      await guest.signup(`Eigene ${i} GmbH`, `gast${i}@inv-signed.example`);
      return guest;
    }));
    const results = await Promise.all(guests.map((g) => g.post('/api/v1/invitations/accept', { token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 404, 404, 404, 404]);
    expect((await owner.get(`/api/v1/companies/${companyId}/members`)).body).toHaveLength(2);
  });

  it('keeps the invitation open when its acceptance is refused (already a member)', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Schon Mitglied GmbH', 'owner@member-already.example');
    const token = await invitation(owner, companyId);
    const refused = await owner.post('/api/v1/invitations/accept', { token });
    expect([refused.status, refused.body.code]).toEqual([409, 'already_member']);
    const guest = new TestClient(instance);
    await guest.signup('Gast GmbH', 'guest@member-already.example');
    expect((await guest.post('/api/v1/invitations/accept', { token })).status).toBe(200);
  });
});
