#!/usr/bin/env node
// Builds what a production start runs: the server as JavaScript in dist/server (esbuild, one
// output file per source file, so every file keeps reading its SQL and message files next to
// itself) and the web app in dist/web (Vite). `node scripts/build.mjs server` or `… web` builds one.
// Needs the devDependencies; the result runs without them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
export const SERVER_DIR = path.join(root, 'dist', 'server');
export const SERVER_ENTRY = path.join(SERVER_DIR, 'cli', 'main.js');

/** Transpiles every source file the command line reaches (server, CLI, modules) into dist/server. */
export async function buildServer(outDir = SERVER_DIR) {
  const esbuild = await import('esbuild');
  // 1. which source files the server reaches, following static and dynamic imports
  const graph = await esbuild.build({
    entryPoints: [path.join(src, 'cli', 'main.ts')],
    bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error',
  });
  const sources = Object.keys(graph.metafile.inputs)
    .map((file) => path.resolve(root, file))
    .filter((file) => /\.tsx?$/.test(file));
  // 2. each of them on its own: imports of other source files stay imports of the compiled
  //    neighbour (`./x`, `./x.js` and `./x.ts` all become `./x.js`, a folder `./x/index.js`), JSON
  //    imports are inlined (Node 20 would want an import attribute for them)
  const keepSourceImports = {
    name: 'keep-source-imports',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
        const stem = args.path.replace(/\.(js|ts|tsx)$/, '');
        const absolute = path.resolve(args.resolveDir, stem);
        if (existsSync(`${absolute}.ts`) || existsSync(`${absolute}.tsx`)) return { path: `${stem}.js`, external: true };
        if (existsSync(path.join(absolute, 'index.ts')) || existsSync(path.join(absolute, 'index.tsx'))) return { path: `${stem}/index.js`, external: true };
        return { path: args.path, external: true };
      });
    },
  };
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: sources,
    outbase: src,
    outdir: outDir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    plugins: [keepSourceImports],
    logLevel: 'warning',
  });
  // 3. the files the server reads at run time next to its code: migrations (.sql), server
  //    messages and catalogues (.json), images
  copyAssets(src, outDir);
  return sources.length;
}

function copyAssets(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyAssets(source, target);
    else if (!/\.(tsx?|md)$/.test(entry.name)) {
      mkdirSync(to, { recursive: true });
      cpSync(source, target);
    }
  }
}

export function buildWeb() {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the web build failed');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const what = process.argv[2] ?? 'all';
  if (!['all', 'server', 'web'].includes(what)) {
    console.error('usage: node scripts/build.mjs [server|web]');
    process.exit(2);
  }
  if (what !== 'web') {
    const started = Date.now();
    const count = await buildServer();
    console.log(`Server built: ${count} files in dist/server (${Date.now() - started} ms)`);
  }
  if (what !== 'server') buildWeb();
}
