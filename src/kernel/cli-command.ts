import type { z } from 'zod';

/** What a module's command-line entry receives; streams are injectable so commands are testable. */
export interface CliIo {
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * A module command such as `werkverbund check score --input answers.json`.
 * Returns the process exit code (0 = success).
 */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Reads `--input FILE` or stdin as JSON text; shared by module commands. */
export async function readJsonInput(args: string[], io: CliIo): Promise<unknown> {
  const i = args.indexOf('--input');
  let text: string;
  if (i >= 0) {
    const file = args[i + 1];
    if (!file) throw new Error('--input needs a file name');
    const { readFile } = await import('node:fs/promises');
    text = await readFile(file, 'utf8');
  } else {
    text = await io.readStdin();
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`input is not valid JSON: ${(error as Error).message}`);
  }
}

/** Validation problems of a command's input, one per line, each with where it is (`factors[1].id: …`). */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path
        .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
        .join('');
      return `  ${path || 'input'}: ${issue.message}\n`;
    })
    .join('');
}
