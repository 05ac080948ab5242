import { formatIssues, readJsonInput, type CliCommand } from '../../kernel/cli-command.js';
import { evaluateInvestment } from './domain/evaluate.js';
import { evaluationInputSchema } from './schemas.js';

const EVALUATE_USAGE = `Usage: werkverbund invest evaluate [--input FILE]   (or JSON on stdin)

Input:  {"discountRate": 0.08,
         "scenarios": {"expected": {"cashFlows": [-50000, 15000, 15000, 15000, 15000, 15000]}, "worst": {...}, "best": {...}},
         "criteria": [{"id": "risk", "weight": 0.3, "score": 3}, ...]}
        cashFlows[0] is year 0 (not discounted); scores 0-5; weights are normalised to sum 1.
Output: {"scenarios": {"<name>": {"npv", "irr", "paybackYears", "discountedPaybackYears", "roi"}},
         "utilityScore": 0-100 or null}
`;

const evaluate: CliCommand = async (args, io) => {
  if (args.includes('--help')) {
    io.stdout(EVALUATE_USAGE);
    return 0;
  }
  let raw: unknown;
  try {
    raw = await readJsonInput(args, io);
  } catch (error) {
    io.stderr(`invest evaluate: ${(error as Error).message}\n`);
    return 1;
  }
  const parsed = evaluationInputSchema.safeParse(raw);
  if (!parsed.success) {
    io.stderr(`invest evaluate: invalid input\n${formatIssues(parsed.error.issues)}`);
    return 1;
  }
  io.stdout(`${JSON.stringify(evaluateInvestment(parsed.data), null, 2)}\n`);
  return 0;
};

/** Command group `werkverbund invest …`. */
export const investCommands: Record<string, CliCommand> = { evaluate };
