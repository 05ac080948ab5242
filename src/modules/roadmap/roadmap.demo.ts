import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import { completedChecks } from '../check/index.js';
import { acceptMeasures, nextQuarter, quarterOf, schedulePlan } from './plan.service.js';
import type { RoadmapContext } from './roadmap-context.js';
import { listPlanItems, updatePlanItem } from './roadmap.store.js';
import { suggestionsFor } from './suggestions.service.js';

/** How many of the latest check's suggestions the demo company takes into its plan. */
const DEMO_MEASURES = 8;

/**
 * The demo company accepts the first suggestions of its latest check (the order puts
 * prerequisites first, so the set is complete), schedules them from the next quarter, and
 * finished the first one between its two checks, so the progress view has something to show.
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
    const between = new Date((Date.parse(previous.completedAt) + Date.parse(latest.completedAt)) / 2);
    await updatePlanItem(db, tenantId, first.id, { status: 'done', done_at: between, start_quarter: quarterOf(between), end_quarter: quarterOf(between), owner_user_id: ownerId, kpi_name: 'Umsetzung', kpi_target: '100', kpi_unit: '%' });
  }
  await schedulePlan(ctx, nextQuarter());
  const second = items.find((i) => i.measure_id === chosen[1]);
  if (second) await updatePlanItem(db, tenantId, second.id, { status: 'in_progress', owner_user_id: ownerId });
}
