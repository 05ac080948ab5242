import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from './database.js';
import { containsPattern, prefixPattern } from './like-pattern.js';
import { openTestDatabase, testDatabaseKinds } from '../testing/test-database.js';

// strings rich in the characters LIKE treats specially; PostgreSQL text cannot hold NUL
const text = fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'ä', ' '), maxLength: 6 });

describe.each(testDatabaseKinds())('LIKE patterns on the %s database', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const like = async (value: string, pattern: string) =>
    (await sql<{ m: boolean }>`select ${value}::text like ${pattern}::text as m`.execute(database.db)).rows[0]!.m;

  it('match exactly the values containing the text, special characters taken literally', async () => {
    await fc.assert(fc.asyncProperty(text, text, async (value, part) => {
      expect(await like(value, containsPattern(part))).toBe(value.includes(part));
    }), { numRuns: 150 });
  });

  it('match exactly the values starting with the text', async () => {
    await fc.assert(fc.asyncProperty(text, text, async (value, part) => {
      expect(await like(value, prefixPattern(part))).toBe(value.startsWith(part));
    }), { numRuns: 150 });
    expect(await like('a_b', containsPattern('_'))).toBe(true);
    expect(await like('ab', containsPattern('_'))).toBe(false);
    expect(await like('100%', prefixPattern('100%'))).toBe(true);
    expect(await like('1000', prefixPattern('100%'))).toBe(false);
  });
});
