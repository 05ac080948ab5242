import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { companyMembers, personNames } from '../../kernel/tenancy/members.js';
import type { ConsentEvent } from './domain/consent.js';
import type { CustomerListQuery } from './schemas.js';

/** A customer company as the API shows it. */
export interface Customer {
  id: string;
  number: string;
  name: string;
  vatId: string | null;
  industryCode: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  paymentTermsDays: number | null;
  salesOwnerId: string | null;
  aliases: string[];
  mergedInto: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The stored columns a customer's editable fields map to. */
export interface CustomerColumns {
  number: string;
  name: string;
  name_folded: string;
  vat_id: string | null;
  vat_id_normalised: string | null;
  industry_code: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  payment_terms_days: number | null;
  sales_owner_id: string | null;
  aliases: string[];
  merged_into: string | null;
}

export interface Contact {
  id: string;
  customerId: string;
  salutation: string | null;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  erased: boolean;
}

export interface Interaction {
  id: string;
  customerId: string;
  contactId: string | null;
  kind: 'call' | 'visit' | 'email' | 'note';
  occurredAt: Date;
  userId: string | null;
  userName: string | null;
  subject: string;
  body: string;
}

const CUSTOMER_COLUMNS = [
  'id', 'number', 'name', 'vat_id', 'industry_code', 'street', 'postcode', 'city', 'country', 'email', 'phone', 'website',
  'payment_terms_days', 'sales_owner_id', 'aliases', 'merged_into', 'version', 'created_at', 'updated_at',
] as const;

type CustomerRow = {
  id: string; number: string; name: string; vat_id: string | null; industry_code: string | null; street: string | null; postcode: string | null;
  city: string | null; country: string | null; email: string | null; phone: string | null; website: string | null; payment_terms_days: number | null;
  sales_owner_id: string | null; aliases: string[]; merged_into: string | null; version: number; created_at: Date; updated_at: Date;
};

const toCustomer = (r: CustomerRow): Customer => ({
  id: r.id,
  number: r.number,
  name: r.name,
  vatId: r.vat_id,
  industryCode: r.industry_code,
  street: r.street,
  postcode: r.postcode,
  city: r.city,
  country: r.country === null ? null : r.country.trim(),
  email: r.email,
  phone: r.phone,
  website: r.website,
  paymentTermsDays: r.payment_terms_days,
  salesOwnerId: r.sales_owner_id,
  aliases: r.aliases,
  mergedInto: r.merged_into,
  version: r.version,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** The next number of a counter (customers: 1, 2, 3 …), issued once. */
export async function nextCounter(db: Db, tenantId: string, kind: string, scope = ''): Promise<number> {
  const row = await db
    .insertInto('customer_counters')
    .values({ tenant_id: tenantId, kind, scope, last_value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'scope']).doUpdateSet({ last_value: sql<number>`customer_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

export async function insertCustomer(db: Db, tenantId: string, id: string, columns: CustomerColumns): Promise<void> {
  await db.insertInto('customers').values({ tenant_id: tenantId, id, ...columns }).execute();
}

/** Replaces a customer's columns; the version counts every change. */
export async function updateCustomer(db: Db, tenantId: string, id: string, columns: Partial<CustomerColumns>): Promise<void> {
  await db
    .updateTable('customers')
    .set({ ...columns, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function findCustomers(db: Db, tenantId: string, ids: readonly string[]): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('customers').select(CUSTOMER_COLUMNS).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return rows.map(toCustomer);
}

export async function findCustomer(db: Db, tenantId: string, id: string): Promise<Customer | undefined> {
  return (await findCustomers(db, tenantId, [id]))[0];
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const sortColumn = { name: 'name_folded', number: 'number', city: 'city', createdAt: 'created_at' } as const;

/**
 * One page of the customers not merged into another, with the number of all that match. The search
 * looks at the folded name ("Mueller" finds "Müller"), number, city, VAT ID and former numbers.
 */
export async function listCustomers(db: Db, tenantId: string, query: CustomerListQuery, foldedQuery: string | null): Promise<{ items: Customer[]; total: number }> {
  let base = db.selectFrom('customers').where('tenant_id', '=', tenantId).where('merged_into', 'is', null);
  if (query.q && foldedQuery !== null) {
    const folded = likePattern(foldedQuery);
    const plain = likePattern(query.q.toLowerCase());
    const compact = likePattern(query.q.toUpperCase().replace(/[\s.\-/_]/g, ''));
    base = base.where((eb) =>
      eb.or([
        eb('name_folded', 'like', folded),
        eb(sql`lower(name)`, 'like', plain),
        eb(sql`lower(number)`, 'like', plain),
        eb(sql`lower(city)`, 'like', plain),
        eb('vat_id_normalised', 'like', compact),
        eb(sql`exists (select 1 from unnest(aliases) as alias where lower(alias) like ${plain})`, '=', true),
      ]),
    );
  }
  if (query.country) base = base.where('country', '=', query.country);
  if (query.city) base = base.where(sql`lower(city)`, '=', query.city.toLowerCase());
  if (query.salesOwnerId) base = base.where('sales_owner_id', '=', query.salesOwnerId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(CUSTOMER_COLUMNS)
    .orderBy(sortColumn[query.sort], (ob) => (query.dir === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
    .orderBy('id', query.dir)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map(toCustomer), total: Number(total.n) };
}

/** What duplicate detection compares: every customer not merged into another, with its contacts' e-mails. */
export async function customersForMatching(db: Db, tenantId: string) {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'number', 'name', 'vat_id', 'email', 'website', 'street', 'postcode', 'city', 'country'])
    .where('tenant_id', '=', tenantId)
    .where('merged_into', 'is', null)
    .execute();
  const emails = await db
    .selectFrom('customer_contacts')
    .select(['customer_id', 'email'])
    .where('tenant_id', '=', tenantId)
    .where('email', 'is not', null)
    .execute();
  return rows.map((r) => ({ ...r, country: r.country?.trim() ?? null, contactEmails: emails.filter((e) => e.customer_id === r.id).map((e) => e.email as string) }));
}

export async function isMember(db: Db, tenantId: string, userId: string): Promise<boolean> {
  return (await companyMembers(db, tenantId, { userIds: [userId] })).length > 0;
}

// --- contacts

const CONTACT_COLUMNS = ['id', 'customer_id', 'salutation', 'first_name', 'last_name', 'role', 'email', 'phone', 'erased_at'] as const;
type ContactRow = { id: string; customer_id: string; salutation: string | null; first_name: string | null; last_name: string; role: string | null; email: string | null; phone: string | null; erased_at: Date | null };
const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  customerId: r.customer_id,
  salutation: r.salutation,
  firstName: r.first_name,
  lastName: r.last_name,
  role: r.role,
  email: r.email,
  phone: r.phone,
  erased: r.erased_at !== null,
});

export interface ContactColumns {
  salutation: string | null;
  first_name: string | null;
  last_name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export async function insertContact(db: Db, tenantId: string, id: string, customerId: string, columns: ContactColumns): Promise<void> {
  await db.insertInto('customer_contacts').values({ tenant_id: tenantId, id, customer_id: customerId, ...columns }).execute();
}

export async function updateContact(db: Db, tenantId: string, id: string, columns: ContactColumns): Promise<void> {
  await db.updateTable('customer_contacts').set({ ...columns, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function findContact(db: Db, tenantId: string, id: string): Promise<Contact | undefined> {
  const row = await db.selectFrom('customer_contacts').select(CONTACT_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toContact(row) : undefined;
}

export async function contactsOf(db: Db, tenantId: string, customerId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('customer_contacts')
    .select(CONTACT_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .orderBy('last_name')
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

// --- consent

export async function consentHistory(db: Db, tenantId: string, contactIds: readonly string[]): Promise<ConsentEvent[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .selectFrom('customer_consent_events')
    .select(['id', 'contact_id', 'channel', 'purpose', 'kind', 'declared_at', 'recorded_at', 'source', 'evidence_kind', 'evidence_reference'])
    .where('tenant_id', '=', tenantId)
    .where('contact_id', 'in', contactIds)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    channel: r.channel as ConsentEvent['channel'],
    purpose: r.purpose as ConsentEvent['purpose'],
    kind: r.kind as ConsentEvent['kind'],
    at: new Date(r.declared_at).getTime(),
    recordedAt: new Date(r.recorded_at).getTime(),
    source: r.source as ConsentEvent['source'],
    evidence: r.evidence_kind && r.evidence_reference ? { kind: r.evidence_kind as NonNullable<ConsentEvent['evidence']>['kind'], reference: r.evidence_reference } : null,
  }));
}

export async function insertConsentEvents(db: Db, tenantId: string, userId: string | null, events: readonly ConsentEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('customer_consent_events')
    .values(
      events.map((e) => ({
        tenant_id: tenantId,
        id: e.id,
        contact_id: e.contactId,
        channel: e.channel,
        purpose: e.purpose,
        kind: e.kind,
        declared_at: new Date(e.at),
        recorded_at: new Date(e.recordedAt),
        source: e.source,
        evidence_kind: e.evidence?.kind ?? null,
        evidence_reference: e.evidence?.reference ?? null,
        recorded_by: userId,
      })),
    )
    .execute();
}

// --- interactions

export interface InteractionColumns {
  contact_id: string | null;
  kind: Interaction['kind'];
  occurred_at: Date;
  user_id: string | null;
  subject: string;
  body: string;
}

export async function insertInteraction(db: Db, tenantId: string, id: string, customerId: string, columns: InteractionColumns): Promise<void> {
  await db.insertInto('customer_interactions').values({ tenant_id: tenantId, id, customer_id: customerId, ...columns }).execute();
}

/** The customer's interactions, newest first. */
export async function timeline(db: Db, tenantId: string, customerId: string, limit: number): Promise<Interaction[]> {
  const rows = await db
    .selectFrom('customer_interactions as i')
    .select(['i.id', 'i.customer_id', 'i.contact_id', 'i.kind', 'i.occurred_at', 'i.user_id', 'i.subject', 'i.body'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.customer_id', '=', customerId)
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
  const names = await personNames(db, rows.map((r) => r.user_id));
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    contactId: r.contact_id,
    kind: r.kind as Interaction['kind'],
    occurredAt: new Date(r.occurred_at),
    userId: r.user_id,
    userName: (r.user_id ? names.get(r.user_id) : undefined) ?? null,
    subject: r.subject,
    body: r.body,
  }));
}

// --- links that move with a merge

/** Every link of the customers, as `merge.ts` sees them. Consents move with their contact. */
export async function linksOf(db: Db, tenantId: string, customerIds: readonly string[]) {
  const contacts = await db.selectFrom('customer_contacts').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('customer_id', 'in', customerIds).execute();
  const interactions = await db.selectFrom('customer_interactions').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('customer_id', 'in', customerIds).execute();
  return [
    ...contacts.map((c) => ({ kind: 'contact' as const, id: c.id, customerId: c.customer_id })),
    ...interactions.map((i) => ({ kind: 'interaction' as const, id: i.id, customerId: i.customer_id })),
  ];
}

/** The current owner of links by id (whatever customer they belong to now). */
export async function linksById(db: Db, tenantId: string, contactIds: readonly string[], interactionIds: readonly string[]) {
  const contacts = contactIds.length === 0 ? [] : await db.selectFrom('customer_contacts').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('id', 'in', contactIds).execute();
  const interactions = interactionIds.length === 0 ? [] : await db.selectFrom('customer_interactions').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('id', 'in', interactionIds).execute();
  return [
    ...contacts.map((c) => ({ kind: 'contact' as const, id: c.id, customerId: c.customer_id })),
    ...interactions.map((i) => ({ kind: 'interaction' as const, id: i.id, customerId: i.customer_id })),
  ];
}

export async function moveLinks(db: Db, tenantId: string, moves: ReadonlyArray<{ kind: string; id: string }>, customerId: string): Promise<void> {
  const contactIds = moves.filter((m) => m.kind === 'contact').map((m) => m.id);
  const interactionIds = moves.filter((m) => m.kind === 'interaction').map((m) => m.id);
  if (contactIds.length > 0)
    await db.updateTable('customer_contacts').set({ customer_id: customerId, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', 'in', contactIds).execute();
  if (interactionIds.length > 0)
    await db.updateTable('customer_interactions').set({ customer_id: customerId }).where('tenant_id', '=', tenantId).where('id', 'in', interactionIds).execute();
}

// --- merges

export async function insertMerge(db: Db, tenantId: string, id: string, survivorId: string, absorbedId: string, undo: unknown, userId: string | null): Promise<void> {
  await db.insertInto('customer_merges').values({ tenant_id: tenantId, id, survivor_id: survivorId, absorbed_id: absorbedId, undo: JSON.stringify(undo), merged_by: userId }).execute();
}

export async function findMerge(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('customer_merges')
    .select(['id', 'survivor_id', 'absorbed_id', 'undo', 'merged_at', 'undone_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The newest merge not undone that absorbed this customer. */
export async function mergeAbsorbing(db: Db, tenantId: string, absorbedId: string) {
  return db
    .selectFrom('customer_merges')
    .select(['id', 'survivor_id', 'merged_at'])
    .where('tenant_id', '=', tenantId)
    .where('absorbed_id', '=', absorbedId)
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .executeTakeFirst();
}

/** Merges not undone into this customer, newest first (the detail page offers their undo). */
export async function mergesInto(db: Db, tenantId: string, survivorId: string) {
  return db
    .selectFrom('customer_merges as m')
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.absorbed_id'))
    .select(['m.id', 'm.absorbed_id', 'm.merged_at', 'c.number as absorbed_number', 'c.name as absorbed_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.survivor_id', '=', survivorId)
    .where('m.undone_at', 'is', null)
    .orderBy('m.merged_at', 'desc')
    .execute();
}

export async function markMergeUndone(db: Db, tenantId: string, id: string, userId: string | null): Promise<void> {
  await db.updateTable('customer_merges').set({ undone_at: new Date(), undone_by: userId }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
