import { generate, PostgresDialect } from 'kysely-codegen';
import type { Db } from './database.js';

/** Where the table types generated from the migrated schema are checked in. */
export const SCHEMA_TYPES_FILE = 'src/kernel/db/schema.generated.ts';

/**
 * The table types of the migrated database `db`, as TypeScript source (kysely-codegen). Only the
 * `public` schema: the daily partitions of the machine samples live in `machine_sample_days` and
 * are reached through their parent table, so they get no types of their own. int8 is parsed to a
 * number by both drivers (database.ts) and typed as one; numeric stays a string, as it arrives.
 */
export function generateSchemaTypes(db: Db): Promise<string> {
  return generate({
    db,
    dialect: new PostgresDialect({ defaultSchemas: ['public'], partitions: false }),
    defaultSchemas: ['public'],
    excludePattern: 'machine_sample_days.*',
    partitions: false,
    outFile: null,
    typeMapping: { int8: 'number' },
  });
}
