import type { FastifyInstance } from 'fastify';
import type { MembershipEntry } from '../auth/access-cache.js';
import type { AuthUser, TerminalScope } from './app-context.js';
import { TERMINAL_ROLE } from './guards.js';
import type { Role } from '../tenancy/roles.js';

type MeCompanies = Awaited<ReturnType<typeof buildCompanies>>;

/**
 * Computed once per cached membership list: the access cache hands out a new list after every
 * change of access (memberships, roles, modules), so a stale entry can never be reused.
 */
const companiesByMemberships = new WeakMap<object, MeCompanies>();

/** The signed-in user, their companies, and per company the role, permissions, modules and navigation. */
export async function loadMe(app: FastifyInstance, user: AuthUser, csrfToken: string, terminal?: TerminalScope) {
  const rows = await app.wv.access.membershipsOf(app.wv.db, user.id);
  if (terminal) {
    // a PIN session sees only the terminal's company, with the shop-floor role
    const scoped = rows.filter((r) => r.tenantId === terminal.tenantId).map((r) => ({ ...r, role: TERMINAL_ROLE }));
    const companies = await buildCompanies(app, scoped);
    return { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, csrfToken, companies, terminal: { id: terminal.terminalId, name: terminal.name, ...(await terminalDetails(app, terminal.tenantId, terminal.terminalId)) } };
  }
  let companies = companiesByMemberships.get(rows);
  if (!companies) {
    companies = await buildCompanies(app, rows);
    companiesByMemberships.set(rows, companies);
  }
  return { user: { id: user.id, name: user.name, email: user.email, locale: user.locale, totpEnabled: user.totpEnabled ?? false }, csrfToken, companies };
}

async function buildCompanies(app: FastifyInstance, rows: MembershipEntry[]) {
  const { db, registry, access } = app.wv;
  return Promise.all(
    rows.map(async (row) => {
      const role = row.role as Role;
      const states = await access.moduleStates(db, registry, row.tenantId);
      const enabled = new Set(states.filter((s) => s.enabled).map((s) => s.id));
      const navigation = registry.modules
        .filter((m) => enabled.has(m.id))
        .flatMap((m) => m.navigation.filter((n) => registry.roleHas(role, n.permission)).map((n) => ({ moduleId: m.id, path: n.path, label: n.label })));
      return {
        id: row.tenantId,
        name: row.name,
        role,
        requireTotp: row.requireTotp,
        permissions: registry.permissionsOf(role).filter((p) => enabled.has(registry.moduleOfPermission(p).id)),
        modules: states.map((s) => ({ ...s, name: registry.get(s.id)!.name })),
        navigation,
      };
    }),
  );
}

/** What the modules add to a terminal's description (e.g. the shop floor's work centre), merged. */
export async function terminalDetails(app: FastifyInstance, tenantId: string, terminalId: string): Promise<Record<string, unknown>> {
  const { db, registry } = app.wv;
  const parts = await Promise.all(registry.modules.map((m) => m.terminalDetails?.(db, tenantId, terminalId) ?? {}));
  return Object.assign({}, ...parts);
}
