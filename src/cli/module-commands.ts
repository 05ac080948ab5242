import type { CliCommand } from '../kernel/cli-command.js';

/** Command groups of the modules, e.g. `werkverbund check score`. */
export const moduleCommands: Record<string, Record<string, CliCommand>> = {};
