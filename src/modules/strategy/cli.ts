import { formatIssues, readJsonInput, type CliCommand } from '../../kernel/cli-command.js';
import { ScenarioSpaceTooLargeError } from './domain/consistency.js';
import { analyseScenarios } from './domain/scenario-analysis.js';
import { scenarioAnalysisInputSchema } from './scenario-analysis.schema.js';

const SCENARIOS_USAGE = `Usage: werkverbund strategy scenarios [--input FILE]   (or JSON on stdin)

Input:  {"factors": [{"id": "cloud", "levels": ["low", "high"]}, ...],
         "impact": [[0, 2, ...], ...],          row drives column, 0-3, diagonal ignored
         "consistency": {"cloud.high|staff.trained": 2, ...},   -3..3, pairs not given count 0
         "threshold": 0}
Output: {"active": {"<factor>": sum}, "passive": {...},
         "roles": {"<factor>": "active" | "reactive" | "critical" | "buffering"},
         "scenarios": [{"levels": {"<factor>": "<level>"}, "consistency": total, "minPair": lowest}]}
        Roles: a sum is high when strictly above the mean of all factors' sums.
        Scenarios: every combination whose lowest pair value is >= threshold,
        by total consistency descending (ties in the order of the input's levels).
`;

const scenarios: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(SCENARIOS_USAGE);
    return 0;
  }
  let raw: unknown;
  try {
    raw = await readJsonInput(args, io);
  } catch (error) {
    io.stderr(`strategy scenarios: ${(error as Error).message}\n`);
    return 1;
  }
  const parsed = scenarioAnalysisInputSchema.safeParse(raw);
  if (!parsed.success) {
    io.stderr(`strategy scenarios: invalid input\n${formatIssues(parsed.error.issues)}`);
    return 1;
  }
  try {
    io.stdout(`${JSON.stringify(analyseScenarios(parsed.data), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScenarioSpaceTooLargeError)) throw error;
    io.stderr(`strategy scenarios: ${error.message}\n`);
    return 1;
  }
};

/** Command group `werkverbund strategy …`. */
export const strategyCommands: Record<string, CliCommand> = { scenarios };
