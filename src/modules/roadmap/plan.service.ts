import { writeAudit } from '../../kernel/audit/audit-log.js';
import { changedFields, sameValue } from '../../kernel/audit/changed-fields.js';
import { translate } from '../../kernel/i18n/server-messages.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import { completedChecks } from '../check/index.js';
import { orderMeasures } from './domain/order.js';
import { formatQuarter, parseQuarter } from './domain/quarter.js';
import { CAPACITY_BY_CLASS, capacityClassOf, scheduleMeasures } from './domain/schedule.js';
import { planItemEvaluations } from './plan-evaluations.js';
import { moduleSuggestions } from './module-suggestions.js';
import { measuresById, toPlanItemViews } from './plan-view.js';
import type { RoadmapContext } from './roadmap-context.js';
import * as store from './roadmap.store.js';
import type { PlanItemView, PlanView, UpdateItemBody } from './schemas.js';
import { validation } from './validation-problem.js';

/** An own measure is planned as one quarter of low effort (5 person-days) unless the owner moves it. */
const OWN_MEASURE = { durationQuarters: 1, personDays: 5, effort: 'low', benefit: 'medium' } as const;

/** The quarter containing `date`, e.g. "2026-Q3". */
export function quarterOf(date: Date): string {
  return formatQuarter(date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3));
}

/** The quarter after the one containing `date`. */
export function nextQuarter(date = new Date()): string {
  return formatQuarter(parseQuarter(quarterOf(date)) + 1);
}

export async function getPlan(ctx: RoadmapContext): Promise<PlanView> {
  const { db, tenant } = ctx;
  const [rows, settings, company, members, evaluations] = await Promise.all([
    store.listPlanItems(db, tenant.tenantId),
    store.getSettings(db, tenant.tenantId),
    getCompany(db, tenant.tenantId),
    store.listMembers(db, tenant.tenantId),
    planItemEvaluations(ctx),
  ]);
  const sizeClass = capacityClassOf(company?.profile.employees);
  const today = new Date().toISOString().slice(0, 10);
  return {
    items: toPlanItemViews(rows, evaluations.byItem),
    startQuarter: settings.start_quarter,
    scheduledAt: settings.scheduled_at ? new Date(settings.scheduled_at).toISOString() : null,
    reviews: settings.reviews,
    nextReview: settings.reviews.find((r) => r >= today) ?? null,
    capacity: { sizeClass, ...CAPACITY_BY_CLASS[sizeClass] },
    members,
    investEnabled: evaluations.enabled,
  };
}

/** Written with `db`, the transaction of the change it records. */
/** A plan item's title in both languages for the audit log (a catalogue measure's from the catalogue). */
const auditTitle = (row: { measure_id: string | null; title: string | null }) =>
  (row.measure_id ? measuresById.get(row.measure_id)?.title : undefined) ?? { de: row.title ?? '', en: row.title ?? '' };

async function audit(db: Db, ctx: RoadmapContext, action: string, target?: string, details?: Record<string, unknown>) {
  await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action, target, details });
}

/**
 * Takes catalogue measures and other modules' suggestions (by `ref`) into the plan; a dropped one
 * comes back as planned, others already there stay as they are. A suggestion becomes an own measure
 * with its title and description in the caller's language and remembers where it came from.
 */
