import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;

describe('profile choices in the board report', () => {
  it('say the same as the profile page (server messages equal the web app messages)', () => {
    for (const lang of ['de', 'en']) {
      const server = read(`../server-i18n/${lang}.json`).profileChoices!;
      const web = read(`../../../web/i18n/${lang}.json`);
      for (const group of ['series', 'complexity', 'region', 'valueChain']) {
        expect(Object.keys(server[group] as object).length).toBeGreaterThan(1);
        expect(server[group]).toEqual(web[group]);
      }
    }
  });
});
