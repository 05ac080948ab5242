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

/**
 * A body field refers to nothing this company has — perhaps to another company's object. Names the
 * field (`body.workCentreId`), says nothing about the object. 400 as for other invalid fields;
 * routes that have always answered such ids with 404 keep that status.
 */
export const unknownReference = (path: string, status: 400 | 404 = 400) =>
  new ProblemError(status, status === 404 ? 'not_found' : 'validation', status === 404 ? { what: path } : {}, {
    errors: [{ path, message: 'refers to nothing in this company' }],
  });
