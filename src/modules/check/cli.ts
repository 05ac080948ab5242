import { readJsonInput, type CliCommand } from '../../kernel/cli-command.js';
import { CheckInputError, scoreCheck } from './domain/score-check.js';

const SCORE_USAGE = 'usage: werkverbund check score [--input FILE]   (JSON {"profile": {...}, "answers": {...}} from FILE or stdin)';

const score: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${SCORE_USAGE}\n`);
    return 0;
  }
  try {
    const input = await readJsonInput(args, io);
    const result = scoreCheck(input);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CheckInputError) {
      io.stderr(`invalid check input:\n${error.issues.map((i) => `  ${i.message}`).join('\n')}\n`);
    } else {
      io.stderr(`${(error as Error).message}\n`);
    }
    return 1;
  }
};

/** Commands of `werkverbund check …`. */
export const checkCommands: Record<string, CliCommand> = { score };
