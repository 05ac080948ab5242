import type { AppContext } from '../../kernel/http/app-context.js';
import type { Db } from '../../kernel/db/database.js';
import type { JobDefinition } from '../../kernel/jobs/job-definition.js';
import { emitEvent } from '../../kernel/webhooks/index.js';
import { productionOrdersByIds } from '../shopfloor/index.js';
import { productionLinks } from './customer-orders.store.js';

/**
 * Shop floor writes no events and must not know this module, so "production of a position is
 * finished" is noticed here: every minute the positions with production orders not yet reported
 * are read through Shop floor's door; a position whose production orders are all finished gets
 * `customers.production.finished`, written in one transaction with the mark that it was reported
 * (so it is sent exactly once, at most a minute after the last finish booking).
 */
export function productionFinishedJob(ctx: AppContext): JobDefinition {
  return {
    id: 'customers.production-finished',
    description: { de: 'Meldet fertig produzierte Auftragspositionen an Webhooks', en: 'Reports order positions whose production finished to webhooks' },
    intervalMs: 60_000,
    run: () => reportFinishedProduction(ctx),
  };
}

/** One tick over every company with the module on; returns the number of positions reported. */
export async function reportFinishedProduction(ctx: Pick<AppContext, 'db' | 'registry'>): Promise<number> {
  let reported = 0;
  for (const tenantId of await ctx.registry.companiesWith(ctx.db, 'customers')) reported += await reportForCompany(ctx.db, tenantId);
  return reported;
}

export async function reportForCompany(db: Db, tenantId: string): Promise<number> {
  const open = await db
    .selectFrom('customer_order_positions as p')
    .innerJoin('customer_orders as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.order_id'))
    .select(['p.id', 'p.number', 'p.order_id', 'o.number as order_number', 'o.customer_id', 'p.part_id'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.producible', '=', true)
    .where('p.production_finished_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('customer_production_links as l').select('l.order_position_id').whereRef('l.tenant_id', '=', 'p.tenant_id').whereRef('l.order_position_id', '=', 'p.id')))
    .execute();
  if (open.length === 0) return 0;
  const links = await productionLinks(db, tenantId, open.map((p) => p.id));
  const tenant = { tenantId, userId: '', role: 'viewer' as const };
  const orders = new Map((await productionOrdersByIds(db, tenant, links.map((l) => l.productionOrderId))).map((o) => [o.id, o]));
  let reported = 0;
  for (const position of open) {
    const own = links.filter((l) => l.orderPositionId === position.id).map((l) => orders.get(l.productionOrderId));
    if (own.length === 0 || own.some((o) => o === undefined || o.state !== 'finished')) continue;
    const finished = own.map((o) => o!);
    await db.transaction().execute(async (tx) => {
      const marked = await tx
        .updateTable('customer_order_positions')
        .set({ production_finished_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', position.id)
        .where('production_finished_at', 'is', null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 0) return;
      await emitEvent(tx, tenantId, {
        type: 'customers.production.finished',
        payload: {
          order: { id: position.order_id, number: position.order_number, customerId: position.customer_id },
          position: { id: position.id, number: Number(position.number), partId: position.part_id },
          productionOrders: finished.map((o) => ({ id: o.id, number: o.number, quantity: o.quantity, good: o.good, finishedAt: o.finishedAt })),
        },
      });
      reported++;
    });
  }
  return reported;
}
