#!/usr/bin/env node
// Makes a fresh clone runnable: installs dependencies when missing or outdated and builds the
// web app when its sources changed. Uses only Node's standard library, so it runs before
// `npm ci` has ever happened.
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

const builtIndex = path.join(root, 'dist', 'web', 'index.html');
const sources = Math.max(
  newest(path.join(root, 'src'), /\.(tsx?|json|css|html|svg)$/),
  mtime(path.join(root, 'vite.config.ts')),
  mtime(lock),
);
if (sources > mtime(builtIndex)) {
  console.log('Building the web app …');
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
}
