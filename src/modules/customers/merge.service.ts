import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { notFound, ProblemError, unknownReference } from '../../kernel/http/problem.js';
import { nameTokens } from './domain/company-name.js';
import { applyMerge, planMerge, undoMerge as undoMergeInGraph, type CustomerFields, type MergeableCustomer, type MergeField, type MergeUndo } from './domain/merge.js';
import { normaliseVatId } from './domain/vat-id.js';
import type { CustomersContext } from './customers.service.js';
import * as customerStore from './customers.store.js';
import * as store from './merges.store.js';
import type { MergeBody } from './schemas.js';

const FIELD_COLUMNS: Record<MergeField, keyof customerStore.Customer> = {
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

const mergeable = (c: customerStore.Customer): MergeableCustomer => ({
  id: c.id,
  fields: Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([f, k]) => [f, c[k] as string | number | null])) as CustomerFields,
  aliases: [...c.aliases],
  mergedInto: c.mergedInto,
});

/** The stored columns of a merge-domain customer. */
function columnsOfMergeable(c: MergeableCustomer): customerStore.CustomerColumns {
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
  const survivor = await customerStore.findCustomer(db, tenantId, survivorId);
  if (!survivor) throw notFound('customer');
  const absorbed = await customerStore.findCustomer(db, tenantId, body.absorbedId);
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
    moves: {
      contacts: plan.moves.filter((m) => m.kind === 'contact').length,
      interactions: plan.moves.filter((m) => m.kind === 'interaction').length,
      quotes: plan.moves.filter((m) => m.kind === 'quote').length,
      orders: plan.moves.filter((m) => m.kind === 'order').length,
    },
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
    await customerStore.updateCustomer(tx, tenantId, absorbed.id, { merged_into: survivor.id });
    await customerStore.updateCustomer(tx, tenantId, survivor.id, columnsOfMergeable(survivorAfter));
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
    const customers = await customerStore.findCustomers(tx, tenantId, [undo.survivorId, undo.absorbedId]);
    const links = await store.linksById(tx, tenantId, undo.moved);
    const result = undoMergeInGraph({ customers: customers.map(mergeable), links }, undo, discardEdits);
    if (!result.ok) throw new ProblemError(409, 'customers_undo_conflict', {}, { conflicts: result.conflicts });
    const back = (id: string) => result.graph.customers.find((c) => c.id === id)!;
    // the survivor first gives the absorbed customer's number back (it holds it as an alias)
    await customerStore.updateCustomer(tx, tenantId, undo.survivorId, columnsOfMergeable(back(undo.survivorId)));
    await customerStore.updateCustomer(tx, tenantId, undo.absorbedId, columnsOfMergeable(back(undo.absorbedId)));
    await store.moveLinks(tx, tenantId, undo.moved, undo.absorbedId);
    await store.markMergeUndone(tx, tenantId, mergeId, userId);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.merge_undone', target: undo.survivorId, details: { mergeId, restored: undo.absorbedId } });
    return { survivorId: undo.survivorId, absorbedId: undo.absorbedId };
  });
}
