import { foldGerman } from './company-name.js';

/**
 * The decisions of an office import (CSV/XLSX) that do not need the file parser or the database:
 * which columns map to which fields, and which rows are saved under the chosen mode.
 */

export type ImportMode = 'all-or-nothing' | 'good-rows-only';

export interface ImportField {
  id: string;
  required: boolean;
  /** header names that mean this field, German and English */
  synonyms: readonly string[];
}

/** Fields of a customer import, with the headers offices use for them. */
export const customerImportFields: readonly ImportField[] = [
  { id: 'number', required: false, synonyms: ['Kundennummer', 'Kunden-Nr.', 'Kd.-Nr.', 'Customer number', 'Customer no', 'Debitor'] },
  { id: 'name', required: true, synonyms: ['Name', 'Firma', 'Firmenname', 'Kunde', 'Company', 'Company name'] },
  { id: 'vatId', required: false, synonyms: ['USt-IdNr.', 'USt-ID', 'UStID', 'VAT ID', 'VAT number'] },
  { id: 'street', required: false, synonyms: ['Straße', 'Strasse', 'Anschrift', 'Street', 'Address'] },
  { id: 'postcode', required: false, synonyms: ['PLZ', 'Postleitzahl', 'Postcode', 'Postal code', 'ZIP'] },
  { id: 'city', required: false, synonyms: ['Ort', 'Stadt', 'City', 'Town'] },
  { id: 'country', required: false, synonyms: ['Land', 'Country'] },
  { id: 'email', required: false, synonyms: ['E-Mail', 'Email', 'Mail'] },
  { id: 'phone', required: false, synonyms: ['Telefon', 'Tel.', 'Phone'] },
  { id: 'industryCode', required: false, synonyms: ['WZ', 'WZ-Code', 'Branche', 'Industry'] },
  { id: 'paymentTermsDays', required: false, synonyms: ['Zahlungsziel', 'Zahlungsziel (Tage)', 'Payment terms', 'Payment terms (days)'] },
];

/** Fields of a contact import: the customer is named by its number (or a former number). */
export const contactImportFields: readonly ImportField[] = [
  { id: 'customerNumber', required: true, synonyms: ['Kundennummer', 'Kunden-Nr.', 'Kd.-Nr.', 'Kunde', 'Customer number', 'Customer no', 'Customer'] },
  { id: 'salutation', required: false, synonyms: ['Anrede', 'Salutation', 'Title'] },
  { id: 'firstName', required: false, synonyms: ['Vorname', 'First name', 'Given name'] },
  { id: 'lastName', required: true, synonyms: ['Nachname', 'Name', 'Familienname', 'Last name', 'Surname', 'Family name'] },
  { id: 'role', required: false, synonyms: ['Funktion', 'Rolle', 'Position', 'Abteilung', 'Role', 'Job title'] },
  { id: 'email', required: false, synonyms: ['E-Mail', 'Email', 'Mail'] },
  { id: 'phone', required: false, synonyms: ['Telefon', 'Tel.', 'Mobil', 'Phone', 'Mobile'] },
];

/**
 * Fields of an order import: one row per position; rows with the same customer and customer
 * reference (their order number) form one customer order, positions in file order.
 */
export const orderImportFields: readonly ImportField[] = [
  { id: 'customerNumber', required: true, synonyms: ['Kundennummer', 'Kunden-Nr.', 'Kd.-Nr.', 'Kunde', 'Customer number', 'Customer no', 'Customer'] },
  { id: 'customerReference', required: false, synonyms: ['Bestellnummer', 'Bestell-Nr.', 'Bestellung', 'Kundenreferenz', 'Purchase order', 'PO', 'PO number', 'Customer reference', 'Reference'] },
  { id: 'partNumber', required: true, synonyms: ['Teilenummer', 'Teile-Nr.', 'Artikelnummer', 'Artikel-Nr.', 'Artikel', 'Teil', 'Part number', 'Part no', 'Part', 'Item'] },
  { id: 'quantity', required: true, synonyms: ['Menge', 'Stückzahl', 'Anzahl', 'Quantity', 'Qty'] },
  { id: 'unitPrice', required: true, synonyms: ['Preis', 'Einzelpreis', 'Stückpreis', 'Unit price', 'Price'] },
  { id: 'currency', required: false, synonyms: ['Währung', 'Currency'] },
  { id: 'promisedAt', required: false, synonyms: ['Liefertermin', 'Termin', 'Wunschtermin', 'Lieferdatum', 'Delivery date', 'Due date', 'Promised date'] },
];

const headerKey = (h: string) => foldGerman(h).replace(/[^a-z0-9]/g, '');

/**
 * A suggested mapping from column index to field: a header matches a field when it equals one of
 * the field's synonyms after folding case, umlauts, spaces and punctuation; each field and each
 * column is used once, the leftmost column wins.
 */
export function suggestMapping(headers: readonly string[], fields: readonly ImportField[]): Map<number, string> {
  const mapping = new Map<number, string>();
  const used = new Set<string>();
  headers.forEach((h, column) => {
    const key = headerKey(h);
    if (key === '') return;
    const field = fields.find((f) => !used.has(f.id) && (headerKey(f.id) === key || f.synonyms.some((s) => headerKey(s) === key)));
    if (field) {
      mapping.set(column, field.id);
      used.add(field.id);
    }
  });
  return mapping;
}

/** Required fields no column is mapped to. */
export function unmappedRequired(mapping: ReadonlyMap<number, string>, fields: readonly ImportField[]): string[] {
  const mapped = new Set(mapping.values());
  return fields.filter((f) => f.required && !mapped.has(f.id)).map((f) => f.id);
}

export interface CheckedRow<P extends string> {
  /** the row's line number in the file as the user sees it (header = 1) */
  line: number;
  problems: ReadonlyArray<{ field: string | null; code: P }>;
}

export interface ImportDecision<P extends string> {
  outcome: 'save-all' | 'save-none' | 'save-good-rows';
  /** lines to save, in file order */
  save: number[];
  /** every row with a problem, in file order, with its problems */
  rejected: Array<CheckedRow<P>>;
}

/**
 * Which rows are saved: all or nothing saves every row only when no row has a problem; good rows
 * only saves exactly the rows without problems. Either way every bad row is named.
 */
export function decideImport<P extends string>(rows: ReadonlyArray<CheckedRow<P>>, mode: ImportMode): ImportDecision<P> {
  const rejected = rows.filter((r) => r.problems.length > 0);
  const good = rows.filter((r) => r.problems.length === 0).map((r) => r.line);
  if (mode === 'good-rows-only') return { outcome: rejected.length === 0 ? 'save-all' : 'save-good-rows', save: good, rejected: [...rejected] };
  if (rejected.length > 0) return { outcome: 'save-none', save: [], rejected: [...rejected] };
  return { outcome: 'save-all', save: good, rejected: [] };
}

/**
 * Rows of one file that name the same record twice (by a key such as the customer number or the
 * normalised VAT ID): every later occurrence, with the line of the first.
 */
export function duplicatesInFile(rows: ReadonlyArray<{ line: number; key: string | null }>): Array<{ line: number; firstLine: number }> {
  const first = new Map<string, number>();
  const out: Array<{ line: number; firstLine: number }> = [];
  for (const r of rows) {
    if (r.key === null || r.key === '') continue;
    const seen = first.get(r.key);
    if (seen === undefined) first.set(r.key, r.line);
    else out.push({ line: r.line, firstLine: seen });
  }
  return out;
}
