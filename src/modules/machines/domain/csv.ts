/** CSV as spreadsheet programs in Germany open it by double click: `;` between fields, decimal comma. */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null;
export type DecimalMark = 'comma' | 'point';

/**
 * One field: numbers with the chosen decimal mark (no thousands separators), booleans as 1/0, texts
 * quoted when needed. A text that a spreadsheet would read as a formula (starting with = + - @,
 * tab or carriage return) is prefixed with an apostrophe, so opening the file never runs anything.
 */
export function csvCell(value: CsvCell, decimal: DecimalMark): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    const text = Number.isFinite(value) ? String(value) : '';
    return decimal === 'comma' ? text.replace('.', ',') : text;
  }
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header line, rows; lines end with CRLF (RFC 4180). */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, decimal: DecimalMark): string {
  const lines = [header.map((h) => csvCell(h, decimal)).join(CSV_SEPARATOR)];
  for (const row of rows) lines.push(row.map((c) => csvCell(c, decimal)).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
