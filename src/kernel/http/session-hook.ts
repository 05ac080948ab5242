import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/secret-token.js';
import { pickLocale } from '../i18n/server-messages.js';
import { ProblemError } from './problem.js';

export const SESSION_COOKIE = 'wv_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the session cookie to a user and enforces the CSRF token on state-changing requests. */
export async function sessionHook(request: FastifyRequest, _reply: FastifyReply) {
  request.auth = null;
  request.tenant = null;
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const hash = hashToken(token);
    const { db, access } = request.server.wv;
    request.auth = await access.session(hash, async () => {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .leftJoin('terminals as t', (join) => join.onRef('t.tenant_id', '=', 's.scope_tenant_id').onRef('t.id', '=', 's.terminal_id'))
        .select(['u.id', 'u.email', 'u.name', 'u.locale', 'u.totp_enabled_at', 's.csrf_token', 's.expires_at', 's.scope_tenant_id', 's.terminal_id', 't.name as terminal_name'])
        .where('s.id_hash', '=', hash)
        .executeTakeFirst();
      if (!row) return undefined;
      // a scoped session always names its terminal (set together; the session goes with the terminal)
      const terminal = row.scope_tenant_id
        ? { tenantId: row.scope_tenant_id, terminalId: row.terminal_id ?? '', name: row.terminal_name ?? '' }
        : undefined;
      return {
        auth: { user: { id: row.id, email: row.email, name: row.name, locale: row.locale, totpEnabled: Boolean(row.totp_enabled_at) }, sessionHash: hash, csrfToken: row.csrf_token, terminal },
        expiresAt: new Date(row.expires_at),
      };
    });
  }
  request.locale = pickLocale(request.auth?.user.locale, request.headers['accept-language']);
  if (request.auth && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.auth.csrfToken) {
    throw new ProblemError(403, 'csrf');
  }
}
