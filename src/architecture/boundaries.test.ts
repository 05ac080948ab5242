import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allModules } from '../modules/index.js';
import { checkBoundaries, doorViolation, kernelViolation, manifestViolations, registryViolation, tableViolations, tablesNamed } from './boundary-rules.js';
import { importGraph, importSpecifiers, resolveSpecifier, sourceFiles } from './import-graph.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const moduleFolders = () =>
  readdirSync(path.join(root, 'src/modules'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({
      id: e.name,
      hasIndex: existsSync(path.join(root, 'src/modules', e.name, 'index.ts')),
      hasManifest: existsSync(path.join(root, 'src/modules', e.name, 'module.ts')),
    }));

/** Each table of the schema with its owner: `kernel` (its migrations) or the module declaring it. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  const kernelDir = path.join(root, 'src/kernel/migrations');
  for (const file of readdirSync(kernelDir).filter((f) => f.endsWith('.sql'))) {
    for (const m of readFileSync(path.join(kernelDir, file), 'utf8').matchAll(/create table (?:if not exists )?([a-z_][a-z0-9_]*)/gi)) owners.set(m[1]!.toLowerCase(), 'kernel');
  }
  for (const m of allModules) for (const t of m.tables) owners.set(t, m.id);
  return owners;
}

describe('module boundaries of this code base', () => {
  it('hold: one door per module, a kernel without modules, manifests that declare what they import', () => {
    const edges = importGraph(root, ['src']);
    expect(edges.length).toBeGreaterThan(1000);
    const violations = checkBoundaries(edges, allModules, moduleFolders()).map((v) => `${v.rule}: ${v.file} ${v.detail}`);
    expect(violations).toEqual([]);
  });

  it('hold for tables: a module names only its own in SQL', () => {
    const owners = tableOwners();
    expect(owners.get('users')).toBe('kernel');
    expect(owners.get('shopfloor_bookings')).toBe('shopfloor');
    const files = sourceFiles(root, 'src/modules').map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }));
    expect(files.length).toBeGreaterThan(300);
    expect(tableViolations(files, owners).map((v) => `${v.file} ${v.detail}`)).toEqual([]);
  });
});

describe('reading imports', () => {
  it('finds static, type-only, re-exported, side-effect and dynamic imports, across lines', () => {
    const source = [
      "import { a } from './a.js';",
      'import {',
      '  b,',
      '  type B,',
      "} from '../b/index.js';",
      "import type { C } from \"./c.js\";",
      "export * from './d.js';",
      "export { e } from './e.js';",
      "import './f.css';",
      "const g = await import('./g.js');",
      "import h from 'node:fs';",
      "const text = 'not an import from here';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(['../b/index.js', './a.js', './c.js', './d.js', './e.js', './f.css', './g.js', 'node:fs'].sort());
  });

  it('resolves a specifier to the source file it names', () => {
    expect(resolveSpecifier(root, 'src/modules/index.ts', './check/module.js')).toBe('src/modules/check/module.ts');
    expect(resolveSpecifier(root, 'src/web/web-modules.ts', '../modules/check/web/index')).toBe('src/modules/check/web/index.ts');
    expect(resolveSpecifier(root, 'src/modules/index.ts', './check')).toBe('src/modules/check/index.ts');
    expect(resolveSpecifier(root, 'src/modules/index.ts', 'kysely')).toBeUndefined();
  });
});

describe('the rules', () => {
  const edge = (from: string, to: string) => ({ from, to });

  it('let other modules in through the door only', () => {
    expect(doorViolation(edge('src/modules/roadmap/plan.service.ts', 'src/modules/check/index.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/modules/roadmap/web/pages/x.tsx', 'src/modules/check/public.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/modules/check/check.store.ts', 'src/modules/check/domain/answers.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/modules/roadmap/cli.ts', 'src/modules/check/domain/score-check.ts'))?.rule).toBe('door');
    expect(doorViolation(edge('src/modules/roadmap/x.test.ts', 'src/modules/check/questionnaire/2026.1.json'))?.rule).toBe('door');
    expect(doorViolation(edge('src/modules/machines/machines.demo.ts', 'src/modules/shopfloor/shopfloor.store.ts'))?.rule).toBe('door');
  });

  it('keep the server door out of the browser and the browser entry out of the server', () => {
    expect(doorViolation(edge('src/web/web-modules.ts', 'src/modules/check/web/index.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/web/web-modules.ts', 'src/modules/check/index.ts'))?.rule).toBe('door');
    expect(doorViolation(edge('src/modules/roadmap/plan.service.ts', 'src/modules/check/web/index.ts'))?.rule).toBe('door');
    expect(doorViolation(edge('src/web/pages/x.tsx', 'src/modules/check/web/pages/wizard.tsx'))?.rule).toBe('door');
  });

  it('leave registration files to the registry, the command line and (manifests) tests', () => {
    expect(doorViolation(edge('src/modules/index.ts', 'src/modules/check/module.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/modules/isolation-fixtures.ts', 'src/modules/roadmap/roadmap-isolation-fixture.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/cli/module-commands.ts', 'src/modules/check/cli.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/modules/roadmap/roadmap.demo.test.ts', 'src/modules/check/module.ts'))).toBeUndefined();
    expect(doorViolation(edge('src/modules/roadmap/plan.service.ts', 'src/modules/check/module.ts'))?.rule).toBe('door');
    expect(doorViolation(edge('src/modules/roadmap/roadmap.demo.test.ts', 'src/modules/check/cli.ts'))?.rule).toBe('door');
  });

  it('keep modules out of the kernel, except the registry for its tests', () => {
    expect(kernelViolation(edge('src/kernel/testing/test-instance.ts', 'src/modules/index.ts'))).toBeUndefined();
    expect(kernelViolation(edge('src/kernel/health/health.routes.test.ts', 'src/modules/index.ts'))).toBeUndefined();
    expect(kernelViolation(edge('src/kernel/instance.ts', 'src/modules/index.ts'))?.rule).toBe('kernel');
    expect(kernelViolation(edge('src/kernel/health/health.routes.test.ts', 'src/modules/machines/index.ts'))?.rule).toBe('kernel');
    expect(kernelViolation(edge('src/kernel/testing/x.ts', 'src/modules/machines/machines.store.ts'))?.rule).toBe('kernel');
  });

  it('let a module use the registry only from its tests', () => {
    expect(registryViolation(edge('src/modules/machines/test-modules.ts', 'src/modules/index.ts'))).toBeUndefined();
    expect(registryViolation(edge('src/modules/machines/machines.service.ts', 'src/modules/index.ts'))?.rule).toBe('registry');
  });

  it('require dependsOn and uses to be exactly what a module imports', () => {
    const folders = [{ id: 'check', hasIndex: true, hasManifest: true }, { id: 'roadmap', hasIndex: true, hasManifest: true }, { id: 'machines', hasIndex: false, hasManifest: true }];
    const edges = [
      edge('src/modules/roadmap/plan.service.ts', 'src/modules/check/index.ts'),
      edge('src/modules/roadmap/plan.service.test.ts', 'src/modules/machines/index.ts'),
    ];
    const exact = [{ id: 'check', dependsOn: ['platform'] }, { id: 'roadmap', dependsOn: ['platform', 'check'] }, { id: 'machines', dependsOn: ['platform'] }];
    expect(manifestViolations(edges, exact, folders).map((v) => v.detail)).toEqual([
      'tests import machines, not declared in dependsOn or uses',
      'missing: every module has its server door index.ts',
    ]);
    const optional = [{ id: 'roadmap', dependsOn: ['platform'], uses: ['check'] }];
    expect(manifestViolations(edges.slice(0, 1), optional, folders.slice(1, 2))).toEqual([]);
    const undeclared = [{ id: 'roadmap', dependsOn: ['platform'] }];
    expect(manifestViolations(edges.slice(0, 1), undeclared, folders.slice(1, 2)).map((v) => v.detail)).toEqual(['dependsOn + uses declare none, the code imports check']);
    const overDeclared = [{ id: 'roadmap', dependsOn: ['platform', 'check', 'machines'] }];
    expect(manifestViolations(edges.slice(0, 1), overDeclared, folders.slice(1, 2)).map((v) => v.detail)).toEqual(['dependsOn + uses declare check, machines, the code imports check']);
    const twice = [{ id: 'roadmap', dependsOn: ['platform', 'check'], uses: ['check'] }];
    expect(manifestViolations(edges.slice(0, 1), twice, folders.slice(1, 2)).map((v) => v.detail)).toEqual(['check both in dependsOn and uses']);
    expect(manifestViolations([], [], [{ id: 'ghost', hasIndex: true, hasManifest: true }]).map((v) => v.detail)).toEqual(['no manifest with id ghost in the registry']);
    // a module under construction (no manifest yet) is held to the door rules only
    expect(manifestViolations([], [], [{ id: 'customers', hasIndex: false, hasManifest: false }])).toEqual([]);
  });

  it('keep a module to its own tables in SQL', () => {
    expect([...tablesNamed("db.selectFrom('check_runs as r').innerJoin('users as u', 'u.id', 'r.user_id')")].sort()).toEqual(['check_runs', 'users']);
    expect([...tablesNamed('sql`select u.id from memberships m join users u on u.id = m.user_id`')].sort()).toEqual(['memberships', 'users']);
    expect([...tablesNamed("db.insertInto('shopfloor_orders').values({})")]).toEqual(['shopfloor_orders']);
    const owners = new Map([['users', 'kernel'], ['check_runs', 'check'], ['shopfloor_orders', 'shopfloor']]);
    const file = (f: string, source: string) => ({ file: f, source });
    expect(tableViolations([file('src/modules/check/check.store.ts', "db.selectFrom('check_runs')")], owners)).toEqual([]);
    expect(tableViolations([file('src/modules/check/check.store.ts', "db.selectFrom('check_runs as r').innerJoin('users as u', 'u.id', 'r.user_id')")], owners).map((v) => v.detail)).toEqual(['names table users of kernel: ask a kernel service']);
    expect(tableViolations([file('src/modules/machines/x.service.ts', 'sql`select * from shopfloor_orders`')], owners).map((v) => v.detail)).toEqual(['names table shopfloor_orders of shopfloor: ask the door of shopfloor']);
    expect(tableViolations([file('src/modules/machines/x.test.ts', "db.insertInto('users')")], owners)).toEqual([]);
  });
});
