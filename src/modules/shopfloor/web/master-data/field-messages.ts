import { ApiError } from '../../../../web/api/client';

export interface FieldHint { path: string; code: string }

/** The last named segment of an API path: `body.calendar.week.mon.0.breaks.0` → `breaks`. */
export function fieldKind(path: string): string {
  const named = path.split('.').filter((p) => !/^\d+$/.test(p));
  return named[named.length - 1] ?? '';
}

/** Field errors of an API answer, with paths relative to the request body. */
export function serverFieldErrors(error: unknown): FieldHint[] {
  if (!(error instanceof ApiError)) return [];
  const out = error.errors.map((e) => ({ path: e.path.replace(/^body\.?/, ''), code: `server.${fieldKind(e.path)}` }));
  // A number that is taken belongs at the number field.
  if (error.code === 'shopfloor_duplicate') out.push({ path: String(error.body.what) === 'work centre' ? 'code' : 'number', code: 'duplicate' });
  return out;
}

/**
 * Looks up the message for a field: the server's answer to the last save first, else the client's
 * own hint. `t` receives keys below `shopfloorMasterData.errors`.
 */
export function fieldMessages(hints: FieldHint[], error: unknown, t: (key: string) => string) {
  const server = serverFieldErrors(error);
  return (path: string): string | undefined => {
    const hit = server.find((e) => e.path === path) ?? hints.find((h) => h.path === path);
    if (!hit) return undefined;
    const kind = hit.code.startsWith('server.') ? hit.code.slice(7) : hit.code;
    const key = `shopfloorMasterData.errors.${kind}`;
    const text = t(key);
    return text === key ? t('shopfloorMasterData.errors.invalid') : text;
  };
}
