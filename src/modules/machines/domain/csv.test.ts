import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('CSV', () => {
  it('writes a BOM, ";" between fields, CRLF, and the chosen decimal mark', () => {
    expect(toCsv(['time', 'value'], [['2026-03-02T10:00:00.000Z', 180.5], ['2026-03-02T10:00:01.000Z', true]], 'comma'))
      .toBe('\uFEFFtime;value\r\n2026-03-02T10:00:00.000Z;180,5\r\n2026-03-02T10:00:01.000Z;1\r\n');
    expect(csvCell(-0.25, 'point')).toBe('-0.25');
    expect(csvCell(-0.25, 'comma')).toBe('-0,25');
    expect(csvCell(null, 'comma')).toBe('');
  });

  it('defuses texts a spreadsheet would run as formulas and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")', 'comma')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1', 'comma')).toBe("'+1");
    expect(csvCell('-1', 'comma')).toBe("'-1");
    expect(csvCell('@SUM(A1)', 'comma')).toBe("'@SUM(A1)");
    expect(csvCell('a;b', 'comma')).toBe('"a;b"');
    expect(csvCell('P-17', 'comma')).toBe('P-17');
  });

  it('never lets a text cell start with a formula character, and otherwise keeps the text as it is (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const cell = csvCell(text, 'comma');
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      expect(unquoted).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      if (/[;"\n\r]/.test(text)) expect(cell.startsWith('"')).toBe(true);
    }));
  });
});
