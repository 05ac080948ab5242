import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every translation folder of the app: German and English must offer the same keys, none empty. */
const root = path.resolve(import.meta.dirname, '../..');
const folders = [
  path.join(root, 'kernel/i18n'),
  path.join(root, 'web/i18n'),
  path.join(root, 'kernel/account/server-i18n'),
  path.join(root, 'web/account/i18n'),
  path.join(root, 'web/webhooks/i18n'),
  path.join(root, 'web/layout/i18n'),
  path.join(root, 'kernel/export/server-i18n'),
  ...readdirSync(path.join(root, 'modules'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => ['i18n', 'server-i18n'].map((f) => path.join(root, 'modules', d.name, f))),
].filter((f) => existsSync(path.join(f, 'de.json')));

function keys(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function emptyKeys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return node.trim() === '' ? [prefix] : [];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => emptyKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('covers the kernel, the web shell and the modules', () => {
    expect(folders.length).toBeGreaterThanOrEqual(8);
  });

  it.each(folders.map((f) => [path.relative(root, f), f]))('%s: German and English have the same keys', (_, folder) => {
    const de = JSON.parse(readFileSync(path.join(folder, 'de.json'), 'utf8'));
    const en = JSON.parse(readFileSync(path.join(folder, 'en.json'), 'utf8'));
    expect(keys(en).sort()).toEqual(keys(de).sort());
    expect([...emptyKeys(de), ...emptyKeys(en)]).toEqual([]);
  });
});
