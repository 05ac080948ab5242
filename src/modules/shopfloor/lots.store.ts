import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { DEFAULT_LOT_PATTERN, DEFAULT_SERIAL_PATTERN, type PatternToken, counterScope, datePartsIn, formatNumber, parsePattern } from './domain/lots.js';

/** Lots and serials are dated in the firm's time zone (as the customer order numbers are). */
export const FIRM_TIME_ZONE = 'Europe/Berlin';
/** A serialised order gets one number per piece; beyond this it is a lot, not single parts. */
export const MAX_SERIALS_PER_ORDER = 10_000;

export interface OrderLot {
  orderId: string;
  lotNumber: string | null;
  serialNumbers: string[];
}

const tokensOr = (pattern: string | null | undefined, fallback: string): PatternToken[] => {
  const parsed = parsePattern(pattern ?? fallback);
  return parsed.ok ? parsed.tokens : (parsePattern(fallback) as { ok: true; tokens: PatternToken[] }).tokens;
};

export async function readNumberPatterns(db: Db, tenantId: string): Promise<{ lotPattern: string; serialPattern: string }> {
  const row = await db.selectFrom('shopfloor_settings').select(['lot_pattern', 'serial_pattern']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return { lotPattern: row?.lot_pattern ?? DEFAULT_LOT_PATTERN, serialPattern: row?.serial_pattern ?? DEFAULT_SERIAL_PATTERN };
}

/** Reserves `count` counters of a scope at once; the row stays locked until the transaction ends, so two releases never get the same. */
async function reserveCounters(db: Db, tenantId: string, kind: 'lot' | 'serial', scope: string, count: number): Promise<number> {
  const row = await db
    .insertInto('shopfloor_number_counters')
    .values({ tenant_id: tenantId, kind, scope, last_value: count })
    .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'scope']).doUpdateSet({ last_value: sql<number>`shopfloor_number_counters.last_value + ${count}` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

const unavailable = (kind: 'lot' | 'serial', order: string, problem: string) =>
  problem === 'too-many-serials'
    ? new ProblemError(409, 'shopfloor_too_many_serials', { order, max: MAX_SERIALS_PER_ORDER }, { kind, problem })
    : new ProblemError(409, 'shopfloor_number_unavailable', { order }, { kind, problem });

/**
 * Gives every released order among `orderIds` its lot number, and an order of a serialised part a
 * serial number per piece up to its quantity — in the caller's transaction, so the release and its
 * numbers are stored together. Numbers once issued stay with the order: a withdrawn release keeps
 * them, a lowered quantity keeps the serials issued, a raised one adds serials. A number that
 * already exists (the pattern was changed back) is skipped and the next counter taken.
 */
export async function issueNumbers(db: Db, tenantId: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await inTransaction(db, async (tx) => {
    await tx.selectFrom('shopfloor_orders').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...orderIds]).orderBy('id').forUpdate().execute();
    const orders = await tx
      .selectFrom('shopfloor_orders as o')
      .innerJoin('shopfloor_parts as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.part_id'))
      .leftJoin('shopfloor_order_lots as l', (j) => j.onRef('l.tenant_id', '=', 'o.tenant_id').onRef('l.order_id', '=', 'o.id'))
      .select((eb) => ['o.id', 'o.number', 'o.quantity', 'o.released_at', 'p.number as part_number', 'p.serialised', 'l.lot_number',
        eb.selectFrom('shopfloor_order_serials as s').select((e) => e.fn.countAll<string>().as('n')).whereRef('s.tenant_id', '=', 'o.tenant_id').whereRef('s.order_id', '=', 'o.id').as('serials')])
      .where('o.tenant_id', '=', tenantId)
      .where('o.id', 'in', [...orderIds])
      .where('o.released_at', 'is not', null)
      .orderBy('o.released_at').orderBy('o.number')
      .execute();
    if (orders.length === 0) return;
    const patterns = await readNumberPatterns(tx, tenantId);
    // the patterns are checked when written; a default stands in should one not parse
    const lotTokens = tokensOr(patterns.lotPattern, DEFAULT_LOT_PATTERN);
    const serialTokens = tokensOr(patterns.serialPattern, DEFAULT_SERIAL_PATTERN);
    for (const o of orders) {
      const ctx = { ...datePartsIn(new Date(o.released_at!).getTime(), FIRM_TIME_ZONE), partNumber: o.part_number };
      if (o.lot_number === null) {
        const scope = counterScope(lotTokens, ctx);
        for (;;) {
          const formatted = formatNumber(lotTokens, ctx, await reserveCounters(tx, tenantId, 'lot', scope, 1));
          if (!formatted.ok) throw unavailable('lot', o.number, formatted.problem);
          const taken = await tx.selectFrom('shopfloor_order_lots').select('order_id').where('tenant_id', '=', tenantId).where('lot_number', '=', formatted.value).executeTakeFirst();
          if (taken) continue;
          await tx.insertInto('shopfloor_order_lots').values({ tenant_id: tenantId, order_id: o.id, lot_number: formatted.value }).execute();
          break;
        }
      }
      const have = Number(o.serials ?? 0);
      const quantity = Number(o.quantity);
      if (!o.serialised || have >= quantity) continue;
      if (quantity > MAX_SERIALS_PER_ORDER) throw unavailable('serial', o.number, 'too-many-serials');
      const scope = counterScope(serialTokens, ctx);
      let position = have;
      while (position < quantity) {
        const needed = quantity - position;
        const last = await reserveCounters(tx, tenantId, 'serial', scope, needed);
        const values: string[] = [];
        for (let c = last - needed + 1; c <= last; c++) {
          const formatted = formatNumber(serialTokens, ctx, c);
          if (!formatted.ok) throw unavailable('serial', o.number, formatted.problem);
          values.push(formatted.value);
        }
        const taken = new Set((await tx.selectFrom('shopfloor_order_serials').select('serial_number').where('tenant_id', '=', tenantId).where('serial_number', 'in', values).execute()).map((r) => r.serial_number));
        const fresh = values.filter((v) => !taken.has(v));
        for (let i = 0; i < fresh.length; i += 1000) {
          await tx.insertInto('shopfloor_order_serials')
            .values(fresh.slice(i, i + 1000).map((serial, j) => ({ tenant_id: tenantId, order_id: o.id, position: position + i + j + 1, serial_number: serial })))
            .execute();
        }
        position += fresh.length;
      }
    }
  });
}

