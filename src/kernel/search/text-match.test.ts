import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openTestDatabase, testDatabaseKinds } from '../testing/test-database.js';
import { foldForSearch, foldForSearchSql, textMatch } from './text-match.js';

// German letters in both cases, their spelled-out neighbours, and what LIKE treats specially
const text = fc.string({ unit: fc.constantFrom('a', 'A', 'e', 'E', 'u', 'U', 's', 'S', 'ä', 'Ä', 'ü', 'Ü', 'ö', 'Ö', 'ß', 'ẞ', '%', '_', ' '), maxLength: 6 });

describe('folding for search', () => {
  it('spells umlauts and ß out in lower case', () => {
    expect(foldForSearch('Müller GROẞE Öfen Ärger')).toBe('mueller grosse oefen aerger');
    expect(foldForSearch('Mueller')).toBe(foldForSearch('Müller'));
  });

  it('keeps no umlaut, ß or capital letter', () => {
    fc.assert(fc.property(text, (t) => {
      expect(foldForSearch(t)).not.toMatch(/[äöüÄÖÜßẞA-Z]/);
      expect(foldForSearch(foldForSearch(t))).toBe(foldForSearch(t));
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
      const row = (await sql<{ f: string }>`select ${foldForSearchSql(sql`${value}::text`)} as f`.execute(database.db)).rows[0]!;
      expect(row.f).toBe(foldForSearch(value));
    }), { numRuns: 150 });
  });

  it('finds a value exactly when its folded form contains the folded query', async () => {
    await fc.assert(fc.asyncProperty(text, text.filter((q) => q.length > 0), async (value, query) => {
      const match = textMatch(query, ['v']);
      const row = (await sql<{ m: boolean }>`select ${match.where} as m from (select ${value}::text as v) as t`.execute(database.db)).rows[0]!;
      expect(row.m).toBe(foldForSearch(value).includes(foldForSearch(query)));
    }), { numRuns: 150 });
  });
});
