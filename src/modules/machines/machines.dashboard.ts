import type { DashboardDeclaration } from '../../kernel/dashboard/dashboard-types.js';
import { listAlarms } from './alarms.store.js';
import { listMachines } from './machines.store.js';

/** Open machine alarms (not yet closed), newest first, with how many still wait for acknowledgement. */
export const machinesDashboard: DashboardDeclaration = {
  tiles: [
    {
      id: 'alarms',
      permission: 'machines.read',
      async load(ctx) {
        const machines = await listMachines(ctx.db, ctx.tenant.tenantId);
        if (machines.length === 0) return { state: 'empty', link: '/machines', figures: [] };
        const names = new Map(machines.map((m) => [m.id, m.name]));
        const open = await listAlarms(ctx.db, ctx.tenant.tenantId, { open: true });
        const unacknowledged = open.filter((a) => a.status === 'active' || a.status === 'clearedUnacknowledged').length;
        const critical = open.filter((a) => a.severity === 'critical').length;
        return {
          state: open.length > 0 ? 'attention' : 'ok',
          link: '/machines',
          figures: [
            { id: 'open', value: open.length, format: 'number' },
            { id: 'unacknowledged', value: unacknowledged, format: 'number' },
            { id: 'critical', value: critical, format: 'number' },
            { id: 'machines', value: machines.length, format: 'number' },
          ],
          entries: open.slice(0, 5).map((a) => ({
            label: `${names.get(a.machineId) ?? ''} · ${a.ruleName}`,
            link: `/machines/${a.machineId}`,
            figure: { id: 'raisedAt', value: a.raisedAt.toISOString(), format: 'dateTime' },
          })),
          ...(unacknowledged > 0 ? { next: { link: '/machines', count: unacknowledged, priority: 3 } } : {}),
        };
      },
    },
  ],
};
