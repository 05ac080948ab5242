import { hashPassword } from './auth/password.js';
import { findUserByEmail, insertUser } from './auth/user-store.js';
import type { AppContext } from './http/app-context.js';
import { createCompany } from './tenancy/company-store.js';

export const DEMO_EMAIL = 'demo@werkverbund.example';
export const DEMO_PASSWORD = 'werkverbund-demo';
export const DEMO_COMPANY = 'Muster Metallbau GmbH';

/** Creates the demo company and its owner once; a restart finds them and changes nothing. */
export async function ensureDemoData(ctx: AppContext): Promise<{ created: boolean }> {
  if (await findUserByEmail(ctx.db, DEMO_EMAIL)) return { created: false };
  const ownerId = await insertUser(ctx.db, {
    email: DEMO_EMAIL,
    name: 'Petra Muster',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    locale: 'de',
  });
  const tenantId = await createCompany(ctx.db, ctx.registry, {
    name: DEMO_COMPANY,
    ownerId,
    profile: { employees: 42, industry: '25', valueChain: 'partsSupplier', series: 'medium', complexity: 'medium', state: 'BW', region: 'stuttgart' },
  });
  for (const module of ctx.registry.modules) {
    if (!module.core && !module.enabledByDefault) {
      await ctx.db.insertInto('tenant_modules').values({ tenant_id: tenantId, module_id: module.id, enabled: true, changed_by: ownerId }).execute();
    }
  }
  ctx.access.invalidateAccess();
  for (const module of ctx.registry.modules) {
    if (module.demo) await module.demo({ db: ctx.db, tenantId, ownerId });
  }
  return { created: true };
}
