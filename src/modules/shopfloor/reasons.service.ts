import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { translate } from '../../kernel/i18n/server-messages.js';
import { type LossCategory, type Reason, checkReason, defaultReasons } from './domain/reason-tree.js';
import type { ReasonBody } from './reasons.schemas.js';
import * as store from './reasons.store.js';
import type { ShopfloorContext } from './shopfloor.service.js';

export interface ReasonView extends Reason {
  /** A booking refers to it: it can only be deactivated, not deleted. */
  inUse: boolean;
}

/**
 * Stores the default reasons the first time a company's reasons are used. A marker row makes this
 * happen once per company, also when two requests arrive together, and keeps deleted defaults from
 * coming back.
 */
export async function ensureDefaultReasons(db: Db, tenantId: string): Promise<void> {
  if (await store.hasClaimedDefaults(db, tenantId)) return;
  await inTransaction(db, async (tx) => {
    if (await store.claimDefaults(tx, tenantId)) await store.insertReasons(tx, tenantId, defaultReasons(uuidv7));
  });
}

export async function listReasons(ctx: ShopfloorContext): Promise<{ reasons: ReasonView[] }> {
  const tenantId = ctx.tenant.tenantId;
  await ensureDefaultReasons(ctx.db, tenantId);
  const reasons = await store.listReasons(ctx.db, tenantId);
  const used = await store.reasonsInUse(ctx.db, tenantId, reasons.map((r) => r.id));
  return { reasons: reasons.map((r) => ({ ...r, inUse: used.has(r.id) })) };
}

function invalid(ctx: ShopfloorContext, issues: ReturnType<typeof checkReason>): ProblemError {
  const locale = ctx.locale ?? 'de';
  return new ProblemError(400, 'shopfloor_reason_invalid', { count: issues.length }, {
    errors: issues.map((i) => ({ path: `body.${i.field}`, code: i.code, message: translate(locale, `shopfloorReasons.${i.code}`) })),
  });
}

const audit = (ctx: ShopfloorContext, action: string, target: string, details: Record<string, unknown> = {}) =>
  writeAudit(ctx.db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `shopfloor.reason.${action}`, target, details });

function toReason(id: string, body: ReasonBody, position: number): Reason {
  return {
    id, kind: body.kind, parentId: body.parentId, isGroup: body.isGroup, label: body.label,
    loss: (body.loss as LossCategory | null), planned: body.planned, position, active: body.active,
  };
}

export async function createReason(ctx: ShopfloorContext, body: ReasonBody): Promise<ReasonView> {
  const tenantId = ctx.tenant.tenantId;
  await ensureDefaultReasons(ctx.db, tenantId);
  const all = await store.listReasons(ctx.db, tenantId);
  const siblings = all.filter((r) => r.kind === body.kind && r.parentId === body.parentId);
  const reason = toReason(uuidv7(), body, body.position ?? Math.max(0, ...siblings.map((r) => r.position)) + 1);
  const issues = checkReason(reason, all);
  if (issues.length > 0) throw invalid(ctx, issues);
  await inTransaction(ctx.db, async (tx) => {
    await store.insertReasons(tx, tenantId, [reason]);
    await audit({ ...ctx, db: tx }, 'created', reason.id, { kind: reason.kind, label: reason.label.de });
  });
  return { ...reason, inUse: false };
}

export async function updateReason(ctx: ShopfloorContext, id: string, body: ReasonBody): Promise<ReasonView> {
  const tenantId = ctx.tenant.tenantId;
  await ensureDefaultReasons(ctx.db, tenantId);
  const all = await store.listReasons(ctx.db, tenantId);
  const existing = all.find((r) => r.id === id);
  if (!existing) throw notFound('reason');
  const reason = toReason(id, body, body.position ?? existing.position);
  const issues = checkReason(reason, all);
  if (issues.length > 0) throw invalid(ctx, issues);
  await inTransaction(ctx.db, async (tx) => {
    await store.updateReason(tx, tenantId, reason);
    // A group switched off takes its reasons along.
    if (existing.isGroup && existing.active && !reason.active) await store.setActive(tx, tenantId, all.filter((r) => r.parentId === id).map((r) => r.id), false);
    await audit({ ...ctx, db: tx }, 'updated', id, { label: reason.label.de, active: reason.active });
  });
  const used = await store.reasonsInUse(ctx.db, tenantId, [id]);
  return { ...reason, inUse: used.has(id) };
}

/**
 * Deletes a reason nobody booked; a reason in use is deactivated instead (old bookings keep their
 * meaning). A group goes with its reasons: unused ones are deleted, used ones deactivated, and the
 * group itself is only deleted when none of its reasons remain.
 */
export async function removeReason(ctx: ShopfloorContext, id: string): Promise<{ deleted: string[]; deactivated: string[] }> {
  const tenantId = ctx.tenant.tenantId;
  const all = await store.listReasons(ctx.db, tenantId);
  const reason = all.find((r) => r.id === id);
  if (!reason) throw notFound('reason');
  const affected = [reason, ...all.filter((r) => r.parentId === id)];
  const used = await store.reasonsInUse(ctx.db, tenantId, affected.map((r) => r.id));
  const keep = affected.filter((r) => used.has(r.id) && r.id !== id).map((r) => r.id);
  const keepSelf = used.has(id) || keep.length > 0;
  const deactivated = keepSelf ? [...keep, id] : keep;
  const deleted = affected.map((r) => r.id).filter((x) => !deactivated.includes(x));
  await inTransaction(ctx.db, async (tx) => {
    await store.setActive(tx, tenantId, deactivated, false);
    await store.deleteReasons(tx, tenantId, deleted);
    await audit({ ...ctx, db: tx }, 'removed', id, { deleted: deleted.length, deactivated: deactivated.length });
  });
  return { deleted, deactivated };
}
