import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { notFound, ProblemError, unknownReference } from '../../kernel/http/problem.js';
import { foldGerman, nameTokens } from './domain/company-name.js';
import { consentGrid, recordConsentEvent, withdrawAll as withdrawAllEvents, type ConsentEvent } from './domain/consent.js';
import { findDuplicates, LIKELY_THRESHOLD, type CompanyForMatching } from './domain/duplicates.js';
import { applyMerge, planMerge, undoMerge as undoMergeInGraph, type CustomerFields, type MergeableCustomer, type MergeField, type MergeUndo } from './domain/merge.js';
import { normaliseVatId } from './domain/vat-id.js';
import * as store from './customers.store.js';
import type { ConsentEventBody, ContactBody, CustomerBody, CustomerListQuery, InteractionBody, MergeBody } from './schemas.js';

export interface CustomersContext {
  db: Db;
  tenant: TenantContext;
}

const columnsOf = (body: CustomerBody) => ({
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
async function resolve(db: Db, tenantId: string, id: string): Promise<store.Customer> {
  let customer = await store.findCustomer(db, tenantId, id);
  if (!customer) throw notFound('customer');
  for (let hops = 0; customer.mergedInto !== null && hops < 100; hops++) customer = (await store.findCustomer(db, tenantId, customer.mergedInto))!;
  return customer;
}

/** A customer that can be written to: merged ones answer 409 naming the survivor. */
async function writable(db: Db, tenantId: string, id: string): Promise<store.Customer> {
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
  const contacts = await store.contactsOf(db, tenantId, customer.id);
  const history = await store.consentHistory(db, tenantId, contacts.map((c) => c.id));
  const now = Date.now();
  const merges = await store.mergesInto(db, tenantId, customer.id);
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

// --- contacts

const contactColumns = (body: ContactBody): store.ContactColumns => ({
  salutation: body.salutation,
  first_name: body.firstName,
  last_name: body.lastName,
  role: body.role,
  email: body.email,
  phone: body.phone,
});

export async function addContact(ctx: CustomersContext, customerId: string, body: ContactBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await writable(tx, tenantId, customerId);
    const id = uuidv7();
    await store.insertContact(tx, tenantId, id, customerId, contactColumns(body));
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.contact_added', target: id, details: { customerId } });
    return (await store.findContact(tx, tenantId, id))!;
  });
}

async function liveContact(db: Db, tenantId: string, contactId: string) {
  const contact = await store.findContact(db, tenantId, contactId);
  if (!contact) throw notFound('contact');
  if (contact.erased) throw new ProblemError(409, 'customers_contact_erased');
  return contact;
}

export async function updateContact(ctx: CustomersContext, contactId: string, body: ContactBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await liveContact(tx, tenantId, contactId);
    await store.updateContact(tx, tenantId, contactId, contactColumns(body));
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.contact_changed', target: contactId });
    return (await store.findContact(tx, tenantId, contactId))!;
  });
}

// --- consent

const consentView = (history: readonly ConsentEvent[], contactId: string) => ({
  contactId,
  grid: consentGrid(history, contactId, Date.now()).map((g) => ({
    channel: g.channel,
    purpose: g.purpose,
    state: g.state,
    declaredAt: g.since ? new Date(g.since.at) : null,
    source: g.since?.source ?? null,
  })),
  history: history.map((e) => ({ id: e.id, channel: e.channel, purpose: e.purpose, kind: e.kind, declaredAt: new Date(e.at), recordedAt: new Date(e.recordedAt), source: e.source, evidence: e.evidence })),
});

export async function consents(ctx: CustomersContext, contactId: string) {
  const contact = await store.findContact(ctx.db, ctx.tenant.tenantId, contactId);
  if (!contact) throw notFound('contact');
  return consentView(await store.consentHistory(ctx.db, ctx.tenant.tenantId, [contactId]), contactId);
}

