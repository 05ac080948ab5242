import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../../kernel/db/database.js';
import { migrate } from '../../kernel/db/migrate.js';
import { ModuleRegistry } from '../../kernel/modules/module-registry.js';
import { allModules } from '../index.js';

const MOVE = '20270201_0001_shopfloor_terminal_work_centres';

describe('moving the terminals\' work centres into the shop floor', () => {
  it('copies every terminal\'s work centre of an existing database, and leaves terminals without one out', async () => {
    const database = await openEmbeddedDatabase(new PGlite());
    try {
      const sources = new ModuleRegistry(allModules).modules.map((m) => ({ moduleId: m.id, migrations: m.migrations }));
      const before = sources.map((s) => (s.moduleId === 'shopfloor' ? { ...s, migrations: s.migrations.filter((m) => m.name !== MOVE) } : s));
      await migrate(database, before);
      const tenant = '0190a000-0000-7000-8000-000000000001';
      const [locked, free, centre] = ['0190a000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-000000000003', '0190a000-0000-7000-8000-000000000004'];
      await sql`insert into tenants (id, name) values (${tenant}, 'Alt GmbH')`.execute(database.db);
      await sql`insert into terminals (tenant_id, id, name, work_centre_id, token_hash) values
        (${tenant}, ${locked}, 'Säge', ${centre}, 'a'), (${tenant}, ${free}, 'Halle', null, 'b')`.execute(database.db);

      expect(await migrate(database, sources)).toEqual([`shopfloor/${MOVE}`]);
      const rows = await sql<{ terminal_id: string; work_centre_id: string }>`select terminal_id, work_centre_id from shopfloor_terminal_work_centres where tenant_id = ${tenant}`.execute(database.db);
      expect(rows.rows).toEqual([{ terminal_id: locked, work_centre_id: centre }]);
      // the kernel's column keeps its value (forward only, nothing lost)
      const kept = await sql<{ work_centre_id: string | null }>`select work_centre_id from terminals where id = ${locked}`.execute(database.db);
      expect(kept.rows[0]!.work_centre_id).toBe(centre);
    } finally {
      await database.close();
    }
  });
});
