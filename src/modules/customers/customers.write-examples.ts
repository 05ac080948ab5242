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

  // quotes: the fixture quote is sent; the walk runs these in the order the routes are registered
  // (revise → edit → send → win → order), so each valid example meets the state it needs
  'POST /companies/:companyId/quotes': {
    body: {
      customerId: ids.customerId, contactId: ids.contactId, currency: 'EUR', subject: 'Walk Angebot', validUntil: '2027-03-31',
      positions: [
        { partId: ids.quotePartId, quantityMilli: 10_000, unitPriceCents: 4_250, discountBasisPoints: 500, vatBasisPoints: 1900, deliveryDate: '2027-04-15' },
        { text: 'Verpackung und Versand', quantityMilli: 1_000, unitPriceCents: 3_500, vatBasisPoints: 1900 },
      ],
    },
  },
  'POST /companies/:companyId/quotes/:quoteId/revise': { body: {} },
  'PUT /companies/:companyId/quotes/:quoteId': {
    body: { contactId: ids.contactId, subject: 'Walk Angebot v2', validUntil: null, positions: [{ partId: ids.quotePartId, quantityMilli: 12_000, unitPriceCents: 4_100, deliveryDate: '2027-05-01' }] },
  },
  'POST /companies/:companyId/quotes/:quoteId/send': { body: { language: 'en' } },
  'POST /companies/:companyId/quotes/:quoteId/win': { body: {} },
  'POST /companies/:companyId/quotes/:quoteId/order': { body: { customerReference: 'Walk-PO-1' } },
  // by now the fixture quote is won: losing it is refused (the routes test loses a sent quote)
  'POST /companies/:companyId/quotes/:quoteId/lose': { body: { reason: 'price', note: 'zu teuer' }, expect: 409 },
  // imports: the fixture's upload is mapped, checked and run in the order the routes are registered
  'POST /companies/:companyId/imports': { body: { kind: 'contacts', fileName: 'walk.csv', content: Buffer.from('Kundennummer;Nachname\nK-00001;Walk\n').toString('base64') } },
  'PUT /companies/:companyId/imports/:importId/mapping': { body: { mapping: ['name', 'city'] } },
  'POST /companies/:companyId/imports/:importId/dry-run': { body: {} },
  'POST /companies/:companyId/imports/:importId/run': { body: { mode: 'good-rows-only' } },
  'POST /companies/:companyId/customer-orders': {
    body: { customerId: ids.customerId, customerReference: 'Walk-Telefon', positions: [{ partId: ids.quotePartId, quantityMilli: 4_000, unitPriceCents: 990, deliveryDate: '2027-06-01' }, { text: 'Prüfzeugnis 3.1', quantityMilli: 1_000, unitPriceCents: 2_500 }] },
  },
  // by now the walk has delivered from the fixture order: cancelling it is refused (the routes test cancels an undelivered one)
  'POST /companies/:companyId/customer-orders/:customerOrderId/cancel': { body: { reason: 'Kunde hat abbestellt' }, expect: 409 },
  'POST /companies/:companyId/quotes/:quoteId/copy': { body: { customerId: ids.customerId } },
  'POST /companies/:companyId/customer-order-positions/:orderPositionId/production-orders': { body: { quantity: 5, dueDate: '2027-04-10', priority: 3, release: true } },
  'POST /companies/:companyId/customer-orders/:customerOrderId/share-links': { body: { validDays: 14, sections: ['operations'] } },
  'POST /companies/:companyId/customer-orders/:customerOrderId/share-links/revoke': { body: {} },
  'POST /companies/:companyId/share-links/:shareLinkId/revoke': { body: {} },
  'POST /companies/:companyId/customer-orders/:customerOrderId/deliveries': { body: { lines: [{ positionId: ids.orderPositionId, quantityMilli: 2_000 }], deliveredOn: '2027-03-01', note: 'Walk delivery' } },
});
