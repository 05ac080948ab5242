import { sql } from 'kysely';
import type { Database } from './database.js';

export interface Migration {
  /** Date-prefixed, e.g. `20261123_kernel`; applied in name order within a module. */
  name: string;
  sql: string;
}

export interface MigrationSource {
  moduleId: string;
  migrations: Migration[];
}

/**
 * Applies pending migrations, module by module in the given (dependency) order. Forward only.
 * Runs under a lock, so processes starting together (several app servers on one database, or
 * `werkverbund migrate` beside a starting server) apply each migration once: whoever comes second
 * waits, then finds them applied.
 */
export function migrate(database: Database, sources: MigrationSource[]): Promise<string[]> {
  return database.withLock('migrations', () => applyPending(database, sources));
}

async function applyPending(database: Database, sources: MigrationSource[]): Promise<string[]> {
  await database.exec(`create table if not exists wv_migrations (
    module_id text not null,
    name text not null,
    applied_at timestamptz not null default now(),
    primary key (module_id, name)
  )`);
  const applied = await database.db.selectFrom('wv_migrations').select(['module_id', 'name']).execute();
  const done = new Set(applied.map((r) => `${r.module_id}/${r.name}`));
  const ran: string[] = [];
  for (const source of sources) {
    const ordered = [...source.migrations].sort((a, b) => a.name.localeCompare(b.name));
    for (const migration of ordered) {
      const key = `${source.moduleId}/${migration.name}`;
      if (done.has(key)) continue;
      await database.exec(`begin;\n${migration.sql}\n;\ninsert into wv_migrations (module_id, name) values ('${source.moduleId}', '${migration.name}');\ncommit;`);
      ran.push(key);
    }
  }
  await sql`select 1`.execute(database.db);
  return ran;
}
