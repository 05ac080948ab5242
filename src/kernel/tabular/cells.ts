export type TableLocale = 'de' | 'en';

/** A number written with a fixed count of decimals (e.g. hours with 2). */
export interface FixedNumber {
  value: number;
  digits: number;
}

/** One cell of an exported table; null is an empty cell. Dates are calendar days (written without time). */
export type Cell = string | number | boolean | Date | FixedNumber | null;

export interface Table {
  header: readonly string[];
  rows: Iterable<readonly Cell[]>;
}

export const fixed = (value: number | null, digits: number): FixedNumber | null => (value === null || !Number.isFinite(value) ? null : { value, digits });

export const isFixed = (cell: Cell): cell is FixedNumber => typeof cell === 'object' && cell !== null && !(cell instanceof Date);

/**
 * Texts a spreadsheet would run as a formula (leading = + - @, tab or carriage return; OWASP "CSV
 * injection") get an apostrophe in front, so opening a file never runs anything.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A number without thousands separators, with the locale's decimal mark (de: comma, en: point). */
export function formatNumber(value: number, locale: TableLocale, digits?: number): string {
  if (!Number.isFinite(value)) return '';
  const text = digits === undefined ? String(value) : value.toFixed(digits);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/** A calendar day: de 24.12.2026, en 2026-12-24 (ISO, unambiguous for English readers worldwide). */
export function formatDay(value: Date, locale: TableLocale): string {
  const iso = value.toISOString().slice(0, 10);
  if (locale === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Reads a number as people type it: "1234,5" or "1.234,5" (de), "1234.5" or "1,234.5" (en).
 * A lone separator followed by exactly three digits is a thousands separator in the locale's
 * convention. Returns null for anything that is not a number.
 */
export function parseNumber(text: string, locale: TableLocale): number | null {
  const t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  const [group, decimal] = locale === 'de' ? ['.', ','] : [',', '.'];
  const escape = (c: string) => (c === '.' ? '\\.' : c);
  const pattern = new RegExp(`^[-+]?(\\d{1,3}(${escape(group)}\\d{3})+|\\d+)(${escape(decimal)}\\d+)?$`);
  if (!pattern.test(t)) return null;
  const n = Number(t.split(group).join('').replace(decimal, '.'));
  return Number.isFinite(n) ? n : null;
}

/** Reads a calendar day written DD.MM.YYYY (German) or YYYY-MM-DD (ISO); returns YYYY-MM-DD or null. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}
