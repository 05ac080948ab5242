import { randomBytes } from 'node:crypto';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { notFound, ProblemError } from '../../kernel/http/problem.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import { orderDetail } from './customer-orders.service.js';
import { productionRecordOf } from './production-record.js';
import * as orderStore from './customer-orders.store.js';
import type { CustomersContext } from './customers.service.js';
import { browserFamily } from './domain/browser-family.js';
import { QUANTITY_SCALE } from './domain/money.js';
import { checkShareLink, newShareLink, parseShareToken, shortenAddress, type ShareLinkRefusal, type ShareSection } from './domain/share-link.js';
import type { CreateShareLinkBody } from './share-links.schemas.js';
import * as store from './share-links.store.js';

export type ShareLinkState = 'active' | 'expired' | 'revoked';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function linkView(row: store.ShareLinkRow, now: number) {
  const state: ShareLinkState = row.revokedAt !== null && row.revokedAt <= now ? 'revoked' : now >= row.expiresAt ? 'expired' : 'active';
  return {
    id: row.id,
    orderId: row.orderId,
    state,
    sections: row.sections,
    createdAt: iso(row.createdAt)!,
    expiresAt: iso(row.expiresAt)!,
    revokedAt: iso(row.revokedAt),
    views: row.views,
    lastViewedAt: iso(row.lastViewedAt),
  };
}
export type ShareLinkView = ReturnType<typeof linkView>;

async function orderOf(ctx: CustomersContext, orderId: string) {
  const order = await orderStore.findOrder(ctx.db, ctx.tenant.tenantId, orderId);
  if (!order) throw notFound('customer order');
  return order;
}

/**
 * A new link for the customer of an order. The token (`<linkId>.<secret>`) is in this answer only:
 * the store keeps the secret's SHA-256.
 */
export async function createShareLink(ctx: CustomersContext, orderId: string, body: CreateShareLinkBody, now = Date.now()) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const order = await orderOf({ ...ctx, db: tx }, orderId);
    const made = newShareLink({ id: uuidv7(), tenantId, orderId, now, validDays: body.validDays, sections: body.sections }, randomBytes(32));
    // the body schema already holds the days and sections to what the domain accepts
    if (!made.ok) throw new ProblemError(400, 'validation', {}, { errors: [{ path: 'body', message: made.problem }] });
    await store.insertShareLink(tx, made.record, userId);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.share_link_created', target: orderId, details: { number: order.number, days: body.validDays } });
    const row = (await store.findShareLink(tx, tenantId, made.record.id))!;
    return { ...linkView(row, now), token: made.token, path: `/p/o/${made.token}` };
  });
}

export async function listShareLinks(ctx: CustomersContext, orderId: string, now = Date.now()) {
  await orderOf(ctx, orderId);
  return { items: (await store.shareLinksOfOrder(ctx.db, ctx.tenant.tenantId, orderId)).map((r) => linkView(r, now)) };
}

export async function revokeShareLink(ctx: CustomersContext, linkId: string, now = Date.now()) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const link = await store.findShareLink(tx, tenantId, linkId);
    if (!link) throw notFound('customer link');
    const revoked = await store.revokeShareLinks(tx, tenantId, [linkId], userId, new Date(now));
    if (revoked.length > 0) {
      const order = (await orderStore.findOrder(tx, tenantId, link.orderId))!;
      await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.share_link_revoked', target: link.orderId, details: { number: order.number } });
    }
    return linkView((await store.findShareLink(tx, tenantId, linkId))!, now);
  });
}

/** Revokes every link of the order that is not revoked yet (expired ones too: they stay dead if the clock is wrong). */
export async function revokeAllShareLinks(ctx: CustomersContext, orderId: string, now = Date.now()) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const order = await orderOf({ ...ctx, db: tx }, orderId);
    const links = await store.shareLinksOfOrder(tx, tenantId, orderId);
    const revoked = await store.revokeShareLinks(tx, tenantId, links.map((l) => l.id), userId, new Date(now));
    if (revoked.length > 0) await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.share_links_revoked_all', target: orderId, details: { number: order.number, count: revoked.length } });
    return { revoked: revoked.length, items: (await store.shareLinksOfOrder(tx, tenantId, orderId)).map((r) => linkView(r, now)) };
  });
}

export async function shareLinkViews(ctx: CustomersContext, linkId: string, page: { limit: number; offset: number }) {
  const link = await store.findShareLink(ctx.db, ctx.tenant.tenantId, linkId);
  if (!link) throw notFound('customer link');
  return store.viewsOfLink(ctx.db, ctx.tenant.tenantId, linkId, page.limit, page.offset);
}

/**
 * The public page reads the order with the rights of no one: the door of Shop floor only needs the
 * company. This context is never used to write.
 */
const publicReader = (tenantId: string): TenantContext => ({ tenantId, userId: '00000000-0000-0000-0000-000000000000', role: 'viewer' });

export type PublicShareAnswer =
  | { ok: true; tenantId: string; view: PublicOrderView }
  | { ok: false; refusal: ShareLinkRefusal | 'module-off' };

/**
 * What a customer link shows, and the view logged — or why it shows nothing (the caller answers
 * the same 404 for every refusal). `isEnabled` tells whether the firm still has the module on.
 */
