import type { WriteExamples } from '../../kernel/testing/write-example.js';

const customer = (ownUserId: string) => ({
  name: 'Walk Kunde GmbH', vatId: 'DE 136 695 976', industryCode: '28.41', street: 'Walkweg 1', postcode: '24103', city: 'Kiel', country: 'DE',
  email: 'walk@walk-kunde.example', phone: '+49 431 1', website: 'https://walk-kunde.example', paymentTermsDays: 30, salesOwnerId: ownUserId,
});
const contact = { salutation: 'Frau', firstName: 'Wanda', lastName: 'Walk', role: 'Einkauf', email: 'wanda@walk-kunde.example', phone: '+49 431 2' };

/** Valid requests to the customers module's write routes, for the input walk. */
export const customersWriteExamples: WriteExamples = (ids) => ({
  'POST /companies/:companyId/customers': { body: { ...customer(ids.ownUserId), confirmDuplicate: true } },
  'PUT /companies/:companyId/customers/:customerId': { body: customer(ids.ownUserId) },
  'POST /companies/:companyId/customers/:customerId/contacts': { body: contact },
  'PUT /companies/:companyId/contacts/:contactId': { body: contact },
  'POST /companies/:companyId/contacts/:contactId/consent-events': {
    body: { channel: 'email', purpose: 'newsletter', kind: 'give', declaredAt: '2026-01-05T10:00:00+01:00', source: 'signed-form', evidence: { kind: 'signed-document', reference: 'Formular vom Messestand' } },
  },
  'POST /companies/:companyId/contacts/:contactId/withdraw-all': { body: { source: 'letter' } },
  'POST /companies/:companyId/customers/:customerId/interactions': {
    body: { kind: 'call', occurredAt: '2026-02-01T09:30:00+01:00', contactId: ids.contactId, subject: 'Walk call', body: 'for the input walk' },
  },
  'POST /companies/:companyId/customers/:customerId/merge-plan': { body: { absorbedId: ids.absorbableCustomerId, choices: { city: 'absorbed' } } },
  'POST /companies/:companyId/customers/:customerId/merges': { body: { absorbedId: ids.absorbableCustomerId, choices: { city: 'absorbed' } } },
  'POST /companies/:companyId/customer-merges/:mergeId/undo': { body: { discardEdits: true } },
});
