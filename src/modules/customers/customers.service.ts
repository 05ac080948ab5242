import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { notFound, ProblemError, unknownReference } from '../../kernel/http/problem.js';
import { foldGerman, nameTokens } from './domain/company-name.js';
import { consentGrid } from './domain/consent.js';
import { findDuplicates, LIKELY_THRESHOLD, type CompanyForMatching } from './domain/duplicates.js';
import { normaliseVatId } from './domain/vat-id.js';
import { consentHistory, contactsOf } from './contacts.store.js';
import * as store from './customers.store.js';
import { mergesInto } from './merges.store.js';
import type { CustomerBody, CustomerListQuery } from './schemas.js';

export interface CustomersContext {
  db: Db;
  tenant: TenantContext;
}

export const columnsOf = (body: CustomerBody) => ({
  name: body.name,
  name_folded: nameTokens(body.name).join(' '),
  vat_id: body.vatId,
  vat_id_normalised: normaliseVatId(body.vatId)?.normalised ?? null,
  industry_code: body.industryCode,
  street: body.street,
  postcode: body.postcode,
  city: body.city,
  country: body.country,
  email: body.email,
  phone: body.phone,
  website: body.website,
  payment_terms_days: body.paymentTermsDays,
  sales_owner_id: body.salesOwnerId,
});

const customerNumber = (n: number) => `K-${String(n).padStart(5, '0')}`;

async function checkSalesOwner(db: Db, tenantId: string, userId: string | null) {
  if (userId !== null && !(await store.isMember(db, tenantId, userId))) throw unknownReference('body.salesOwnerId');
}

const forMatching = (c: { id: string; name: string; vatId: string | null; email: string | null; website: string | null; street: string | null; postcode: string | null; city: string | null; country: string | null }, contactEmails: readonly string[] = []): CompanyForMatching => ({
  id: c.id,
  name: c.name,
  vatId: c.vatId,
  emails: [...(c.email ? [c.email] : []), ...contactEmails],
  website: c.website,
  address: c.street || c.postcode ? { street: c.street ?? '', postcode: c.postcode ?? '', city: c.city ?? '', country: c.country ?? 'DE' } : null,
});

export interface DuplicateCandidate {
  id: string;
  number: string;
  name: string;
  city: string | null;
  score: number;
  level: 'likely' | 'possible' | 'unlikely';
  reasons: Array<{ code: string; points: number; detail?: string | number }>;
}

/** Customers that may be the same firm as `body`, best first (possible and likely ones). */
export async function duplicateCandidates(db: Db, tenantId: string, body: CustomerBody, excludeId?: string): Promise<DuplicateCandidate[]> {
  const others = await store.customersForMatching(db, tenantId);
  const matching = others.map((o) =>
    forMatching({ id: o.id, name: o.name, vatId: o.vat_id, email: o.email, website: o.website, street: o.street, postcode: o.postcode, city: o.city, country: o.country }, o.contactEmails),
  );
  const found = findDuplicates(forMatching({ ...body, id: excludeId ?? '' }), matching);
  return found.map((d) => {
    const o = others.find((x) => x.id === d.id)!;
    return { id: d.id, number: o.number, name: o.name, city: o.city, score: d.score, level: d.level, reasons: d.reasons };
  });
}

/**
 * Creates a customer with the next number. Likely duplicates stop the creation with 409 and the
 * candidates, unless `confirmDuplicate` says the user saw them; that decision is in the audit log.
 */
