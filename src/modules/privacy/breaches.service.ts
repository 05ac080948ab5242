import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { type BreachFacts, breachClock, notificationDeadline, openDuties, subjectsDuty } from './domain/breach.js';
import { noticeDraft } from './domain/breach-notice.js';
import * as store from './breaches.store.js';
import type { Breach, BreachBody, BreachSummary, NoticeBody } from './schemas.js';

export interface PrivacyContext {
  db: Db;
  tenant: TenantContext;
  now?: () => number;
}

/** A moment this far ahead of the server's clock is a typing error, not a clock drift. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function facts(r: store.BreachRow): BreachFacts {
  return {
    becameKnownAt: ms(r.became_known_at)!,
    risk: r.risk as BreachFacts['risk'],
    riskReason: r.risk_reason,
    authorityNotifiedAt: ms(r.authority_notified_at),
    delayReason: r.delay_reason,
    subjectsInformedAt: ms(r.subjects_informed_at),
    subjectsException: r.subjects_exception as BreachFacts['subjectsException'],
  };
}

function summary(r: store.BreachRow, now: number): BreachSummary {
  const f = facts(r);
  const clock = breachClock(f, now);
  return {
    id: r.id,
    title: r.title,
    becameKnownAt: iso(r.became_known_at)!,
    risk: f.risk,
    clock: { state: clock.state, deadline: new Date(clock.deadline).toISOString(), remainingMs: clock.remainingMs },
    openDuties: openDuties(f),
    closedAt: iso(r.closed_at),
  };
}

/** The notice to the authority as it would be given at `at` (late after the 72 hours). */
function draftOf(r: store.BreachRow, at: number) {
  return noticeDraft({
    nature: r.nature,
    subjectCategories: r.subject_categories,
    subjectCount: r.subject_count,
    recordCategories: r.record_categories,
    recordCount: r.record_count,
    contact: r.contact,
    consequences: r.consequences,
    measures: r.measures,
    delayReason: r.delay_reason,
    late: at > notificationDeadline(ms(r.became_known_at)!),
  });
}

async function detail(db: Db, tenantId: string, r: store.BreachRow, now: number): Promise<Breach> {
  const notices = await store.listNotices(db, tenantId, r.id);
  const f = facts(r);
  return {
    ...summary(r, now),
    occurredFrom: iso(r.occurred_from),
    occurredTo: iso(r.occurred_to),
    nature: r.nature,
    subjectCategories: r.subject_categories,
    subjectCount: r.subject_count,
    recordCategories: r.record_categories,
    recordCount: r.record_count,
    consequences: r.consequences,
    measures: r.measures,
    contact: r.contact,
    riskReason: r.risk_reason,
    delayReason: r.delay_reason,
    subjectsException: f.subjectsException,
    authorityNotifiedAt: iso(r.authority_notified_at),
    authorityReference: r.authority_reference,
    subjectsInformedAt: iso(r.subjects_informed_at),
    subjectsDuty: subjectsDuty(f),
    draft: draftOf(r, f.authorityNotifiedAt ?? now),
    notices: notices.map((n) => ({ id: n.id, recipient: n.recipient as 'authority' | 'subjects', sentAt: iso(n.sent_at)!, reference: n.reference, content: n.content, createdAt: iso(n.created_at)! })),
    updatedAt: iso(r.updated_at)!,
  };
}

const fieldProblem = (code: string, path: string, message: string) => new ProblemError(400, code, {}, { errors: [{ path, message }] });

/** Moments that cannot be right are questioned, never corrected silently. */
function checkMoments(body: BreachBody, now: number) {
  const known = Date.parse(body.becameKnownAt);
  if (known > now + FUTURE_TOLERANCE_MS) throw fieldProblem('privacy_moment_in_future', 'body.becameKnownAt', 'must not be in the future');
  const from = body.occurredFrom === null ? null : Date.parse(body.occurredFrom);
  const to = body.occurredTo === null ? null : Date.parse(body.occurredTo);
  if (from !== null && to !== null && from > to) throw fieldProblem('privacy_occurred_range', 'body.occurredTo', 'must not be before the start');
  if (from !== null && from > known) throw fieldProblem('privacy_occurred_after_known', 'body.occurredFrom', 'must not be after the moment it became known');
}

