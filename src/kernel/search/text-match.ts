import { type RawBuilder, sql } from 'kysely';
import { containsPattern, prefixPattern } from '../db/like-pattern.js';

/**
 * SQL for a search over some text columns: `where` holds when any column contains the query
 * (ILIKE with `%` and `_` escaped), `rank` is 0 when one equals it (ignoring case), 1 when one
 * starts with it, 2 otherwise — order by it before the limit, so the best hits are the ones kept.
 */
export function textMatch(query: string, columns: readonly string[]): { where: RawBuilder<boolean>; rank: RawBuilder<number> } {
  const refs = columns.map((c) => sql.ref(c));
  const any = (test: (ref: RawBuilder<unknown>) => RawBuilder<unknown>) => sql.join(refs.map(test), sql` or `);
  const contains = containsPattern(query);
  const prefix = prefixPattern(query);
  const lowered = query.toLowerCase();
  return {
    where: sql<boolean>`(${any((ref) => sql`${ref} ilike ${contains}`)})`,
    rank: sql<number>`case when ${any((ref) => sql`lower(${ref}) = ${lowered}`)} then 0 when ${any((ref) => sql`${ref} ilike ${prefix}`)} then 1 else 2 end`,
  };
}
