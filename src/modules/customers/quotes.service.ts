import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { notFound, ProblemError, unknownReference } from '../../kernel/http/problem.js';
import { partsByIds } from '../shopfloor/index.js';
import { findContact } from './contacts.store.js';
import { writable, type CustomersContext } from './customers.service.js';
import { nextCounter } from './customers.store.js';
import { orderOfQuote } from './customer-orders.store.js';
import type { Currency } from './domain/money.js';
import { applyQuoteEvent, quoteTotals, quoteTransitions, type LostReason, type Quote, type QuoteEvent, type QuotePosition, type QuoteRefusal } from './domain/quotes.js';
import type { CopyQuoteBody, CreateQuoteBody, QuoteListQuery, QuotePositionBody, UpdateQuoteBody } from './quotes.schemas.js';
import * as store from './quotes.store.js';

/** The year a number is issued in, in the firm's time zone (a quote written on New Year's Eve at 23:30 belongs to the old year). */
export function yearInFirmZone(at: Date, timeZone = 'Europe/Berlin'): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}

/** The next number of a yearly series: A-2026-00001, AB-2026-00001. */
export async function nextYearlyNumber(db: Db, tenantId: string, kind: 'quote' | 'order' | 'delivery', prefix: string, at = new Date()): Promise<string> {
  const year = yearInFirmZone(at);
  return `${prefix}-${year}-${String(await nextCounter(db, tenantId, kind, String(year))).padStart(5, '0')}`;
}

const refusalStatus: Record<QuoteRefusal, { status: number; code: string }> = {
  'not-a-draft': { status: 409, code: 'customers_quote_not_draft' },
  'not-sent': { status: 409, code: 'customers_quote_not_sent' },
  'already-decided': { status: 409, code: 'customers_quote_decided' },
  'no-positions': { status: 409, code: 'customers_quote_no_positions' },
  'invalid-position': { status: 400, code: 'customers_quote_invalid_position' },
  'unknown-lost-reason': { status: 400, code: 'customers_quote_unknown_lost_reason' },
};
export const refused = (refusal: QuoteRefusal) => new ProblemError(refusalStatus[refusal].status, refusalStatus[refusal].code);

/** The quote as the domain sees it, from its rows. */
function domainQuote(head: store.QuoteRow, versions: store.QuoteVersionRow[], positions: store.QuotePositionRow[]): Quote {
  return {
    id: head.id,
    customerId: head.customerId,
    currency: head.currency,
    state: head.state,
    decidedAt: head.decidedAt?.getTime() ?? null,
    lostReason: head.lostReason,
    versions: versions.map((v) => ({ version: v.version, sentAt: v.sentAt?.getTime() ?? null, positions: positions.filter((p) => p.version === v.version).map((p) => domainPosition(p, head.currency)) })),
  };
}

const domainPosition = (p: Omit<store.QuotePositionRow, 'version' | 'seq'>, currency: Currency): QuotePosition => ({
  id: p.id,
  item: p.partId !== null ? { kind: 'part', partId: p.partId } : { kind: 'text', text: p.text },
  quantityMilli: p.quantityMilli,
  unitPrice: { cents: p.unitPriceCents, currency },
  discountBasisPoints: p.discountBasisPoints,
  vatBasisPoints: p.vatBasisPoints,
  deliveryDate: p.deliveryDate,
});

async function loadQuote(db: Db, tenantId: string, id: string) {
  const head = await store.findQuote(db, tenantId, id);
  if (!head) throw notFound('quote');
  const versions = await store.quoteVersions(db, tenantId, id);
  const positions = await store.quotePositions(db, tenantId, versions.map((v) => ({ quoteId: id, version: v.version })));
  return { head, versions, positions, quote: domainQuote(head, versions, positions) };
}

/**
 * Positions of a request as rows: part ids must be parts of this company (their number and name
 * are written into the text, as the customer will read them); a foreign or unknown part is a 400
 * naming the field.
 */