function columnsOf(body: BreachBody): store.BreachColumns {
  return {
    title: body.title,
    became_known_at: new Date(body.becameKnownAt),
    occurred_from: body.occurredFrom === null ? null : new Date(body.occurredFrom),
    occurred_to: body.occurredTo === null ? null : new Date(body.occurredTo),
    nature: body.nature,
    subject_categories: body.subjectCategories,
    subject_count: body.subjectCount,
    record_categories: body.recordCategories,
    record_count: body.recordCount,
    consequences: body.consequences,
    measures: body.measures,
    contact: body.contact,
    risk: body.risk,
    risk_reason: body.riskReason,
    delay_reason: body.delayReason,
    subjects_exception: body.subjectsException,
  };
}

const nowOf = (ctx: PrivacyContext) => (ctx.now ? ctx.now() : Date.now());
const audit = (ctx: PrivacyContext, db: Db, action: string, target: string, details: Record<string, unknown>) =>
  writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `privacy.${action}`, target, details });

export async function listBreaches(ctx: PrivacyContext): Promise<BreachSummary[]> {
  const now = nowOf(ctx);
  return (await store.listBreaches(ctx.db, ctx.tenant.tenantId)).map((r) => summary(r, now));
}

export async function getBreach(ctx: PrivacyContext, id: string): Promise<Breach> {
  const row = await store.findBreach(ctx.db, ctx.tenant.tenantId, id);
  if (!row) throw notFound('breach');
  return detail(ctx.db, ctx.tenant.tenantId, row, nowOf(ctx));
}

export async function recordBreach(ctx: PrivacyContext, body: BreachBody): Promise<Breach> {
  const now = nowOf(ctx);
  checkMoments(body, now);
  const id = uuidv7();
  return inTransaction(ctx.db, async (trx) => {
    await store.insertBreach(trx, ctx.tenant.tenantId, id, ctx.tenant.userId, columnsOf(body));
    await audit(ctx, trx, 'breach_recorded', id, { title: body.title });
    return detail(trx, ctx.tenant.tenantId, (await store.findBreach(trx, ctx.tenant.tenantId, id))!, now);
  });
}

async function openForChange(trx: Db, ctx: PrivacyContext, id: string): Promise<store.BreachRow> {
  const row = await store.findBreach(trx, ctx.tenant.tenantId, id, true);
  if (!row) throw notFound('breach');
  if (row.closed_at !== null) throw new ProblemError(409, 'privacy_breach_closed');
  return row;
}

export async function updateBreach(ctx: PrivacyContext, id: string, body: BreachBody): Promise<Breach> {
  const now = nowOf(ctx);
  checkMoments(body, now);
  return inTransaction(ctx.db, async (trx) => {
    const before = await openForChange(trx, ctx, id);
    const notified = ms(before.authority_notified_at) ?? ms(before.subjects_informed_at);
    if (notified !== null && Date.parse(body.becameKnownAt) > notified) {
      throw fieldProblem('privacy_known_after_notice', 'body.becameKnownAt', 'must not be after a notice already given');
    }
    const columns = columnsOf(body);
    // the trace of a correction: which fields changed, with the moment it became known before and after
    const comparable = (v: unknown) => (v instanceof Date ? v.getTime() : v ?? null);
    const changed = (Object.keys(columns) as Array<keyof store.BreachColumns>).filter((k) => comparable(columns[k]) !== comparable(before[k]));
    await store.updateBreach(trx, ctx.tenant.tenantId, id, columns);
    await audit(ctx, trx, 'breach_changed', id, {
      title: body.title,
      fields: changed,
      ...(changed.includes('became_known_at') ? { knownBefore: iso(before.became_known_at), knownAfter: body.becameKnownAt } : {}),
    });
    return detail(trx, ctx.tenant.tenantId, (await store.findBreach(trx, ctx.tenant.tenantId, id))!, now);
  });
}

