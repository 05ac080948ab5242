import type { ImportEdge } from './import-graph.js';

/** What the check needs of a module manifest. */
export interface ModuleDeclaration {
  id: string;
  dependsOn: readonly string[];
  uses?: readonly string[];
}

export interface ModuleFolder {
  id: string;
  hasIndex: boolean;
  hasManifest: boolean;
}

export interface Violation {
  rule: 'door' | 'kernel' | 'registry' | 'manifest' | 'tables';
  file: string;
  detail: string;
}

const MODULE = /^src\/modules\/([^/]+)\//;

/** The module a file belongs to (`src/modules/<id>/…`), or undefined for kernel, app shell, CLI and the registry files. */
export const moduleOf = (file: string): string | undefined => MODULE.exec(file)?.[1];

/** Browser code: the app shell and each module's `web/`. */
export const isWeb = (file: string): boolean => file.startsWith('src/web/') || /^src\/modules\/[^/]+\/web\//.test(file);

/** Tests and what only tests use (the kernel's test harness, test-support files, `test-*.ts`). */
export const isTest = (file: string): boolean =>
  /\.test\.tsx?$|\.test-support\.tsx?$|\/test-support\/|\/test-[^/]+\.tsx?$/.test(file) || file.startsWith('src/kernel/testing/');

/** The build's lists of modules (`src/modules/index.ts`, `isolation-fixtures.ts`, `write-examples.ts`). */
export const isRegistry = (file: string): boolean => /^src\/modules\/[^/]+\.tsx?$/.test(file);

/** Where the build is put together: the registry files and the command line. */
const isCompositionRoot = (file: string): boolean => isRegistry(file) || file.startsWith('src/cli/');

/** A module's files that register it with the build: manifest, CLI commands, test fixtures for the walks. */
const isRegistration = (inside: string): boolean =>
  inside === 'module.ts' || inside === 'cli.ts' || /(^|[.-])isolation-fixture\.ts$/.test(inside) || /(^|\.)write-examples\.ts$/.test(inside);

/**
 * Rule 1, one door: a file outside module `m` imports only
 * - `src/modules/m/index.ts`, the server door (not from browser code),
 * - `src/modules/m/public.ts`, the pure part usable anywhere, browser included,
 * - `src/modules/m/web/index.ts`, the browser entry (from browser code only),
 * - the registration files (`module.ts`, `cli.ts`, `*isolation-fixture.ts`, `*write-examples.ts`)
 *   from where the build is put together; tests may also take a manifest to start an instance.
 */
export function doorViolation({ from, to }: ImportEdge): Violation | undefined {
  const target = moduleOf(to);
  if (target === undefined || moduleOf(from) === target) return undefined;
  const inside = to.slice(`src/modules/${target}/`.length);
  if (inside === 'public.ts') return undefined;
  if (inside === 'index.ts' && !isWeb(from)) return undefined;
  if ((inside === 'web/index.ts' || inside === 'web/index.tsx') && isWeb(from)) return undefined;
  if (isRegistration(inside) && (isCompositionRoot(from) || (isTest(from) && inside === 'module.ts'))) return undefined;
  return { rule: 'door', file: from, detail: `imports ${to}: outside ${target}, use its door (index.ts on the server, web/index.ts in the browser, public.ts for its pure part)` };
}

/** Rule 2: the kernel never imports a module; its tests and test harness may take the registry to start an instance with every module. */
export function kernelViolation({ from, to }: ImportEdge): Violation | undefined {
  if (!from.startsWith('src/kernel/') || !to.startsWith('src/modules/')) return undefined;
  if (isTest(from) && isRegistry(to)) return undefined;
  return { rule: 'kernel', file: from, detail: `imports ${to}: the kernel does not know modules` };
}

/** Rule 3: a module's code reaches the registry only from its tests (the registry imports every module). */
export function registryViolation({ from, to }: ImportEdge): Violation | undefined {
  if (moduleOf(from) === undefined || !isRegistry(to) || isTest(from)) return undefined;
  return { rule: 'registry', file: from, detail: `imports ${to}: only tests of a module may use the registry` };
}

/** The other modules a module's code imports (production code; tests separately). */
export function importedModules(edges: readonly ImportEdge[], moduleId: string, tests: boolean): Set<string> {
  const found = new Set<string>();
  for (const { from, to } of edges) {
    const target = moduleOf(to);
    if (moduleOf(from) === moduleId && target !== undefined && target !== moduleId && isTest(from) === tests) found.add(target);
  }
  return found;
}

