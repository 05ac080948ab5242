import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation directory, the one holding Werkverbund's package.json: found by walking up from
 * this file, which lies in `src/kernel/` when the sources run and in `dist/server/kernel/` when the
 * compiled server runs.
 */
export function findAppRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'werkverbund') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json of werkverbund above ${from}`);
  }
}

export const APP_ROOT = findAppRoot();
