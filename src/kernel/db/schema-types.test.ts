import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allModules } from '../../modules/index.js';
import { ModuleRegistry } from '../modules/module-registry.js';
import { openTestDatabase, testDatabaseKinds } from '../testing/test-database.js';
import { migrate } from './migrate.js';
import { generateSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types.js';

describe.each(testDatabaseKinds())('generated schema types on the %s database', (kind) => {
  it('are current: a freshly migrated database generates the checked-in file (else `npm run db:types`)', async () => {
    const database = await openTestDatabase(kind);
    try {
      await migrate(database, new ModuleRegistry(allModules).modules.map((m) => ({ moduleId: m.id, migrations: m.migrations })));
      const generated = await generateSchemaTypes(database.db);
      expect(generated, `${SCHEMA_TYPES_FILE} is out of date: run \`npm run db:types\``).toBe(readFileSync(SCHEMA_TYPES_FILE, 'utf8'));
    } finally {
      await database.close();
    }
  });
});