const sorted = (s: Iterable<string>) => [...s].sort().join(', ') || 'none';

/**
 * Rule 4, the manifest tells the truth: `dependsOn` ∪ `uses` (without the kernel's `platform`) is
 * exactly the set of modules the module's code imports; tests import nothing beyond it; no module
 * is in both lists; every module folder with a `module.ts` has its door `index.ts` and is in the
 * registry. A folder without `module.ts` is a module under construction (e.g. its domain first):
 * the door rules apply to it, the manifest rules once it has a manifest.
 */
export function manifestViolations(edges: readonly ImportEdge[], manifests: readonly ModuleDeclaration[], moduleFolders: readonly ModuleFolder[]): Violation[] {
  const violations: Violation[] = [];
  const byId = new Map(manifests.map((m) => [m.id, m]));
  for (const folder of moduleFolders) {
    const file = `src/modules/${folder.id}/module.ts`;
    if (!folder.hasManifest) continue;
    if (!folder.hasIndex) violations.push({ rule: 'manifest', file: `src/modules/${folder.id}/index.ts`, detail: 'missing: every module has its server door index.ts' });
    const manifest = byId.get(folder.id);
    if (!manifest) {
      violations.push({ rule: 'manifest', file, detail: `no manifest with id ${folder.id} in the registry` });
      continue;
    }
    const uses = manifest.uses ?? [];
    const both = manifest.dependsOn.filter((d) => uses.includes(d));
    if (both.length > 0) violations.push({ rule: 'manifest', file, detail: `${sorted(both)} both in dependsOn and uses` });
    const declared = new Set([...manifest.dependsOn, ...uses].filter((d) => d !== 'platform'));
    const imported = importedModules(edges, folder.id, false);
    if (sorted(declared) !== sorted(imported)) {
      violations.push({ rule: 'manifest', file, detail: `dependsOn + uses declare ${sorted(declared)}, the code imports ${sorted(imported)}` });
    }
    const undeclared = [...importedModules(edges, folder.id, true)].filter((d) => !declared.has(d));
    if (undeclared.length > 0) violations.push({ rule: 'manifest', file, detail: `tests import ${sorted(undeclared)}, not declared in dependsOn or uses` });
  }
  return violations;
}

/** Every violation of the rules in the import graph, in a stable order. */
export function checkBoundaries(edges: readonly ImportEdge[], manifests: readonly ModuleDeclaration[], moduleFolders: readonly ModuleFolder[]): Violation[] {
  const perEdge = edges.flatMap((e) => [doorViolation(e), kernelViolation(e), registryViolation(e)].filter((v): v is Violation => v !== undefined));
  const unique = new Map(perEdge.map((v) => [`${v.rule} ${v.file} ${v.detail}`, v]));
  return [...unique.values(), ...manifestViolations(edges, manifests, moduleFolders)];
}

const BUILDER_TABLE = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin)\(\s*['"]([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?['"]/g;
const RAW_TABLE = /\b(?:from|join|into|update|table)\s+([a-z_][a-z0-9_]*)\b/gi;

/** Table names a source reads or writes, through the query builder or in raw SQL. */
export function tablesNamed(source: string): Set<string> {
  const found = new Set<string>();
  for (const m of source.matchAll(BUILDER_TABLE)) found.add(m[1]!);
  for (const m of source.matchAll(RAW_TABLE)) found.add(m[1]!.toLowerCase());
  return found;
}

/**
 * Rule 5, own tables only: a module's code names only its own tables in SQL; the kernel's data
 * (people, companies, audit log) it reaches through kernel services, another module's through its
 * door. `owners` maps each table to `kernel` or its module's id. Tests may set up data directly.
 */
export function tableViolations(files: ReadonlyArray<{ file: string; source: string }>, owners: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const { file, source } of files) {
    const own = moduleOf(file);
    if (own === undefined || isTest(file) || isWeb(file)) continue;
    for (const table of [...tablesNamed(source)].sort()) {
      const owner = owners.get(table);
      if (owner !== undefined && owner !== own) {
        violations.push({ rule: 'tables', file, detail: `names table ${table} of ${owner}: ask ${owner === 'kernel' ? 'a kernel service' : `the door of ${owner}`}` });
      }
    }
  }
  return violations;
}
