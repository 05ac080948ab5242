/**
 * A valid request to a write route (its URL pattern without `/api/v1`, e.g.
 * `POST /companies/:companyId/machines`), the starting point the input walk
 * (`src/kernel/http/input-walk.test.ts`) mutates: NUL, lone surrogates, 1 MB strings, deep
 * nesting, wrong types, ids of another company. `ids` are the caller's company's fixture ids
 * (by path-parameter name, see `src/modules/isolation-fixtures.ts`).
 */
export interface WriteExample {
  body?: unknown;
  /** Sent without session (sign-up, sign-out: a session of the walk must survive). */
  anonymous?: boolean;
  /** Failed attempts are recorded by design (audit, lockout counters): only the status is checked. */
  recordsFailures?: boolean;
  /** Sent as raw bytes with this content type instead of JSON. */
  contentType?: string;
  /** The status the valid request gets (default: any 2xx); e.g. a sign-in without a terminal. */
  expect?: number;
}

export type WriteExamples = (ids: Record<string, string>) => Record<string, WriteExample>;