export async function createCustomer(ctx: CustomersContext, body: CustomerBody & { confirmDuplicate: boolean }) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await checkSalesOwner(tx, tenantId, body.salesOwnerId);
    const candidates = await duplicateCandidates(tx, tenantId, body);
    const likely = candidates.filter((c) => c.score >= LIKELY_THRESHOLD);
    if (likely.length > 0 && !body.confirmDuplicate) throw new ProblemError(409, 'customers_possible_duplicate', {}, { candidates: likely });
    const id = uuidv7();
    const number = customerNumber(await store.nextCounter(tx, tenantId, 'customer'));
    await store.insertCustomer(tx, tenantId, id, { number, ...columnsOf(body), aliases: [], merged_into: null });
    await writeAudit(tx, {
      tenantId,
      actorId: userId,
      action: 'customers.customer_created',
      target: id,
      details: { number, ...(likely.length > 0 ? { createdDespiteDuplicates: likely.map((c) => c.number) } : {}) },
    });
    return { ...(await store.findCustomer(tx, tenantId, id))!, possibleDuplicates: candidates };
  });
}

export function listCustomers(ctx: CustomersContext, query: CustomerListQuery) {
  const folded = query.q ? foldGerman(query.q).trim() : null;
  return store.listCustomers(ctx.db, ctx.tenant.tenantId, query, folded);
}

/** The customer an id stands for now, following merges; 404 when the id is not this company's. */
export async function resolve(db: Db, tenantId: string, id: string): Promise<store.Customer> {
  let customer = await store.findCustomer(db, tenantId, id);
  if (!customer) throw notFound('customer');
  for (let hops = 0; customer.mergedInto !== null && hops < 100; hops++) customer = (await store.findCustomer(db, tenantId, customer.mergedInto))!;
  return customer;
}

/** A customer that can be written to: merged ones answer 409 naming the survivor. */
export async function writable(db: Db, tenantId: string, id: string): Promise<store.Customer> {
  const customer = await store.findCustomer(db, tenantId, id);
  if (!customer) throw notFound('customer');
  if (customer.mergedInto !== null) {
    const survivor = await resolve(db, tenantId, id);
    throw new ProblemError(409, 'customers_customer_merged', { survivorNumber: survivor.number }, { survivorId: survivor.id });
  }
  return customer;
}

export type CustomerLookup = { merged: true; survivorId: string } | { merged: false; detail: Awaited<ReturnType<typeof customerDetail>> };

/** A customer with contacts, their consents and the merges that can be undone; a merged id names its survivor. */
export async function getCustomer(ctx: CustomersContext, id: string): Promise<CustomerLookup> {
  const customer = await store.findCustomer(ctx.db, ctx.tenant.tenantId, id);
  if (!customer) throw notFound('customer');
  if (customer.mergedInto !== null) return { merged: true, survivorId: (await resolve(ctx.db, ctx.tenant.tenantId, id)).id };
  return { merged: false, detail: await customerDetail(ctx.db, ctx.tenant.tenantId, customer) };
}

async function customerDetail(db: Db, tenantId: string, customer: store.Customer) {
  const contacts = await contactsOf(db, tenantId, customer.id);
  const history = await consentHistory(db, tenantId, contacts.map((c) => c.id));
  const now = Date.now();
  const merges = await mergesInto(db, tenantId, customer.id);
  return {
    ...customer,
    contacts: contacts.map((c) => ({
      ...c,
      consents: consentGrid(history, c.id, now)
        .filter((g) => g.state !== 'not-asked')
        .map((g) => ({ channel: g.channel, purpose: g.purpose, state: g.state, declaredAt: new Date(g.since!.at), source: g.since!.source, evidence: g.since!.evidence })),
    })),
    merges: merges.map((m) => ({ id: m.id, absorbedId: m.absorbed_id, absorbedNumber: m.absorbed_number, absorbedName: m.absorbed_name, mergedAt: new Date(m.merged_at) })),
  };
}

export async function updateCustomer(ctx: CustomersContext, id: string, body: CustomerBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const before = await writable(tx, tenantId, id);
    await checkSalesOwner(tx, tenantId, body.salesOwnerId);
    await store.updateCustomer(tx, tenantId, id, columnsOf(body));
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.customer_changed', target: id, details: { number: before.number } });
    return (await customerDetail(tx, tenantId, (await store.findCustomer(tx, tenantId, id))!));
  });
}