export async function openShareLink(
  db: CustomersContext['db'],
  token: string,
  visitor: { ip: string; userAgent: string | undefined },
  isEnabled: (tenantId: string, moduleId: string) => Promise<boolean>,
  now = Date.now(),
): Promise<PublicShareAnswer> {
  const parsed = parseShareToken(token);
  if (!parsed) return { ok: false, refusal: 'malformed' };
  const candidates = await store.shareLinksById(db, parsed.linkId);
  let refusal: ShareLinkRefusal = 'unknown';
  for (const record of candidates) {
    const checked = checkShareLink(record, token, null, now);
    if (!checked.ok) {
      refusal = checked.refusal;
      continue;
    }
    if (!(await isEnabled(record.tenantId, 'customers'))) return { ok: false, refusal: 'module-off' };
    const view = await publicOrderView(db, record.tenantId, record.orderId, checked.sections, record.expiresAt, now, (moduleId) => isEnabled(record.tenantId, moduleId));
    await store.insertView(db, { tenantId: record.tenantId, id: uuidv7(), linkId: record.id, at: new Date(now), address: shortenAddress(visitor.ip), browser: browserFamily(visitor.userAgent) });
    return { ok: true, tenantId: record.tenantId, view };
  }
  return { ok: false, refusal };
}

/** Per operation what the production record adds when ticked: process parameters (no photos) and machine signals. */
async function recordDetails(db: CustomersContext['db'], tenantId: string, orderId: string, sections: ShareSection[], now: number, isEnabled: (moduleId: string) => Promise<boolean>) {
  const wanted = { parameters: sections.includes('parameters'), signals: sections.includes('signals') };
  const details = new Map<string, { parameters?: PublicParameter[]; signals?: PublicMachineSignals[] }>();
  if (!wanted.parameters && !wanted.signals) return details;
  const [shopfloorOn, machinesOn] = await Promise.all([isEnabled('shopfloor'), isEnabled('machines')]);
  const record = await productionRecordOf(db, publicReader(tenantId), { order: orderId }, { shopfloorOn, machinesOn: machinesOn && wanted.signals, now });
  for (const op of record.positions.flatMap((p) => p.productionOrders.flatMap((po) => po.operations))) {
    details.set(op.id, {
      ...(wanted.parameters ? {
        parameters: op.parameters.filter((v) => v.type !== 'photo').map((v) => ({ label: v.label, value: v.value, unit: v.unit, lower: v.lower, upper: v.upper, outOfTolerance: v.outOfTolerance, at: v.at })),
      } : {}),
      ...(wanted.signals ? {
        signals: (op.machines ?? []).map((m) => ({
          machineName: m.machineName,
          points: m.points.map((pt) => ({ label: pt.label, unit: pt.unit, min: pt.min, mean: pt.mean, max: pt.max, outsideMs: pt.outsideMs })),
          alarms: m.alarms.length,
        })),
      } : {}),
    });
  }
  return details;
}
interface PublicParameter { label: { de: string; en: string }; value: number | string; unit: string | null; lower: number | null; upper: number | null; outOfTolerance: boolean; at: string }
interface PublicMachineSignals { machineName: string; points: Array<{ label: string; unit: string; min: number; mean: number; max: number; outsideMs: number }>; alarms: number }

/** The order as the customer sees it: no prices, no internal notes, no forecast; operations, parameters and signals only when ticked. */
async function publicOrderView(db: CustomersContext['db'], tenantId: string, orderId: string, sections: ShareSection[], expiresAt: number, now: number, isEnabled: (moduleId: string) => Promise<boolean>) {
  const [company, detail, details] = await Promise.all([getCompany(db, tenantId), orderDetail(publicReader(tenantId), db, orderId, now), recordDetails(db, tenantId, orderId, sections, now, isEnabled)]);
  const promisedDates = detail.positions.map((p) => p.promisedDate).filter((d): d is string => d !== null).sort();
  // parameters and signals belong to operations: ticking them shows the operations too
  const showOperations = sections.some((s) => s === 'operations' || s === 'parameters' || s === 'signals');
  return {
    firm: { name: company?.name ?? '' },
    sections,
    expiresAt: new Date(expiresAt).toISOString(),
    order: {
      number: detail.number,
      customerName: detail.customerName,
      customerReference: detail.customerReference,
      state: detail.state,
      orderedAt: new Date(detail.orderedAt).toISOString(),
      /** the latest promised date of the positions */
      promisedDate: promisedDates.at(-1) ?? null,
    },
    positions: detail.positions.map((p) => ({
      number: p.number,
      text: p.text,
      quantity: p.quantityMilli / QUANTITY_SCALE,
      promisedDate: p.promisedDate,
      ...(showOperations ? {
        productionOrders: p.productionOrders.map((po) => ({
          number: po.number,
          quantity: po.quantity,
          state: po.state,
          good: po.good,
          finishedAt: po.finishedAt,
          operations: po.operations.map((op) => ({ name: op.name, status: op.status, good: op.good, scrap: op.scrap, startedAt: op.startedAt, finishedAt: op.finishedAt, ...details.get(op.id) })),
        })),
      } : {}),
    })),
  };
}
export type PublicOrderView = Awaited<ReturnType<typeof publicOrderView>>;