/** Records a consent, decline or withdrawal under the rules of `consent.ts`; a repeated withdrawal is not stored again. */
export async function recordConsent(ctx: CustomersContext, contactId: string, body: ConsentEventBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await liveContact(tx, tenantId, contactId);
    const history = await store.consentHistory(tx, tenantId, [contactId]);
    const now = Date.now();
    const event: ConsentEvent = {
      id: uuidv7(),
      contactId,
      channel: body.channel,
      purpose: body.purpose,
      kind: body.kind,
      at: body.declaredAt ? new Date(body.declaredAt).getTime() : now,
      recordedAt: now,
      source: body.source,
      evidence: body.evidence,
    };
    const result = recordConsentEvent(history, event);
    if (!result.ok) throw new ProblemError(409, `customers_consent_${result.refusal.replace(/-/g, '_')}`);
    if (result.changed) {
      await store.insertConsentEvents(tx, tenantId, userId, [event]);
      await writeAudit(tx, { tenantId, actorId: userId, action: `customers.consent_${body.kind}`, target: contactId, details: { channel: body.channel, purpose: body.purpose } });
    }
    return consentView(result.history, contactId);
  });
}

/** "Withdraw everything": one withdrawal per channel and purpose not yet withdrawn. */
export async function withdrawAll(ctx: CustomersContext, contactId: string, source: ConsentEvent['source']) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await liveContact(tx, tenantId, contactId);
    const history = await store.consentHistory(tx, tenantId, [contactId]);
    const events = withdrawAllEvents(history, contactId, Date.now(), source, uuidv7);
    await store.insertConsentEvents(tx, tenantId, userId, events);
    if (events.length > 0) await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.consent_withdrawn_all', target: contactId, details: { withdrawals: events.length } });
    return consentView([...history, ...events], contactId);
  });
}

// --- interactions

export async function addInteraction(ctx: CustomersContext, customerId: string, body: InteractionBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await writable(tx, tenantId, customerId);
    if (body.contactId !== null) {
      const contact = await store.findContact(tx, tenantId, body.contactId);
      if (!contact || contact.customerId !== customerId) throw unknownReference('body.contactId');
    }
    const id = uuidv7();
    await store.insertInteraction(tx, tenantId, id, customerId, {
      contact_id: body.contactId,
      kind: body.kind,
      occurred_at: body.occurredAt ? new Date(body.occurredAt) : new Date(),
      user_id: userId,
      subject: body.subject,
      body: body.body,
    });
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.interaction_added', target: id, details: { customerId, kind: body.kind } });
    return (await store.timeline(tx, tenantId, customerId, 500)).find((i) => i.id === id)!;
  });
}

export async function interactions(ctx: CustomersContext, customerId: string) {
  const customer = await resolve(ctx.db, ctx.tenant.tenantId, customerId);
  return store.timeline(ctx.db, ctx.tenant.tenantId, customer.id, 200);
}

// --- merge and undo

const FIELD_COLUMNS: Record<MergeField, keyof store.Customer> = {
  name: 'name',
  customerNumber: 'number',
  vatId: 'vatId',
  industryCode: 'industryCode',
  street: 'street',
  postcode: 'postcode',
  city: 'city',
  country: 'country',
  email: 'email',
  phone: 'phone',
  website: 'website',
  paymentTermsDays: 'paymentTermsDays',
  salesOwnerId: 'salesOwnerId',
};

const mergeable = (c: store.Customer): MergeableCustomer => ({
  id: c.id,
  fields: Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([f, k]) => [f, c[k] as string | number | null])) as CustomerFields,
  aliases: [...c.aliases],
  mergedInto: c.mergedInto,
});

/** The stored columns of a merge-domain customer. */
function columnsOfMergeable(c: MergeableCustomer): store.CustomerColumns {
  const f = c.fields;
  const s = (v: string | number | null) => (v === null ? null : String(v));
  const name = String(f.name);
  return {
    number: String(f.customerNumber),
    name,
    name_folded: nameTokens(name).join(' '),
    vat_id: s(f.vatId),
    vat_id_normalised: normaliseVatId(s(f.vatId))?.normalised ?? null,
    industry_code: s(f.industryCode),
    street: s(f.street),
    postcode: s(f.postcode),
    city: s(f.city),
    country: s(f.country),
    email: s(f.email),
    phone: s(f.phone),
    website: s(f.website),
    payment_terms_days: f.paymentTermsDays === null ? null : Number(f.paymentTermsDays),
    sales_owner_id: s(f.salesOwnerId),
    aliases: [...c.aliases],
    merged_into: c.mergedInto,
  };
}

