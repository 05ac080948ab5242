import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** One import between two source files, as paths relative to the repository root with `/`. */
export interface ImportEdge {
  from: string;
  to: string;
}

// static `import … from '…'`, `export … from '…'`, side-effect `import '…'` and dynamic `import('…')`,
// `import type` included (a type import crosses a boundary as much as a value import does)
const IMPORT_PATTERNS = [
  /(?:^|[\n;])\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
  /(?:^|[\n;])\s*import\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** The module specifiers a TypeScript source imports, in order of appearance per kind. */
export function importSpecifiers(source: string): string[] {
  return IMPORT_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The file a relative specifier names (`./x.js` → `x.ts`, `./x` → `x.tsx` or `x/index.ts`), or undefined. */
export function resolveSpecifier(root: string, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(root, path.dirname(fromFile), specifier);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return found === undefined ? undefined : toPosix(path.relative(root, found));
}

/** The TypeScript sources below `dir` (relative to `root`). */
export function sourceFiles(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(root, rel);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [rel] : [];
  });
}

/** Every relative import between the source files below `dirs` (e.g. `src`). */
export function importGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of dirs.flatMap((d) => sourceFiles(root, d))) {
    for (const specifier of importSpecifiers(readFileSync(path.join(root, from), 'utf8'))) {
      const to = resolveSpecifier(root, from, specifier);
      if (to !== undefined) edges.push({ from, to });
    }
  }
  return edges;
}
