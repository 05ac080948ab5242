import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { textMatch } from '../../kernel/search/text-match.js';
import type { Currency } from './domain/money.js';
import type { LostReason, QuoteState } from './domain/quotes.js';
import type { QuoteListQuery } from './quotes.schemas.js';

/** A `date` column as YYYY-MM-DD, whichever way the driver hands it over (local midnight Date or text). */
export function isoDay(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}

export interface QuoteRow {
  id: string;
  number: string;
  customerId: string;
  customerNumber: string;
  customerName: string;
  contactId: string | null;
  subject: string;
  currency: Currency;
  state: QuoteState;
  lostReason: LostReason | null;
  lostNote: string | null;
  decidedAt: Date | null;
  validUntil: string | null;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface QuoteVersionRow {
  version: number;
  sentAt: Date | null;
  language: 'de' | 'en' | null;
}

export interface QuotePositionRow {
  id: string;
  version: number;
  seq: number;
  partId: string | null;
  text: string;
  quantityMilli: number;
  unitPriceCents: number;
  discountBasisPoints: number;
  vatBasisPoints: number;
  deliveryDate: string | null;
}

const quoteSelect = (db: Db, tenantId: string) =>
  db
    .selectFrom('customer_quotes as q')
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'q.tenant_id').onRef('c.id', '=', 'q.customer_id'))
    .select([
      'q.id', 'q.number', 'q.customer_id', 'c.number as customer_number', 'c.name as customer_name', 'q.contact_id', 'q.subject', 'q.currency', 'q.state',
      'q.lost_reason', 'q.lost_note', 'q.decided_at', 'q.valid_until', 'q.current_version', 'q.created_at', 'q.updated_at',
    ])
    .where('q.tenant_id', '=', tenantId);

type SelectedQuote = Awaited<ReturnType<ReturnType<typeof quoteSelect>['executeTakeFirstOrThrow']>>;
const toQuote = (r: SelectedQuote): QuoteRow => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  customerNumber: r.customer_number,
  customerName: r.customer_name,
  contactId: r.contact_id,
  subject: r.subject,
  currency: r.currency.trim() as Currency,
  state: r.state as QuoteState,
  lostReason: r.lost_reason as LostReason | null,
  lostNote: r.lost_note,
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
  validUntil: isoDay(r.valid_until),
  currentVersion: Number(r.current_version),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function findQuote(db: Db, tenantId: string, id: string): Promise<QuoteRow | undefined> {
  const row = await quoteSelect(db, tenantId).where('q.id', '=', id).executeTakeFirst();
  return row ? toQuote(row) : undefined;
}

/** Locks the quote row for the rest of the transaction (two clicks on "send" do not both pass). */
export async function lockQuote(db: Db, tenantId: string, id: string): Promise<void> {
  await sql`select 1 from customer_quotes where tenant_id = ${tenantId} and id = ${id} for update`.execute(db);
}

export async function listQuotes(db: Db, tenantId: string, query: QuoteListQuery): Promise<{ items: QuoteRow[]; total: number }> {
  let base = quoteSelect(db, tenantId);
  // number, reference and customer, with umlauts folded as in the global search
  if (query.q) base = base.where(textMatch(query.q, ['q.number', 'q.subject', 'c.name', 'c.number']).where);
  if (query.state) base = base.where('q.state', '=', query.state);
  if (query.customerId) base = base.where('q.customer_id', '=', query.customerId);
  const total = await base.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .orderBy(query.sort === 'number' ? 'q.number' : 'q.created_at', query.dir)
    .orderBy('q.id', query.dir)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map(toQuote), total: Number(total.n) };
}

export async function insertQuote(
  db: Db,
  tenantId: string,
  q: { id: string; number: string; customerId: string; contactId: string | null; subject: string; currency: Currency; validUntil: string | null; createdBy: string },
): Promise<void> {
  await db
    .insertInto('customer_quotes')
    .values({
      tenant_id: tenantId, id: q.id, number: q.number, customer_id: q.customerId, contact_id: q.contactId, subject: q.subject, currency: q.currency,
      state: 'draft', valid_until: q.validUntil, current_version: 1, created_by: q.createdBy,
    })
    .execute();
  await db.insertInto('customer_quote_versions').values({ tenant_id: tenantId, quote_id: q.id, version: 1 }).execute();
}

