import type { CliCommand, CliIo } from '../kernel/cli-command.js';
import { createResetLink, switchOffSecondFactor } from '../kernel/account/operator-actions.js';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';

/**
 * Operator commands on the instance's database (`DATABASE_URL` or `WERKVERBUND_DATA`; the
 * embedded database only while the server is stopped):
 * `werkverbund account reset-link --email a@b.example`, `werkverbund account totp-off --email …`.
 */
async function withEmail(args: string[], io: CliIo, action: (email: string) => Promise<string | null>): Promise<number> {
  const i = args.indexOf('--email');
  const email = i >= 0 ? args[i + 1] : undefined;
  if (!email) {
    io.stderr('--email is required\n');
    return 2;
  }
  const result = await action(email);
  if (result === null) {
    io.stderr(`no account with the e-mail address ${email}\n`);
    return 1;
  }
  io.stdout(`${result}\n`);
  return 0;
}

async function onDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db'], config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    return await work(database.db, config);
  } finally {
    await database.close();
  }
}

export const accountCommands: Record<string, CliCommand> = {
  'reset-link': (args, io) => withEmail(args, io, (email) => onDatabase((db, config) => createResetLink(db, config, email))),
  'totp-off': (args, io) =>
    withEmail(args, io, (email) => onDatabase(async (db) => ((await switchOffSecondFactor(db, email)) ? 'two-factor sign-in switched off; every session ended' : null))),
};
