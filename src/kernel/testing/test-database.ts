import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openEmbeddedDatabase, openServerDatabase } from '../db/database.js';

export type TestDatabaseKind = 'embedded' | 'server';

export const TEMPLATE_FILE = path.resolve('.tmp/pglite-template.tar.gz');

/** Embedded always; the PostgreSQL server as well when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded'];
}

const int8 = { 20: (v: string) => Number(v) };

/**
 * A fresh, empty database. Embedded: a copy of the migrated template the global setup dumped
 * (creating a PGlite database from scratch takes seconds, loading a dump well under one).
 * Server: a new database named per test file, dropped on close.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'embedded') {
    const pglite = existsSync(TEMPLATE_FILE)
      ? new PGlite({ loadDataDir: new Blob([readFileSync(TEMPLATE_FILE)]), parsers: int8 })
      : new PGlite({ parsers: int8 });
    return openEmbeddedDatabase(pglite);
  }
  return openThrowawayServerDatabase(process.env.TEST_DATABASE_URL!, `wv_test_${randomBytes(6).toString('hex')}`);
}

/** A new database `name` on the server of `adminUrl`, migrated by the caller, dropped on close. */
export async function openThrowawayServerDatabase(adminUrl: string, name: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openServerDatabase(url.toString());
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
