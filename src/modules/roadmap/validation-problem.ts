import { ProblemError } from '../../kernel/http/problem.js';

/** A 400 problem in the shape schema validation produces, for rules a schema cannot express. */
export function validation(errors: Array<{ path: string; message: string }>): ProblemError {
  return new ProblemError(400, 'validation', {}, { errors });
}
