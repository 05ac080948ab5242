// The customers module's door: what other modules may use of it.
import type { Db } from '../../kernel/db/database.js';
import { findContact } from './contacts.store.js';
import * as store from './customers.store.js';

export type { Customer } from './customers.store.js';
export type { Contact } from './contacts.store.js';

/** A customer by id as it stands now: an absorbed (merged) id answers with its survivor; undefined when not this company's. */
export async function customerById(db: Db, tenantId: string, id: string): Promise<store.Customer | undefined> {
  let customer = await store.findCustomer(db, tenantId, id);
  for (let hops = 0; customer && customer.mergedInto !== null && hops < 100; hops++) customer = await store.findCustomer(db, tenantId, customer.mergedInto);
  return customer;
}

/** Customers by ids (as stored, merged ones included, so old references still show a name). */
export const customersByIds = (db: Db, tenantId: string, ids: readonly string[]) => store.findCustomers(db, tenantId, ids);

/** A contact by id; undefined when not this company's. */
export const contactById = (db: Db, tenantId: string, id: string) => findContact(db, tenantId, id);

export { mayMarket, consentChannels, consentPurposes, type ConsentChannel, type ConsentPurpose } from './domain/consent.js';
export { foldGerman, nameTokens } from './domain/company-name.js';

/** The production record of a customer order or position (Shop floor's record with Machine data's signals), e.g. for the customer link. */
export { productionRecordOf, type ProductionRecord, type ProductionRecordPosition, type RecordOperationWithSignals, type RecordSelector } from './production-record.js';
