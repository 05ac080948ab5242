import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.generated.js';
import type { Db } from '../../kernel/db/database.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { type OrderState, orderStates } from './domain/order-state.js';
import type { OrderSearchQuery } from './schemas.js';

/** Orders whose state is not kept (new, or forgotten by a booking since), with their operations. */
export async function ordersWithoutState(db: Db, tenantId: string, limit: number): Promise<Array<{ id: string; operationIds: string[] }>> {
  const rows = await db
    .selectFrom('shopfloor_orders as o')
    .leftJoin('shopfloor_order_states as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.order_id', '=', 'o.id'))
    .leftJoin('shopfloor_order_operations as op', (j) => j.onRef('op.tenant_id', '=', 'o.tenant_id').onRef('op.order_id', '=', 'o.id'))
    .select(['o.id', sql<string[]>`coalesce(array_agg(op.id) filter (where op.id is not null), '{}')`.as('operation_ids')])
    .where('o.tenant_id', '=', tenantId)
    .where('s.order_id', 'is', null)
    .groupBy('o.id')
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, operationIds: r.operation_ids }));
}

export async function storeOrderStates(db: Db, tenantId: string, states: ReadonlyArray<{ orderId: string; state: OrderState; finishedAt: number | null }>): Promise<void> {
  if (states.length === 0) return;
  await db
    .insertInto('shopfloor_order_states')
    .values(states.map((s) => ({ tenant_id: tenantId, order_id: s.orderId, state: s.state, finished_at: s.finishedAt === null ? null : new Date(s.finishedAt) })))
    .onConflict((oc) => oc.columns(['tenant_id', 'order_id']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), finished_at: eb.ref('excluded.finished_at') })))
    .execute();
}

type ListRow = ExpressionBuilder<DB & { o: DB['shopfloor_orders']; p: DB['shopfloor_parts']; s: DB['shopfloor_order_states'] }, 'o' | 'p' | 's'>;

/** An order whose state is not kept yet was created after the states were filled: nothing is booked on it. */
const stateOf = sql<OrderState>`coalesce(s.state, 'planned')`;

function matching(db: Db, tenantId: string, { q, part, workCentre }: Pick<OrderSearchQuery, 'q' | 'part' | 'workCentre'>) {
  let query = db
    .selectFrom('shopfloor_orders as o')
    .innerJoin('shopfloor_parts as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.part_id'))
    .leftJoin('shopfloor_order_states as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.order_id', '=', 'o.id'))
    .where('o.tenant_id', '=', tenantId);
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb: ListRow) => eb.or([eb('o.number', 'ilike', pattern), eb('p.number', 'ilike', pattern), eb('p.name', 'ilike', pattern), eb('o.customer_reference', 'ilike', pattern)]));
  }
  if (part) query = query.where('o.part_id', '=', part);
  if (workCentre) {
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('shopfloor_order_operations as op')
      .select('op.id')
      .whereRef('op.tenant_id', '=', 'o.tenant_id')
      .whereRef('op.order_id', '=', 'o.id')
      .where('op.work_centre_id', '=', workCentre)));
  }
  return query;
}

export type OrderCounts = Record<OrderState, number>;

/** One page of order ids in the order asked for, how many match the filter, and how many match the search in each state. */
export async function pageOrderIds(db: Db, tenantId: string, query: OrderSearchQuery): Promise<{ ids: string[]; total: number; counts: OrderCounts }> {
  const countRows = await matching(db, tenantId, query).select([stateOf.as('state'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(stateOf).execute();
  const counts = Object.fromEntries(orderStates.map((s) => [s, 0])) as OrderCounts;
  for (const r of countRows) counts[r.state] = Number(r.n);
  const wanted: readonly OrderState[] = query.state === 'all' ? orderStates : query.state === 'open' ? ['planned', 'active'] : [query.state];
  const total = wanted.reduce((sum, s) => sum + counts[s], 0);

  let page = matching(db, tenantId, query).select('o.id').where(stateOf, 'in', wanted);
  // finished orders after open ones when all are listed: the list is about what is still to do
  if (query.state === 'all') page = page.orderBy(sql`${stateOf} = 'finished'`);
  if (query.sort === 'urgency') page = page.orderBy('o.priority').orderBy(sql`o.due_date asc nulls last`);
  else if (query.sort === 'due') page = page.orderBy(sql`o.due_date asc nulls last`).orderBy('o.priority');
  else if (query.sort === 'finished') page = page.orderBy(sql`s.finished_at desc nulls last`);
  // orders created together (an import, the demo) follow their numbers, newest number first
  else if (query.sort === 'recent') page = page.orderBy('o.created_at', 'desc').orderBy('o.number', 'desc');
  const rows = await page.orderBy('o.number').orderBy('o.id').limit(query.limit).offset(query.offset).execute();
  return { ids: rows.map((r) => r.id), total, counts };
}

