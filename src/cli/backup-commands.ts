import path from 'node:path';
import type { CliIo } from '../kernel/cli-command.js';
import { loadConfig } from '../kernel/config.js';
import { backupDatabase, defaultBackupName, restoreDatabase } from '../kernel/backup/backup.js';

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a file name`);
  return value;
};

/** `werkverbund backup [--output FILE]` */
export async function backupCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const config = loadConfig(env);
    const output = path.resolve(option(args, '--output') ?? defaultBackupName(Boolean(config.databaseUrl)));
    const result = await backupDatabase(config, output, env);
    io.stdout(`backup of the ${result.kind === 'server' ? 'server database (pg_dump, custom format)' : `embedded database in ${config.dataDir}`} written to ${output} (${result.bytes} bytes)\n`);
    return 0;
  } catch (error) {
    io.stderr(`backup failed: ${(error as Error).message}\n`);
    return 1;
  }
}

/** `werkverbund restore --input FILE [--force]` */
export async function restoreCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const input = option(args, '--input');
    if (!input) throw new Error('--input FILE is required (a file written by "werkverbund backup")');
    const config = loadConfig(env);
    const result = await restoreDatabase(config, path.resolve(input), { force: args.includes('--force') }, env);
    const kept = result.movedAside ? ` (the previous database is kept in ${result.movedAside})` : result.replaced ? ' (the previous contents were replaced)' : '';
    io.stdout(`restored ${result.kind === 'server' ? 'the server database' : `the embedded database in ${config.dataDir}`} from ${path.resolve(input)}${kept}; the next start applies newer migrations\n`);
    return 0;
  } catch (error) {
    io.stderr(`restore failed: ${(error as Error).message}\n`);
    return 1;
  }
}
