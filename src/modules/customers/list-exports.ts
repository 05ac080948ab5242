import { DateTime } from 'luxon';
import { translate } from '../../kernel/i18n/server-messages.js';
import { type Cell, type Table, type TableLocale, fixed } from '../../kernel/tabular/index.js';
import { contactsOf } from './contacts.store.js';
import { listOrders } from './customer-orders.service.js';
import { type CustomersContext, listCustomers, resolve } from './customers.service.js';
import { listQuotes } from './quotes.service.js';
import type { CustomerOrderListQuery, QuoteListQuery } from './quotes.schemas.js';
import type { CustomerListQuery } from './schemas.js';

/**
 * Every list of the module as a table for CSV and XLSX, with the filters and sort of the list on
 * screen but every page. Column headers are words in the reader's language (the customers' and
 * contacts' headers are the ones the import recognises, so an exported file can be read back).
 */

const PAGE = 500;

async function allPages<T>(page: (limit: number, offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const result = await page(PAGE, offset);
    items.push(...result.items);
    if (result.items.length < PAGE || items.length >= result.total) return items;
  }
}

const header = (lang: TableLocale, keys: readonly string[]) => keys.map((k) => translate(lang, `listExport.${k}`));
const day = (iso: string | null): Cell => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
/** The calendar day of a moment in the firm's time zone. */
const dayOf = (d: Date): Cell => day(DateTime.fromJSDate(d).setZone('Europe/Berlin').toISODate());
const money = (cents: number) => fixed(cents / 100, 2);

export async function customersTable(ctx: CustomersContext, query: Omit<CustomerListQuery, 'limit' | 'offset'>, lang: TableLocale): Promise<Table> {
  const customers = await allPages((limit, offset) => listCustomers(ctx, { ...query, limit, offset }));
  return {
    header: header(lang, ['number', 'name', 'vatId', 'street', 'postcode', 'city', 'country', 'email', 'phone', 'website', 'industryCode', 'paymentTermsDays', 'formerNumbers', 'createdAt']),
    rows: customers.map((c) => [
      c.number, c.name, c.vatId, c.street, c.postcode, c.city, c.country, c.email, c.phone, c.website, c.industryCode, c.paymentTermsDays, c.aliases.join(', ') || null, dayOf(c.createdAt),
    ]),
  };
}

export async function contactsTable(ctx: CustomersContext, customerId: string, lang: TableLocale): Promise<Table> {
  const customer = await resolve(ctx.db, ctx.tenant.tenantId, customerId);
  const contacts = (await contactsOf(ctx.db, ctx.tenant.tenantId, customer.id)).filter((c) => !c.erased);
  return {
    header: header(lang, ['customerNumber', 'salutation', 'firstName', 'lastName', 'role', 'email', 'phone']),
    rows: contacts.map((c) => [customer.number, c.salutation, c.firstName, c.lastName, c.role, c.email, c.phone]),
  };
}

export async function quotesTable(ctx: CustomersContext, query: Omit<QuoteListQuery, 'limit' | 'offset'>, lang: TableLocale): Promise<Table> {
  const quotes = await allPages((limit, offset) => listQuotes(ctx, { ...query, limit, offset }));
  return {
    header: header(lang, ['quoteNumber', 'customerNumber', 'customer', 'subject', 'state', 'version', 'currency', 'net', 'gross', 'validUntil', 'createdAt']),
    rows: quotes.map((q) => [
      q.number, q.customerNumber, q.customerName, q.subject, translate(lang, `listExport.quoteStates.${q.state}`), q.currentVersion, q.currency, money(q.netCents), money(q.grossCents), day(q.validUntil), dayOf(q.createdAt),
    ]),
  };
}

export async function customerOrdersTable(ctx: CustomersContext, query: Omit<CustomerOrderListQuery, 'limit' | 'offset'>, lang: TableLocale): Promise<Table> {
  const orders = await allPages((limit, offset) => listOrders(ctx, { ...query, limit, offset }));
  return {
    header: header(lang, ['orderNumber', 'customerNumber', 'customer', 'customerReference', 'quoteNumber', 'state', 'late', 'currency', 'orderedAt']),
    rows: orders.map((o) => [
      o.number, o.customerNumber, o.customerName, o.customerReference || null, o.quoteNumber, translate(lang, `listExport.orderStates.${o.state}`),
      translate(lang, o.late ? 'listExport.yes' : 'listExport.no'), o.currency, dayOf(o.orderedAt),
    ]),
  };
}
