import { describe, expect, it } from 'vitest';
import { fundingCatalogue } from '../catalogue/funding-catalogue.js';
import { parseFundingCatalogue, type FundingProgramme } from '../catalogue/funding-schema.js';
import { measureCatalogue } from '../catalogue/measure-catalogue.js';
import { matchFunding } from './funding.js';

const ids = (matches: ReturnType<typeof matchFunding>) => matches.map((m) => m.programme.id);

describe('seeded funding catalogue', () => {
  it('holds the programmes the seeds name, all marked as historical with a note to check them', () => {
    const seeded = ['mittelstand-digital', 'digital-jetzt', 'go-digital', 'digitalbonus-bayern', 'kmu-digital-at', 'salzburg-digital', 'kmu40-interreg', 'inno-kom'];
    expect(fundingCatalogue.programmes.map((p) => p.id).sort()).toEqual(seeded.sort());
    for (const p of fundingCatalogue.programmes) {
      expect(p.historical, p.id).toBe(true);
      expect(p.note.de, p.id).toMatch(/prüf/);
      expect(p.note.en, p.id).toMatch(/check/);
    }
  });

  it('funds only kinds that measures have', () => {
    const kinds = new Set(measureCatalogue.measures.flatMap((m) => m.kinds));
    for (const p of fundingCatalogue.programmes) for (const k of p.kinds) expect(kinds, p.id).toContain(k);
  });
});

describe('matchFunding', () => {
  it('finds state programmes first, then country-wide ones, never other countries’ or states’', () => {
    const matches = matchFunding({ kinds: ['software'] }, { state: 'BY' }, fundingCatalogue);
    expect(ids(matches)).toEqual(['digitalbonus-bayern', 'digital-jetzt']);
    expect(matches.map((m) => m.scope)).toEqual(['state', 'country']);
    expect(ids(matchFunding({ kinds: ['software'] }, { state: 'NW' }, fundingCatalogue))).toEqual(['digital-jetzt']);
    expect(ids(matchFunding({ kinds: ['software'] }, {}, fundingCatalogue))).toEqual(['digital-jetzt']);
  });

  it('needs at least one common kind and reports which', () => {
    expect(matchFunding({ kinds: ['businessModel'] }, { state: 'BY' }, fundingCatalogue)).toEqual([]);
    const [first] = matchFunding({ kinds: ['advice', 'security', 'marketing'] }, {}, fundingCatalogue);
    expect(first!.programme.id).toBe('go-digital');
    expect(first!.kinds).toEqual(['advice', 'security', 'marketing']);
  });

  it('leaves out programmes that ended before the reference date unless asked', () => {
    const programme = (id: string, validUntil: string | null, regions = ['DE']): FundingProgramme => ({
      ...structuredClone(fundingCatalogue.programmes[0]!),
      id,
      regions,
      kinds: ['software'],
      validFrom: null,
      validUntil,
    });
    const catalogue = parseFundingCatalogue({
      version: '2099.1',
      programmes: [programme('old', '2020-12-31'), programme('open', null), programme('eu', '2030-01-01', ['EU'])],
    });
    expect(ids(matchFunding({ kinds: ['software'] }, {}, catalogue, { on: '2026-01-01' }))).toEqual(['open', 'eu']);
    const all = matchFunding({ kinds: ['software'] }, {}, catalogue, { on: '2026-01-01', includeExpired: true });
    expect(all.map((m) => [m.programme.id, m.expired, m.scope])).toEqual([
      ['old', true, 'country'],
      ['open', false, 'country'],
      ['eu', false, 'eu'],
    ]);
    expect(matchFunding({ kinds: ['software'] }, {}, catalogue).every((m) => !m.expired)).toBe(true);
  });

  it('rejects invalid funding data', () => {
    const p = structuredClone(fundingCatalogue.programmes[0]!);
    expect(() => parseFundingCatalogue({ version: '2099.1', programmes: [{ ...p, validFrom: '2024-01-01', validUntil: '2023-01-01' }] })).toThrow(/validFrom/);
    expect(() => parseFundingCatalogue({ version: '2099.1', programmes: [p, p] })).toThrow(/unique/);
    expect(() => parseFundingCatalogue({ version: '2099.1', programmes: [{ ...p, regions: ['Bavaria'] }] })).toThrow(/region/);
  });
});
