import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';

/** Deeper than any request body of the API (the deepest, an investment evaluation, has 5 levels). */
export const MAX_INPUT_DEPTH = 32;

/** The NUL character (PostgreSQL cannot store it in text) and UTF-16 surrogates without their partner (not Unicode). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type InputProblem = { kind: 'text'; path: string } | { kind: 'depth'; path: string };

/**
 * The first text (value or object key) PostgreSQL could not store, or the first place nested
 * deeper than `maxDepth`. Iterative, so no input can exhaust the stack.
 */
export function findUnstorableInput(value: unknown, root: string, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return { kind: 'text', path };
      continue;
    }
    if (v === null || typeof v !== 'object' || !isParsedJson(v)) continue;
    if (depth >= maxDepth) return { kind: 'depth', path };
    for (const [key, child] of Object.entries(v)) {
      const childPath = `${path}.${key}`;
      if (UNSTORABLE.test(key)) return { kind: 'text', path: childPath };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * preValidation hook of the whole API: path parameters, query and JSON body must not hold text
 * PostgreSQL cannot store (NUL, lone surrogates) nor be nested absurdly deep. Refused here with a
 * 400 naming the field, so no route reaches the database with it (before, such text failed deep
 * inside a route — sometimes after its record was already committed — with a 500).
 */
export async function rejectUnstorableInput(request: FastifyRequest) {
  for (const [part, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
    const problem = findUnstorableInput(value, part);
    if (!problem) continue;
    const message = problem.kind === 'text'
      ? 'contains the NUL character or an incomplete Unicode character (unpaired surrogate), which cannot be stored'
      : `is nested deeper than ${MAX_INPUT_DEPTH} levels`;
    throw new ProblemError(400, problem.kind === 'text' ? 'invalid_text' : 'nesting_too_deep', { field: problem.path, max: MAX_INPUT_DEPTH }, { errors: [{ path: problem.path, message }] });
  }
}

/** Arrays and plain objects, as JSON.parse makes them; a raw upload body (stream, buffer) is not walked. */
function isParsedJson(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
