import { sql } from 'kysely';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import type { ModuleRegistry } from '../../kernel/modules/module-registry.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import { personNames } from '../../kernel/tenancy/members.js';
import { type ActivityCompletion, type Controller, type Declaration, type ProcessingRecord, buildRecord, missingItems, recordChanges } from './domain/processing-record.js';
import * as store from './processing-record.store.js';

export interface RecordContext {
  db: Db;
  tenant: TenantContext;
  registry: ModuleRegistry;
}

/** The personal data every switched-on module declares, in the modules' order. */
async function declarations(ctx: RecordContext, db: Db): Promise<Declaration[]> {
  const enabled = new Set((await ctx.registry.states(db, ctx.tenant.tenantId)).filter((s) => s.enabled).map((s) => s.id));
  return ctx.registry.modules
    .filter((m) => enabled.has(m.id))
    .flatMap((m) => m.personalData.map((p) => ({ moduleId: m.id, moduleName: m.name, ...p })));
}

/** The controller as entered, or — before anything was entered — named after the company. */
async function controllerOf(db: Db, tenantId: string): Promise<Controller> {
  const stored = await store.findController(db, tenantId);
  if (stored) return stored;
  return { name: (await getCompany(db, tenantId))?.name ?? null, address: null, contact: null, representative: null, dataProtectionOfficer: null, measures: null };
}

async function current(ctx: RecordContext, db: Db): Promise<ProcessingRecord> {
  return buildRecord(await declarations(ctx, db), await store.completions(db, ctx.tenant.tenantId), await controllerOf(db, ctx.tenant.tenantId));
}

async function view(ctx: RecordContext, db: Db) {
  const record = await current(ctx, db);
  const versions = await store.listVersions(db, ctx.tenant.tenantId);
  const latest = versions[0] ?? null;
  const names = await personNames(db, versions.map((v) => v.confirmedBy));
  return {
    record,
    changes: recordChanges(latest?.content ?? null, record),
    missing: missingItems(record),
    versions: versions.map((v) => ({ version: v.version, confirmedAt: v.confirmedAt.toISOString(), confirmedBy: v.confirmedBy ? (names.get(v.confirmedBy) ?? null) : null, changes: v.changes })),
  };
}
export type RecordView = Awaited<ReturnType<typeof view>>;

const audit = (ctx: RecordContext, db: Db, action: string, details: Record<string, unknown>) =>
  writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `privacy.${action}`, details });

export const getRecord = (ctx: RecordContext) => view(ctx, ctx.db);

export async function updateController(ctx: RecordContext, controller: Controller): Promise<RecordView> {
  return inTransaction(ctx.db, async (trx) => {
    await store.saveController(trx, ctx.tenant.tenantId, controller);
    await audit(ctx, trx, 'record_controller_changed', {});
    return view(ctx, trx);
  });
}

export async function completeActivity(ctx: RecordContext, key: string, completion: ActivityCompletion): Promise<RecordView> {
  return inTransaction(ctx.db, async (trx) => {
    const activity = (await current(ctx, trx)).activities.find((a) => a.key === key);
    // only activities of switched-on modules can be completed: a key is not free text
    if (!activity) throw notFound('activity');
    await store.saveCompletion(trx, ctx.tenant.tenantId, key, completion);
    await audit(ctx, trx, 'record_activity_completed', { category: activity.category });
    return view(ctx, trx);
  });
}

/** Confirms the record as it stands as the next version, with the changes since the last one. */
export async function confirmVersion(ctx: RecordContext): Promise<RecordView> {
  return inTransaction(ctx.db, async (trx) => {
    // one confirmation at a time per company: the version number is the last one plus one
    await sql`select pg_advisory_xact_lock(hashtext(${`privacy-record:${ctx.tenant.tenantId}`}))`.execute(trx);
    const record = await current(ctx, trx);
    const [latest] = await store.listVersions(trx, ctx.tenant.tenantId);
    const changes = recordChanges(latest?.content ?? null, record);
    if (latest && changes.length === 0) throw new ProblemError(409, 'privacy_record_unchanged', { version: latest.version });
    const version = (latest?.version ?? 0) + 1;
    await store.insertVersion(trx, ctx.tenant.tenantId, { version, confirmedBy: ctx.tenant.userId, content: record, changes });
    await audit(ctx, trx, 'record_confirmed', { version, changes });
    return view(ctx, trx);
  });
}

export async function getVersion(ctx: RecordContext, version: number) {
  const found = await store.findVersion(ctx.db, ctx.tenant.tenantId, version);
  if (!found) throw notFound('version');
  return { version: found.version, confirmedAt: found.confirmedAt.toISOString(), record: found.content, changes: found.changes };
}
