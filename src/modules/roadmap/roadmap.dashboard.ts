import type { DashboardContext, DashboardDeclaration } from '../../kernel/dashboard/dashboard-types.js';
import { parseQuarter } from './domain/quarter.js';
import { quarterOf } from './plan.service.js';
import { measuresById } from './plan-view.js';
import { listPlanItems, type PlanItemRow } from './roadmap.store.js';

const titleOf = (row: PlanItemRow) => {
  const measure = row.measure_id ? measuresById.get(row.measure_id) : undefined;
  return measure ? measure.title : (row.title ?? '');
};

const planItems = (ctx: DashboardContext) => ctx.cached('roadmap.items', () => listPlanItems(ctx.db, ctx.tenant.tenantId));

const isOpen = (row: PlanItemRow) => row.status === 'planned' || row.status === 'in_progress';

/** Plan progress and what is due this quarter; the start path's suggestions and first plan. */
export const roadmapDashboard: DashboardDeclaration = {
  tiles: [
    {
      id: 'plan',
      permission: 'roadmap.read',
      async load(ctx) {
        const items = (await planItems(ctx)).filter((r) => r.status !== 'dropped');
        if (items.length === 0) return { state: 'empty', link: '/roadmap', figures: [] };
        const quarter = parseQuarter(quarterOf(ctx.now));
        const done = items.filter((r) => r.status === 'done').length;
        // Due: open measures that should end in this quarter or should have ended before.
        const due = items.filter((r) => isOpen(r) && r.end_quarter !== null && parseQuarter(r.end_quarter) <= quarter);
        const overdue = due.filter((r) => parseQuarter(r.end_quarter!) < quarter);
        const unscheduled = items.filter((r) => isOpen(r) && r.start_quarter === null).length;
        return {
          state: overdue.length > 0 ? 'attention' : 'ok',
          link: '/roadmap/plan',
          figures: [
            { id: 'progress', value: done / items.length, format: 'percent' },
            { id: 'done', value: done, format: 'number' },
            { id: 'inProgress', value: items.filter((r) => r.status === 'in_progress').length, format: 'number' },
            { id: 'total', value: items.length, format: 'number' },
            { id: 'due', value: due.length, format: 'number' },
            // what needs a look, only when there is some
            ...(overdue.length > 0 ? [{ id: 'overdue', value: overdue.length, format: 'number' as const }] : []),
            ...(unscheduled > 0 ? [{ id: 'unscheduled', value: unscheduled, format: 'number' as const }] : []),
          ],
          entries: due.slice(0, 5).map((r) => ({ label: titleOf(r), link: '/roadmap/plan' })),
          ...(due.length > 0 ? { next: { link: '/roadmap/plan', count: due.length, priority: 2 } } : {}),
        };
      },
    },
  ],
  startSteps: [
    {
      id: 'suggestions',
      order: 40,
      minutes: 10,
      permission: 'roadmap.plan',
      async load(ctx) {
        const items = await planItems(ctx);
        return { status: items.length > 0 ? 'done' : 'open', link: '/roadmap' };
      },
    },
    {
      id: 'plan',
      order: 50,
      minutes: 10,
      permission: 'roadmap.plan',
      async load(ctx) {
        const items = (await planItems(ctx)).filter((r) => r.status !== 'dropped');
        const placed = items.some((r) => r.start_quarter !== null);
        return { status: placed ? 'done' : items.length > 0 ? 'started' : 'open', link: '/roadmap/plan' };
      },
    },
  ],
};
