import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../http/company.routes.js';
import { requirePermission } from '../http/guards.js';
import { ProblemError } from '../http/problem.js';
import { addServerMessages, pickLocale } from '../i18n/server-messages.js';
import { instanceHealth } from './instance-health.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
addServerMessages('de', read('./server-i18n/de.json'));
addServerMessages('en', read('./server-i18n/en.json'));

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The operator token as bearer, compared in constant time. */
function checkOperatorToken(request: FastifyRequest, token: string | undefined) {
  request.locale = pickLocale(undefined, request.headers['accept-language']);
  if (!token) throw new ProblemError(403, 'health_details_disabled');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match || !timingSafeEqual(digest(match[1]), digest(token))) {
    throw new ProblemError(401, 'health_token_invalid');
  }
}

/**
 * `GET /api/health/details` for operators and monitoring: every job with its last success and
 * failure (and the failure's message), database, MQTT broker, version, uptime. Needs the
 * operator token `WERKVERBUND_HEALTH_TOKEN` as `Authorization: Bearer …` (off while unset); 30
 * requests per minute and address. Answers 200 also when degraded (`status` says it), so a
 * monitor reads the reason.
 */
export const operatorHealthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/health/details', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true },
    onRequest: async (request) => checkOperatorToken(request, app.wv.config.healthToken),
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return instanceHealth(app.wv, { errors: true });
  });
};

/**
 * `GET /api/v1/companies/{companyId}/health` for the admin health page: the same picture
 * without error texts (they may name things of other companies on a shared instance), for
 * holders of `health.read` (owners and admins).
 */
export const companyHealthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/companies/:companyId/health', {
    onRequest: requirePermission('health.read'),
    schema: { tags: ['health'], summary: 'State of the instance: jobs, database, MQTT broker, version (no error texts)', params: companyParams },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return instanceHealth(app.wv, { errors: false });
  });
};
