import type { ModuleManifest } from './module-manifest.js';

/** Orders modules so that each comes after the modules it depends on or uses; rejects cycles and unknown dependencies. */
export function orderModules(modules: ModuleManifest[]): ModuleManifest[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const ordered: ModuleManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleManifest, path: string[]) => {
    const s = state.get(m.id);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`module dependency cycle: ${[...path, m.id].join(' → ')}`);
    state.set(m.id, 'visiting');
    for (const dep of m.dependsOn) {
      const d = byId.get(dep);
      if (!d) throw new Error(`module ${m.id} depends on unknown module ${dep}`);
      visit(d, [...path, m.id]);
    }
    // an optional neighbour may be absent from this build's list (e.g. a test instance)
    for (const used of m.uses ?? []) {
      const d = byId.get(used);
      if (d) visit(d, [...path, m.id]);
    }
    state.set(m.id, 'done');
    ordered.push(m);
  };
  for (const m of modules) visit(m, []);
  return ordered;
}
