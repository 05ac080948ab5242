import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pickLocale, translate } from '../i18n/server-messages.js';
import { ProblemError } from './problem.js';

interface FieldError {
  path: string;
  message: string;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  extra: Record<string, unknown> = {},
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', status, code, title: translate(request.locale ?? 'de', `errors.${code}`, params), ...extra });
}

/** One error shape for the whole API; 5xx details stay in the log. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ProblemError) return sendProblem(request, reply, error.status, error.code, error.params, error.extra);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldError[] = error.validation.map((v) => ({
      path: [error.validationContext, ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])].join('.'),
      message: v.message ?? 'invalid',
    }));
    return sendProblem(request, reply, 400, 'validation', {}, { errors });
  }
  if (error.validation) {
    const errors: FieldError[] = error.validation.map((v) => ({ path: v.instancePath, message: v.message ?? 'invalid' }));
    return sendProblem(request, reply, 400, 'validation', {}, { errors });
  }
  if (error.statusCode === 413) return sendProblem(request, reply, 413, 'payload_too_large');
  if (error.statusCode === 429) return sendProblem(request, reply, 429, 'rate_limited');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(request, reply, error.statusCode, 'validation', {}, { errors: [{ path: '', message: error.message }] });
  }
  request.log.error({ err: error }, 'request failed');
  return sendProblem(request, reply, 500, 'internal');
}

/**
 * Errors of the router, before any route runs: a path parameter longer than the router allows
 * (414) or a URL that cannot be decoded (400). Answered as problems that never echo the URL.
 */
export function routingError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.locale = pickLocale(undefined, request.headers['accept-language']);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(request, reply, 414, 'uri_too_long');
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(request, reply, 400, 'bad_url');
  return errorHandler(error, request, reply);
}