/** Records a notice as given (a first one, or a later phase), with the content it had then. */
export async function giveNotice(ctx: PrivacyContext, id: string, body: NoticeBody): Promise<Breach> {
  const now = nowOf(ctx);
  const sentAt = Date.parse(body.sentAt);
  if (sentAt > now + FUTURE_TOLERANCE_MS) throw fieldProblem('privacy_moment_in_future', 'body.sentAt', 'must not be in the future');
  return inTransaction(ctx.db, async (trx) => {
    const row = await openForChange(trx, ctx, id);
    if (sentAt < ms(row.became_known_at)!) throw fieldProblem('privacy_notice_before_known', 'body.sentAt', 'must not be before the breach became known');
    const noticeId = uuidv7();
    await store.insertNotice(trx, {
      tenant_id: ctx.tenant.tenantId, breach_id: id, id: noticeId, recipient: body.recipient, sent_at: new Date(sentAt),
      reference: body.reference, content: draftOf(row, sentAt), created_by: ctx.tenant.userId,
    });
    // the first notice to each recipient is the one that meets the duty
    if (body.recipient === 'authority' && (row.authority_notified_at === null || sentAt < ms(row.authority_notified_at)!)) {
      await store.updateBreach(trx, ctx.tenant.tenantId, id, { authority_notified_at: new Date(sentAt), authority_reference: body.reference ?? row.authority_reference });
    } else if (body.recipient === 'authority' && body.reference && !row.authority_reference) {
      await store.updateBreach(trx, ctx.tenant.tenantId, id, { authority_reference: body.reference });
    }
    if (body.recipient === 'subjects' && (row.subjects_informed_at === null || sentAt < ms(row.subjects_informed_at)!)) {
      await store.updateBreach(trx, ctx.tenant.tenantId, id, { subjects_informed_at: new Date(sentAt) });
    }
    await audit(ctx, trx, body.recipient === 'authority' ? 'breach_authority_notified' : 'breach_subjects_informed', id, { title: row.title, sentAt: body.sentAt });
    return detail(trx, ctx.tenant.tenantId, (await store.findBreach(trx, ctx.tenant.tenantId, id))!, now);
  });
}

export async function closeBreach(ctx: PrivacyContext, id: string): Promise<Breach> {
  const now = nowOf(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const row = await openForChange(trx, ctx, id);
    const open = openDuties(facts(row));
    if (open.length > 0) throw new ProblemError(409, 'privacy_breach_duties_open', { count: open.length }, { duties: open });
    await store.updateBreach(trx, ctx.tenant.tenantId, id, { closed_at: new Date(now) });
    await audit(ctx, trx, 'breach_closed', id, { title: row.title });
    return detail(trx, ctx.tenant.tenantId, (await store.findBreach(trx, ctx.tenant.tenantId, id))!, now);
  });
}

export async function reopenBreach(ctx: PrivacyContext, id: string): Promise<Breach> {
  const now = nowOf(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const row = await store.findBreach(trx, ctx.tenant.tenantId, id, true);
    if (!row) throw notFound('breach');
    if (row.closed_at === null) throw new ProblemError(409, 'privacy_breach_not_closed');
    await store.updateBreach(trx, ctx.tenant.tenantId, id, { closed_at: null });
    await audit(ctx, trx, 'breach_reopened', id, { title: row.title });
    return detail(trx, ctx.tenant.tenantId, (await store.findBreach(trx, ctx.tenant.tenantId, id))!, now);
  });
}