export async function positionRows(db: Db, tenantId: string, positions: readonly QuotePositionBody[]): Promise<Array<Omit<store.QuotePositionRow, 'version' | 'seq'>>> {
  const parts = new Map((await partsByIds(db, tenantId, positions.flatMap((p) => (p.partId ? [p.partId] : [])))).map((p) => [p.id, p]));
  const unknown = positions.flatMap((p, i) => (p.partId !== null && !parts.has(p.partId) ? [{ path: `body.positions.${i}.partId`, message: 'refers to nothing in this company' }] : []));
  if (unknown.length > 0) throw new ProblemError(400, 'validation', {}, { errors: unknown });
  return positions.map((p) => {
    const part = p.partId ? parts.get(p.partId)! : null;
    return {
      id: uuidv7(),
      partId: p.partId,
      text: part ? `${part.number} ${part.name}` : p.text,
      quantityMilli: p.quantityMilli,
      unitPriceCents: p.unitPriceCents,
      discountBasisPoints: p.discountBasisPoints,
      vatBasisPoints: p.vatBasisPoints,
      deliveryDate: p.deliveryDate,
    };
  });
}

async function checkContact(db: Db, tenantId: string, customerId: string, contactId: string | null) {
  if (contactId === null) return;
  const contact = await findContact(db, tenantId, contactId);
  if (!contact || contact.customerId !== customerId) throw unknownReference('body.contactId');
}

/** A quote with every version, each version's positions and totals, the actions that apply and its order. */
export async function quoteDetail(db: Db, tenantId: string, id: string) {
  const { head, versions, positions, quote } = await loadQuote(db, tenantId, id);
  const partIds = positions.flatMap((p) => (p.partId ? [p.partId] : []));
  const parts = new Map((await partsByIds(db, tenantId, partIds)).map((p) => [p.id, p]));
  const order = await orderOfQuote(db, tenantId, id);
  return {
    ...head,
    actions: [...quoteTransitions[head.state].filter((a) => a !== 'edit' || head.state === 'draft'), ...(head.state === 'won' && !order ? ['order' as const] : [])],
    order: order ?? null,
    versions: versions.map((v) => {
      const own = positions.filter((p) => p.version === v.version);
      const totals = quoteTotals(head.currency, own.map((p) => domainPosition(p, head.currency)));
      return {
        ...v,
        positions: own.map((p, i) => ({
          ...p,
          partNumber: p.partId ? (parts.get(p.partId)?.number ?? null) : null,
          producible: p.partId !== null && (parts.get(p.partId)?.producible ?? false),
          netCents: totals.positions[i]!.net.cents,
        })),
        totals: { netCents: totals.net.cents, vat: totals.vat.map((t) => ({ vatBasisPoints: t.vatBasisPoints, baseCents: t.base.cents, taxCents: t.tax.cents })), grossCents: totals.gross.cents },
      };
    }),
    frozen: quote.versions.filter((v) => v.sentAt !== null).map((v) => v.version),
  };
}
export type QuoteDetail = Awaited<ReturnType<typeof quoteDetail>>;

export async function listQuotes(ctx: CustomersContext, query: QuoteListQuery) {
  const { tenantId } = ctx.tenant;
  const page = await store.listQuotes(ctx.db, tenantId, query);
  const positions = await store.quotePositions(ctx.db, tenantId, page.items.map((q) => ({ quoteId: q.id, version: q.currentVersion })));
  return {
    total: page.total,
    items: page.items.map((q) => {
      const totals = quoteTotals(q.currency, positions.filter((p) => p.quoteId === q.id).map((p) => domainPosition(p, q.currency)));
      return { ...q, netCents: totals.net.cents, grossCents: totals.gross.cents };
    }),
  };
}

export async function getQuote(ctx: CustomersContext, id: string) {
  return quoteDetail(ctx.db, ctx.tenant.tenantId, id);
}

