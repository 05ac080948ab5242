import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type Selectable } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

import type { DB } from './schema.generated.js';

/** Typed by the tables of the migrated schema (schema.generated.ts, `npm run db:types`). */
export type Db = Kysely<DB>;

/** A row of `table` as a select returns it. */
export type Row<T extends keyof DB> = Selectable<DB[T]>;

/** The same handle for code that walks tables by a name read at run time (company move, tests). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const byTableName = (db: Db): Kysely<any> => db as Kysely<any>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  /** Runs a script of several SQL statements (migrations). */
  exec(sqlText: string): Promise<void>;
  /**
   * Runs `work` while holding the lock `name`, so no other process (server: PostgreSQL advisory
   * lock, held by one connection until `work` ends) or caller in this process runs work under the
   * same name at the same time. Waits for the lock.
   */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// int8 and numeric arrive as strings from both drivers unless told otherwise; counts are small.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openServerDatabase(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // an idle client cut off by the server (restart, dropped test database) must not crash the process;
  // the pool replaces it on the next query
  pool.on('error', () => undefined);
  await pool.query('select 1');
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'server',
    exec: async (sqlText) => {
      // one connection for the script, rolled back on failure: a script with its own `begin` would
      // otherwise go back to the pool inside an aborted transaction
      const client = await pool.connect();
      try {
        await client.query(sqlText);
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    withLock: async (name, work) => {
      // a session lock on a connection of its own: released when `work` ends, or by the server
      // when this process dies and the connection drops
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [`werkverbund:${name}`]);
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [`werkverbund:${name}`]);
        }
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

export async function openEmbeddedDatabase(pglite: PGlite): Promise<Database> {
  await pglite.waitReady;
  const queues = new Map<string, Promise<void>>();
  const db: Db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'embedded',
    exec: async (sqlText) => {
      try {
        await pglite.exec(sqlText);
      } catch (error) {
        await pglite.exec('rollback').catch(() => undefined);
        throw error;
      }
    },
    // the embedded database has one connection, and one process owns its directory: an advisory
    // lock would be re-entered by every caller, so callers in this process queue instead
    withLock: (name, work) => {
      const previous = queues.get(name) ?? Promise.resolve();
      const run = previous.then(work, work);
      queues.set(name, run.then(() => undefined, () => undefined));
      return run;
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return openServerDatabase(options.databaseUrl);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(options.dataDir, { recursive: true });
  const release = lockDataDir(options.dataDir);
  try {
    const database = await openEmbeddedDatabase(new PGlite(options.dataDir, { parsers: { 20: (v: string) => Number(v) } }));
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
