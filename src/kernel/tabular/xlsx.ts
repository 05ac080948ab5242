import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, type Table, type TableLocale, isFixed } from './cells.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Sheet extends Table {
  /** At most 31 characters, without : \ / ? * [ ] (Excel's rules); shortened and cleaned here. */
  name: string;
}

const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';

/**
 * Writes sheets as an XLSX workbook, row by row (streaming: memory stays flat for large tables).
 * Texts are stored as text cells, never as formulas; numbers as numbers (fixed decimals as number
 * format), days as dates in the locale's form, the header row bold and frozen.
 */
export async function writeXlsx(sheets: readonly Sheet[], locale: TableLocale): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Werkverbund';
  const dayFormat = locale === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(sheet.header.map(xlsxSafeText));
    header.font = { bold: true };
    header.commit();
    for (const cells of sheet.rows) {
      const row = ws.addRow(cells.map(cellValue));
      cells.forEach((cell, i) => {
        if (cell instanceof Date) row.getCell(i + 1).numFmt = dayFormat;
        else if (isFixed(cell)) row.getCell(i + 1).numFmt = cell.digits > 0 ? `0.${'0'.repeat(cell.digits)}` : '0';
      });
      row.commit();
    }
    ws.commit();
  }
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped, a workbook with
 * them does not open; line breaks become "\n" as spreadsheet cells hold them (XML reads "\r\n" as "\n").
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xlsxSafeText = (text: string) => text.replace(NOT_XML, '').replace(/\r\n?/g, '\n');

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'string') return xlsxSafeText(cell) || null;
  if (isFixed(cell)) return cell.value;
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell;
}

/** A value read from a workbook, as the sheet holds it (formulas give their cached result). */
export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxRecord {
  /** 1-based row number in the sheet. */
  line: number;
  values: XlsxValue[];
}

/**
 * Reads the first worksheet of an XLSX workbook row by row. Empty rows are skipped; rich text,
 * hyperlinks and formulas are reduced to their text or result; cells with a date format come as Date.
 *
 * The workbook is read whole (exceljs' loader), not with its streaming reader: the streaming reader
 * reads the styles in a race with the sheet and now and then hands out a date cell as its serial
 * number. An uploaded workbook is bounded by the request size limit, so holding it is fine.
 */
export async function* readXlsx(input: Buffer): AsyncGenerator<XlsxRecord> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return;
  const records: XlsxRecord[] = [];
  worksheet.eachRow((row, line) => {
    const raw = (row.values as unknown[]).slice(1);
    const values = Array.from({ length: raw.length }, (_, i) => plain(raw[i]));
    if (!values.every((v) => v === null || v === '')) records.push({ line, values });
  });
  yield* records;
}

function plain(value: unknown): XlsxValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return plain(v.result);
  if (v.text !== undefined) return plain(v.text);
  if (v.error) return null;
  return String(value);
}

/** A read value as text for parsers that take text (numbers with a point, dates as YYYY-MM-DD or ISO time). */
export function xlsxText(value: XlsxValue): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}
