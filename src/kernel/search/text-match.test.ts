import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openTestDatabase, testDatabaseKinds } from '../testing/test-database.js';
import { containsFolded, foldPlain, foldSpelledOut } from './fold.js';
import { foldPlainSql, foldSpelledOutSql, textMatch } from './text-match.js';

// German letters in both cases, their spelled-out neighbours, and what LIKE treats specially
const text = fc.string({ unit: fc.constantFrom('a', 'A', 'e', 'E', 'u', 'U', 's', 'S', 'ä', 'Ä', 'ü', 'Ü', 'ö', 'Ö', 'ß', 'ẞ', 'é', 'É', '%', '_', ' '), maxLength: 6 });

describe('folding for search', () => {
  it('spells umlauts and ß out, or leaves the dots off; both in lower case', () => {
    expect(foldSpelledOut('Müller GROẞE Öfen Ärger Café')).toBe('mueller grosse oefen aerger cafe');
    expect(foldPlain('Müller GROẞE Öfen Ärger Café')).toBe('muller grosse ofen arger cafe');
    for (const typed of ['Mueller', 'muller', 'MÜLLER', 'üll']) expect(containsFolded('Müller', typed), typed).toBe(true);
    expect(containsFolded('Müller', 'mahler')).toBe(false);
  });

  it('keeps no umlaut, accent, ß or capital letter, and folding twice changes nothing', () => {
    fc.assert(fc.property(text, (t) => {
      for (const fold of [foldSpelledOut, foldPlain]) {
        expect(fold(t)).not.toMatch(/[äöüÄÖÜßẞéÉA-Z]/);
        expect(fold(fold(t))).toBe(fold(t));
      }
      expect(containsFolded(t, t)).toBe(true);
    }));
  });
});

describe.each(testDatabaseKinds())('search matching on the %s database', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('folds in SQL exactly as in TypeScript', async () => {
    await fc.assert(fc.asyncProperty(text, async (value) => {
      const v = sql`${value}::text`;
      const row = (await sql<{ s: string; p: string }>`select ${foldSpelledOutSql(v)} as s, ${foldPlainSql(v)} as p`.execute(database.db)).rows[0]!;
      expect([row.s, row.p]).toEqual([foldSpelledOut(value), foldPlain(value)]);
    }), { numRuns: 150 });
  });

  it('finds a value exactly when its folded form contains the folded query', async () => {
    await fc.assert(fc.asyncProperty(text, text.filter((q) => q.length > 0), async (value, query) => {
      const match = textMatch(query, ['v']);
      const row = (await sql<{ m: boolean }>`select ${match.where} as m from (select ${value}::text as v) as t`.execute(database.db)).rows[0]!;
      expect(row.m).toBe(containsFolded(value, query));
    }), { numRuns: 150 });
  });
});
