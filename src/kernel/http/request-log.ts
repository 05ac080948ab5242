import type { FastifyRequest } from 'fastify';

/**
 * A public link carries its secret in the path (`/p/o/<id>.<secret>`, `/api/v1/p/o/<id>.<secret>`):
 * the log keeps the id, not the secret, so reading the logs opens no link.
 */
export const withoutLinkSecrets = (url: string) => url.replace(/(\/p\/[a-z]+\/[0-9a-f-]{36})\.[A-Za-z0-9_-]+/g, '$1.…');

/** Fastify's request log entry, with link secrets cut out of the URL. */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: withoutLinkSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
