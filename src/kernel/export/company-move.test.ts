import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTableName, type Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';
import { DEMO_EMAIL, ensureDemoData } from '../demo-data.js';
import type { Instance } from '../instance.js';
import type { ModuleRegistry } from '../modules/module-registry.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { type ExportManifest, exportCompanyToFile } from './company-export.js';
import { importCompanyFromFile } from './company-import.js';
import { IdMapping, UUID_PATTERN } from './id-mapping.js';
import { kindOf, selectExpression, toArchiveValue } from './row-codec.js';
import { describeTables, tenantTables } from './tenant-schema.js';

/**
 * The company move: the demo company with every module on (and a row in every tenant table) is
 * exported, imported as a new company on the same instance and into a fresh database, and every
 * row of every tenant table is compared with its original, ids mapped.
 */
describe.each(testDatabaseKinds())('company export and import on the %s database', (kind) => {
  let source: Instance;
  let dir: string;
  let file: string;
  let manifest: ExportManifest;
  let tenantId: string;
  let ownerId: string;

  beforeAll(async () => {
    source = await startTestInstance(kind);
    await ensureDemoData(source.ctx);
    ownerId = (await source.ctx.db.selectFrom('users').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirstOrThrow()).id as string;
    tenantId = (await source.ctx.db.selectFrom('memberships').select('tenant_id').where('user_id', '=', ownerId).executeTakeFirstOrThrow()).tenant_id as string;
    await fillEmptyTables(source.ctx.db, tenantId, ownerId);
    dir = await mkdtemp(path.join(tmpdir(), 'wv-move-'));
    file = path.join(dir, 'export.zip');
    manifest = await exportCompanyToFile(source.ctx.db, source.ctx.registry, tenantId, 'test', file, { batchSize: 500 });
  }, 240_000);
  afterAll(async () => {
    await source?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has a row in every tenant table and every column in the manifest', async () => {
    const secret = secretColumns(source.ctx.registry);
    const schema = await describeTables(source.ctx.db, await tenantTables(source.ctx.db));
    const empty: string[] = [];
    for (const [name, info] of schema) {
      const entry = manifest.tables.find((t) => t.name === name);
      expect(entry, `table ${name} missing from the export`).toBeDefined();
      if (entry!.rows === 0) empty.push(name);
      const wanted = info.columns.map((c) => c.name).filter((c) => !secret.has(`${name}.${c}`));
      expect(entry!.columns?.map((c) => c.name), `columns of ${name}`).toEqual(wanted);
    }
    expect(empty, 'tables without rows in the test company (add a row in fillEmptyTables)').toEqual([]);
  });

  it('imports the export as a new company on the same instance, with new ids, every row equal', async () => {
    const salt = randomBytes(32);
    const result = await importCompanyFromFile(source.ctx.db, source.ctx.registry, file, { ownerId, idSalt: salt });
    expect(result.newIds).toBe(true);
    expect(result.tenantId).not.toBe(tenantId);
    expect(result.people.linked).toBeGreaterThanOrEqual(1);
    const ids = new IdMapping(tenantId, result.tenantId, true, salt);
    for (const [from, to] of Object.entries(result.personIds)) ids.people.set(from, to);
    await expectSameRows(source.ctx.db, source.ctx.db, source.ctx.registry, tenantId, result.tenantId, ids, ownerId);
    // the original is untouched and still the only company of its name with the original ids
    expect((await source.ctx.db.selectFrom('tenants').select('id').where('id', '=', tenantId).execute()).length).toBe(1);
  }, 240_000);

  it('imports the export through the API into a fresh database, keeping the ids, every row equal', async () => {
    const target = await startTestInstance(kind);
    try {
      const operator = new TestClient(target);
      await operator.signup('Betreiber GmbH', 'it@betreiber.example');
      const operatorId = (await operator.get('/api/v1/me')).body.user.id as string;
      const res = await operator.request('POST', '/api/v1/companies/import', await readFile(file), { 'content-type': 'application/zip' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.id).toBe(tenantId);
      expect(res.body.newIds).toBe(false);
      const ids = new IdMapping(tenantId, tenantId, false);
      await expectSameRows(source.ctx.db, target.ctx.db, source.ctx.registry, tenantId, tenantId, ids, operatorId);
      // the importing person is owner; the people of the company have accounts without password
      const me = await operator.get('/api/v1/me');
      expect(me.body.companies.find((c: { id: string }) => c.id === tenantId)?.role).toBe('owner');
      const demo = await target.ctx.db.selectFrom('users').select(['password_hash']).where('email', '=', DEMO_EMAIL).executeTakeFirstOrThrow();
      expect(demo.password_hash).toBeNull();
    } finally {
      await target.close();
    }
  }, 240_000);
});

function secretColumns(registry: ModuleRegistry): Set<string> {
  return new Set(registry.modules.flatMap((m) => m.secretColumns ?? []));
}

/** Every row of every tenant table of `from` (ids mapped) equals the rows of `to`, except what the import adds. */
async function expectSameRows(sourceDb: Db, targetDb: Db, registry: ModuleRegistry, from: string, to: string, ids: IdMapping, importerId: string) {
  const secret = secretColumns(registry);
  const tables = await describeTables(sourceDb, ['tenants', ...(await tenantTables(sourceDb))]);
  const targetTables = await describeTables(targetDb, ['tenants', ...(await tenantTables(targetDb))]);
  expect([...targetTables.keys()].sort()).toEqual([...tables.keys()].sort());
  const mapValue = (type: string, value: unknown): unknown => {
    if (value === null || value === undefined) return value;
    if (kindOf(type) === 'json') return canonical(ids.mapJson(value));
    if (typeof value === 'string' && UUID_PATTERN.test(value)) return ids.map(value);
    return value;
  };
  const read = async (db: Db, table: string, tenant: string, map: boolean) => {
    const info = tables.get(table)!;
    const columns = info.columns.filter((c) => !secret.has(`${table}.${c.name}`));
    const key = table === 'tenants' ? 'id' : 'tenant_id';
    const result = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql`${selectExpression(c)} as ${sql.id(c.name)}`))}
      from ${sql.id(table)} where ${sql.id(key)} = ${tenant}`.execute(db);
    return result.rows.map((row) => JSON.stringify(Object.fromEntries(columns.map((c) => {
      const value = toArchiveValue(c, row[c.name]);
      return [c.name, map ? mapValue(c.type, value) : kindOf(c.type) === 'json' ? canonical(value) : value];
    }))));
  };
  let compared = 0;
  for (const table of tables.keys()) {
    const expected = (await read(sourceDb, table, from, true)).sort();
    let actual = await read(targetDb, table, to, false);
    if (table === 'audit_log') actual = actual.filter((r) => !r.includes('"action":"company.imported"'));
    if (table === 'memberships') actual = actual.filter((r) => !(r.includes(`"user_id":"${importerId}"`) && !expected.some((e) => e.includes(`"user_id":"${importerId}"`))));
    expect(actual.sort(), `rows of ${table}`).toEqual(expected);
    compared += expected.length;
  }
  expect(compared).toBeGreaterThan(1000);
  // the people: same names, e-mail addresses and languages
  const people = async (db: Db, tenant: string) => (await db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.name', 'u.email', 'u.locale']).where('m.tenant_id', '=', tenant).where('m.user_id', '!=', importerId).execute())
    .map((p) => JSON.stringify(p)).sort();
  const before = await people(sourceDb, from);
  const after = await people(targetDb, to);
  for (const p of before) if (!p.includes(DEMO_EMAIL)) expect(after).toContain(p);
}

/** JSON with object keys sorted, so that key order does not matter. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** A row in each tenant table the demo leaves empty, with values that test the encoding (bytes, microseconds, numeric, ids in JSON). */
async function fillEmptyTables(db: Db, tenantId: string, ownerId: string) {
  const count = async (table: string) => Number((await byTableName(db).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
  const one = async (table: string, column = 'id') => (await byTableName(db).selectFrom(table).select(column).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow())[column] as string;
  const hex = () => randomBytes(32).toString('hex');
  const workCentre = await one('shopfloor_work_centres');
  const machine = await one('machines');
  const connection = uuidv7();
  const fixtures: Record<string, () => Promise<unknown>> = {
    customer_share_links: async () => db.insertInto('customer_share_links').values({ tenant_id: tenantId, id: uuidv7(), order_id: await one('customer_orders'), secret_hash: hex(), sections: ['state', 'promised-date', 'operations'], created_by: ownerId, created_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz`, expires_at: sql`'2026-12-02T10:00:00.654321Z'::timestamptz` }).execute(),
    customer_share_link_views: async () => db.insertInto('customer_share_link_views').values({ tenant_id: tenantId, id: uuidv7(), link_id: await one('customer_share_links'), viewed_at: sql`'2026-11-03T08:15:00.123456Z'::timestamptz`, address: '203.0.113.0/24', browser: 'Firefox' }).execute(),
    invitations: () => db.insertInto('invitations').values({ tenant_id: tenantId, id: uuidv7(), email: 'neu@muster.example', role: 'member', token_hash: hex(), created_by: ownerId, created_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz`, expires_at: sql`'2026-11-16T10:00:00.654321Z'::timestamptz` }).execute(),
    terminals: () => db.insertInto('terminals').values({ tenant_id: tenantId, id: uuidv7(), name: 'Tablet Laser', work_centre_id: workCentre, token_hash: hex(), created_by: ownerId }).execute(),
    machine_connections: () => db.insertInto('machine_connections').values({ tenant_id: tenantId, id: connection, kind: 'opcua', name: 'Leitstand', url: 'opc.tcp://leitstand.example:4840', username: 'wv', password: 'geheim', settings: JSON.stringify({ securityMode: 'None', machineId: machine }) }).execute(),
    machine_opcua_items: async () => {
      const conn = await one('machine_connections');
      return db.insertInto('machine_opcua_items').values({ tenant_id: tenantId, id: uuidv7(), connection_id: conn, node_id: 'ns=2;s=Temperatur', machine_id: machine, point: 'temperature', sampling_interval_ms: 1000 }).execute();
    },
    machine_webhooks: () => db.insertInto('machine_webhooks').values({ tenant_id: tenantId, id: uuidv7(), url: 'https://hooks.example/alarm', description: 'Leitstand', secret: hex() }).execute(),
    machine_alarm_events: () => db.insertInto('machine_alarm_events').values({ tenant_id: tenantId, id: uuidv7(), alarm_id: uuidv7(), machine_id: machine, machine_name: 'Laser', point: 'temperature', severity: 'warning', event: 'raised', at: new Date('2026-11-02T10:00:00Z'), value: 81.5 }).execute(),
    machine_notification_deliveries: async () => {
      const event = await one('machine_alarm_events');
      return db.insertInto('machine_notification_deliveries').values({ tenant_id: tenantId, id: uuidv7(), event_id: event, channel: 'email', target: 'leitstand@muster.example', status: 'failed', attempts: 3, next_attempt_at: new Date('2026-11-02T11:00:00Z'), last_error: 'timeout' }).execute();
    },
    machine_notification_reads: () => db.insertInto('machine_notification_reads').values({ tenant_id: tenantId, user_id: ownerId, read_until: new Date('2026-11-03T08:00:00Z') }).execute(),
    machine_notification_settings: () => db.insertInto('machine_notification_settings').values({ tenant_id: tenantId, severities: JSON.stringify(['critical']), member_ids: JSON.stringify([ownerId]), addresses: JSON.stringify(['leitstand@muster.example']) }).execute(),
    event_outbox: () => db.insertInto('event_outbox').values({ tenant_id: tenantId, id: uuidv7(), type: 'machines.alarm.raised', payload: JSON.stringify({ machine: { id: machine, name: 'Laser' } }), created_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz` }).execute(),
    webhook_subscriptions: () => db.insertInto('webhook_subscriptions').values({ tenant_id: tenantId, id: uuidv7(), url: 'https://hooks.example/events', description: 'ERP', event_types: JSON.stringify(['machines.alarm.raised']), secret: hex() }).execute(),
    webhook_deliveries: async () =>
      db.insertInto('webhook_deliveries').values({ tenant_id: tenantId, id: uuidv7(), event_id: await one('event_outbox'), subscription_id: await one('webhook_subscriptions'), event_type: 'machines.alarm.raised', url: 'https://hooks.example/events', status: 'failed', attempts: 10, response_status: 503, last_error: 'HTTP 503' }).execute(),
    roadmap_funding: () => db.insertInto('roadmap_funding').values({ tenant_id: tenantId, id: uuidv7(), position: 1, name: 'Digital Jetzt', provider: 'BMWK', regions: JSON.stringify(['DE']), kinds: JSON.stringify(['grant']), percent_max: '40.25', rate_text: JSON.stringify({ de: 'bis 40 %', en: 'up to 40 %' }), valid_from: '2026-01-01', valid_until: '2027-12-31', note: JSON.stringify({ de: '', en: '' }) }).execute(),
    check_settings: () => db.insertInto('check_settings').values({ tenant_id: tenantId, peer_opt_in: true }).execute(),
    privacy_record_controller: () => db.insertInto('privacy_record_controller').values({ tenant_id: tenantId, name: 'Muster GmbH', contact: 'datenschutz@muster.example', measures: 'Rollen und Rechte', updated_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz` }).execute(),
    privacy_record_activities: () => db.insertInto('privacy_record_activities').values({ tenant_id: tenantId, key: 'platform.name-e-mail-address', recipients: 'Steuerberater', processors: null, third_countries: null }).execute(),
    privacy_record_versions: () => db.insertInto('privacy_record_versions').values({ tenant_id: tenantId, version: 1, confirmed_by: ownerId, content: JSON.stringify({ controller: { name: 'Muster GmbH' }, activities: [] }), changes: JSON.stringify([]) }).execute(),
    privacy_security_answers: () => db.insertInto('privacy_security_answers').values({ tenant_id: tenantId, requirement_id: 'backup.regular', answer: 'partly', note: 'NAS im Büro', answered_by: ownerId }).execute(),
    privacy_security_concepts: () => db.insertInto('privacy_security_concepts').values({ tenant_id: tenantId, version: 1, sections: JSON.stringify([{ key: 'backup', generated: { de: 'Sicherung', en: 'Backup' }, edited: null, editedFrom: null }]), adopted_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz`, adopted_by: ownerId, review_due: '2027-11-02' }).execute(),
    privacy_security_acknowledgements: () => db.insertInto('privacy_security_acknowledgements').values({ tenant_id: tenantId, version: 1, user_id: ownerId }).execute(),
    privacy_retention_settings: () => db.insertInto('privacy_retention_settings').values({ tenant_id: tenantId, module_id: 'shopfloor', rule_key: 'booking-person', months: 30, changed_by: ownerId }).execute(),
    privacy_retention_enforcement: () => db.insertInto('privacy_retention_enforcement').values({ tenant_id: tenantId, enforced: false, pause_reason: 'Rechtsstreit', changed_by: ownerId }).execute(),
    privacy_retention_runs: () => db.insertInto('privacy_retention_runs').values({ tenant_id: tenantId, id: uuidv7(), started_at: sql`'2026-11-02T03:00:00.123456Z'::timestamptz`, trigger: 'manual', actor_id: ownerId, results: JSON.stringify([{ moduleId: 'shopfloor', ruleKey: 'booking-person', count: 2 }]), total: 2 }).execute(),
    privacy_breach_notices: async () => db.insertInto('privacy_breach_notices').values({ tenant_id: tenantId, breach_id: await one('privacy_breaches'), id: uuidv7(), recipient: 'authority', sent_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz`, reference: 'LDA-1', content: JSON.stringify([{ id: 'nature', text: 'Laptop', count: null, complete: true }]), created_by: ownerId }).execute(),
    privacy_skill_levels: () => db.insertInto('privacy_skill_levels').values({ tenant_id: tenantId, user_id: ownerId, competence: 'security-awareness', level: 4, assessed_by: ownerId, assessed_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz` }).execute(),
    privacy_trainings: () => db.insertInto('privacy_trainings').values({ tenant_id: tenantId, id: uuidv7(), user_id: ownerId, title: 'Phishing erkennen', competences: ['security-awareness', 'ai'], completed_on: '2026-10-01', provider: 'IHK', expires_on: '2027-10-01', created_by: ownerId }).execute(),
    privacy_skill_requirements: () => db.insertInto('privacy_skill_requirements').values({ tenant_id: tenantId, id: uuidv7(), subject: 'machine', machine_id: machine, go_live_on: '2027-03-01', needs: JSON.stringify([{ competence: 'human-machine', level: 3 }]), note: 'Einweisung beim Hersteller', created_by: ownerId }).execute(),
    privacy_skill_requirement_people: async () => db.insertInto('privacy_skill_requirement_people').values({ tenant_id: tenantId, requirement_id: await one('privacy_skill_requirements'), user_id: ownerId }).execute(),
    customer_deliveries: async () => db.insertInto('customer_deliveries').values({ tenant_id: tenantId, id: uuidv7(), order_id: await one('customer_orders'), number: 'LS-2026-00001', delivered_on: '2026-11-02', note: 'Teillieferung', created_by: ownerId, created_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz` }).execute(),
    customer_delivery_lines: async () => db.insertInto('customer_delivery_lines').values({ tenant_id: tenantId, delivery_id: await one('customer_deliveries'), id: uuidv7(), order_position_id: await one('customer_order_positions'), quantity_milli: 2500, lot_numbers: ['L-2026-000001', 'L-2026-000002'], serial_numbers: ['G-7-26-00001'] }).execute(),
    customer_import_runs: () => db.insertInto('customer_import_runs').values({ tenant_id: tenantId, id: uuidv7(), kind: 'customers', file_name: 'kunden.csv', file_hash: hex(), file_format: 'csv', number_locale: 'de', header: JSON.stringify(['Firma', 'Ort']), rows: JSON.stringify([{ line: 2, cells: ['Kühn GmbH', 'Kiel'] }]), row_count: 1, mapping: JSON.stringify(['name', 'city']), state: 'uploaded', created_by: ownerId }).execute(),
    privacy_subject_requests: () => db.insertInto('privacy_subject_requests').values({ tenant_id: tenantId, id: uuidv7(), kind: 'erasure', requester_name: 'Erika Muster', requester_reach: 'erika@muster.example', received_on: '2026-11-02', extension_months: 1, extension_reason: 'viele Systeme', erasure: JSON.stringify([{ moduleId: 'customers', erased: [], kept: [] }]), created_by: ownerId }).execute(),
    privacy_subject_links: async () => db.insertInto('privacy_subject_links').values({ tenant_id: tenantId, request_id: await one('privacy_subject_requests'), module_id: 'customers', ref: uuidv7(), kind: JSON.stringify({ de: 'Kontakt', en: 'Contact' }), name: 'Erika Muster', email: 'erika@muster.example', phone: '+49 1', context: JSON.stringify({ de: 'Kunde', en: 'Customer' }) }).execute(),
    machine_aggregates_1m: () => db.insertInto('machine_aggregates_1m').values({ tenant_id: tenantId, machine_id: machine, point: 'temperature', bucket: new Date('2026-11-02T10:00:00Z'), count: 60, min: 20.5, max: 81.25, sum: 3000.125, last: 22.1, last_ts: sql`'2026-11-02T10:00:59.999999Z'::timestamptz` }).execute(),
    machine_aggregates_1h: () => db.insertInto('machine_aggregates_1h').values({ tenant_id: tenantId, machine_id: machine, point: 'temperature', bucket: new Date('2026-11-02T10:00:00Z'), count: 3600, min: 20.5, max: 81.25, sum: 180000.5, last: 22.1, last_ts: new Date('2026-11-02T10:59:59Z') }).execute(),
    shopfloor_photos: () => db.insertInto('shopfloor_photos').values({ tenant_id: tenantId, id: uuidv7(), media_type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254, 10, 13]), size: 11, sha256: 'ab'.repeat(32), uploaded_by: ownerId }).execute(),
    // a key names the item it was read as (ids inside are not remapped: a moved company's items show as unread)
    notification_reads: () => db.insertInto('notification_reads').values({ tenant_id: tenantId, user_id: ownerId, item_key: `machines:alarm:${uuidv7()}:active`, read_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz` }).execute(),
    shopfloor_settings: () => db.insertInto('shopfloor_settings').values({ tenant_id: tenantId, over_quantity_margin_percent: 15 }).execute(),
    shopfloor_terminal_work_centres: async () => db.insertInto('shopfloor_terminal_work_centres').values({ tenant_id: tenantId, terminal_id: await one('terminals'), work_centre_id: workCentre }).execute(),
    shopfloor_order_states: async () => db.insertInto('shopfloor_order_states').values({ tenant_id: tenantId, order_id: await one('shopfloor_orders'), state: 'finished', finished_at: sql`'2026-11-02T13:45:10.123456Z'::timestamptz` }).onConflict((oc) => oc.doNothing()).execute(),
    shopfloor_number_counters: () => db.insertInto('shopfloor_number_counters').values({ tenant_id: tenantId, kind: 'serial', scope: 'p4711|y26', last_value: 42 }).execute(),
    shopfloor_order_lots: async () => db.insertInto('shopfloor_order_lots').values({ tenant_id: tenantId, order_id: await one('shopfloor_orders'), lot_number: 'L-2026-000999', issued_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz` }).onConflict((oc) => oc.doNothing()).execute(),
    shopfloor_order_serials: async () => db.insertInto('shopfloor_order_serials').values({ tenant_id: tenantId, order_id: await one('shopfloor_orders'), position: 1, serial_number: '4711-26-00042', issued_at: sql`'2026-11-02T10:00:00.123456Z'::timestamptz` }).execute(),
    shopfloor_controlling_days: () => db.insertInto('shopfloor_controlling_days').values({ tenant_id: tenantId, work_centre_id: workCentre, time_zone: 'Europe/Berlin', day: '2026-11-02', version: 1, cells: '[["Früh",28800000,27000000,20000000,20000000,18000000,120,3]]' }).execute(),
  };
  for (const [table, insert] of Object.entries(fixtures)) if ((await count(table)) === 0) await insert();
}