/** Lot number and serials of each order among `orderIds` (one entry per id; lot null and no serials until released). */
export async function lotsOfOrders(db: Db, tenantId: string, orderIds: readonly string[]): Promise<Map<string, OrderLot>> {
  const out = new Map<string, OrderLot>(orderIds.map((id) => [id, { orderId: id, lotNumber: null, serialNumbers: [] }]));
  if (orderIds.length === 0) return out;
  const ids = [...new Set(orderIds)];
  const lots = await db.selectFrom('shopfloor_order_lots').select(['order_id', 'lot_number']).where('tenant_id', '=', tenantId).where('order_id', 'in', ids).execute();
  for (const l of lots) out.get(l.order_id)!.lotNumber = l.lot_number;
  const serials = await db.selectFrom('shopfloor_order_serials').select(['order_id', 'serial_number']).where('tenant_id', '=', tenantId).where('order_id', 'in', ids).orderBy('order_id').orderBy('position').execute();
  for (const s of serials) out.get(s.order_id)!.serialNumbers.push(s.serial_number);
  return out;
}

/** The orders whose lot number is `lot`, or that have a serial `serial` (exact match). */
export async function ordersByNumber(db: Db, tenantId: string, filter: { lot?: string; serial?: string }): Promise<string[]> {
  if (filter.lot !== undefined) {
    return (await db.selectFrom('shopfloor_order_lots').select('order_id').where('tenant_id', '=', tenantId).where('lot_number', '=', filter.lot).execute()).map((r) => r.order_id);
  }
  if (filter.serial !== undefined) {
    return (await db.selectFrom('shopfloor_order_serials').select('order_id').where('tenant_id', '=', tenantId).where('serial_number', '=', filter.serial).execute()).map((r) => r.order_id);
  }
  return [];
}

/** Which of `ids` are production orders of the company. */
export async function existingOrderIds(db: Db, tenantId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('shopfloor_orders').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute()).map((r) => r.id);
}
