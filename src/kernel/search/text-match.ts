import { type RawBuilder, sql } from 'kysely';
import { containsPattern, prefixPattern } from '../db/like-pattern.js';
import { ACCENTED, PLAIN, foldPlain, foldSpelledOut, spelledOutPairs } from './fold.js';

/**
 * `foldPlain` in SQL. Every capital beyond ASCII it knows is mapped before `lower`, which leaves
 * such letters alone on a database in the C locale (the embedded one).
 */
export function foldPlainSql(ref: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`lower(translate(replace(replace(${ref}, 'ß', 'ss'), 'ẞ', 'ss'), ${sql.lit(ACCENTED)}, ${sql.lit(PLAIN)}))`;
}

/** `foldSpelledOut` in SQL. */
export function foldSpelledOutSql(ref: RawBuilder<unknown>): RawBuilder<string> {
  let spelled: RawBuilder<unknown> = ref;
  for (const [letter, spelledOut] of spelledOutPairs) spelled = sql`replace(${spelled}, ${sql.lit(letter)}, ${sql.lit(spelledOut)})`;
  return foldPlainSql(spelled);
}

/** Whether the text in `ref` contains `query` in either folded form (see fold.ts). */
export function containsFoldedSql(ref: RawBuilder<unknown>, query: string): RawBuilder<boolean> {
  return sql<boolean>`(${foldSpelledOutSql(ref)} like ${containsPattern(foldSpelledOut(query))} or ${foldPlainSql(ref)} like ${containsPattern(foldPlain(query))})`;
}

/**
 * SQL for a search over some text columns: `where` holds when any column contains the query
 * (`%` and `_` taken literally; case, accents and umlauts folded — "Mueller" and "Muller" both
 * find "Müller"), `rank` is 0 when one equals it, 1 when one starts with it, 2 otherwise — order by
 * it before the limit, so the best hits are the ones kept.
 */
export function textMatch(query: string, columns: readonly string[]): { where: RawBuilder<boolean>; rank: RawBuilder<number> } {
  const refs = columns.map((c) => sql.ref(c));
  const any = (test: (ref: RawBuilder<unknown>) => RawBuilder<unknown>) => sql.join(refs.map(test), sql` or `);
  const wanted = foldSpelledOut(query);
  const prefix = prefixPattern(wanted);
  return {
    where: sql<boolean>`(${any((ref) => containsFoldedSql(ref, query))})`,
    rank: sql<number>`case when ${any((ref) => sql`${foldSpelledOutSql(ref)} = ${wanted}`)} then 0 when ${any((ref) => sql`${foldSpelledOutSql(ref)} like ${prefix}`)} then 1 else 2 end`,
  };
}
