import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../cli/backup-commands.js';
import type { CliIo } from '../cli-command.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { createInstance } from '../instance.js';
import { TestClient } from '../testing/test-instance.js';
import { allModules } from '../../modules/index.js';
import { LOCK_FILE } from '../db/data-dir-lock.js';

const work = mkdtempSync(path.join(tmpdir(), 'wv-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function recordingIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readStdin: async () => '', stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
  return { io, out, err };
}

/** Every row of every table in Werkverbund's schemas (incl. the sample partitions), sorted. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await sql<{ schema: string; name: string }>`
    select schemaname as schema, tablename as name from pg_tables
    where schemaname not like 'pg\\_%' and schemaname <> 'information_schema' order by 1, 2`.execute(db);
  const result: Record<string, string[]> = {};
  for (const t of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(`${t.schema}.${t.name}`)}`.execute(db);
    result[`${t.schema}.${t.name}`] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return result;
}

const env = (o: { dataDir: string; databaseUrl?: string }): NodeJS.ProcessEnv => ({
  ...process.env, PORT: '0', SMTP_URL: '', WERKVERBUND_DATA: o.dataDir, DATABASE_URL: o.databaseUrl ?? '',
  WERKVERBUND_HEALTH_TOKEN: '', WERKVERBUND_PG_BIN: '',
});

async function withInstance<T>(e: NodeJS.ProcessEnv, work: (instance: Awaited<ReturnType<typeof createInstance>>) => Promise<T>): Promise<T> {
  const instance = await createInstance(loadConfig(e), allModules, { logger: false });
  try {
    return await work(instance);
  } finally {
    await instance.close();
  }
}

/** A company with a profile, the machine module, a machine with samples in a day partition, and an invitation. */
async function createData(instance: Awaited<ReturnType<typeof createInstance>>, name: string) {
  const owner = new TestClient(instance);
  const companyId = await owner.signup(name, `owner@${name.toLowerCase().replace(/\W/g, '')}.example`);
  await owner.patch(`/api/v1/companies/${companyId}`, { profile: { employees: 42, industry: '25', series: 'single' } });
  await owner.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true });
  const machine = await owner.post(`/api/v1/companies/${companyId}/machines`, { name: 'Fräse 1' });
  const device = await owner.post(`/api/v1/companies/${companyId}/machines/${machine.body.id}/devices`, { name: 'SPS' });
  const ingest = await instance.app.inject({
    method: 'POST', url: '/api/v1/ingest', headers: { authorization: `Bearer ${device.body.token}` },
    // Two hours before the current hour: every minute and hour of them is complete, so the start-up
    // aggregation of a later instance finds nothing new to add, however much time passes.
    payload: [1, 2, 3].map((i) => ({ ts: Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000 + i * 60_000, values: { temperatur: 20 + i, laeuft: i % 2 === 0, hinweis: `Ölstand ${i}` } })),
  });
  expect(ingest.statusCode).toBe(200);
  expect((await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' })).status).toBe(201);
  await instance.ctx.jobs.runNow('machines.maintenance');
  return { owner, companyId };
}

describe('backup and restore of the embedded database', () => {
  it('round trip: create data, back up, change and destroy, restore, every row as before', async () => {
    const dataDir = path.join(work, 'embedded-data');
    const e = env({ dataDir });
    const file = path.join(work, 'embedded.tar.gz');

    const before = await withInstance(e, async (instance) => {
      await createData(instance, 'Sicherung GmbH');
      // while the server has the directory open, a backup refuses instead of copying a moving target
      const busy = recordingIo();
      expect(await backupCommand(['--output', file], busy.io, e)).toBe(1);
      expect(busy.err.join('')).toMatch(/in use by process \d+ .*Stop that process first/);
      return snapshot(instance.ctx.db);
    });
    expect(before['public.machine_samples']).toHaveLength(9);
    expect(Object.keys(before).some((t) => t.startsWith('machine_sample_days.'))).toBe(true);

    const backedUp = recordingIo();
    expect(await backupCommand(['--output', file], backedUp.io, e)).toBe(0);
    expect(backedUp.out.join('')).toContain(`written to ${file}`);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    // change and destroy: a second company, the first one's machine deleted
    const changed = await withInstance(e, async (instance) => {
      const { owner, companyId } = await createData(instance, 'Danach AG');
      void owner;
      void companyId;
      await sql`delete from machine_samples`.execute(instance.ctx.db);
      await sql`update tenants set name = 'Überschrieben'`.execute(instance.ctx.db);
      return snapshot(instance.ctx.db);
    });
    expect(changed).not.toEqual(before);

    // without --force a restore keeps the database it finds
    const refused = recordingIo();
    expect(await restoreCommand(['--input', file], refused.io, e)).toBe(1);
    expect(refused.err.join('')).toContain('--force');
    const restored = recordingIo();
    expect(await restoreCommand(['--input', file, '--force'], restored.io, e)).toBe(0);
    const aside = /kept in (\S+)\)/.exec(restored.out.join(''))?.[1];
    expect(aside && existsSync(aside) && readdirSync(aside).length > 0).toBe(true);

    const after = await withInstance(e, async (instance) => snapshot(instance.ctx.db));
    expect(after).toEqual(before);
    // the set-aside directory still holds the changed database
    const old = await withInstance(env({ dataDir: aside! }), async (instance) => snapshot(instance.ctx.db));
    expect(old).toEqual(changed);
  });

  it('refuses what is not its backup and a missing database, changing nothing', async () => {
    const dataDir = path.join(work, 'empty-data');
    const e = env({ dataDir });
    const nothing = recordingIo();
    expect(await backupCommand(['--output', path.join(work, 'none.tar.gz')], nothing.io, e)).toBe(1);
    expect(nothing.err.join('')).toContain('there is no embedded database');
    const bogus = path.join(work, 'bogus.dump');
    writeFileSync(bogus, 'PGDMP this is a server archive');
    const wrong = recordingIo();
    expect(await restoreCommand(['--input', bogus], wrong.io, e)).toBe(1);
    expect(wrong.err.join('')).toContain('not a backup of the embedded database');
    expect(existsSync(dataDir)).toBe(false);
    const noInput = recordingIo();
    expect(await restoreCommand([], noInput.io, e)).toBe(1);
    expect(noInput.err.join('')).toContain('--input FILE is required');
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('backup and restore of the server database (pg_dump, pg_restore)', () => {
  const admin = process.env.TEST_DATABASE_URL ?? '';
  const name = `wv_backup_${process.pid}_${Date.now()}`;
  const url = (() => {
    if (!admin) return '';
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const adminQuery = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  afterAll(async () => {
    if (admin) await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it('round trip: create data, back up, change and destroy, restore, every row as before', async () => {
    await adminQuery(`create database ${name}`);
    const e = env({ dataDir: path.join(work, 'unused'), databaseUrl: url });
    const file = path.join(work, 'server.dump');

    const before = await withInstance(e, async (instance) => {
      await createData(instance, 'Server Sicherung GmbH');
      // pg_dump reads one snapshot: a backup while Werkverbund runs is consistent
      const backedUp = recordingIo();
      expect(await backupCommand(['--output', file], backedUp.io, e)).toBe(0);
      expect(backedUp.out.join('')).toContain('pg_dump');
      return snapshot(instance.ctx.db);
    });
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');

    const changed = await withInstance(e, async (instance) => {
      await createData(instance, 'Danach Server AG');
      await sql`delete from machine_samples`.execute(instance.ctx.db);
      await sql`update tenants set name = 'Überschrieben'`.execute(instance.ctx.db);
      // a running Werkverbund holds connections: the restore refuses
      const busy = recordingIo();
      expect(await restoreCommand(['--input', file], busy.io, e)).toBe(1);
      expect(busy.err.join('')).toMatch(/other connection|holds \d+ table/);
      return snapshot(instance.ctx.db);
    });
    expect(changed).not.toEqual(before);

    const refused = recordingIo();
    expect(await restoreCommand(['--input', file], refused.io, e)).toBe(1);
    expect(refused.err.join('')).toMatch(/holds \d+ table\(s\) already/);
    const restored = recordingIo();
    expect(await restoreCommand(['--input', file, '--force'], restored.io, e)).toBe(0);
    expect(restored.out.join('')).toContain('replaced');

    const after = await withInstance(e, async (instance) => snapshot(instance.ctx.db));
    expect(after).toEqual(before);

    // into a new, empty database (the disaster case) no --force is needed
    await adminQuery(`drop database ${name} with (force)`);
    await adminQuery(`create database ${name}`);
    expect(await restoreCommand(['--input', file], recordingIo().io, e)).toBe(0);
    expect(await withInstance(e, async (instance) => snapshot(instance.ctx.db))).toEqual(before);
  });

  it('keeps the password off the command line and out of messages', async () => {
    const wrong = new URL(url);
    wrong.username = 'nobody';
    wrong.password = 'geheimes-passwort';
    const failed = recordingIo();
    expect(await backupCommand(['--output', path.join(work, 'never.dump')], failed.io, env({ dataDir: work, databaseUrl: wrong.toString() }))).toBe(1);
    expect(failed.err.join('')).toContain('pg_dump failed');
    expect(failed.err.join('')).not.toContain('geheimes-passwort');
    expect(existsSync(path.join(work, 'never.dump'))).toBe(false);
  });
});