async function planFor(db: Db, tenantId: string, survivorId: string, body: MergeBody) {
  const survivor = await store.findCustomer(db, tenantId, survivorId);
  if (!survivor) throw notFound('customer');
  const absorbed = await store.findCustomer(db, tenantId, body.absorbedId);
  if (!absorbed) throw unknownReference('body.absorbedId');
  // The survivor keeps its number: the absorbed one keeps its own and becomes an alias.
  const { customerNumber: _kept, ...choices } = body.choices;
  const graph = { customers: [mergeable(survivor), mergeable(absorbed)], links: await store.linksOf(db, tenantId, [survivor.id, absorbed.id]) };
  const planned = planMerge(graph, survivor.id, absorbed.id, choices);
  if (!planned.ok) throw new ProblemError(409, `customers_merge_${planned.refusal.replace(/-/g, '_')}`);
  return { graph, plan: planned.plan, survivor, absorbed };
}

/** Both customers field by field, what the merged one would be, and what moves. */
export async function mergePlan(ctx: CustomersContext, survivorId: string, body: MergeBody) {
  const { plan, survivor, absorbed } = await planFor(ctx.db, ctx.tenant.tenantId, survivorId, body);
  return {
    survivor: { id: survivor.id, number: survivor.number, name: survivor.name },
    absorbed: { id: absorbed.id, number: absorbed.number, name: absorbed.name },
    fields: plan.fields,
    moves: { contacts: plan.moves.filter((m) => m.kind === 'contact').length, interactions: plan.moves.filter((m) => m.kind === 'interaction').length },
  };
}

/** Merges in one transaction with its audit entry and the undo record. */
export async function merge(ctx: CustomersContext, survivorId: string, body: MergeBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const { graph, plan, survivor, absorbed } = await planFor(tx, tenantId, survivorId, body);
    const { graph: after, undo } = applyMerge(graph, plan);
    const survivorAfter = after.customers.find((c) => c.id === survivor.id)!;
    await store.moveLinks(tx, tenantId, plan.moves, survivor.id);
    await store.updateCustomer(tx, tenantId, absorbed.id, { merged_into: survivor.id });
    await store.updateCustomer(tx, tenantId, survivor.id, columnsOfMergeable(survivorAfter));
    const mergeId = uuidv7();
    await store.insertMerge(tx, tenantId, mergeId, survivor.id, absorbed.id, undo, userId);
    await writeAudit(tx, {
      tenantId,
      actorId: userId,
      action: 'customers.merged',
      target: survivor.id,
      details: { mergeId, survivor: survivor.number, absorbed: absorbed.number, moved: plan.moves.length },
    });
    return { mergeId, survivorId: survivor.id };
  });
}

/** Takes a merge back exactly, or answers 409 with the conflicts (`merge.ts`). */
export async function undoMerge(ctx: CustomersContext, mergeId: string, discardEdits: boolean) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const stored = await store.findMerge(tx, tenantId, mergeId);
    if (!stored) throw notFound('merge');
    if (stored.undone_at !== null) throw new ProblemError(409, 'customers_merge_already_undone');
    const undo = (typeof stored.undo === 'string' ? JSON.parse(stored.undo) : stored.undo) as MergeUndo;
    const customers = await store.findCustomers(tx, tenantId, [undo.survivorId, undo.absorbedId]);
    const links = await store.linksById(
      tx,
      tenantId,
      undo.moved.filter((m) => m.kind === 'contact').map((m) => m.id),
      undo.moved.filter((m) => m.kind === 'interaction').map((m) => m.id),
    );
    const result = undoMergeInGraph({ customers: customers.map(mergeable), links }, undo, discardEdits);
    if (!result.ok) throw new ProblemError(409, 'customers_undo_conflict', {}, { conflicts: result.conflicts });
    const back = (id: string) => result.graph.customers.find((c) => c.id === id)!;
    // the survivor first gives the absorbed customer's number back (it holds it as an alias)
    await store.updateCustomer(tx, tenantId, undo.survivorId, columnsOfMergeable(back(undo.survivorId)));
    await store.updateCustomer(tx, tenantId, undo.absorbedId, columnsOfMergeable(back(undo.absorbedId)));
    await store.moveLinks(tx, tenantId, undo.moved, undo.absorbedId);
    await store.markMergeUndone(tx, tenantId, mergeId, userId);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.merge_undone', target: undo.survivorId, details: { mergeId, restored: undo.absorbedId } });
    return { survivorId: undo.survivorId, absorbedId: undo.absorbedId };
  });
}
