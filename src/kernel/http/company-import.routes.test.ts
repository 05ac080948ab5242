import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { tenantTables } from '../export/tenant-schema.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { byTableName } from '../db/database.js';

/** The import route: a signed-in person uploads an export and gets a new company; bad archives change nothing. */
describe.each(testDatabaseKinds())('company import route on the %s database', (kind) => {
  let instance: Instance;
  let alice: TestClient;
  let bob: TestClient;
  let companyA: string;
  let archive: Buffer;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    alice = new TestClient(instance);
    bob = new TestClient(instance);
    companyA = await alice.signup('Alpha GmbH', 'alice@alpha.example', 'Alice Alpha');
    await bob.signup('Beta GmbH', 'bob@beta.example', 'Bob Beta');
    await alice.post(`/api/v1/companies/${companyA}/invitations`, { email: 'carla@alpha.example', role: 'member' });
    await alice.patch(`/api/v1/companies/${companyA}`, { profile: { employees: 42, industry: '25', series: 'single' } });
    const res = await alice.get(`/api/v1/companies/${companyA}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    archive = res.raw.rawPayload;
  }, 120_000);
  afterAll(async () => instance?.close());
  afterEach(() => {
    delete process.env.WERKVERBUND_IMPORT_MAX_MB;
  });

  const upload = (client: TestClient, body: Buffer | Uint8Array, headers: Record<string, string> = {}, query = '') =>
    client.request('POST', `/api/v1/companies/import${query}`, Buffer.from(body), { 'content-type': 'application/zip', ...headers });

  /** Row counts of every table that an import writes to. */
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of ['tenants', 'users', ...(await tenantTables(instance.ctx.db))]) {
      const row = await byTableName(instance.ctx.db).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  };

  /** The archive with its files changed. */
  const changed = (edit: (files: Record<string, Uint8Array>) => void) => {
    const files = unzipSync(new Uint8Array(archive));
    edit(files);
    return Buffer.from(zipSync(files));
  };
  const editLines = (files: Record<string, Uint8Array>, table: string, edit: (rows: Array<Record<string, unknown>>) => unknown[]) => {
    const file = `tables/${table}.jsonl`;
    const rows = strFromU8(files[file]!).trim().split('\n').map((l) => JSON.parse(l));
    files[file] = strToU8(edit(rows).map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'));
  };

  it('writes JSON lines, base64 bytes and a manifest with format version 2', () => {
    const files = unzipSync(new Uint8Array(archive));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'werkverbund-company-export', formatVersion: 2, encoding: 'json-lines' });
    expect(manifest.tables.map((t: { name: string }) => t.name).slice(0, 2)).toEqual(['tenants', 'users']);
    const invitation = JSON.parse(strFromU8(files['tables/invitations.jsonl']!).trim());
    expect(invitation.token_hash).toBeUndefined();
    expect(invitation.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(strFromU8(files['tables/users.jsonl']!)).not.toContain('password');
  });

  it('creates a new company from the export, with the importing person as owner', async () => {
    const res = await upload(bob, archive, {}, '?name=Alpha%20Kopie');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: 'Alpha Kopie', newIds: true });
    const me = await bob.get('/api/v1/me');
    expect(me.body.companies).toContainEqual(expect.objectContaining({ id: res.body.id, role: 'owner' }));
    const company = await bob.get(`/api/v1/companies/${res.body.id}`);
    expect(company.body.profile.employees).toBe(42);
    // Alice (an account here, matched by e-mail) keeps her role in the copy; her account is unchanged
    const members = await bob.get(`/api/v1/companies/${res.body.id}/members`);
    expect(members.status).toBe(200);
    expect(JSON.stringify(members.body)).toContain('alice@alpha.example');
    // and the original is untouched
    expect((await alice.get(`/api/v1/companies/${companyA}`)).body.name).toBe('Alpha GmbH');
  });

  const badCases: Array<[string, () => Buffer, number, string]> = [
    ['not a zip', () => Buffer.from('PK? no, just text'), 400, 'import_not_zip'],
    ['an empty body', () => Buffer.alloc(0), 400, 'import_not_zip'],
    ['a zip without manifest', () => Buffer.from(zipSync({ 'readme.txt': strToU8('hello') })), 400, 'import_not_export'],
    ['a newer format version', () => changed((f) => {
      const m = JSON.parse(strFromU8(f['manifest.json']!));
      f['manifest.json'] = strToU8(JSON.stringify({ ...m, formatVersion: 99 }));
    }), 400, 'import_version'],
    ['a row of another company', () => changed((f) => editLines(f, 'invitations', (rows) => rows.map((r) => ({ ...r, tenant_id: '0190a0b0-0000-7000-8000-000000000001' })))), 400, 'import_foreign_row'],
    ['a line that is not JSON', () => changed((f) => editLines(f, 'audit_log', (rows) => [...rows, '{"tenant_id": '])), 400, 'import_bad_row'],
    ['an unknown column', () => changed((f) => editLines(f, 'invitations', (rows) => rows.map((r) => ({ ...r, is_admin: true })))), 400, 'import_unknown_column'],
    ['an unknown table', () => changed((f) => {
      const m = JSON.parse(strFromU8(f['manifest.json']!));
      m.tables.push({ name: 'secret_stuff', module: 'x', file: 'tables/secret_stuff.jsonl', rows: 0 });
      f['manifest.json'] = strToU8(JSON.stringify(m));
      f['tables/secret_stuff.jsonl'] = strToU8('');
    }), 400, 'import_unknown_table'],
    ['a wrong value', () => changed((f) => editLines(f, 'invitations', (rows) => rows.map((r) => ({ ...r, expires_at: 'yesterday-ish' })))), 400, 'import_rows_refused'],
    ['a reference to a person not in the export', () => changed((f) => editLines(f, 'invitations', (rows) => rows.map((r) => ({ ...r, created_by: '0190a0b0-0000-7000-8000-000000000002' })))), 400, 'import_unknown_person'],
    ['a missing required value', () => changed((f) => editLines(f, 'memberships', (rows) => rows.map((r) => ({ ...r, role: null })))), 400, 'import_rows_refused'],
  ];

  it.each(badCases)('refuses %s with a translated 4xx and stores nothing', async (_, build, status, code) => {
    const before = await counts();
    const res = await upload(bob, build());
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(res.body.title).toMatch(/nichts importiert/);
    expect(await counts()).toEqual(before);
    const english = await upload(bob, build(), { 'accept-language': 'en' });
    expect(english.body.code).toBe(code);
  });

  it('answers in the language of the account', async () => {
    await bob.patch('/api/v1/me', { locale: 'en' });
    const res = await upload(bob, Buffer.from('nope'));
    expect(res.body.title).toMatch(/Nothing was imported/);
    await bob.patch('/api/v1/me', { locale: 'de' });
  });

  it('refuses an archive above the size limit with 413 and stores nothing', async () => {
    process.env.WERKVERBUND_IMPORT_MAX_MB = String(archive.length / 2 / 1024 / 1024);
    const before = await counts();
    const res = await upload(bob, archive);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('import_too_large');
    expect(await counts()).toEqual(before);
  });

  it('needs a signed-in person and the CSRF token', async () => {
    const before = await counts();
    expect((await upload(new TestClient(instance), archive)).status).toBe(401);
    const noCsrf = await instance.app.inject({ method: 'POST', url: '/api/v1/companies/import', payload: archive, headers: { 'content-type': 'application/zip', cookie: bob.cookie! } });
    expect(noCsrf.statusCode).toBe(403);
    expect(JSON.parse(noCsrf.body).code).toBe('csrf');
    expect((await new TestClient(instance).get('/api/v1/companies/import/progress')).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('shows the progress of an import only to the person who started it', async () => {
    const seenByBob: unknown[] = [];
    const seenByAlice: unknown[] = [];
    const importing = upload(alice, archive, {}, '?name=Alpha%20Zwei');
    for (let i = 0; i < 20; i++) {
      seenByBob.push((await bob.get('/api/v1/companies/import/progress')).body);
      seenByAlice.push((await alice.get('/api/v1/companies/import/progress')).body);
    }
    expect((await importing).status).toBe(201);
    expect(seenByBob.every((p) => (p as { running: boolean }).running === false)).toBe(true);
    expect(JSON.stringify(seenByBob)).not.toContain('rows');
    expect((await alice.get('/api/v1/companies/import/progress')).body).toEqual({ running: false });
    for (const p of seenByAlice as Array<{ running: boolean; rowsTotal?: number }>) if (p.running) expect(p.rowsTotal).toBeGreaterThanOrEqual(0);
  });
});
