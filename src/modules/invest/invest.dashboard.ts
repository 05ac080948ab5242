import type { DashboardDeclaration } from '../../kernel/dashboard/dashboard-types.js';
import { planItemStatuses } from '../roadmap/index.js';
import { listEvaluations } from './invest.service.js';

/**
 * Open investment decisions: evaluations whose measure has not been started yet (or that belong to
 * no measure of the plan), with the expected net present value.
 */
export const investDashboard: DashboardDeclaration = {
  tiles: [
    {
      id: 'decisions',
      permission: 'invest.read',
      async load(ctx) {
        const evaluations = await listEvaluations(ctx);
        if (evaluations.length === 0) return { state: 'empty', link: '/invest', figures: [] };
        const statuses = ctx.isModuleEnabled('roadmap') ? await planItemStatuses(ctx.db, ctx.tenant.tenantId) : new Map<string, string>();
        const open = evaluations.filter((e) => {
          const status = e.planItemId ? statuses.get(e.planItemId) : undefined;
          return status === undefined || status === 'planned';
        });
        return {
          state: 'ok',
          link: '/invest',
          figures: [
            { id: 'open', value: open.length, format: 'number' },
            { id: 'total', value: evaluations.length, format: 'number' },
          ],
          entries: open.slice(0, 5).map((e) => ({ label: e.title, link: `/invest/${e.id}`, figure: { id: 'npv', value: e.npvCents, format: 'money' } })),
          ...(open.length > 0 ? { next: { link: '/invest', count: open.length, priority: 1 } } : {}),
        };
      },
    },
  ],
};
