#!/usr/bin/env node
// Makes a fresh clone runnable for the demo and the tests: installs dependencies when missing or
// outdated, and builds the server (dist/server) and the web app (dist/web) when their sources
// changed. Uses only Node's standard library until the dependencies are there, so it runs before
// `npm ci` has ever happened. The production start (`werkverbund serve`) never does any of this.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function newest(dir, pattern) {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(full, pattern));
    else if (pattern.test(entry.name) && !entry.name.endsWith('.test.ts')) max = Math.max(max, statSync(full).mtimeMs);
  }
  return max;
}

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || mtime(lock) > mtime(installed)) {
  console.log('Installing dependencies (npm ci) …');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const build = path.join(root, 'scripts', 'build.mjs');
const sources = Math.max(newest(path.join(root, 'src'), /\.(tsx?|json|css|html|svg|sql|png|webmanifest|js)$/), mtime(lock), mtime(build));

if (Math.max(sources, mtime(path.join(root, 'package.json'))) > mtime(path.join(root, 'dist', 'server', 'cli', 'main.js'))) {
  console.log('Building the server …');
  run(process.execPath, [build, 'server']);
}
if (Math.max(sources, mtime(path.join(root, 'vite.config.ts'))) > mtime(path.join(root, 'dist', 'web', 'index.html'))) {
  console.log('Building the web app …');
  run(process.execPath, [build, 'web']);
}
