import type { ConsentEvent } from './consent.js';

/**
 * Erasing a contact (GDPR Art. 17) anonymises it instead of deleting it: orders, quotes and
 * delivery notes that name its company stay (HGB §257, AO §147), the links to it stay, the person
 * is gone.
 */

export interface ContactRecord {
  id: string;
  customerId: string;
  salutation: string | null;
  firstName: string;
  lastName: string;
  role: string;
  email: string | null;
  phone: string | null;
  erasedAt: number | null;
}

export interface InteractionRecord {
  id: string;
  customerId: string;
  /** the contacts the interaction was with */
  contactIds: string[];
  kind: 'call' | 'visit' | 'email' | 'note';
  occurredAt: number;
  userId: string | null;
  subject: string;
  body: string;
}

export interface Erasure {
  contact: ContactRecord;
  /** only the interactions that changed */
  interactions: InteractionRecord[];
  /** stored evidence files of the contact's consent declarations, to delete with the erasure */
  evidenceFilesToDelete: string[];
}

/**
 * The contact with every personal field cleared and marked erased; interactions with this contact
 * alone lose subject and body (kind, date, user and links stay), interactions with others too keep
 * their text (the others' record); consent declarations stay as proof, their evidence files go.
 * Erasing again changes nothing.
 */
export function eraseContact(contact: ContactRecord, interactions: readonly InteractionRecord[], consentEvents: readonly ConsentEvent[], now: number): Erasure {
  const erased: ContactRecord = { ...contact, salutation: null, firstName: '', lastName: '', role: '', email: null, phone: null, erasedAt: contact.erasedAt ?? now };
  const changed = interactions
    .filter((i) => i.contactIds.length === 1 && i.contactIds[0] === contact.id && (i.subject !== '' || i.body !== ''))
    .map((i) => ({ ...i, subject: '', body: '' }));
  const files = consentEvents
    .filter((e) => e.contactId === contact.id && e.evidence !== null && (e.evidence.kind === 'signed-document' || e.evidence.kind === 'email-message'))
    .map((e) => e.evidence!.reference);
  return { contact: erased, interactions: changed, evidenceFilesToDelete: [...new Set(files)].sort() };
}
