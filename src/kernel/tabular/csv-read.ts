import { parse } from 'csv-parse/sync';

/** A parsed CSV record with the 1-based line number of the file it starts on; fields are trimmed. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The file is not CSV at this line (e.g. a quote that is never closed). */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/**
 * Reads CSV text (RFC 4180: fields in double quotes may hold the separator, line breaks and
 * doubled quotes). Without a given separator it is ";" when the first line contains one (as
 * spreadsheet programs write it in German settings), else ",". Empty lines are skipped, a
 * byte-order mark is ignored, records may have differing field counts (the caller judges them).
 */
export function parseCsv(text: string, options: { separator?: ';' | ',' | '\t' } = {}): { separator: string; records: CsvRecord[] } {
  const source = text.replace(/^\uFEFF/, '');
  const separator = options.separator ?? ((source.split(/\r\n|\n|\r/, 1)[0] ?? '').includes(';') ? ';' : ',');
  let rows: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    rows = parse(source, { delimiter: separator, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: true, trim: true, info: true, raw: true }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new CsvSyntaxError(e.lines ?? 1, e.message);
  }
  const records: CsvRecord[] = [];
  for (const { record, raw, info } of rows) {
    const body = raw.replace(/^(\r\n|\n|\r)+/, '').replace(/(\r\n|\n|\r)$/, '');
    if (record.length === 1 && record[0] === '' && !body.includes('"')) continue;
    records.push({ line: info.lines - (body.match(/\r\n|\n|\r/g)?.length ?? 0), fields: record });
  }
  return { separator, records };
}
