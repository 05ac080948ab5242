import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { companyMembers } from '../../kernel/tenancy/members.js';
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


const sortColumn = { name: 'name_folded', number: 'number', city: 'city', createdAt: 'created_at' } as const;

/**
 * One page of the customers not merged into another, with the number of all that match. The search
 * looks at the folded name ("Mueller" finds "Müller"), number, city, VAT ID and former numbers.
 */
export async function listCustomers(db: Db, tenantId: string, query: CustomerListQuery, foldedQuery: string | null): Promise<{ items: Customer[]; total: number }> {
  let base = db.selectFrom('customers').where('tenant_id', '=', tenantId).where('merged_into', 'is', null);
  if (query.q && foldedQuery !== null) {
    const folded = containsPattern(foldedQuery);
    const plain = containsPattern(query.q.toLowerCase());
    const compact = containsPattern(query.q.toUpperCase().replace(/[\s.\-/_]/g, ''));
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
