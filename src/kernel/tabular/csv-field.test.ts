import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvFormat, csvField, toCsv } from './index.js';

// Machine series: ";" always, the decimal mark chosen (comma: German, point: English).
const comma: CsvFormat = { separator: ';', locale: 'de' };
const point: CsvFormat = { separator: ';', locale: 'en' };

describe('CSV', () => {
  it('writes a BOM, ";" between fields, CRLF, and the chosen decimal mark', () => {
    expect(toCsv({ header: ['time', 'value'], rows: [['2026-03-02T10:00:00.000Z', 180.5], ['2026-03-02T10:00:01.000Z', true]] }, comma))
      .toBe('\uFEFFtime;value\r\n2026-03-02T10:00:00.000Z;180,5\r\n2026-03-02T10:00:01.000Z;1\r\n');
    expect(csvField(-0.25, point)).toBe('-0.25');
    expect(csvField(-0.25, comma)).toBe('-0,25');
    expect(csvField(null, comma)).toBe('');
  });

  it('defuses texts a spreadsheet would run as formulas and quotes separators', () => {
    expect(csvField('=HYPERLINK("x")', comma)).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1', comma)).toBe("'+1");
    expect(csvField('-1', comma)).toBe("'-1");
    expect(csvField('@SUM(A1)', comma)).toBe("'@SUM(A1)");
    expect(csvField('a;b', comma)).toBe('"a;b"');
    expect(csvField('P-17', comma)).toBe('P-17');
  });

  it('never lets a text cell start with a formula character, and otherwise keeps the text as it is (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const cell = csvField(text, comma);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      expect(unquoted).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      if (/[;"\n\r]/.test(text)) expect(cell.startsWith('"')).toBe(true);
    }));
  });
});
