import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A second line after the CSRF token: a state-changing request a browser marks as coming from
 * another site is refused (403 `cross_site`). Browsers set `Sec-Fetch-Site` and `Origin` themselves
 * (scripts cannot forge them); a request without either (curl, scripts, old browsers) passes on to
 * the CSRF check. Allowed origins: the one of `WERKVERBUND_PUBLIC_URL` and the one the browser
 * addressed (its `Host`), so the app also works under a second name or directly on the port.
 */
export function originCheck(publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return async function checkOrigin(request: FastifyRequest) {
    if (SAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site === 'same-origin' || site === 'none') return;
    if (site === 'cross-site') throw new ProblemError(403, 'cross_site');
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (origin === publicOrigin || (origin !== 'null' && hostOf(origin) === request.headers.host)) return;
    throw new ProblemError(403, 'cross_site');
  };
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
