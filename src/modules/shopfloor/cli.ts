import { type CliCommand, readJsonInput } from '../../kernel/cli-command';
import { evaluateOee } from './domain/evaluate-oee';

const oee: CliCommand = async (args, io) => {
  let input: unknown;
  try {
    input = await readJsonInput(args, io);
  } catch (error) {
    io.stderr(`shopfloor oee: ${(error as Error).message}\n`);
    return 1;
  }
  const evaluation = evaluateOee(input);
  if (!evaluation.ok) {
    io.stderr(`shopfloor oee: invalid input\n${evaluation.errors.map((e) => `  ${e}\n`).join('')}`);
    return 1;
  }
  io.stdout(`${JSON.stringify(evaluation.output, null, 2)}\n`);
  return 0;
};

/** `werkverbund shopfloor <command>`: `oee --input periods.json` (or JSON on stdin). */
export const shopfloorCommands: Record<string, CliCommand> = { oee };
