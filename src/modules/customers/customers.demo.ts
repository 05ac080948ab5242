import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { addContact, recordConsent } from './contacts.service.js';
import { createCustomer } from './customers.service.js';
import { addInteraction } from './interactions.service.js';
import { merge } from './merge.service.js';
import { quotesDemo } from './quotes.demo.js';
import { contactBody, consentEventBody, createCustomerBody, interactionBody, mergeBody } from './schemas.js';

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

/** Customers of Muster Metallbau GmbH: machine builders and a few smaller firms nearby. */
const DEMO = [
  {
    customer: { name: 'Hansen Maschinenbau GmbH', vatId: 'DE136695976', street: 'Industriestraße 12', postcode: '24103', city: 'Kiel', country: 'DE', email: 'info@hansen-maschinenbau.example', phone: '+49 431 55501', website: 'https://hansen-maschinenbau.example', paymentTermsDays: 30, industryCode: '28.41' },
    contacts: [
      { contact: { salutation: 'Frau', firstName: 'Katrin', lastName: 'Hansen', role: 'Einkaufsleitung', email: 'k.hansen@hansen-maschinenbau.example', phone: '+49 431 55502' }, consent: { channel: 'email', purpose: 'newsletter' } },
      { contact: { salutation: 'Herr', firstName: 'Jonas', lastName: 'Petersen', role: 'Konstruktion', email: 'j.petersen@hansen-maschinenbau.example' } },
    ],
    interactions: [
      { kind: 'visit', occurredAt: daysAgo(20), subject: 'Werksbesuch: Rahmen für Verpackungsanlage', body: 'Zeichnungen besprochen, Angebot bis Monatsende zugesagt.' },
      { kind: 'call', occurredAt: daysAgo(3), subject: 'Rückfrage zur Lieferzeit', body: 'Liefertermin KW 12 bestätigt.' },
    ],
  },
  {
    customer: { name: 'Schmidt & Söhne Fördertechnik KG', street: 'Am Hafen 3', postcode: '28195', city: 'Bremen', country: 'DE', email: 'kontakt@schmidt-foerdertechnik.example', paymentTermsDays: 14 },
    contacts: [{ contact: { salutation: 'Herr', firstName: 'Peter', lastName: 'Schmidt', role: 'Geschäftsführer', email: 'p.schmidt@schmidt-foerdertechnik.example', phone: '+49 421 300400' }, consent: { channel: 'phone', purpose: 'product-information' } }],
    interactions: [{ kind: 'email', occurredAt: daysAgo(10), subject: 'Anfrage Schweißbaugruppen', body: '40 Stück je Quartal, Zeichnung liegt bei.' }],
  },
  {
    customer: { name: 'Müller Landtechnik e.K.', street: 'Dorfstraße 8', postcode: '25813', city: 'Husum', country: 'DE', phone: '+49 4841 7788', paymentTermsDays: 30 },
    contacts: [{ contact: { salutation: 'Frau', firstName: 'Anna', lastName: 'Müller', role: 'Inhaberin', email: 'anna.mueller@mueller-landtechnik.example' } }],
    interactions: [{ kind: 'note', occurredAt: daysAgo(40), subject: 'Saisongeschäft', body: 'Bestellt vor allem im Februar und März.' }],
  },
  {
    customer: { name: 'Nordstahl Anlagenbau AG', vatId: 'DE811907980', street: 'Werftstraße 40', postcode: '18057', city: 'Rostock', country: 'DE', website: 'https://nordstahl.example', paymentTermsDays: 45 },
    contacts: [],
    interactions: [],
  },
  {
    customer: { name: 'Van der Berg Techniek B.V.', street: 'Havenweg 22', postcode: '9723 AB', city: 'Groningen', country: 'NL', email: 'sales@vanderberg.example', paymentTermsDays: 30 },
    contacts: [{ contact: { firstName: 'Sanne', lastName: 'van der Berg', role: 'Inkoop', email: 'sanne@vanderberg.example' } }],
    interactions: [],
  },
] as const;

export async function customersDemo({ db, tenantId, ownerId }: DemoContext): Promise<void> {
  const ctx = { db, tenant: { tenantId, userId: ownerId, role: 'owner' as const } };
  const ids: string[] = [];
  for (const entry of DEMO) {
    const customer = await createCustomer(ctx, createCustomerBody.parse({ ...entry.customer, confirmDuplicate: true }));
    ids.push(customer.id);
    for (const c of entry.contacts) {
      const contact = await addContact(ctx, customer.id, contactBody.parse(c.contact));
      if ('consent' in c && c.consent)
        await recordConsent(ctx, contact.id, consentEventBody.parse({ ...c.consent, kind: 'give', declaredAt: daysAgo(60), source: 'signed-form', evidence: { kind: 'signed-document', reference: 'Einwilligungserklärung vom Messestand' } }));
    }
    for (const i of entry.interactions) await addInteraction(ctx, customer.id, interactionBody.parse(i));
  }
  // a duplicate created by mistake and merged into the right customer: its page offers the undo
  const duplicate = await createCustomer(ctx, createCustomerBody.parse({ name: 'Hansen Maschinenbau', city: 'Kiel', email: 'einkauf@hansen-maschinenbau.example', confirmDuplicate: true }));
  await addInteraction(ctx, duplicate.id, interactionBody.parse({ kind: 'email', occurredAt: daysAgo(30), subject: 'Anfrage Ersatzteile', body: 'Versehentlich als neuer Kunde angelegt.' }));
  await merge(ctx, ids[0]!, mergeBody.parse({ absorbedId: duplicate.id }));
  await quotesDemo(ctx, db, ids);
}
