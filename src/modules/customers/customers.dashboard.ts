import type { DashboardDeclaration } from '../../kernel/dashboard/dashboard-types.js';
import { listCustomers } from './customers.store.js';
import { customerListQuery } from './schemas.js';

/** How many customers the company keeps, and the newest ones. */
export const customersDashboard: DashboardDeclaration = {
  tiles: [
    {
      id: 'customers',
      permission: 'customers.read',
      async load(ctx) {
        const { items, total } = await listCustomers(ctx.db, ctx.tenant.tenantId, customerListQuery.parse({ sort: 'createdAt', dir: 'desc', limit: 3 }), null);
        if (total === 0) return { state: 'empty', link: '/customers', figures: [] };
        return {
          state: 'ok',
          link: '/customers',
          figures: [{ id: 'total', value: total, format: 'number' }],
          entries: items.map((c) => ({ label: c.name, link: `/customers/${c.id}` })),
        };
      },
    },
  ],
};
