import type { CliCommand } from '../kernel/cli-command.js';
import { checkCommands } from '../modules/check/cli.js';
import { roadmapCommands } from '../modules/roadmap/cli.js';
import { shopfloorCommands } from '../modules/shopfloor/cli.js';

/** Command groups of the modules, e.g. `werkverbund check score`. */
export const moduleCommands: Record<string, Record<string, CliCommand>> = {
  check: checkCommands,
  roadmap: roadmapCommands,
  shopfloor: shopfloorCommands,
};
