// npm run db:types — regenerates src/kernel/db/schema.generated.ts from a freshly migrated database:
// a throwaway database on the server of DATABASE_URL when set, otherwise an in-memory embedded one.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { openEmbeddedDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrate.js';
import { generateSchemaTypes, SCHEMA_TYPES_FILE } from '../kernel/db/schema-types.js';
import { ModuleRegistry } from '../kernel/modules/module-registry.js';
import { openThrowawayServerDatabase } from '../kernel/testing/test-database.js';
import { allModules } from '../modules/index.js';

const url = process.env.DATABASE_URL;
const database = url
  ? await openThrowawayServerDatabase(url, `wv_types_${randomBytes(6).toString('hex')}`)
  : await openEmbeddedDatabase(new PGlite());
try {
  await migrate(database, new ModuleRegistry(allModules).modules.map((m) => ({ moduleId: m.id, migrations: m.migrations })));
  writeFileSync(SCHEMA_TYPES_FILE, await generateSchemaTypes(database.db));
  console.log(`${SCHEMA_TYPES_FILE} written`);
} finally {
  await database.close();
}
