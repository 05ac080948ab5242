import { stringify } from 'csv-stringify/sync';
import { type Cell, type FixedNumber, type Table, type TableLocale, formatDay, formatNumber, guardFormula, isFixed } from './cells.js';

export const CSV_BOM = '\uFEFF';

export interface CsvFormat {
  separator: ';' | ',';
  locale: TableLocale;
}

/** As spreadsheet programs open it by double click: German ";" and decimal comma, English "," and decimal point. */
export const csvFormat = (locale: TableLocale): CsvFormat => ({ separator: locale === 'de' ? ';' : ',', locale });

/**
 * One field before quoting: numbers without thousands separators in the locale's decimal mark,
 * booleans 1/0, days in the locale's form, texts formula-guarded.
 */
export function csvText(value: Cell, locale: TableLocale): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return formatNumber(value, locale);
  if (value instanceof Date) return formatDay(value, locale);
  if (isFixed(value)) return formatNumber(value.value, locale, value.digits);
  return guardFormula(value);
}

function stringifyOptions(format: CsvFormat) {
  const { locale } = format;
  const text = (value: string) => {
    const guarded = guardFormula(value);
    return { value: guarded, quoted: /[;,"\r\n]|^\s|\s$/.test(guarded) };
  };
  return {
    delimiter: format.separator,
    record_delimiter: '\r\n',
    cast: {
      string: text,
      number: (n: number) => formatNumber(n, locale),
      boolean: (b: boolean) => (b ? '1' : '0'),
      date: (d: Date) => formatDay(d, locale),
      object: (o: object) => (isFixed(o as Cell) ? formatNumber((o as FixedNumber).value, locale, (o as FixedNumber).digits) : text(String(o))),
    },
  } as Parameters<typeof stringify>[1];
}

/**
 * A whole file (RFC 4180): UTF-8 byte-order mark (so spreadsheets read umlauts), header line, rows,
 * CRLF line ends. Texts are quoted when they hold either separator, a quote, a line break or
 * leading/trailing blanks; numbers are never quoted.
 */
export function toCsv(table: Table, format: CsvFormat): string {
  const records: Cell[][] = [[...table.header]];
  for (const row of table.rows) records.push([...row]);
  return CSV_BOM + stringify(records, stringifyOptions(format));
}

/** One field as it stands in the file (quoted when needed). */
export function csvField(value: Cell, format: CsvFormat): string {
  return stringify([[value]], stringifyOptions(format)).slice(0, -2);
}
