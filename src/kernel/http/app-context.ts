import type { AccessCache } from '../auth/access-cache.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/database.js';
import type { Locale } from '../i18n/server-messages.js';
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
  /** Every registered route, for the tenant-isolation test and the docs. */
  routes: Array<{ method: string; url: string }>;
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface RequestAuth {
  user: AuthUser;
  sessionHash: string;
  csrfToken: string;
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
