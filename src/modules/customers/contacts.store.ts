import type { Db } from '../../kernel/db/database.js';
import type { ConsentEvent } from './domain/consent.js';

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
