import type { CliCommand } from '../kernel/cli-command.js';
import { accountCommands } from './account-commands.js';
import { checkCommands } from '../modules/check/cli.js';
import { investCommands } from '../modules/invest/cli.js';
import { roadmapCommands } from '../modules/roadmap/cli.js';
import { secretsCommands } from './secrets-commands.js';
import { shopfloorCommands } from '../modules/shopfloor/cli.js';
import { strategyCommands } from '../modules/strategy/cli.js';

/** Command groups of the modules, e.g. `werkverbund check score`. */
export const moduleCommands: Record<string, Record<string, CliCommand>> = {
  account: accountCommands,
  check: checkCommands,
  invest: investCommands,
  roadmap: roadmapCommands,
  secrets: secretsCommands,
  shopfloor: shopfloorCommands,
  strategy: strategyCommands,
};
