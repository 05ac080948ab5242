import { type RawBuilder, sql } from 'kysely';
import { containsPattern, prefixPattern } from '../db/like-pattern.js';

/** German letters and how they are written without them, so "Mueller" finds "Müller" and back. */
const SPELLED_OUT: ReadonlyArray<readonly [string, string]> = [
  ['ä', 'ae'], ['ö', 'oe'], ['ü', 'ue'], ['Ä', 'ae'], ['Ö', 'oe'], ['Ü', 'ue'], ['ß', 'ss'], ['ẞ', 'ss'],
];

/** Lower case with umlauts and ß spelled out: the form both sides of a search are compared in. */
export function foldForSearch(text: string): string {
  let folded = text;
  for (const [letter, spelled] of SPELLED_OUT) folded = folded.replaceAll(letter, spelled);
  return folded.toLowerCase();
}

/**
 * The same folding in SQL. Capitals are spelled out before `lower`, which leaves letters beyond
 * ASCII alone on a database in the C locale (the embedded one).
 */
export function foldForSearchSql(ref: RawBuilder<unknown>): RawBuilder<string> {
  let folded: RawBuilder<unknown> = ref;
  for (const [letter, spelled] of SPELLED_OUT) folded = sql`replace(${folded}, ${sql.lit(letter)}, ${sql.lit(spelled)})`;
  return sql<string>`lower(${folded})`;
}

/**
 * SQL for a search over some text columns: `where` holds when any column contains the query
 * (ILIKE with `%` and `_` escaped; umlauts and ß match their spelled-out forms), `rank` is 0 when
 * one equals it, 1 when one starts with it, 2 otherwise — order by it before the limit, so the
 * best hits are the ones kept.
 */
export function textMatch(query: string, columns: readonly string[]): { where: RawBuilder<boolean>; rank: RawBuilder<number> } {
  const folded = columns.map((c) => foldForSearchSql(sql.ref(c)));
  const any = (test: (ref: RawBuilder<string>) => RawBuilder<unknown>) => sql.join(folded.map(test), sql` or `);
  const wanted = foldForSearch(query);
  const contains = containsPattern(wanted);
  const prefix = prefixPattern(wanted);
  return {
    where: sql<boolean>`(${any((ref) => sql`${ref} ilike ${contains}`)})`,
    rank: sql<number>`case when ${any((ref) => sql`${ref} = ${wanted}`)} then 0 when ${any((ref) => sql`${ref} ilike ${prefix}`)} then 1 else 2 end`,
  };
}