export async function updateQuoteHead(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<{ contact_id: string | null; subject: string; valid_until: string | null; state: QuoteState; lost_reason: LostReason | null; lost_note: string | null; decided_at: Date | null; current_version: number }>,
): Promise<void> {
  await db.updateTable('customer_quotes').set({ ...patch, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function quoteVersions(db: Db, tenantId: string, quoteId: string): Promise<QuoteVersionRow[]> {
  const rows = await db.selectFrom('customer_quote_versions').select(['version', 'sent_at', 'language']).where('tenant_id', '=', tenantId).where('quote_id', '=', quoteId).orderBy('version').execute();
  return rows.map((r) => ({ version: Number(r.version), sentAt: r.sent_at === null ? null : new Date(r.sent_at), language: r.language as 'de' | 'en' | null }));
}

export async function insertVersion(db: Db, tenantId: string, quoteId: string, version: number): Promise<void> {
  await db.insertInto('customer_quote_versions').values({ tenant_id: tenantId, quote_id: quoteId, version }).execute();
}

export async function markVersionSent(db: Db, tenantId: string, quoteId: string, version: number, at: Date, language: 'de' | 'en'): Promise<void> {
  await db.updateTable('customer_quote_versions').set({ sent_at: at, language }).where('tenant_id', '=', tenantId).where('quote_id', '=', quoteId).where('version', '=', version).execute();
}

/** The positions of the given (quote, version) pairs, in their order. */
export async function quotePositions(db: Db, tenantId: string, keys: ReadonlyArray<{ quoteId: string; version: number }>): Promise<Array<QuotePositionRow & { quoteId: string }>> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('customer_quote_positions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('quote_id', 'in', [...new Set(keys.map((k) => k.quoteId))])
    .orderBy('version')
    .orderBy('seq')
    .execute();
  const wanted = new Set(keys.map((k) => `${k.quoteId}/${k.version}`));
  return rows
    .filter((r) => wanted.has(`${r.quote_id}/${Number(r.version)}`))
    .map((r) => ({
      quoteId: r.quote_id,
      id: r.id,
      version: Number(r.version),
      seq: Number(r.seq),
      partId: r.part_id,
      text: r.text,
      quantityMilli: Number(r.quantity_milli),
      unitPriceCents: Number(r.unit_price_cents),
      discountBasisPoints: Number(r.discount_basis_points),
      vatBasisPoints: Number(r.vat_basis_points),
      deliveryDate: isoDay(r.delivery_date),
    }));
}

/** Replaces the positions of one version. */
export async function replacePositions(db: Db, tenantId: string, quoteId: string, version: number, positions: ReadonlyArray<Omit<QuotePositionRow, 'version' | 'seq'>>): Promise<void> {
  await db.deleteFrom('customer_quote_positions').where('tenant_id', '=', tenantId).where('quote_id', '=', quoteId).where('version', '=', version).execute();
  if (positions.length === 0) return;
  await db
    .insertInto('customer_quote_positions')
    .values(positions.map((p, i) => ({
      tenant_id: tenantId, quote_id: quoteId, version, id: p.id, seq: i + 1, part_id: p.partId, text: p.text, quantity_milli: p.quantityMilli,
      unit_price_cents: p.unitPriceCents, discount_basis_points: p.discountBasisPoints, vat_basis_points: p.vatBasisPoints, delivery_date: p.deliveryDate,
    })))
    .execute();
}

/** Copies a version's positions (same ids: a position is identified by quote, version and id) into another version. */
export async function copyPositions(db: Db, tenantId: string, quoteId: string, from: number, to: number): Promise<void> {
  await sql`
    insert into customer_quote_positions (tenant_id, quote_id, version, id, seq, part_id, text, quantity_milli, unit_price_cents, discount_basis_points, vat_basis_points, delivery_date)
    select tenant_id, quote_id, ${to}, id, seq, part_id, text, quantity_milli, unit_price_cents, discount_basis_points, vat_basis_points, delivery_date
    from customer_quote_positions where tenant_id = ${tenantId} and quote_id = ${quoteId} and version = ${from}`.execute(db);
}