export async function createQuote(ctx: CustomersContext, body: CreateQuoteBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const customer = await writable(tx, tenantId, body.customerId).catch((error: unknown) => {
      if (error instanceof ProblemError && error.status === 404) throw unknownReference('body.customerId');
      throw error;
    });
    await checkContact(tx, tenantId, customer.id, body.contactId);
    const rows = await positionRows(tx, tenantId, body.positions);
    const id = uuidv7();
    const number = await nextYearlyNumber(tx, tenantId, 'quote', 'A');
    await store.insertQuote(tx, tenantId, { id, number, customerId: customer.id, contactId: body.contactId, subject: body.subject, currency: body.currency, validUntil: body.validUntil, createdBy: userId });
    await store.replacePositions(tx, tenantId, id, 1, rows);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.quote_created', target: id, details: { number, customer: customer.number } });
    return quoteDetail(tx, tenantId, id);
  });
}

/**
 * Runs one domain event on a quote inside a transaction with the row locked: the domain decides,
 * a refusal becomes a translated 4xx, and `store` writes what changed.
 */
async function transition(ctx: CustomersContext, id: string, event: QuoteEvent, write: (tx: Db, before: Quote, after: Quote) => Promise<void>, audit: { action: string; details?: Record<string, unknown> }) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    if (!(await store.findQuote(tx, tenantId, id))) throw notFound('quote');
    await store.lockQuote(tx, tenantId, id);
    const { head, quote } = await loadQuote(tx, tenantId, id);
    const result = applyQuoteEvent(quote, event);
    if (!result.ok) throw refused(result.refusal);
    await write(tx, quote, result.quote);
    await writeAudit(tx, { tenantId, actorId: userId, action: audit.action, target: id, details: { number: head.number, ...audit.details } });
    return quoteDetail(tx, tenantId, id);
  });
}

export async function updateQuote(ctx: CustomersContext, id: string, body: UpdateQuoteBody) {
  const { tenantId } = ctx.tenant;
  const head = await store.findQuote(ctx.db, tenantId, id);
  if (!head) throw notFound('quote');
  return inTransaction(ctx.db, async (tx) => {
    await checkContact(tx, tenantId, head.customerId, body.contactId);
    const rows = await positionRows(tx, tenantId, body.positions);
    const positions = rows.map((r) => domainPosition(r, head.currency));
    return transition({ ...ctx, db: tx }, id, { kind: 'edit', positions }, async (t, _before, after) => {
      await store.replacePositions(t, tenantId, id, after.versions.at(-1)!.version, rows);
      await store.updateQuoteHead(t, tenantId, id, { contact_id: body.contactId, subject: body.subject, valid_until: body.validUntil });
    }, { action: 'customers.quote_changed' });
  });
}

export function sendQuote(ctx: CustomersContext, id: string, language: 'de' | 'en') {
  const at = new Date();
  return transition(ctx, id, { kind: 'send', at: at.getTime() }, async (tx, _before, after) => {
    await store.markVersionSent(tx, ctx.tenant.tenantId, id, after.versions.at(-1)!.version, at, language);
    await store.updateQuoteHead(tx, ctx.tenant.tenantId, id, { state: 'sent' });
  }, { action: 'customers.quote_sent', details: { language } });
}

export function reviseQuote(ctx: CustomersContext, id: string) {
  return transition(ctx, id, { kind: 'revise' }, async (tx, _before, after) => {
    const next = after.versions.at(-1)!;
    await store.insertVersion(tx, ctx.tenant.tenantId, id, next.version);
    // the new draft starts as a copy of the sent version, which stays as the customer saw it
    await store.copyPositions(tx, ctx.tenant.tenantId, id, next.version - 1, next.version);
    await store.updateQuoteHead(tx, ctx.tenant.tenantId, id, { state: 'draft', current_version: next.version });
  }, { action: 'customers.quote_revised' });
}

