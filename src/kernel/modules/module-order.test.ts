import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModuleManifest } from './module-manifest.js';
import { orderModules } from './module-order.js';

const manifest = (id: string, dependsOn: string[] = []): ModuleManifest => ({
  id, dependsOn, name: { de: id, en: id }, description: { de: id, en: id },
  migrations: [], tables: [], permissions: [], navigation: [], personalData: [],
});

describe('orderModules', () => {
  it('puts every module after its dependencies, for any acyclic graph', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.nat(), (deps, seed) => {
        // module i may depend only on modules with a smaller index: acyclic by construction
        const modules = deps.map((d, i) => manifest(`m${i}`, i === 0 ? [] : [...new Set(d.map((x) => `m${x % i}`))]));
        const shuffled = [...modules].sort((x, y) => ((x.id.length * 31 + seed) % 7) - ((y.id.length * 17 + seed) % 5));
        const order = orderModules(shuffled).map((m) => m.id);
        expect(order).toHaveLength(modules.length);
        for (const m of modules) for (const d of m.dependsOn) expect(order.indexOf(d)).toBeLessThan(order.indexOf(m.id));
      }),
    );
  });

  it('rejects cycles and unknown dependencies', () => {
    expect(() => orderModules([manifest('a', ['b']), manifest('b', ['a'])])).toThrow(/cycle/);
    expect(() => orderModules([manifest('a', ['missing'])])).toThrow(/unknown module missing/);
  });

  it('puts a module after the modules it uses when they are in the list, and ignores absent ones', () => {
    const uses = (id: string, used: string[]): ModuleManifest => ({ ...manifest(id), uses: used });
    expect(orderModules([uses('machines', ['shopfloor']), manifest('shopfloor')]).map((m) => m.id)).toEqual(['shopfloor', 'machines']);
    expect(orderModules([uses('machines', ['shopfloor'])]).map((m) => m.id)).toEqual(['machines']);
    expect(() => orderModules([uses('a', ['b']), manifest('b', ['a'])])).toThrow(/cycle/);
  });
});

describe('modules on by default', () => {
  it('are refused when something they depend on is off by default', async () => {
    const { ModuleRegistry } = await import('./module-registry.js');
    const on = (id: string, dependsOn: string[] = []) => ({ ...manifest(id, dependsOn), enabledByDefault: true });
    expect(() => new ModuleRegistry([manifest('base'), on('top', ['base'])])).toThrow(/module top is on by default but depends on base/);
    expect(() => new ModuleRegistry([on('base'), on('top', ['base'])])).not.toThrow();
    expect(() => new ModuleRegistry([{ ...manifest('kernel'), core: true }, on('top', ['kernel'])])).not.toThrow();
  });

  it('of this build find their dependencies on by default', async () => {
    const { ModuleRegistry } = await import('./module-registry.js');
    const { allModules } = await import('../../modules/index.js');
    expect(() => new ModuleRegistry(allModules)).not.toThrow();
  });
});
