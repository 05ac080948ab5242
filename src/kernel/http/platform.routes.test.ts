import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { exportedRows } from '../testing/export-archive.js';

describe.each(testDatabaseKinds())('platform API on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  it('answers health', async () => {
    const res = await new TestClient(instance).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('signs up, reads /me, signs out and in again', async () => {
    const c = new TestClient(instance);
    const companyId = await c.signup('Alpha Drehteile GmbH', 'anna@alpha.example', 'Anna Alpha');
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ name: 'Anna Alpha', email: 'anna@alpha.example', locale: 'de' });
    expect(me.body.companies).toEqual([expect.objectContaining({ id: companyId, name: 'Alpha Drehteile GmbH', role: 'owner' })]);
    expect(me.body.user).not.toHaveProperty('password_hash');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const wrong = await c.login('anna@alpha.example', 'not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect((await c.login('ANNA@alpha.example')).status).toBe(200);
    expect((await c.get('/api/v1/me')).body.user.email).toBe('anna@alpha.example');
  });

  it('stores passwords as argon2id hashes only', async () => {
    const c = new TestClient(instance);
    await c.signup('Hash GmbH', 'hash@hash.example');
    const row = await instance.ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'hash@hash.example').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('correct horse');
  });

  it('rejects bad sign-up input with translated field errors and creates nothing', async () => {
    const c = new TestClient(instance);
    const before = await instance.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await c.post('/api/v1/auth/signup', { company: { name: '' }, user: { name: 'X', email: 'not-an-email', password: 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    expect(res.body.title).toMatch(/ungültig/);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.company.name', 'body.user.email', 'body.user.password']));
    const english = await c.request('POST', '/api/v1/auth/signup', {}, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(english.body.title).toMatch(/invalid/);
    const after = await instance.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a second account for the same e-mail', async () => {
    const c = new TestClient(instance);
    await c.signup('Dup One', 'dup@dup.example');
    const res = await new TestClient(instance).post('/api/v1/auth/signup', { company: { name: 'Dup Two' }, user: { name: 'D', email: 'DUP@dup.example', password: 'long enough password' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_taken');
  });

  it('requires the CSRF token for state-changing requests with a session', async () => {
    const c = new TestClient(instance);
    const companyId = await c.signup('Csrf GmbH', 'csrf@csrf.example');
    const token = c.csrfToken;
    c.csrfToken = undefined;
    const res = await c.patch(`/api/v1/companies/${companyId}`, { name: 'Hijacked' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf');
    c.csrfToken = token;
    expect((await c.get(`/api/v1/companies/${companyId}`)).body.name).toBe('Csrf GmbH');
  });

  it('sets an HttpOnly SameSite session cookie and security headers', async () => {
    const c = new TestClient(instance);
    const res = await c.post('/api/v1/auth/signup', { company: { name: 'Cookie AG' }, user: { name: 'C', email: 'c@cookie.example', password: 'long enough password' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps the company profile with size class and validates it', async () => {
    const c = new TestClient(instance);
    const id = await c.signup('Profil GmbH', 'p@profil.example');
    const profile = { employees: 120, industry: '28', valueChain: 'systemSupplier', series: 'single', complexity: 'complex', state: 'BY', region: 'muenchen' };
    const res = await c.patch(`/api/v1/companies/${id}`, { profile });
    expect(res.status).toBe(200);
    expect(res.body.profile).toEqual(profile);
    expect(res.body.sizeClass).toBe('100to249');
    const bad = await c.patch(`/api/v1/companies/${id}`, { profile: { ...profile, employees: -3, series: 'huge' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.profile.employees', 'body.profile.series']));
    expect((await c.get(`/api/v1/companies/${id}`)).body.profile).toEqual(profile);
  });

  it('invites by link, lets the invitee join, switch companies and be revoked', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Invite GmbH', 'owner@invite.example');
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { email: 'advisor@ihk.example', role: 'advisor' });
    expect(inv.status).toBe(201);
    expect(inv.body.mailed).toBe(false);
    const token = new URL(inv.body.link).hash.slice(1);
    expect(token.length).toBeGreaterThan(30);

    const advisor = new TestClient(instance);
    const ownCompany = await advisor.signup('Beratung Müller', 'advisor@ihk.example');
    const lookup = await advisor.post('/api/v1/invitations/lookup', { token });
    expect(lookup.body).toMatchObject({ companyName: 'Invite GmbH', role: 'advisor' });
    const accepted = await advisor.post('/api/v1/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    const companies = accepted.body.me.companies.map((x: { id: string; role: string }) => [x.id, x.role]);
    expect(companies).toEqual(expect.arrayContaining([[ownCompany, 'owner'], [companyId, 'advisor']]));
    expect((await advisor.post('/api/v1/invitations/accept', { token })).body.code).toBe('invitation_invalid');

    expect((await advisor.get(`/api/v1/companies/${companyId}`)).status).toBe(200);
    expect((await advisor.patch(`/api/v1/companies/${companyId}`, { name: 'x' })).status).toBe(403);

    const members = await owner.get(`/api/v1/companies/${companyId}/members`);
    const advisorId = members.body.find((m: { email: string }) => m.email === 'advisor@ihk.example').userId;
    expect((await owner.delete(`/api/v1/companies/${companyId}/members/${advisorId}`)).status).toBe(204);
    expect((await advisor.get(`/api/v1/companies/${companyId}`)).status).toBe(404);

    const audit = await owner.get(`/api/v1/companies/${companyId}/audit`);
    const actions = audit.body.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted', 'member.removed', 'company.created']));
  });

  it('lets a new person accept an invitation with a new account', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Neu GmbH', 'owner@neu.example');
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    const token = new URL(inv.body.link).hash.slice(1);
    const guest = new TestClient(instance);
    const res = await guest.post('/api/v1/invitations/accept', { token, user: { name: 'Max Neu', email: 'max@neu.example', password: 'long enough password' } });
    expect(res.status).toBe(200);
    expect(res.body.me.companies).toEqual([expect.objectContaining({ id: companyId, role: 'member' })]);
    expect((await guest.get('/api/v1/me')).body.user.name).toBe('Max Neu');
  });

  it('enforces role rules: admins cannot create owners, the last owner stays', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Rollen GmbH', 'owner@rollen.example');
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'admin' });
    const admin = new TestClient(instance);
    await admin.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Ada Admin', email: 'ada@rollen.example', password: 'long enough password' } });
    const ownerId = (await owner.get('/api/v1/me')).body.user.id;
    const adminId = (await admin.get('/api/v1/me')).body.user.id;
    expect((await admin.post(`/api/v1/companies/${companyId}/invitations`, { role: 'owner' })).body.code).toBe('role_not_allowed');
    expect((await admin.patch(`/api/v1/companies/${companyId}/members/${ownerId}`, { role: 'viewer' })).body.code).toBe('role_not_allowed');
    expect((await admin.patch(`/api/v1/companies/${companyId}/members/${adminId}`, { role: 'owner' })).body.code).toBe('role_not_allowed');
    expect((await owner.patch(`/api/v1/companies/${companyId}/members/${ownerId}`, { role: 'member' })).body.code).toBe('last_owner');
    expect((await admin.get(`/api/v1/companies/${companyId}/audit`)).status).toBe(200);
    expect((await admin.get(`/api/v1/companies/${companyId}/export`)).status).toBe(403);
    const role = await owner.patch(`/api/v1/companies/${companyId}/members/${adminId}`, { role: 'viewer' });
    expect(role.body.role).toBe('viewer');
    expect((await admin.get(`/api/v1/companies/${companyId}/audit`)).status).toBe(403);
    const audit = await owner.get(`/api/v1/companies/${companyId}/audit`);
    const changed = audit.body.find((a: { action: string }) => a.action === 'member.role_changed');
    expect(changed.details).toEqual({ name: 'Ada Admin', from: 'admin', to: 'viewer' });
    expect(changed.text).toBe('Rolle von Ada Admin von „Administrator/in“ auf „Nur lesen“ geändert.');
    const english = await owner.get(`/api/v1/companies/${companyId}/audit?lang=en`);
    expect(english.body.map((a: { text: string }) => a.text)).toEqual(expect.arrayContaining(['Role of Ada Admin changed from “Administrator” to “Viewer”.', 'Invitation as “Administrator” accepted.', 'Company “Rollen GmbH” created.']));
    // every entry reads as a sentence: no action key, no id
    for (const entry of [...audit.body, ...english.body] as Array<{ text: string }>) {
      expect(entry.text).toMatch(/[.]$/);
      expect(entry.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\b[a-z]+\.[a-z_]+\b/);
    }
    expect((await owner.get(`/api/v1/companies/${companyId}/audit?lang=fr`)).status).toBe(400);
  });

  it('narrows the audit log to one record, in its own company only', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Verlauf GmbH', 'owner@verlauf.example');
    const member = async (name: string, email: string) => {
      const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
      const person = new TestClient(instance);
      await person.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name, email, password: 'long enough password' } });
      return (await person.get('/api/v1/me')).body.user.id as string;
    };
    const berta = await member('Berta Berg', 'berta@verlauf.example');
    const carl = await member('Carl Kunz', 'carl@verlauf.example');
    await owner.patch(`/api/v1/companies/${companyId}/members/${berta}`, { role: 'viewer' });
    await owner.patch(`/api/v1/companies/${companyId}/members/${berta}`, { role: 'admin' });
    await owner.patch(`/api/v1/companies/${companyId}/members/${carl}`, { role: 'viewer' });

    const history = await owner.get(`/api/v1/companies/${companyId}/audit?target=${berta}&lang=en`);
    expect(history.status).toBe(200);
    expect(history.body.map((a: { text: string }) => a.text)).toEqual([
      'Role of Berta Berg changed from “Viewer” to “Administrator”.',
      'Role of Berta Berg changed from “Member” to “Viewer”.',
    ]);
    expect(history.body.every((a: { target: string; actor: { name: string } }) => a.target === berta && a.actor.name)).toBe(true);
    expect((await owner.get(`/api/v1/companies/${companyId}/audit?target=${berta}&limit=1`)).body).toHaveLength(1);
    // another company asking for the same record finds nothing of it
    const other = new TestClient(instance);
    const otherId = await other.signup('Fremd AG', 'owner@fremd.example');
    const foreign = await other.get(`/api/v1/companies/${otherId}/audit?target=${berta}`);
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual([]);
    const bad = await owner.get(`/api/v1/companies/${companyId}/audit?target=berta`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('exports all company data as a ZIP with a manifest and without secrets', async () => {
    const c = new TestClient(instance);
    const companyId = await c.signup('Export KG', 'e@export.example', 'Erika Export');
    await c.post(`/api/v1/companies/${companyId}/invitations`, { email: 'x@export.example', role: 'viewer' });
    const res = await c.get(`/api/v1/companies/${companyId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.raw.rawPayload));
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest.format).toBe('werkverbund-company-export');
    expect(manifest.company.name).toBe('Export KG');
    const names = manifest.tables.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['tenants', 'users', 'memberships', 'invitations', 'audit_log', 'tenant_modules']));
    for (const t of manifest.tables) expect(exportedRows(files, t.file).length).toBe(t.rows);
    const invitations = exportedRows(files, 'invitations');
    expect(invitations[0].email).toBe('x@export.example');
    expect(invitations[0]).not.toHaveProperty('token_hash');
    const users = exportedRows(files, 'users');
    expect(users).toEqual([expect.objectContaining({ name: 'Erika Export' })]);
    expect(JSON.stringify(users)).not.toContain('argon2');
    expect(manifest.tables.every((t: { module: string }) => t.module !== 'undeclared')).toBe(true);
  });

  it('serves the OpenAPI document', async () => {
    const res = await new TestClient(instance).get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/signup', '/api/v1/auth/login', '/api/v1/me', '/api/v1/companies/{companyId}/export']));
  });

  it('rate-limits sign-in attempts', async () => {
    const limited = await startTestInstance(kind, { config: { signInRateLimit: 3 } });
    try {
      const c = new TestClient(limited);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await c.login('nobody@x.example', 'whatever-password')).status);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      const last = await c.login('nobody@x.example', 'whatever-password');
      expect(last.status).toBe(429);
      expect(last.body.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
