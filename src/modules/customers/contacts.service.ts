import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { notFound, ProblemError } from '../../kernel/http/problem.js';
import { consentGrid, recordConsentEvent, withdrawAll as withdrawAllEvents, type ConsentEvent } from './domain/consent.js';
import * as store from './contacts.store.js';
import { writable, type CustomersContext } from './customers.service.js';
import type { ConsentEventBody, ContactBody } from './schemas.js';

export const contactColumns = (body: ContactBody): store.ContactColumns => ({
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
