import { hashPassword, verifyPassword } from './auth/password.js';
import { findUserByEmail, insertUser } from './auth/user-store.js';
import type { AppContext } from './http/app-context.js';
import { createCompany } from './tenancy/company-store.js';

export const DEMO_EMAIL = 'demo@werkverbund.example';
export const DEMO_PASSWORD = 'werkverbund-demo';
export const DEMO_COMPANY = 'Muster Metallbau GmbH';

/**
 * Creates the demo company and its owner once; a restart finds them and changes nothing. Returns
 * the demo company (none when the demo owner no longer belongs to a company of that name).
 */
export async function ensureDemoData(ctx: AppContext): Promise<{ created: boolean; tenantId: string | null }> {
  const existing = await findUserByEmail(ctx.db, DEMO_EMAIL);
  if (existing) {
    const company = await ctx.db
      .selectFrom('memberships as m')
      .innerJoin('tenants as t', 't.id', 'm.tenant_id')
      .select('t.id')
      .where('m.user_id', '=', existing.id)
      .where('t.name', '=', DEMO_COMPANY)
      .orderBy('t.created_at')
      .executeTakeFirst();
    return { created: false, tenantId: company?.id ?? null };
  }
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
    if (module.demo) await module.demo({ db: ctx.db, tenantId, ownerId, registry: ctx.registry });
  }
  return { created: true, tenantId };
}

/**
 * Demo sign-ins in the database that still work with their published password or PIN: the demo
 * account and what the modules' demo data created. A production start refuses while there is one.
 */
export async function findDemoCredentials(ctx: Pick<AppContext, 'db' | 'registry'>): Promise<string[]> {
  const found: string[] = [];
  const account = await findUserByEmail(ctx.db, DEMO_EMAIL);
  if (account?.password_hash && (await verifyPassword(account.password_hash, DEMO_PASSWORD))) {
    found.push(`demo account ${DEMO_EMAIL}, password ${DEMO_PASSWORD}`);
  }
  for (const module of ctx.registry.modules) {
    if (module.demoCredentials) found.push(...(await module.demoCredentials(ctx.db)));
  }
  return found;
}
