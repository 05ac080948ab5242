import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckedRow, customerImportFields, decideImport, duplicatesInFile, suggestMapping, unmappedRequired } from './import-plan.js';

describe('column mapping', () => {
  it('suggests fields from German and English headers however they are written', () => {
    const mapping = suggestMapping(['Kd.-Nr.', 'FIRMA', 'ust-idnr', 'Straße', 'PLZ', 'Ort', 'e-mail', 'Bemerkung', 'Firmenname', 'Zahlungsziel (Tage)'], customerImportFields);
    expect([...mapping.entries()]).toEqual([
      [0, 'number'],
      [1, 'name'],
      [2, 'vatId'],
      [3, 'street'],
      [4, 'postcode'],
      [5, 'city'],
      [6, 'email'],
      [9, 'paymentTermsDays'],
    ]);
    expect(unmappedRequired(mapping, customerImportFields)).toEqual([]);
    expect(unmappedRequired(suggestMapping(['Ort'], customerImportFields), customerImportFields)).toEqual(['name']);
  });
});

describe('which rows an import saves', () => {
  const rows = (n: number, bad: number[]): Array<CheckedRow<'name-missing'>> =>
    Array.from({ length: n }, (_, i) => ({ line: i + 2, problems: bad.includes(i + 2) ? [{ field: 'name', code: 'name-missing' as const }] : [] }));

  it('saves nothing of 1,000 rows when one is bad, and names it', () => {
    const d = decideImport(rows(1000, [517]), 'all-or-nothing');
    expect(d.outcome).toBe('save-none');
    expect(d.save).toEqual([]);
    expect(d.rejected).toEqual([{ line: 517, problems: [{ field: 'name', code: 'name-missing' }] }]);
    const good = decideImport(rows(1000, [517]), 'good-rows-only');
    expect([good.outcome, good.save.length, good.save.includes(517), good.rejected.map((r) => r.line)]).toEqual(['save-good-rows', 999, false, [517]]);
  });

  it('for any rows: all or nothing saves all or none, good rows only saves exactly the good ones, every bad row is named', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (badness) => {
        const r = badness.map((bad, i): CheckedRow<'x'> => ({ line: i + 2, problems: bad ? [{ field: null, code: 'x' }] : [] }));
        const badLines = r.filter((x) => x.problems.length > 0).map((x) => x.line);
        const goodLines = r.filter((x) => x.problems.length === 0).map((x) => x.line);
        const all = decideImport(r, 'all-or-nothing');
        expect(all.save).toEqual(badLines.length === 0 ? goodLines : []);
        expect(all.rejected.map((x) => x.line)).toEqual(badLines);
        const some = decideImport(r, 'good-rows-only');
        expect(some.save).toEqual(goodLines);
        expect(some.rejected.map((x) => x.line)).toEqual(badLines);
      }),
    );
  });

  it('finds the same record named twice in one file', () => {
    expect(duplicatesInFile([{ line: 2, key: 'K-1' }, { line: 3, key: null }, { line: 4, key: 'K-2' }, { line: 5, key: 'K-1' }, { line: 6, key: 'K-1' }])).toEqual([
      { line: 5, firstLine: 2 },
      { line: 6, firstLine: 2 },
    ]);
  });
});
