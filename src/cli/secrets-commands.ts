import type { CliCommand } from '../kernel/cli-command.js';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { ModuleRegistry } from '../kernel/modules/module-registry.js';
import { rotateSecrets } from '../kernel/secrets/rotate-secrets.js';
import { sealedColumnsOf } from '../kernel/secrets/sealed-secrets-job.js';
import { allModules } from '../modules/index.js';

/** `werkverbund secrets rotate`: re-encrypts every stored secret under a new instance key (server stopped). */
export const secretsCommands: Record<string, CliCommand> = {
  rotate: async (_args, io) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      io.stdout(`${await rotateSecrets(database.db, sealedColumnsOf(new ModuleRegistry(allModules)), config, process.env)}\n`);
      return 0;
    } catch (error) {
      io.stderr(`${(error as Error).message}\n`);
      return 1;
    } finally {
      await database.close();
    }
  },
};