export async function acceptMeasures(ctx: RoadmapContext, measureIds: string[], suggestionRefs: string[] = []): Promise<PlanView> {
  const offered = new Map((suggestionRefs.length > 0 ? await moduleSuggestions(ctx) : []).map((s) => [s.ref, s]));
  const errors = [
    ...measureIds.map((id, i) => ({ ok: measuresById.has(id), path: `body.measureIds.${i}`, message: 'unknown measure' })),
    ...suggestionRefs.map((ref, i) => ({ ok: offered.has(ref), path: `body.suggestionRefs.${i}`, message: 'not a current suggestion' })),
  ].filter((e) => !e.ok).map(({ path, message }) => ({ path, message }));
  if (errors.length > 0) throw validation(errors);
  const { db, tenant } = ctx;
  const rows = await store.listPlanItems(db, tenant.tenantId);
  const byRef = new Map(rows.filter((r) => r.source_ref).map((r) => [r.source_ref!, r]));
  const freshRefs = [...new Set(suggestionRefs)].filter((ref) => !byRef.has(ref));
  const revivedRefs = [...new Set(suggestionRefs)].filter((ref) => byRef.get(ref)?.status === 'dropped');
  const existing = new Map(rows.filter((r) => r.measure_id).map((r) => [r.measure_id!, r]));
  const latest = (await completedChecks(db, tenant.tenantId))[0];
  const fresh = [...new Set(measureIds)].filter((id) => !existing.has(id));
  const revived = [...new Set(measureIds)].filter((id) => existing.get(id)?.status === 'dropped');
  await inTransaction(db, async (trx) => {
    await store.insertPlanItems(
      trx,
      tenant.tenantId,
      fresh.map((id) => ({ measure_id: id, micro_goal: measuresById.get(id)!.microGoal[ctx.lang], source_check_id: latest?.checkId ?? null })),
    );
    for (const id of revived) await store.updatePlanItem(trx, tenant.tenantId, existing.get(id)!.id, { status: 'planned' });
    await store.insertPlanItems(trx, tenant.tenantId, freshRefs.map((ref) => {
      const s = offered.get(ref)!;
      return { title: s.title[ctx.lang], description: s.description[ctx.lang], source_ref: ref };
    }));
    for (const ref of revivedRefs) await store.updatePlanItem(trx, tenant.tenantId, byRef.get(ref)!.id, { status: 'planned' });
    if (measureIds.length > 0) await audit(trx, ctx, 'roadmap.measures_accepted', undefined, { measureIds: [...fresh, ...revived] });
    if (freshRefs.length + revivedRefs.length > 0) {
      const titles = [...freshRefs, ...revivedRefs].map((ref) => offered.get(ref)!.title);
      await audit(trx, ctx, 'roadmap.suggestions_accepted', undefined, { titles });
    }
  });
  return getPlan(ctx);
}

function quarterOrderErrors(start: string | null, end: string | null) {
  if (start && end && parseQuarter(end) < parseQuarter(start)) return [{ path: 'body.endQuarter', message: 'endQuarter must not be before startQuarter' }];
  return [];
}

export async function addOwnMeasure(
  ctx: RoadmapContext,
  body: { title: string; description?: string | null; startQuarter?: string | null; endQuarter?: string | null },
): Promise<PlanItemView> {
  const start = body.startQuarter ?? null;
  const end = body.endQuarter ?? start;
  const errors = quarterOrderErrors(start, end);
  if (errors.length > 0) throw validation(errors);
  const id = await inTransaction(ctx.db, async (db) => {
    const [added] = await store.insertPlanItems(db, ctx.tenant.tenantId, [{ title: body.title, description: body.description ?? null, start_quarter: start, end_quarter: end }]);
    await audit(db, ctx, 'roadmap.measure_added', added, { title: body.title });
    return added;
  });
  return (await itemView(ctx, id!))!;
}

async function itemView(ctx: RoadmapContext, id: string): Promise<PlanItemView | undefined> {
  const [rows, evaluations] = await Promise.all([store.listPlanItems(ctx.db, ctx.tenant.tenantId), planItemEvaluations(ctx)]);
  return toPlanItemViews(rows, evaluations.byItem).find((i) => i.id === id);
}

export async function requireItem(ctx: RoadmapContext, id: string) {
  const row = await store.findPlanItem(ctx.db, ctx.tenant.tenantId, id);
  if (!row) throw notFound('plan_item');
  return row;
}

/** Changes owner, quarters, status, micro-goal or KPI; every rule is checked before anything is written. */
export async function updateItem(ctx: RoadmapContext, id: string, body: UpdateItemBody): Promise<PlanItemView> {
  const row = await requireItem(ctx, id);
  const errors: Array<{ path: string; message: string }> = [];
  if (body.ownerUserId) {
    const members = await store.listMembers(ctx.db, ctx.tenant.tenantId);
    if (!members.some((m) => m.id === body.ownerUserId)) errors.push({ path: 'body.ownerUserId', message: 'not a member of this company' });
  }
  if (row.measure_id && (body.title !== undefined || body.description !== undefined)) {
    errors.push({ path: body.title !== undefined ? 'body.title' : 'body.description', message: 'only own measures can be renamed' });
  }
  const start = body.startQuarter !== undefined ? body.startQuarter : row.start_quarter;
  const end = body.endQuarter !== undefined ? body.endQuarter : row.end_quarter;
  errors.push(...quarterOrderErrors(start, end));
  if (errors.length > 0) throw validation(errors);

  const patch: store.PlanItemPatch = {};
  if (body.status !== undefined && body.status !== row.status) {
    patch.status = body.status;
    patch.done_at = body.status === 'done' ? new Date() : null;
  }
  if (body.ownerUserId !== undefined) patch.owner_user_id = body.ownerUserId;
  if (body.ownerText !== undefined) patch.owner_text = body.ownerText || null;
  if (body.startQuarter !== undefined) patch.start_quarter = body.startQuarter;
  if (body.endQuarter !== undefined) patch.end_quarter = body.endQuarter;
  if (body.microGoal !== undefined) patch.micro_goal = body.microGoal || null;
  if (body.kpiName !== undefined) patch.kpi_name = body.kpiName || null;
  if (body.kpiTarget !== undefined) patch.kpi_target = body.kpiTarget || null;
  if (body.kpiUnit !== undefined) patch.kpi_unit = body.kpiUnit || null;
  if (body.title !== undefined) patch.title = body.title;
  if (body.description !== undefined) patch.description = body.description || null;
  await inTransaction(ctx.db, async (db) => {
    await store.updatePlanItem(db, ctx.tenant.tenantId, id, patch);
    const changes = changedFields(changedItemFields(row, patch), (locale, name) =>
      translate(locale, `auditFields.${name}`, name === 'status' ? { status: translate(locale, `auditFields.statusValue.${patch.status}`) } : {}));
    await audit(db, ctx, 'roadmap.item_changed', id, { title: auditTitle({ ...row, title: patch.title ?? row.title }), fields: Object.keys(body), ...(patch.status ? { status: patch.status } : {}), ...(changes ? { changes } : {}) });
  });
  return (await itemView(ctx, id))!;
}

