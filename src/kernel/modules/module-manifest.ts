import type { ModuleRegistry } from './module-registry.js';
import type { FastifyPluginAsync } from 'fastify';
import type { DashboardDeclaration } from '../dashboard/dashboard-types.js';
import type { Migration } from '../db/migrate.js';
import type { Db } from '../db/database.js';
import type { DataSubjectProvider } from './data-subjects.js';
import type { AppContext } from '../http/app-context.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { NotificationProvider } from '../notifications/notification-provider.js';
import type { RetentionRule } from './retention-rule.js';
import type { SearchProvider } from '../search/search-provider.js';
import type { SealedColumn } from '../secrets/sealed-columns.js';
import type { Role } from '../tenancy/roles.js';

export type Localized = { de: string; en: string };

/** A field of an event's payload that webhook subscriptions can filter by (see `src/kernel/webhooks/README.md`). */
export interface EventFilterField {
  /** Dot path into the payload, e.g. `alarm.severity`. */
  path: string;
  label: Localized;
  /** The event types whose payload has the field. */
  eventTypes: string[];
  /** The values to choose from, in their natural order. */
  values: Array<{ value: string; label: Localized }>;
}

export interface PermissionDeclaration {
  /** `<module>.<action>`, e.g. `check.answer`. */
  id: string;
  description: Localized;
  /** Roles that hold this permission. Owners hold every permission. */
  roles: Role[];
}

export interface NavigationEntry {
  /** Path below `/app`, e.g. `/check`. */
  path: string;
  label: Localized;
  /** Permission needed to see the entry. */
  permission: string;
}

/** Personal data a module processes, for the records of processing activities (GDPR Art. 30). */
export interface PersonalDataDeclaration {
  category: Localized;
  purpose: Localized;
  dataSubjects: Localized;
  retention: Localized;
  /** How the retention is enforced: with its record, or after a period by the privacy module's daily job. */
  rule: RetentionRule;
}

export interface DemoContext {
  db: Db;
  tenantId: string;
  ownerId: string;
  /** The modules of the instance (e.g. to write what the switched-on modules allow each role). */
  registry?: ModuleRegistry;
}

export interface ModuleManifest {
  id: string;
  name: Localized;
  description: Localized;
  /** Modules that must be switched on for this one to be switched on; every one whose door this module imports, unless listed in `uses`. */
  dependsOn: string[];
  /**
   * Modules whose door this module imports but which need not be switched on: their tables exist
   * in every company of the build, and this module works without their data (e.g. machine data
   * shows the shop floor's orders when there are any). Ordered before this module like `dependsOn`.
   */
  uses?: string[];
  /** Kernel modules are always on and cannot be switched off. */
  core?: boolean;
  /** Whether a new company has the module switched on. */
  enabledByDefault?: boolean;
  migrations: Migration[];
  /** Tenant tables this module owns (all carry tenant_id), exported in this order. */
  tables: string[];
  /**
   * Event types the module writes into the kernel outbox (`emitEvent` from `src/kernel/webhooks`),
   * e.g. `machines.alarm.raised`; companies subscribe webhooks to them.
   */
  events?: string[];
  /** Names of the event types (for the webhook settings page), by type. */
  eventLabels?: Record<string, Localized>;
  /** Payload fields of the events a webhook subscription can filter by, with the values to choose from. */
  eventFilters?: EventFilterField[];
  /** Columns never exported (secrets such as token hashes), as `table.column`. */
  secretColumns?: string[];
  /** Columns holding secrets encrypted with the instance key (sealed at start, re-sealed by `secrets rotate`). */
  sealedColumns?: SealedColumn[];
  /**
   * Tables computed from others and cleared by triggers while those change (e.g. cached figures):
   * exported and imported after every other table, so an import keeps them.
   */
  derivedTables?: string[];
  /** Called by the company import before a batch of rows of one of the module's tables is inserted (e.g. to create partitions). */
  beforeImportRows?: (db: Db, table: string, rows: Array<Record<string, unknown>>) => Promise<void>;
  permissions: PermissionDeclaration[];
  navigation: NavigationEntry[];
  personalData: PersonalDataDeclaration[];
  /**
   * Finding, exporting and erasing the people the module holds, for data-subject requests
   * (`src/kernel/modules/data-subjects.ts`); every module whose `personalData` names people it can
   * find offers one.
   */
  dataSubjects?: DataSubjectProvider;
  /** Records the global search in the header finds (`GET /companies/:companyId/search`), e.g. orders or machines. */
  search?: SearchProvider;
  /** What the notification centre in the header lists (`GET /companies/:companyId/notifications`), e.g. open alarms. */
  notifications?: NotificationProvider;
  /** Routes, registered under `/api/v1`. */
  routes?: FastifyPluginAsync;
  demo?: (ctx: DemoContext) => Promise<void>;
  /** Tiles for the home page and steps of the new company's start path (`src/kernel/dashboard`). */
  dashboard?: DashboardDeclaration;
  /**
   * Periodic background work, registered with the kernel scheduler (`src/kernel/jobs`) when the
   * instance is created and run once the server listens. Read settings here: a bad setting
   * stops the start with its message.
   */
  jobs?: (ctx: AppContext) => JobDefinition[];
  /**
   * Sign-ins created by `demo` that still work with their published password or PIN, described for
   * the operator (e.g. "terminal worker Ali Yilmaz, personnel number 1001, PIN 1234"). A production
   * start (`werkverbund serve` without `--demo`) refuses while any is found.
   */
  demoCredentials?: (db: Db) => Promise<string[]>;
  /**
   * What the module adds to the description of a terminal (PIN sign-in device) for its pages, e.g.
   * the shop floor's `workCentreId`; merged into `terminal` of `GET /me` and of `GET /terminal`.
   */
  terminalDetails?: (db: Db, tenantId: string, terminalId: string) => Promise<Record<string, unknown>>;
  /** Long-running background work started with the server (e.g. a broker); stopped on shutdown. */
  start?: (ctx: AppContext) => Promise<{ stop(): Promise<void> }>;
  /**
   * Background work of the demo only (`serve --demo`), for the demo company: e.g. demo machines that
   * keep sending values, so the demo looks alive at any hour. Stopped on shutdown.
   */
  demoStart?: (ctx: AppContext, demo: { tenantId: string }) => Promise<{ stop(): Promise<void> }>;
}
