import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsentEvent } from './consent.js';
import { type ContactRecord, type InteractionRecord, eraseContact } from './erasure.js';

const contact: ContactRecord = { id: 'c1', customerId: 'k1', salutation: 'Frau', firstName: 'Petra', lastName: 'Kögel', role: 'Einkauf', email: 'p.koegel@koegel.de', phone: '+49 731 12345', erasedAt: null };
const interaction = (id: string, contactIds: string[], subject = 'Anruf', body = 'Frau Kögel fragt nach Liefertermin'): InteractionRecord => ({ id, customerId: 'k1', contactIds, kind: 'call', occurredAt: 1, userId: 'u1', subject, body });
const consent = (id: string, contactId: string, evidence: ConsentEvent['evidence']): ConsentEvent => ({ id, contactId, channel: 'email', purpose: 'newsletter', kind: 'give', at: 1, recordedAt: 1, source: 'signed-form', evidence });

describe('erasing a contact', () => {
  it('clears every personal field, keeps id and company, and clears the texts of interactions with this contact alone', () => {
    const e = eraseContact(contact, [interaction('i1', ['c1']), interaction('i2', ['c1', 'c2']), interaction('i3', ['c2'])], [consent('e1', 'c1', { kind: 'signed-document', reference: 'file-9' }), consent('e2', 'c1', { kind: 'double-opt-in', reference: 'doi-1' }), consent('e3', 'c2', { kind: 'signed-document', reference: 'file-7' })], 50);
    expect(e.contact).toEqual({ id: 'c1', customerId: 'k1', salutation: null, firstName: '', lastName: '', role: '', email: null, phone: null, erasedAt: 50 });
    expect(e.interactions).toEqual([{ ...interaction('i1', ['c1']), subject: '', body: '' }]);
    expect(e.evidenceFilesToDelete).toEqual(['file-9']);
  });

  it('changes nothing more when erased again, and keeps the first erasure time', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ with: fc.subarray(['c1', 'c2', 'c3']), subject: fc.string({ maxLength: 5 }), body: fc.string({ maxLength: 5 }) }), { maxLength: 8 }), fc.nat(100), fc.nat(100), (specs, t1, t2) => {
        const all = specs.map((s, i) => interaction(`i${i}`, s.with, s.subject, s.body));
        const once = eraseContact(contact, all, [], t1);
        const changed = new Map(once.interactions.map((i) => [i.id, i]));
        const stored = all.map((i) => changed.get(i.id) ?? i);
        const twice = eraseContact(once.contact, stored, [], t2);
        expect(twice.contact).toEqual(once.contact);
        expect(twice.contact.erasedAt).toBe(t1);
        expect(twice.interactions).toEqual([]);
        for (const i of once.interactions) expect([i.subject, i.body, i.contactIds]).toEqual(['', '', ['c1']]);
        expect(once.interactions.map((i) => i.id)).toEqual(all.filter((i) => i.contactIds.length === 1 && i.contactIds[0] === 'c1' && (i.subject !== '' || i.body !== '')).map((i) => i.id));
        // interactions with others keep their text
        stored.forEach((i, k) => {
          if (!(i.contactIds.length === 1 && i.contactIds[0] === 'c1')) expect(i).toEqual(all[k]);
        });
      }),
    );
  });
});
