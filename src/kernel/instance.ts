import type { FastifyInstance } from 'fastify';
import { AccessCache } from './auth/access-cache.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import type { AppContext } from './http/app-context.js';
import { type BuildAppOptions, buildApp } from './http/build-app.js';
import { HealthComponents } from './health/health-components.js';
import { JobScheduler } from './jobs/job-scheduler.js';
import { createMailer } from './mail/mailer.js';
import type { ModuleManifest } from './modules/module-manifest.js';
import { ModuleRegistry } from './modules/module-registry.js';
import { secretBoxFor } from './secrets/instance-keys.js';
import { sealPlainValues } from './secrets/sealed-columns.js';
import { sealedColumnsOf } from './secrets/sealed-secrets-job.js';

export interface Instance {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/** Opens (or takes) the database, applies migrations and builds the HTTP app. */
export async function createInstance(
  config: Config,
  modules: ModuleManifest[],
  options: BuildAppOptions & { database?: Database } = {},
): Promise<Instance> {
  const registry = new ModuleRegistry(modules);
  const database = options.database ?? (await openDatabase(config));
  await migrate(database, registry.modules.map((m) => ({ moduleId: m.id, migrations: m.migrations })));
  // secrets stored in plain text before encryption at rest are sealed before the first request
  await sealPlainValues(database.db, sealedColumnsOf(registry), secretBoxFor(config));
  const ctx: AppContext = { config, database, db: database.db, registry, mailer: createMailer(config.smtpUrl, config.mailFrom), access: new AccessCache(), jobs: new JobScheduler(), health: new HealthComponents(), routes: [] };
  for (const m of registry.modules) for (const job of m.jobs?.(ctx) ?? []) ctx.jobs.register(job, m.id);
  const app = await buildApp(ctx, options);
  ctx.jobs.logger = app.log;
  return {
    app,
    ctx,
    close: async () => {
      await ctx.jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
