/**
 * An error the API reports as `application/problem+json` (RFC 9457) with a stable `code`
 * that clients translate. `params` fill the placeholders of the translated message.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = (what = 'resource') => new ProblemError(404, 'not_found', { what });
export const forbidden = () => new ProblemError(403, 'forbidden');
export const unauthenticated = () => new ProblemError(401, 'unauthenticated');
