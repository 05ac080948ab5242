import { randomBytes } from 'node:crypto';
import { hashPassword } from '../kernel/auth/password.js';
import { findUserByEmail, insertUser } from '../kernel/auth/user-store.js';
import type { CliIo } from '../kernel/cli-command.js';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrate.js';
import { exportCompanyToFile } from '../kernel/export/company-export.js';
import { importCompanyFromFile } from '../kernel/export/company-import.js';
import { ImportProblem } from '../kernel/export/import-problem.js';
import { translate } from '../kernel/i18n/server-messages.js';
import '../kernel/http/export.routes.js'; // registers the import's messages
import { ModuleRegistry } from '../kernel/modules/module-registry.js';
import { APP_VERSION } from '../kernel/version.js';
import { allModules } from '../modules/index.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>, registry: ModuleRegistry) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    const registry = new ModuleRegistry(allModules);
    await migrate(database, registry.modules.map((m) => ({ moduleId: m.id, migrations: m.migrations })));
    return await work(database, registry);
  } finally {
    await database.close();
  }
}

/** `werkverbund export-company <companyId> --out FILE`: the same archive as the download in the app. */
export async function exportCompanyCommand(args: string[], io: CliIo): Promise<number> {
  const companyId = args.find((a) => !a.startsWith('--') && a !== option(args, '--out'));
  const out = option(args, '--out') ?? `werkverbund-export-${new Date().toISOString().slice(0, 10)}.zip`;
  if (!companyId || !/^[0-9a-f-]{36}$/i.test(companyId)) {
    io.stderr('usage: werkverbund export-company <companyId> [--out FILE]\n');
    return 2;
  }
  return withDatabase(async (database, registry) => {
    const exists = await database.db.selectFrom('tenants').select('id').where('id', '=', companyId).executeTakeFirst();
    if (!exists) {
      io.stderr(`no company ${companyId}\n`);
      return 1;
    }
    const manifest = await exportCompanyToFile(database.db, registry, companyId, APP_VERSION, out);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    io.stdout(`${JSON.stringify({ file: out, company: manifest.company, tables: manifest.tables.length, rows })}\n`);
    return 0;
  });
}

/**
 * `werkverbund import-company <file> --owner EMAIL [--name NAME]`: a new company from an export.
 * The owner's account is used if it exists; otherwise it is created with the password in
 * `WERKVERBUND_OWNER_PASSWORD`, or with a generated one printed once.
 */
export async function importCompanyCommand(args: string[], io: CliIo): Promise<number> {
  const owner = option(args, '--owner');
  const name = option(args, '--name');
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--owner' && args[i - 1] !== '--name');
  if (!file || !owner || !/^[^@\s]+@[^@\s]+$/.test(owner)) {
    io.stderr('usage: werkverbund import-company <file> --owner EMAIL [--name NAME]\n');
    return 2;
  }
  return withDatabase(async (database, registry) => {
    let ownerId = (await findUserByEmail(database.db, owner))?.id;
    let generated: string | undefined;
    const created = !ownerId;
    if (!ownerId) {
      const password = process.env.WERKVERBUND_OWNER_PASSWORD || (generated = randomBytes(12).toString('base64url'));
      ownerId = await insertUser(database.db, { email: owner, name: owner.split('@')[0]!, passwordHash: await hashPassword(password), locale: 'de' });
    }
    let last = 0;
    try {
      const result = await importCompanyFromFile(database.db, registry, file, {
        ownerId,
        name,
        hooksOutsideTransaction: database.kind === 'server',
        onProgress: (p) => {
          if (Date.now() - last < 1000 && p.phase === 'importing') return;
          last = Date.now();
          io.stderr(`${p.phase}${p.table ? ` ${p.table}` : ''}: ${p.rowsDone}/${p.rowsTotal} rows\n`);
        },
      });
      io.stdout(`${JSON.stringify({ company: { id: result.tenantId, name: result.name }, newIds: result.newIds, people: result.people, rows: result.rows, owner })}\n`);
      if (generated) io.stderr(`Created the account ${owner} with the one-time password ${generated} — sign in and change it.\n`);
      return 0;
    } catch (error) {
      if (created) await database.db.deleteFrom('users').where('id', '=', ownerId).execute();
      if (error instanceof ImportProblem) {
        io.stderr(`${translate('en', `errors.${error.code}`, error.params)}${error.detail ? `\n(${error.detail})` : ''}\n`);
        return 1;
      }
      throw error;
    }
  });
}
