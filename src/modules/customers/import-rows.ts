import { type TableLocale, parseDay, parseNumber } from '../../kernel/tabular/index.js';
import { nameTokens } from './domain/company-name.js';
import { type CompanyForMatching, LIKELY_THRESHOLD, findDuplicates } from './domain/duplicates.js';
import { type CheckedRow, duplicatesInFile } from './domain/import-plan.js';
import { isCurrency } from './domain/money.js';
import { normaliseVatId } from './domain/vat-id.js';
import type { ContactBody, CustomerBody } from './schemas.js';

/**
 * Checks of the rows of an office import, one function per kind: each row becomes either the body
 * the API would take (the same limits as the routes' schemas) or a list of typed problems naming
 * the field. Nothing here reads the database: what the checks need of it is handed in.
 */

export type ImportProblemCode =
  | 'required'
  | 'too-long'
  | 'invalid-email'
  | 'invalid-country'
  | 'not-a-whole-number'
  | 'not-a-number'
  | 'out-of-range'
  | 'invalid-date'
  | 'unknown-currency'
  | 'mixed-currency'
  | 'order-incomplete'
  | 'order-exists'
  | 'unknown-customer'
  | 'unknown-part'
  | 'number-exists'
  | 'duplicate-in-file'
  | 'possible-duplicate';

export interface RowProblem {
  field: string | null;
  code: ImportProblemCode;
  /** what the message names besides the field: a limit, the first line of a repeat, the existing customer's number */
  detail?: string | number;
}

export interface Checked<V> extends CheckedRow<ImportProblemCode> {
  problems: RowProblem[];
  value: V | null;
}

export type MappedRow = { line: number; get: (field: string) => string };

