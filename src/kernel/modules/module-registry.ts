import type { Db } from '../db/database.js';
import type { Role } from '../tenancy/roles.js';
import type { ModuleManifest, PermissionDeclaration } from './module-manifest.js';
import { orderModules } from './module-order.js';

export interface ModuleState {
  id: string;
  enabled: boolean;
}

/** The kernel's view of all modules: dependency order, permissions, per-company enablement. */
export class ModuleRegistry {
  readonly modules: ModuleManifest[];
  private readonly permissions = new Map<string, PermissionDeclaration & { moduleId: string }>();

  constructor(modules: ModuleManifest[]) {
    this.modules = orderModules(modules);
    for (const m of this.modules) {
      // a new company gets the modules on by default: each must find what it depends on switched on too
      const off = m.enabledByDefault ? m.dependsOn.filter((d) => { const dep = this.modules.find((x) => x.id === d); return dep && !dep.core && !dep.enabledByDefault; }) : [];
      if (off.length > 0) throw new Error(`module ${m.id} is on by default but depends on ${off.join(', ')}, which is not`);
      for (const p of m.permissions) {
        if (this.permissions.has(p.id)) throw new Error(`permission ${p.id} declared twice`);
        this.permissions.set(p.id, { ...p, moduleId: m.id });
      }
    }
  }

  get(id: string): ModuleManifest | undefined {
    return this.modules.find((m) => m.id === id);
  }

  moduleOfPermission(permission: string): ModuleManifest {
    const p = this.permissions.get(permission);
    if (!p) throw new Error(`undeclared permission ${permission}`);
    return this.get(p.moduleId)!;
  }

  roleHas(role: Role, permission: string): boolean {
    const p = this.permissions.get(permission);
    if (!p) throw new Error(`undeclared permission ${permission}`);
    return role === 'owner' || p.roles.includes(role);
  }

  permissionsOf(role: Role): string[] {
    return [...this.permissions.keys()].filter((id) => this.roleHas(role, id));
  }

  async states(db: Db, tenantId: string): Promise<ModuleState[]> {
    const rows = await db.selectFrom('tenant_modules').select(['module_id', 'enabled']).where('tenant_id', '=', tenantId).execute();
    const stored = new Map(rows.map((r) => [r.module_id, r.enabled]));
    return this.modules.map((m) => ({ id: m.id, enabled: m.core ? true : (stored.get(m.id) ?? false) }));
  }

  async isEnabled(db: Db, tenantId: string, moduleId: string): Promise<boolean> {
    const m = this.get(moduleId);
    if (!m) return false;
    if (m.core) return true;
    const row = await db
      .selectFrom('tenant_modules')
      .select('enabled')
      .where('tenant_id', '=', tenantId)
      .where('module_id', '=', moduleId)
      .executeTakeFirst();
    return row?.enabled === true;
  }

  /** The companies that have a (non-core) module switched on, for background work per company. */
  async companiesWith(db: Db, moduleId: string): Promise<string[]> {
    const rows = await db.selectFrom('tenant_modules').select('tenant_id').where('module_id', '=', moduleId).where('enabled', '=', true).orderBy('tenant_id').execute();
    return rows.map((r) => r.tenant_id);
  }

  /**
   * Modules that block a change: switching on needs every dependency on;
   * switching off is refused while an enabled module depends on it.
   */
  blockers(states: ModuleState[], moduleId: string, enable: boolean): string[] {
    const on = new Set(states.filter((s) => s.enabled).map((s) => s.id));
    const target = this.get(moduleId)!;
    if (enable) return target.dependsOn.filter((d) => !on.has(d));
    return this.modules.filter((m) => on.has(m.id) && m.dependsOn.includes(moduleId)).map((m) => m.id);
  }
}
