#!/usr/bin/env node
// Runs the compiled server in dist/server (`npm run build`; `npm start` builds it when the sources
// changed). Never installs or builds anything itself. A development checkout that was never built
// runs the TypeScript sources through tsx (a devDependency) instead.
import { existsSync, readdirSync, statSync } from 'node:fs';

const compiled = new URL('../dist/server/cli/main.js', import.meta.url);
const sources = new URL('../src/', import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(url));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) newest = Math.max(newest, statSync(url).mtimeMs);
  }
  return newest;
}

let main;
if (existsSync(compiled)) {
  if (existsSync(sources) && newestSource(sources) > statSync(compiled).mtimeMs) {
    process.stderr.write('Note: src/ changed after the last build; this runs the older build. Run `npm run build` to update it.\n');
  }
  ({ main } = await import(compiled.href));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('Werkverbund is not built: run `npm run build` (with the devDependencies installed) first.\n');
    process.exit(1);
  }
  register();
  ({ main } = await import(new URL('../src/cli/main.ts', import.meta.url).href));
}
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