/** The rows as field → text by the mapping (a column mapped to nothing is ignored). */
export function mappedRows(rows: ReadonlyArray<{ line: number; cells: readonly string[] }>, mapping: ReadonlyArray<string | null>): MappedRow[] {
  const column = new Map<string, number>();
  mapping.forEach((field, i) => {
    if (field) column.set(field, i);
  });
  return rows.map((r) => ({ line: r.line, get: (field: string) => (column.has(field) ? (r.cells[column.get(field)!] ?? '').trim() : '') }));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const COUNTRY_NAMES: Record<string, string> = {
  deutschland: 'DE', germany: 'DE', österreich: 'AT', oesterreich: 'AT', austria: 'AT', schweiz: 'CH', switzerland: 'CH',
  niederlande: 'NL', netherlands: 'NL', frankreich: 'FR', france: 'FR', polen: 'PL', poland: 'PL', italien: 'IT', italy: 'IT',
  tschechien: 'CZ', czechia: 'CZ', dänemark: 'DK', daenemark: 'DK', denmark: 'DK', belgien: 'BE', belgium: 'BE',
};

class RowCheck {
  readonly problems: RowProblem[] = [];
  constructor(readonly row: MappedRow) {}
  fail(field: string | null, code: ImportProblemCode, detail?: string | number) {
    this.problems.push(detail === undefined ? { field, code } : { field, code, detail });
  }
  text(field: string, max: number, required = false): string | null {
    const value = this.row.get(field);
    if (value === '') {
      if (required) this.fail(field, 'required');
      return null;
    }
    if (value.length > max) this.fail(field, 'too-long', max);
    return value;
  }
  email(field: string): string | null {
    const value = this.text(field, 254);
    if (value !== null && !EMAIL.test(value)) this.fail(field, 'invalid-email');
    return value;
  }
  wholeNumber(field: string, min: number, max: number, locale: TableLocale, required = false): number | null {
    const value = this.row.get(field);
    if (value === '') {
      if (required) this.fail(field, 'required');
      return null;
    }
    const n = parseNumber(value, locale);
    if (n === null || !Number.isInteger(n)) {
      this.fail(field, 'not-a-whole-number');
      return null;
    }
    if (n < min || n > max) this.fail(field, 'out-of-range', `${min}–${max}`);
    return n;
  }
}

function country(check: RowCheck): string | null {
  const value = check.row.get('country');
  if (value === '') return null;
  const code = /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : COUNTRY_NAMES[value.toLowerCase()];
  if (!code) check.fail('country', 'invalid-country');
  return code ?? null;
}

export interface ImportedCustomer {
  body: CustomerBody;
  /** the number the customer had in the file (the former system's), kept as an alias */
  formerNumber: string | null;
}

export interface ExistingCustomers {
  /** numbers and aliases of the company's customers → customer id */
  byNumber: ReadonlyMap<string, string>;
  /** number shown for a customer id (for the possible-duplicate message) */
  numberOf: ReadonlyMap<string, string>;
  matching: readonly CompanyForMatching[];
}

/** Customer rows: the API's limits, a former number already known, the same firm twice in the file, a likely duplicate of a customer. */
export function checkCustomerRows(rows: readonly MappedRow[], locale: TableLocale, existing: ExistingCustomers): Array<Checked<ImportedCustomer>> {
  const checked = rows.map((row) => {
    const c = new RowCheck(row);
    const formerNumber = c.text('number', 60);
    if (formerNumber !== null && existing.byNumber.has(formerNumber)) c.fail('number', 'number-exists', formerNumber);
    const body: CustomerBody = {
      name: c.text('name', 200, true) ?? '',
      vatId: c.text('vatId', 40),
      industryCode: c.text('industryCode', 10),
      street: c.text('street', 200),
      postcode: c.text('postcode', 20),
      city: c.text('city', 100),
      country: country(c),
      email: c.email('email'),
      phone: c.text('phone', 50),
      website: null,
      paymentTermsDays: c.wholeNumber('paymentTermsDays', 0, 365, locale),
      salesOwnerId: null,
    };
    if (body.name !== '' && c.problems.every((p) => p.field !== 'name')) {
      const likely = findDuplicates(
        {
          id: '',
          name: body.name,
          vatId: body.vatId,
          emails: body.email ? [body.email] : [],
          website: null,
          address: body.street || body.postcode ? { street: body.street ?? '', postcode: body.postcode ?? '', city: body.city ?? '', country: body.country ?? 'DE' } : null,
        },
        existing.matching,
        LIKELY_THRESHOLD,
      )[0];
      if (likely) c.fail('name', 'possible-duplicate', existing.numberOf.get(likely.id) ?? '');
    }
    return { line: row.line, problems: c.problems, value: { body, formerNumber } };
  });
  const keyed = (key: (v: ImportedCustomer) => string | null) => checked.map((r) => ({ line: r.line, key: key(r.value) }));
  const repeats = [
    ...duplicatesInFile(keyed((v) => v.formerNumber)).map((d) => ({ ...d, field: 'number' })),
    ...duplicatesInFile(keyed((v) => normaliseVatId(v.body.vatId)?.normalised ?? null)).map((d) => ({ ...d, field: 'vatId' })),
    ...duplicatesInFile(keyed((v) => (v.body.name ? `${nameTokens(v.body.name).join(' ')}|${v.body.postcode ?? ''}` : null))).map((d) => ({ ...d, field: 'name' })),
  ];
  return finish(checked, repeats);
}

export interface ImportedContact {
  customerId: string;
  body: ContactBody;
}

/** Contact rows: the customer by its number or a former number, the API's limits, the same person twice in the file. */
export function checkContactRows(rows: readonly MappedRow[], customers: ExistingCustomers): Array<Checked<ImportedContact>> {
  const checked = rows.map((row) => {
    const c = new RowCheck(row);
    const number = c.text('customerNumber', 60, true);
    const customerId = number === null ? undefined : customers.byNumber.get(number);
    if (number !== null && customerId === undefined) c.fail('customerNumber', 'unknown-customer', number);
    const body: ContactBody = {
      salutation: c.text('salutation', 40),
      firstName: c.text('firstName', 100),
      lastName: c.text('lastName', 100, true) ?? '',
      role: c.text('role', 100),
      email: c.email('email'),
      phone: c.text('phone', 50),
    };
    return { line: row.line, problems: c.problems, value: { customerId: customerId ?? '', body } };
  });
  const repeats = duplicatesInFile(
    checked.map((r) => ({
      line: r.line,
      key: r.value.customerId === '' ? null : `${r.value.customerId}|${r.value.body.email?.toLowerCase() ?? `${r.value.body.firstName ?? ''} ${r.value.body.lastName}`.toLowerCase()}`,
    })),
  ).map((d) => ({ ...d, field: 'lastName' }));
  return finish(checked, repeats);
}

export interface ImportedOrderLine {
  customerId: string;
  customerReference: string;
  partId: string;
  quantityMilli: number;
  unitPriceCents: number;
  currency: string;
  promisedDate: string | null;
}

export interface KnownParts {
  /** part number → part id */
  byNumber: ReadonlyMap<string, string>;
}

/** The key that puts rows into one customer order: the same customer and customer reference. */
export const orderKey = (line: { customerId: string; customerReference: string }) => `${line.customerId}|${line.customerReference}`;

/** Order rows (one per position): customer, part, quantity, price, currency (one per order), promised date. */
export function checkOrderRows(rows: readonly MappedRow[], locale: TableLocale, customers: ExistingCustomers, parts: KnownParts, existingOrders: ReadonlySet<string>): Array<Checked<ImportedOrderLine>> {
  const checked = rows.map((row) => {
    const c = new RowCheck(row);
    const number = c.text('customerNumber', 60, true);
    const customerId = number === null ? undefined : customers.byNumber.get(number);
    if (number !== null && customerId === undefined) c.fail('customerNumber', 'unknown-customer', number);
    const reference = c.text('customerReference', 100) ?? '';
    if (reference !== '' && customerId !== undefined && existingOrders.has(`${customerId}|${reference}`)) c.fail('customerReference', 'order-exists', reference);
    const partNumber = c.text('partNumber', 60, true);
    const partId = partNumber === null ? undefined : parts.byNumber.get(partNumber);
    if (partNumber !== null && partId === undefined) c.fail('partNumber', 'unknown-part', partNumber);
    const quantity = c.wholeNumber('quantity', 1, 10_000_000, locale, true);
    const priceText = row.get('unitPrice');
    let unitPriceCents = 0;
    if (priceText === '') c.fail('unitPrice', 'required');
    else {
      const price = parseNumber(priceText.replace(/\s*(€|EUR)$/i, ''), locale);
      if (price === null) c.fail('unitPrice', 'not-a-number');
      else if (price < 0 || price > 10_000_000) c.fail('unitPrice', 'out-of-range', '0–10000000');
      else unitPriceCents = Math.round(price * 100);
    }
    const currency = (row.get('currency') || 'EUR').toUpperCase();
    if (!isCurrency(currency)) c.fail('currency', 'unknown-currency', currency);
    const dayText = row.get('promisedAt');
    const promisedDate = dayText === '' ? null : parseDay(dayText);
    if (dayText !== '' && promisedDate === null) c.fail('promisedAt', 'invalid-date');
    return {
      line: row.line,
      problems: c.problems,
      value: { customerId: customerId ?? '', customerReference: reference, partId: partId ?? '', quantityMilli: (quantity ?? 0) * 1000, unitPriceCents, currency, promisedDate },
    };
  });
  // one currency per order: a later line of the same order in another currency is refused
  const orderCurrency = new Map<string, { currency: string; line: number }>();
  for (const r of checked) {
    if (r.value.customerId === '') continue;
    const key = `${r.value.customerId}|${r.value.customerReference}`;
    const first = orderCurrency.get(key);
    if (!first) orderCurrency.set(key, { currency: r.value.currency, line: r.line });
    else if (first.currency !== r.value.currency) r.problems.push({ field: 'currency', code: 'mixed-currency', detail: first.line });
  }
  // an order is saved whole or not at all: the other rows of an order with a bad row are held back too
  const firstBad = new Map<string, number>();
  for (const r of checked) if (r.problems.length > 0 && r.value.customerId !== '' && !firstBad.has(orderKey(r.value))) firstBad.set(orderKey(r.value), r.line);
  for (const r of checked) {
    const bad = r.value.customerId === '' ? undefined : firstBad.get(orderKey(r.value));
    if (bad !== undefined && r.problems.length === 0) r.problems.push({ field: null, code: 'order-incomplete', detail: bad });
  }
  return finish(checked, []);
}

function finish<V>(checked: Array<{ line: number; problems: RowProblem[]; value: V }>, repeats: Array<{ line: number; firstLine: number; field: string }>): Array<Checked<V>> {
  const byLine = new Map(checked.map((r) => [r.line, r]));
  const seen = new Set<number>();
  for (const d of repeats) {
    if (seen.has(d.line)) continue;
    seen.add(d.line);
    byLine.get(d.line)!.problems.push({ field: d.field, code: 'duplicate-in-file', detail: d.firstLine });
  }
  return checked.map((r) => ({ line: r.line, problems: r.problems, value: r.problems.length === 0 ? r.value : null }));
}
