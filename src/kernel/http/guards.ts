import type { FastifyRequest } from 'fastify';
import { ProblemError, forbidden, unauthenticated } from './problem.js';
import type { AuthUser, TenantContext } from './app-context.js';
import type { Role } from '../tenancy/roles.js';

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw unauthenticated();
  return request.auth.user;
}

/**
 * onRequest hook for every company route (runs before body validation, so outsiders learn nothing) (`/companies/:companyId/…`): the caller must be a member,
 * the permission's module must be switched on, and the role must hold the permission.
 * Non-members get 404 so that company ids cannot be probed.
 *
 * A route without the company in its path (e.g. `/machines/:machineId/…`) passes `companyOf`,
 * which finds the company from the path's object for this caller; the same checks follow.
 */
export function requirePermission(permission: string, companyOf?: (request: FastifyRequest) => Promise<string | undefined>) {
  return async (request: FastifyRequest) => {
    const user = requireUser(request);
    const { db, registry, access } = request.server.wv;
    const companyId = companyOf ? await companyOf(request) : (request.params as { companyId?: string }).companyId;
    const membership = (await access.membershipsOf(db, user.id)).find((m) => m.tenantId === companyId);
    if (!companyId || !membership) throw new ProblemError(404, 'not_found', { what: 'company' });
    const terminal = request.auth!.terminal;
    if (terminal && terminal.tenantId !== companyId) throw new ProblemError(404, 'not_found', { what: 'company' });
    // a company may require a second factor; a PIN on a registered terminal is its own sign-in
    if (membership.requireTotp && !terminal && !request.auth!.user.totpEnabled) throw new ProblemError(403, 'totp_required');
    // a PIN never unlocks more than the shop-floor terminal role, whatever the person's role is
    const role = terminal ? TERMINAL_ROLE : (membership.role as Role);
    const module = registry.moduleOfPermission(permission);
    const states = await access.moduleStates(db, registry, companyId);
    if (!states.some((s) => s.id === module.id && s.enabled)) throw new ProblemError(403, 'module_disabled');
    if (!registry.roleHas(role, permission)) throw forbidden();
    request.tenant = { tenantId: companyId, userId: user.id, role };
  };
}

export const TERMINAL_ROLE: Role = 'shopfloor';

/** For actions that need a full account (create a company, accept an invitation): not in a PIN session. */
export function requireAccount(request: FastifyRequest): AuthUser {
  const user = requireUser(request);
  if (request.auth!.terminal) throw new ProblemError(403, 'terminal_session');
  return user;
}

export function tenantOf(request: FastifyRequest): TenantContext {
  if (!request.tenant) throw new Error('route is missing requirePermission');
  return request.tenant;
}
