/** A parsed CSV record with the 1-based line number of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads CSV text (RFC 4180: fields in double quotes may contain the separator, line breaks and
 * doubled quotes). The separator is ";" when the first line contains one (as spreadsheet programs
 * write it in German settings), else ",". Empty lines are skipped; a byte-order mark is ignored.
 */
export function parseCsv(text: string): { separator: string; records: CsvRecord[] } {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') ? ';' : ',';
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;

  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      fieldStarted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return { separator, records: records.map((r) => ({ line: r.line, fields: r.fields.map((f) => f.trim()) })) };
}
