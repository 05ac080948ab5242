import { completedChecks } from '../check/index.js';
import { toPlanItemViews } from './plan-view.js';
import type { RoadmapContext } from './roadmap-context.js';
import { listPlanItems } from './roadmap.store.js';
import type { ProgressView } from './schemas.js';

/** Change per dimension between the two newest completed checks, next to the measures finished in between. */
export async function getProgress(ctx: RoadmapContext): Promise<ProgressView> {
  const [checks, rows] = await Promise.all([completedChecks(ctx.db, ctx.tenant.tenantId), listPlanItems(ctx.db, ctx.tenant.tenantId)]);
  const [latest, previous] = checks;
  if (!latest) return { latest: null, previous: null, dimensions: [], completed: [] };
  const before = new Map((previous?.result.dimensions ?? []).map((d) => [d.id, d.score]));
  const from = previous ? Date.parse(previous.completedAt) : Number.NEGATIVE_INFINITY;
  const to = Date.parse(latest.completedAt);
  return {
    latest: { id: latest.checkId, completedAt: latest.completedAt },
    previous: previous ? { id: previous.checkId, completedAt: previous.completedAt } : null,
    dimensions: latest.result.dimensions.map((d) => {
      const b = before.get(d.id) ?? null;
      return { id: d.id, name: d.name, before: b, after: d.score, change: b === null || d.score === null ? null : d.score - b };
    }),
    completed: toPlanItemViews(rows)
      .filter((i) => i.status === 'done' && i.doneAt && Date.parse(i.doneAt) > from && Date.parse(i.doneAt) <= to)
      .map((i) => ({ id: i.id, title: i.title, doneAt: i.doneAt!, dimensions: i.dimensions })),
  };
}
