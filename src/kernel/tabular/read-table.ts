import { createHash } from 'node:crypto';
import { type TableLocale } from './cells.js';
import { CsvSyntaxError, parseCsv } from './csv-read.js';
import { readXlsx, xlsxText } from './xlsx.js';

/** An uploaded table (CSV or XLSX) as text cells: the first non-empty row is the header. */
export interface TextTable {
  format: 'csv' | 'xlsx';
  /** How numbers written as text are to be read: a German CSV (";") has decimal commas, a workbook's numbers are plain. */
  numberLocale: TableLocale;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  header: string[];
  /** The rows after the header with their line numbers as the user sees them (header line = its own number). */
  rows: Array<{ line: number; cells: string[] }>;
}

/** Why a file cannot be read as a table; `line` where the file breaks, when known. */
export class TableFileError extends Error {
  constructor(readonly reason: 'unknown-format' | 'not-a-workbook' | 'csv-syntax' | 'empty', readonly line: number | null = null) {
    super(reason);
  }
}

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads a CSV or XLSX file into text cells for an import: XLSX is recognised by its content (a ZIP)
 * or the name's ending, anything else is read as UTF-8 CSV (byte-order mark ignored, ";" or ","
 * found from the first line). Workbook cells become text as `xlsxText` writes them (numbers with a
 * point, days as YYYY-MM-DD). Trailing empty cells are cut; rows may be shorter than the header.
 */
export async function readTableFile(bytes: Buffer, fileName: string): Promise<TextTable> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const lowerName = fileName.toLowerCase();
  const trim = (cells: string[]) => {
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    return cells.slice(0, end);
  };
  let records: Array<{ line: number; cells: string[] }>;
  let format: 'csv' | 'xlsx';
  let numberLocale: TableLocale;
  if (isZip(bytes) || lowerName.endsWith('.xlsx')) {
    format = 'xlsx';
    numberLocale = 'en';
    records = [];
    try {
      for await (const r of readXlsx(bytes)) records.push({ line: r.line, cells: trim(r.values.map((v) => xlsxText(v).trim())) });
    } catch {
      throw new TableFileError('not-a-workbook');
    }
  } else {
    if (!/\.(csv|txt|tsv)$/.test(lowerName) && bytes.subarray(0, 4096).includes(0)) throw new TableFileError('unknown-format');
    format = 'csv';
    try {
      const parsed = parseCsv(bytes.toString('utf8'));
      numberLocale = parsed.separator === ';' ? 'de' : 'en';
      records = parsed.records.map((r) => ({ line: r.line, cells: trim(r.fields) }));
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new TableFileError('csv-syntax', error.line);
      throw error;
    }
  }
  records = records.filter((r) => r.cells.length > 0);
  const [header, ...rows] = records;
  if (!header) throw new TableFileError('empty');
  return { format, numberLocale, hash, header: header.cells, rows };
}
