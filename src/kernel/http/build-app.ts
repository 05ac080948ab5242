import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './app-context.js';
import { operatorHealthRoutes } from '../health/health.routes.js';
import { errorHandler, routingError } from './error-handler.js';
import { requestForLog } from './request-log.js';
import { originCheck } from './origin-check.js';
import { sessionHook } from './session-hook.js';
import { rejectUnstorableInput } from './storable-input.js';
import { registerWebApp } from './web-app.js';

export interface BuildAppOptions {
  logger?: boolean | object;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  // a hop count as proxy-addr reads it (the types of this Fastify version lack the number form)
  const hops = ctx.config.trustProxy;
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'], serializers: { req: requestForLog } },
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: routingError,
  });
  app.decorate('wv', ctx);
  app.decorateRequest('auth', null);
  app.decorateRequest('tenant', null);
  app.decorateRequest('locale', 'de');
  app.setErrorHandler(errorHandler);

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: ctx.config.secureCookies ? undefined : false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Werkverbund API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wv_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  await app.register(operatorHealthRoutes);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') ctx.routes.push({ method, url: route.url });
  });
  await app.register(async (api) => {
    api.setValidatorCompiler(validatorCompiler);
    api.setSerializerCompiler(serializerCompiler);
    api.addHook('onRequest', originCheck(ctx.config.publicUrl));
    api.addHook('onRequest', sessionHook);
    api.addHook('preValidation', rejectUnstorableInput);
    for (const module of ctx.registry.modules) {
      if (module.routes) await api.register(module.routes);
    }
  }, { prefix: '/api/v1' });

  await registerWebApp(app, ctx.config.webDir);
  return app;
}
