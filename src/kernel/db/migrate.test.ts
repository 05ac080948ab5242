import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, openThrowawayServerDatabase } from '../testing/test-database.js';
import { type Database, openServerDatabase } from './database.js';
import { type MigrationSource, migrate } from './migrate.js';

/**
 * Every migration draws a number from a sequence. Sequences are not transactional, so a migration
 * that ran twice shows up as a second number even when the second run was rolled back. The sleep
 * keeps the first run open long enough for the second process to arrive while it runs.
 */
const probe: MigrationSource[] = [
  {
    moduleId: 'probe',
    migrations: [
      { name: '20260101_0001_first', sql: `select nextval('probe_runs'); select pg_sleep(0.3); create table probe_first (id int primary key);` },
      { name: '20260101_0002_second', sql: `select nextval('probe_runs'); create table probe_second (id int primary key);` },
    ],
  },
];

async function runsAndRecords(database: Database) {
  const runs = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from probe_runs`.execute(database.db);
  const recorded = await database.db.selectFrom('wv_migrations').select(['module_id', 'name']).where('module_id', '=', 'probe').orderBy('name').execute();
  const row = runs.rows[0]!;
  return { runs: row.is_called ? Number(row.last_value) : 0, recorded: recorded.map((r) => r.name) };
}

const opened: Database[] = [];
afterEach(async () => {
  // the throwaway database is dropped by the one that created it, after the second pool is gone
  for (const database of opened.splice(0).reverse()) await database.close();
});

describe.runIf(process.env.TEST_DATABASE_URL)('migrations on the PostgreSQL server', () => {
  it('two processes starting together on a fresh database run each migration once', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `wv_test_${randomBytes(6).toString('hex')}`;
    const first = await openThrowawayServerDatabase(adminUrl, name);
    opened.push(first);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // a pool of its own, as a second app server would have
    const second = await openServerDatabase(url.toString());
    opened.push(second);
    await first.exec('create sequence probe_runs');

    const [a, b] = await Promise.all([migrate(first, probe), migrate(second, probe)]);

    // one of them applied both, the other waited and found nothing left to do
    expect([a, b].map((ran) => ran.length).sort()).toEqual([0, 2]);
    expect([...a, ...b].sort()).toEqual(['probe/20260101_0001_first', 'probe/20260101_0002_second']);
    expect(await runsAndRecords(first)).toEqual({ runs: 2, recorded: ['20260101_0001_first', '20260101_0002_second'] });
  });

  it('a second process waits while the first holds the lock, and the lock is free again afterwards', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `wv_test_${randomBytes(6).toString('hex')}`;
    const first = await openThrowawayServerDatabase(adminUrl, name);
    opened.push(first);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const second = await openServerDatabase(url.toString());
    opened.push(second);
    const order: string[] = [];
    let release!: () => void;
    const held = first.withLock('migrations', async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first out');
    });
    await new Promise((r) => setTimeout(r, 50));
    const waiting = second.withLock('migrations', async () => void order.push('second in'));
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual(['first in']);
    release();
    await Promise.all([held, waiting]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
    // and it is not left held: a third taker gets it at once
    await first.withLock('migrations', async () => void order.push('third in'));
    expect(order.at(-1)).toBe('third in');
  });
});

describe('migrations on the embedded database', () => {
  it('two callers in one process starting together run each migration once; a failing migration releases the lock', async () => {
    const database = await openTestDatabase('embedded');
    opened.push(database);
    await database.exec('create sequence probe_runs');

    const [a, b] = await Promise.all([migrate(database, probe), migrate(database, probe)]);

    expect([a, b].map((ran) => ran.length).sort()).toEqual([0, 2]);
    expect(await runsAndRecords(database)).toEqual({ runs: 2, recorded: ['20260101_0001_first', '20260101_0002_second'] });

    const broken: MigrationSource[] = [{ moduleId: 'broken', migrations: [{ name: '20260101_0001_first', sql: 'select no_such_function()' }] }];
    const later: MigrationSource[] = [{ moduleId: 'later', migrations: [{ name: '20260101_0001_first', sql: 'create table later_one (id int)' }] }];
    await expect(migrate(database, broken)).rejects.toThrow(/no_such_function/);
    expect(await migrate(database, later)).toEqual(['later/20260101_0001_first']);
  });
});
