import { getCompany } from '../tenancy/company-store.js';
import type { StartStepDefinition } from './dashboard-types.js';

/**
 * Step 1 of the start path: the company profile. Done when employees and industry are given,
 * which the check's comparison with similar firms needs; the other fields sharpen it.
 */
export const profileStartStep: StartStepDefinition = {
  id: 'profile',
  order: 10,
  minutes: 3,
  permission: 'company.update',
  async load(ctx) {
    const profile = (await getCompany(ctx.db, ctx.tenant.tenantId))?.profile ?? {};
    const done = profile.employees !== undefined && profile.industry !== undefined;
    return { status: done ? 'done' : Object.keys(profile).length > 0 ? 'started' : 'open', link: '/profile' };
  },
};