/** Which of a measure's facts a patch really changes, as the audit names them (quarters and KPI as one each). */
function changedItemFields(row: Awaited<ReturnType<typeof requireItem>>, patch: store.PlanItemPatch): string[] {
  const differs = (column: keyof store.PlanItemPatch) => column in patch && !sameValue(patch[column], (row as unknown as Record<string, unknown>)[column]);
  const groups: Array<[string, Array<keyof store.PlanItemPatch>]> = [
    ['status', ['status']], ['owner', ['owner_user_id', 'owner_text']], ['quarters', ['start_quarter', 'end_quarter']], ['microGoal', ['micro_goal']],
    ['kpi', ['kpi_name', 'kpi_target', 'kpi_unit']], ['title', ['title']], ['description', ['description']],
  ];
  return groups.filter(([, columns]) => columns.some(differs)).map(([name]) => name);
}

export async function removeItem(ctx: RoadmapContext, id: string): Promise<void> {
  const row = await requireItem(ctx, id);
  await inTransaction(ctx.db, async (db) => {
    await store.deletePlanItem(db, ctx.tenant.tenantId, id);
    await audit(db, ctx, 'roadmap.item_removed', id, { measureId: row.measure_id, title: auditTitle(row) });
  });
}

/**
 * Places every planned measure in quarters from `startQuarter` (default: next quarter), in
 * priority order with prerequisites first and within the firm's capacity. Measures in progress,
 * done or dropped keep their dates.
 */
export async function schedulePlan(ctx: RoadmapContext, startQuarter?: string): Promise<PlanView> {
  const { db, tenant } = ctx;
  const rows = (await store.listPlanItems(db, tenant.tenantId)).filter((r) => r.status === 'planned');
  if (rows.length === 0) throw new ProblemError(409, 'roadmap_nothing_to_schedule');
  const start = startQuarter ?? nextQuarter();
  const idOfMeasure = new Map(rows.filter((r) => r.measure_id).map((r) => [r.measure_id!, r.id]));
  const plannable = rows.map((row) => {
    const m = row.measure_id ? measuresById.get(row.measure_id) : undefined;
    return {
      id: row.id,
      dependsOn: (m?.prerequisites ?? []).map((p) => idOfMeasure.get(p)).filter((x): x is string => x !== undefined),
      durationQuarters: m?.durationQuarters ?? OWN_MEASURE.durationQuarters,
      personDays: m?.effort.personDays.typical ?? OWN_MEASURE.personDays,
      effort: m?.effort.level ?? OWN_MEASURE.effort,
      benefit: m?.benefit ?? OWN_MEASURE.benefit,
    };
  });
  const company = await getCompany(db, tenant.tenantId);
  const schedule = scheduleMeasures(orderMeasures(plannable), { start, employees: company?.profile.employees });
  await inTransaction(db, async (trx) => {
    for (const m of schedule.measures) await store.updatePlanItem(trx, tenant.tenantId, m.id, { start_quarter: m.start, end_quarter: m.end });
    await store.saveSchedule(trx, tenant.tenantId, start, schedule.reviews);
    await audit(trx, ctx, 'roadmap.scheduled', undefined, { startQuarter: start, measures: schedule.measures.length });
  });
  return getPlan(ctx);
}
