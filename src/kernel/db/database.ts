import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';

/** Tables are typed per module in their store files; the kernel handle stays untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  /** Runs a script of several SQL statements (migrations). */
  exec(sqlText: string): Promise<void>;
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
      await pool.query(sqlText);
    },
    close: () => db.destroy(),
  };
}

export async function openEmbeddedDatabase(pglite: PGlite): Promise<Database> {
  await pglite.waitReady;
  const db: Db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'embedded',
    exec: async (sqlText) => {
      await pglite.exec(sqlText);
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
  return openEmbeddedDatabase(new PGlite(options.dataDir, { parsers: { 20: (v: string) => Number(v) } }));
}
