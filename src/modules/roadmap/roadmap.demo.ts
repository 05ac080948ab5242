import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import { completedChecks } from '../check/index.js';
import { acceptMeasures, nextQuarter, quarterOf, schedulePlan } from './plan.service.js';
import type { RoadmapContext } from './roadmap-context.js';
import { listPlanItems, setPlanItemAcceptedAt, updatePlanItem } from './roadmap.store.js';
import { suggestionsFor } from './suggestions.service.js';

/** How many of the latest check's suggestions the demo company takes into its plan. */
const DEMO_MEASURES = 8;

/**
 * The demo company accepts the first suggestions of its latest check (the order puts
 * prerequisites first, so the set is complete) on completing it, schedules them from the next
 * quarter and has begun the second this quarter. The first one it took in after its earlier check
 * and finished between the two checks, so the progress view has something to show. Every date lies
 * within the measure's own period: taken in, then begun, then done.
 */
export async function roadmapDemo({ db, tenantId, ownerId }: DemoContext): Promise<void> {
  const [latest, previous] = await completedChecks(db, tenantId);
  if (!latest) return;
  const company = await getCompany(db, tenantId);
  const ctx: RoadmapContext = { db, tenant: { tenantId, userId: ownerId, role: 'owner' }, lang: 'de' };
  const chosen = suggestionsFor(latest, company?.profile ?? {}).slice(0, DEMO_MEASURES).map((s) => s.id);
  if (chosen.length === 0) return;
  await acceptMeasures(ctx, chosen);
  const items = await listPlanItems(db, tenantId);
  const first = items.find((i) => i.measure_id === chosen[0]);
  if (first && previous) {
    // taken into the plan a week after the earlier check, done half-way to the latest one
    const accepted = new Date(Date.parse(previous.completedAt) + 7 * DAY);
    const done = new Date((Date.parse(previous.completedAt) + Date.parse(latest.completedAt)) / 2);
    await setPlanItemAcceptedAt(db, tenantId, first.id, accepted);
    await updatePlanItem(db, tenantId, first.id, { status: 'done', done_at: done, start_quarter: quarterOf(accepted), end_quarter: quarterOf(done), owner_user_id: ownerId, kpi_name: 'Umsetzung', kpi_target: '100', kpi_unit: '%' });
  }
  // the others were taken in when the latest check was completed
  for (const item of items.filter((i) => i.id !== first?.id || !previous)) await setPlanItemAcceptedAt(db, tenantId, item.id, new Date(latest.completedAt));
  await schedulePlan(ctx, nextQuarter());
  // the second one has already begun: this quarter, not the next
  const second = items.find((i) => i.measure_id === chosen[1]);
  if (second) await updatePlanItem(db, tenantId, second.id, { status: 'in_progress', owner_user_id: ownerId, start_quarter: quarterOf(new Date()) });
}

const DAY = 86_400_000;
