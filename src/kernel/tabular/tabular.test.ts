import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, CsvSyntaxError, csvFormat, fixed, formatDay, formatNumber, guardFormula, parseCsv, parseDay, parseNumber, readXlsx, toCsv, writeXlsx, xlsxSafeText } from './index.js';

// Texts that stress a table file: separators, quotes, line breaks, umlauts, formula starts, blanks.
const tricky = fc.string({ unit: fc.oneof(
  fc.constantFrom(';', ',', '"', '\n', '\r\n', '\t', ' ', '=', '+', '-', '@', "'", 'ä', 'Ö', 'ß', '€', '„', '“', '日', '🙂'),
  fc.string({ minLength: 1, maxLength: 3 }),
), maxLength: 12 });
const table = (cell: fc.Arbitrary<string>) => fc.integer({ min: 2, max: 5 }).chain((columns) => fc.record({
  header: fc.array(fc.string({ minLength: 1, maxLength: 8 }).map((h) => `h${h}`), { minLength: columns, maxLength: columns }),
  rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 8 }),
}));

describe('CSV writing', () => {
  it('writes a BOM, the locale separator and decimal mark, CRLF, 1/0 for booleans and days in the locale form', () => {
    const rows: Cell[][] = [['2026-03-02T10:00:00.000Z', 180.5, true, fixed(2.345, 2), new Date('2026-12-24T00:00:00Z'), null]];
    const header = ['time', 'value', 'flag', 'hours', 'day', 'empty'];
    expect(toCsv({ header, rows }, csvFormat('de'))).toBe('\uFEFFtime;value;flag;hours;day;empty\r\n2026-03-02T10:00:00.000Z;180,5;1;2,35;24.12.2026;\r\n');
    expect(toCsv({ header, rows }, csvFormat('en'))).toBe('\uFEFFtime,value,flag,hours,day,empty\r\n2026-03-02T10:00:00.000Z,180.5,1,2.35,2026-12-24,\r\n');
  });

  it('guards formula starts (OWASP) and quotes either separator, quotes and line breaks', () => {
    const line = (text: string) => toCsv({ header: ['a'], rows: [[text]] }, csvFormat('de')).split('\r\n')[1];
    expect(line('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(line('+1')).toBe("'+1");
    expect(line('-1')).toBe("'-1");
    expect(line('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(line('\tx')).toBe("'\tx");
    expect(line('a;b')).toBe('"a;b"');
    expect(line('a,b')).toBe('"a,b"');
    expect(line('P-17')).toBe('P-17');
    expect(toCsv({ header: ['n'], rows: [[-0.25]] }, csvFormat('de')).split('\r\n')[1]).toBe('-0,25');
  });

  it('round trip: what is written is read back as written, formula starts guarded (property)', () => {
    fc.assert(fc.property(table(tricky), fc.constantFrom('de', 'en') as fc.Arbitrary<'de' | 'en'>, ({ header, rows }, locale) => {
      const format = csvFormat(locale);
      const parsed = parseCsv(toCsv({ header, rows }, format), { separator: format.separator });
      expect(parsed.records.map((r) => r.fields)).toEqual([header.map(guardFormula), ...rows.map((r) => r.map(guardFormula))]);
    }), { numRuns: 300 });
  });
});

describe('CSV reading', () => {
  it('detects the separator, skips a BOM and empty lines and names the line each record starts on', () => {
    const { separator, records } = parseCsv('\uFEFFAuftrag;Teil\r\n\r\nFA-1;"mehr\nzeilig"\nFA-2 ; "Kunde ""A"", B" \n');
    expect(separator).toBe(';');
    expect(records).toEqual([
      { line: 1, fields: ['Auftrag', 'Teil'] },
      { line: 3, fields: ['FA-1', 'mehr\nzeilig'] },
      { line: 5, fields: ['FA-2', 'Kunde "A", B'] },
    ]);
    expect(parseCsv('a,b\n1,2,3').records[1]).toEqual({ line: 2, fields: ['1', '2', '3'] });
  });

  it('reports a quote that is never closed with its line', () => {
    expect(() => parseCsv('a;b\n1;"offen\n2;3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a;b\n1;"offen\n2;3\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('numbers and days', () => {
  it('reads German and English numbers, with and without thousands separators', () => {
    expect(parseNumber('1.234,5', 'de')).toBe(1234.5);
    expect(parseNumber('1234,5', 'de')).toBe(1234.5);
    expect(parseNumber('-0,25', 'de')).toBe(-0.25);
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('1234.5', 'en')).toBe(1234.5);
    expect(parseNumber('12,34.5', 'en')).toBeNull();
    expect(parseNumber('1.234', 'en')).toBe(1.234);
    expect(parseNumber('1.234', 'de')).toBe(1234);
    expect(parseNumber('zehn', 'de')).toBeNull();
    expect(parseNumber('', 'de')).toBeNull();
  });

  it('formats and reads back any number in both locales (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.constantFrom('de', 'en') as fc.Arbitrary<'de' | 'en'>, (n, locale) => {
      const text = formatNumber(n, locale);
      if (/e/.test(text)) return; // exponent notation is not a form people type
      expect(parseNumber(text, locale)).toBe(n === 0 ? 0 : n);
    }));
  });

  it('reads days as DD.MM.YYYY or YYYY-MM-DD and refuses impossible ones', () => {
    expect(parseDay('24.12.2026')).toBe('2026-12-24');
    expect(parseDay('1.2.2027')).toBe('2027-02-01');
    expect(parseDay('2027-01-15')).toBe('2027-01-15');
    expect(parseDay('31.02.2026')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('24/12/2026')).toBeNull();
    expect(formatDay(new Date('2026-12-24T00:00:00Z'), 'de')).toBe('24.12.2026');
  });
});

describe('XLSX', () => {
  it('round trip: texts (never formulas), numbers, booleans and days come back as written (property)', async () => {
    await fc.assert(fc.asyncProperty(table(tricky), async ({ header, rows }) => {
      const file = await writeXlsx([{ name: 'Daten', header, rows }], 'de');
      const read = [];
      for await (const record of readXlsx(file)) read.push(record);
      const expected = [header, ...rows].map((r) => r.map((c) => xlsxSafeText(c) || null));
      const nonEmpty = expected.map((r, i) => ({ line: i + 1, values: r })).filter((r) => r.values.some((v) => v !== null));
      expect(read.map((r) => ({ line: r.line, values: [...r.values, ...Array(header.length - r.values.length).fill(null)] }))).toEqual(nonEmpty);
    }), { numRuns: 40 });
  });

  it('keeps numbers, fixed decimals, booleans and days as typed cells', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.integer({ min: -20000, max: 40000 })), { minLength: 1, maxLength: 20 }),
      async (rows) => {
        const days = rows.map(([, , d]) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000));
        const file = await writeXlsx([{ name: 'Zahlen', header: ['n', 'b', 'd', 'f'], rows: rows.map(([n, b], i) => [n, b, days[i]!, fixed(n, 2)]) }], 'en');
        const read = [];
        for await (const record of readXlsx(file)) read.push(record.values);
        expect(read[0]).toEqual(['n', 'b', 'd', 'f']);
        expect(read.slice(1)).toEqual(rows.map(([n, b], i) => [n === 0 ? 0 : n, b, days[i], n === 0 ? 0 : n]));
      },
    ), { numRuns: 20 });
  });
});
