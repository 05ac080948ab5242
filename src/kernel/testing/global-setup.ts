import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openEmbeddedDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { ModuleRegistry } from '../modules/module-registry.js';
import { allModules } from '../../modules/index.js';
import { TEMPLATE_FILE } from './test-database.js';

/** Creates one migrated embedded database per test run and dumps it for the test files to copy. */
export default async function setup() {
  const pglite = new PGlite();
  const database = await openEmbeddedDatabase(pglite);
  await migrate(database, new ModuleRegistry(allModules).modules.map((m) => ({ moduleId: m.id, migrations: m.migrations })));
  const dump = await pglite.dumpDataDir('gzip');
  mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  // written aside and renamed, so a test run starting meanwhile never reads half a file
  const partial = `${TEMPLATE_FILE}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, TEMPLATE_FILE);
  await database.close();
}
