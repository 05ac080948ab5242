import type { Db } from '../db/database.js';
import type { RequestAuth } from '../http/app-context.js';
import type { ModuleRegistry, ModuleState } from '../modules/module-registry.js';
import type { Role } from '../tenancy/roles.js';

export interface MembershipEntry {
  tenantId: string;
  name: string;
  role: Role;
  /** The company requires a second factor of members who sign in with e-mail and password. */
  requireTotp: boolean;
}

const SESSION_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/**
 * In-process cache of what every request needs to decide access: the session, the caller's
 * memberships and the companies' module states. Every write that changes access calls
 * `invalidateAccess()` (or drops the session), so revoking access takes effect at once; sessions
 * are re-read after 30 s at the latest. A load that raced with an invalidation is not stored.
 * One Werkverbund process per database is the deployment model this relies on.
 */
export class AccessCache {
  private sessions = new Map<string, { auth: RequestAuth; expiresAt: number; loadedAt: number }>();
  private memberships = new Map<string, MembershipEntry[]>();
  private modules = new Map<string, ModuleState[]>();
  private generation = 0;

  async session(hash: string, load: () => Promise<{ auth: RequestAuth; expiresAt: Date } | undefined>): Promise<RequestAuth | null> {
    const now = Date.now();
    const hit = this.sessions.get(hash);
    if (hit && now - hit.loadedAt < SESSION_TTL_MS) return hit.expiresAt > now ? hit.auth : null;
    const generation = this.generation;
    const loaded = await load();
    if (!loaded) {
      this.sessions.delete(hash);
      return null;
    }
    if (generation === this.generation) this.put(this.sessions, hash, { auth: loaded.auth, expiresAt: loaded.expiresAt.getTime(), loadedAt: now });
    return loaded.expiresAt.getTime() > now ? loaded.auth : null;
  }

  async membershipsOf(db: Db, userId: string): Promise<MembershipEntry[]> {
    const hit = this.memberships.get(userId);
    if (hit) return hit;
    const generation = this.generation;
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('tenants as t', 't.id', 'm.tenant_id')
      .select(['t.id', 't.name', 'm.role', 't.require_totp'])
      .where('m.user_id', '=', userId)
      .orderBy('t.name')
      .execute();
    const entries = rows.map((r) => ({ tenantId: r.id, name: r.name, role: r.role as Role, requireTotp: Boolean(r.require_totp) }));
    if (generation === this.generation) this.put(this.memberships, userId, entries);
    return entries;
  }

  async moduleStates(db: Db, registry: ModuleRegistry, tenantId: string): Promise<ModuleState[]> {
    const hit = this.modules.get(tenantId);
    if (hit) return hit;
    const generation = this.generation;
    const states = await registry.states(db, tenantId);
    if (generation === this.generation) this.put(this.modules, tenantId, states);
    return states;
  }

  /** After any change to memberships, roles, company names or module switches. */
  invalidateAccess(): void {
    this.generation++;
    this.memberships.clear();
    this.modules.clear();
  }

  /** After sign-out, or when a user's name or language changed. */
  dropSessions(predicate: (auth: RequestAuth, hash: string) => boolean): void {
    this.generation++;
    for (const [hash, entry] of this.sessions) if (predicate(entry.auth, hash)) this.sessions.delete(hash);
  }

  private put<V>(map: Map<string, V>, key: string, value: V) {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, value);
  }
}
