/**
 * An error as it may appear in logs and on the health page: the message only (never request
 * headers or objects that may carry tokens), credentials in URLs and `password=…`-style pairs
 * replaced by `***`, bearer tokens removed, at most 500 characters.
 */
export function errorText(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  let text = typeof e?.message === 'string' && e.message ? e.message : typeof error === 'string' ? error : String(error);
  if (typeof e?.cause?.code === 'string' && !text.includes(e.cause.code)) text += ` (${e.cause.code})`;
  else if (typeof e?.code === 'string' && !text.includes(e.code)) text += ` (${e.code})`;
  return redactSecrets(text).slice(0, 500);
}

export function redactSecrets(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@')
    .replace(/\b(password|passwd|pwd|secret|token|api[_-]?key)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/gi, '$1$2***')
    .replace(/\b(bearer|basic)\s+\S+/gi, '$1 ***');
}
