import { sql } from 'kysely';
import { selectExpression } from '../src/kernel/export/row-codec.js';
import type { PageReader } from '../src/kernel/export/table-pages.js';

/**
 * The export's page query as it was until 2026-12-07, kept here to measure against: its ORDER BY
 * names the columns unqualified, so `ts` meant the select list's text form of the timestamp and
 * every page sorted all the company's remaining samples; no planner settings.
 */
export const naivePages: PageReader = {
  prepare: async () => undefined,
  page: (source, after, limit) => naivePage(source, after, limit),
};

function naivePage(...[source, after, limit]: Parameters<PageReader['page']>) {
  const prefix = source.tenantId ? [sql`tenant_id`] : [];
  const prefixValue = source.tenantId ? [sql`${source.tenantId}::uuid`] : [];
  const keys = [...prefix, ...source.key.map((c) => sql.id(c.name))];
  const keyset = after
    ? sql`and (${sql.join(keys)}) > (${sql.join([...prefixValue, ...source.key.map((c, i) => sql`${String(after[i])}::text::${sql.raw(c.type)}`)])})`
    : sql``;
  const order = source.key.length ? sql`order by ${sql.join(keys)} limit ${limit}` : sql``;
  return sql<Record<string, unknown>>`
    select ${sql.join(source.columns.map((c) => sql`${selectExpression(c)} as ${sql.id(c.name)}`))}
    ${source.from} ${keyset} ${order}`;
}
