/** Why an archive cannot be imported; the route answers it as a translated 4xx, nothing is stored. */
export class ImportProblem extends Error {
  constructor(readonly code: string, readonly params: Record<string, string | number> = {}, readonly detail?: string) {
    super(`${code} ${JSON.stringify(params)}${detail ? `: ${detail}` : ''}`);
  }
}