export function winQuote(ctx: CustomersContext, id: string) {
  const at = new Date();
  return transition(ctx, id, { kind: 'win', at: at.getTime() }, async (tx) => {
    await store.updateQuoteHead(tx, ctx.tenant.tenantId, id, { state: 'won', decided_at: at });
  }, { action: 'customers.quote_won' });
}

export function loseQuote(ctx: CustomersContext, id: string, reason: LostReason, note: string | null) {
  const at = new Date();
  return transition(ctx, id, { kind: 'lose', at: at.getTime(), reason }, async (tx) => {
    await store.updateQuoteHead(tx, ctx.tenant.tenantId, id, { state: 'lost', decided_at: at, lost_reason: reason, lost_note: note });
  }, { action: 'customers.quote_lost', details: { reason } });
}

/** Today in the firm's time zone as YYYY-MM-DD (what a delivery date is compared with). */
export function todayInFirmZone(at: Date, timeZone = 'Europe/Berlin'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * A new draft quote with the subject and the positions of a quote's latest version — for this
 * customer or another one (won and lost are final; a reopened deal, or the same offer for someone
 * else, starts from a copy). Part positions take the part's number and name as they are now; a
 * part deleted since becomes a text position with the text the customer read. Delivery dates that
 * have passed are not copied (the answer counts them, the editor asks for new ones); the validity
 * is left to the new quote. The contact goes along only to the same customer.
 */
export async function copyQuote(ctx: CustomersContext, id: string, body: CopyQuoteBody, now = new Date()) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const { head, versions, positions } = await loadQuote(tx, tenantId, id);
    const customer = await writable(tx, tenantId, body.customerId ?? head.customerId).catch((error: unknown) => {
      if (body.customerId && error instanceof ProblemError && error.status === 404) throw unknownReference('body.customerId');
      throw error;
    });
    const latest = versions.at(-1)!.version;
    const source = positions.filter((p) => p.version === latest);
    const existing = new Set((await partsByIds(tx, tenantId, source.flatMap((p) => (p.partId ? [p.partId] : [])))).map((p) => p.id));
    const today = todayInFirmZone(now);
    let pastDeliveryDates = 0;
    const bodies: QuotePositionBody[] = source.map((p) => {
      const past = p.deliveryDate !== null && p.deliveryDate < today;
      if (past) pastDeliveryDates++;
      const part = p.partId !== null && existing.has(p.partId) ? p.partId : null;
      return {
        partId: part,
        text: part ? '' : p.text,
        quantityMilli: p.quantityMilli,
        unitPriceCents: p.unitPriceCents,
        discountBasisPoints: p.discountBasisPoints,
        vatBasisPoints: p.vatBasisPoints,
        deliveryDate: past ? null : p.deliveryDate,
      };
    });
    const rows = await positionRows(tx, tenantId, bodies);
    const copyId = uuidv7();
    const number = await nextYearlyNumber(tx, tenantId, 'quote', 'A', now);
    const contactId = customer.id === head.customerId ? await liveContact(tx, tenantId, head.contactId) : null;
    await store.insertQuote(tx, tenantId, { id: copyId, number, customerId: customer.id, contactId, subject: head.subject, currency: head.currency, validUntil: null, createdBy: userId });
    await store.replacePositions(tx, tenantId, copyId, 1, rows);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.quote_copied', target: copyId, details: { number, source: head.number, customer: customer.number } });
    return { ...(await quoteDetail(tx, tenantId, copyId)), copiedFrom: { id: head.id, number: head.number }, pastDeliveryDates };
  });
}

async function liveContact(db: Db, tenantId: string, contactId: string | null): Promise<string | null> {
  if (contactId === null) return null;
  const contact = await findContact(db, tenantId, contactId);
  return contact && !contact.erased ? contact.id : null;
}

export { loadQuote };
