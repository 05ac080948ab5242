import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import '../i18n/i18n';
import { webModules } from '../web-modules';

/**
 * Every page of the app declares its help on its route (`handle: { help: key }`), and the key
 * has a short explanation in German and English – loaded by the translations the module loads.
 */
const routerSource = readFileSync(path.join(import.meta.dirname, '../app/router.tsx'), 'utf8');
const companyChildren = routerSource.slice(routerSource.indexOf("path: '/c/:companyId'"));
const kernelRoutes = [...companyChildren.matchAll(/^\s*\{ (index: true|path: '[^']*')[^\n]*$/gm)]
  .map((m) => ({ route: m[1]!, help: /handle: \{ help: '([^']+)' \}/.exec(m[0])?.[1] }))
  .filter((r) => r.route !== "path: '*'");

const moduleRoutes = webModules.flatMap((m) =>
  m.routes.map((r) => ({ route: `${m.id}: ${r.path ?? 'index'}`, help: (r.handle as { help?: string } | undefined)?.help })),
);

function sentences(text: string): number {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim()).length;
}

describe('help on every page', () => {
  beforeAll(async () => {
    for (const m of webModules) await m.loadTranslations?.();
  });

  it('finds the kernel pages and the module pages', () => {
    expect(kernelRoutes.length).toBeGreaterThanOrEqual(9);
    expect(moduleRoutes.length).toBeGreaterThanOrEqual(30);
  });

  it.each([...kernelRoutes, ...moduleRoutes].map((r) => [r.route, r.help]))('%s declares help that exists in German and English', (_, key) => {
    expect(key, 'the route needs handle: { help: key }').toBeTruthy();
    for (const lng of ['de', 'en']) {
      const text = i18next.getResource(lng, 'translation', key!) as unknown;
      expect(typeof text, `${lng}: ${key}`).toBe('string');
      const count = sentences(text as string);
      expect(count, `${lng}: ${key} has ${count} sentences`).toBeGreaterThanOrEqual(3);
      expect(count, `${lng}: ${key} has ${count} sentences`).toBeLessThanOrEqual(8);
    }
  });
});
