import type { CliCommand, CliIo } from '../kernel/cli-command.js';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrate.js';
import { ModuleRegistry } from '../kernel/modules/module-registry.js';
import { allModules } from '../modules/index.js';
import { backupCommand, restoreCommand } from './backup-commands.js';
import { exportCompanyCommand, importCompanyCommand } from './company-move.js';
import { moduleCommands } from './module-commands.js';
import { serve } from './serve.js';

const USAGE = `Usage: werkverbund <command>

  serve [--demo]        start the server (PORT, HOST, WERKVERBUND_DATA, DATABASE_URL); --demo with demo data
  migrate               apply database migrations and exit
  export-company <companyId> [--out FILE]
                        write a company's export archive (as the download in the app)
  import-company <file> --owner EMAIL [--name NAME]
                        create a new company from an export archive; EMAIL becomes its owner
  account reset-link --email ADDRESS   print a one-hour password-reset link (when no SMTP is set up)
  account totp-off --email ADDRESS     switch off a person's two-factor sign-in (lost device and codes)
  backup [--output FILE]          back up the database (embedded: server stopped; server: pg_dump)
  restore --input FILE [--force]  restore a backup (Werkverbund stopped; --force replaces a database)
  secrets rotate        re-encrypt every stored secret under a new instance key (server stopped)
${Object.entries(moduleCommands)
  .filter(([group]) => group !== 'account' && group !== 'secrets')
  .flatMap(([group, commands]) => Object.keys(commands).map((c) => `  ${group} ${c} --input FILE   (or JSON on stdin)`))
  .join('\n')}
`;

const io: CliIo = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'serve') {
    // while the server runs there is no exit code yet
    return (await serve(rest)) ?? -1;
  }
  if (command === 'migrate') {
    const database = await openDatabase(loadConfig());
    const ran = await migrate(database, new ModuleRegistry(allModules).modules.map((m) => ({ moduleId: m.id, migrations: m.migrations })));
    io.stdout(ran.length ? `applied: ${ran.join(', ')}\n` : 'database is up to date\n');
    await database.close();
    return 0;
  }
  if (command === 'export-company') return exportCompanyCommand(rest, io);
  if (command === 'import-company') return importCompanyCommand(rest, io);
  if (command === 'backup') return backupCommand(rest, io);
  if (command === 'restore') return restoreCommand(rest, io);
  const group = moduleCommands[command];
  const sub: CliCommand | undefined = group?.[rest[0] ?? ''];
  if (!sub) {
    io.stderr(`unknown command: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  return sub(rest.slice(1), io);
}
