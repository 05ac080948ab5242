import type { AccessCache } from '../auth/access-cache.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/database.js';
import type { Locale } from '../i18n/server-messages.js';
import type { HealthComponents } from '../health/health-components.js';
import type { JobScheduler } from '../jobs/job-scheduler.js';
import type { Mailer } from '../mail/mailer.js';
import type { ModuleRegistry } from '../modules/module-registry.js';
import type { Role } from '../tenancy/roles.js';

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  registry: ModuleRegistry;
  mailer: Mailer;
  access: AccessCache;
  /** The one scheduler of all background jobs (started by `serve`, not by tests). */
  jobs: JobScheduler;
  /** State of long-running parts (e.g. the MQTT broker) for the health details. */
  health: HealthComponents;
  /** Every registered route, for the tenant-isolation test and the docs. */
  routes: Array<{ method: string; url: string }>;
}

export interface AuthUser {
  id: string;
  /** Shop-floor workers who only sign in with a PIN on a terminal have no e-mail address. */
  email: string | null;
  name: string;
  locale: string;
  /** Signs in with a TOTP second factor (companies may require it). */
  totpEnabled?: boolean;
}

export interface RequestAuth {
  user: AuthUser;
  sessionHash: string;
  csrfToken: string;
  /** Set for a PIN session on a terminal: it reaches only this company, with the shop-floor role. */
  terminal?: TerminalScope;
}

export interface TerminalScope {
  tenantId: string;
  terminalId: string;
  name: string;
}

/** Who acts, in which company, with which role: the first argument of every service function. */
export interface TenantContext {
  tenantId: string;
  userId: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyInstance {
    wv: AppContext;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
    tenant: TenantContext | null;
    locale: Locale;
  }
}
