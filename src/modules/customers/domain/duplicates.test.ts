import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSimilarity, nameTokens } from './company-name.js';
import { type CompanyForMatching, LIKELY_THRESHOLD, MAX_SCORE, POSSIBLE_THRESHOLD, companyDomain, duplicateLevel, findDuplicates, scoreDuplicate } from './duplicates.js';
import { normaliseVatId } from './vat-id.js';

const company = (over: Partial<CompanyForMatching> = {}): CompanyForMatching => ({
  id: 'x',
  name: 'Muster GmbH',
  vatId: null,
  emails: [],
  website: null,
  address: null,
  ...over,
});
const codes = (a: CompanyForMatching, b: CompanyForMatching) => scoreDuplicate(a, b).reasons.map((r) => r.code);

describe('VAT IDs', () => {
  it('normalises spelling and checks format and the German check digit', () => {
    expect(normaliseVatId(' de 136 695 976 ')).toEqual({ normalised: 'DE136695976', country: 'DE', valid: true });
    expect(normaliseVatId('DE136695977')!.valid).toBe(false); // wrong check digit
    expect(normaliseVatId('DE13669597')!.valid).toBe(false); // eight digits
    expect(normaliseVatId('ATU12345678')).toEqual({ normalised: 'ATU12345678', country: 'AT', valid: true });
    expect(normaliseVatId('AT12345678')!.valid).toBe(false);
    expect(normaliseVatId('nl.123456789.b01')).toEqual({ normalised: 'NL123456789B01', country: 'NL', valid: true });
    expect(normaliseVatId('FR 40 303265045')!.valid).toBe(true);
    expect(normaliseVatId('GR123456789')).toEqual({ normalised: 'EL123456789', country: 'EL', valid: true });
    expect(normaliseVatId('CHE-123.456.789 MWST')).toEqual({ normalised: 'CHE123456789', country: 'CHE', valid: true });
    expect(normaliseVatId('PL 526-000-12-46')!.normalised).toBe('PL5260001246');
    expect(normaliseVatId('QQ123')!.valid).toBe(false);
    expect(normaliseVatId('')).toBeNull();
    expect(normaliseVatId('123456789')).toBeNull();
  });
});

describe('company names', () => {
  it.each([
    ['Müller Söhne GmbH & Co. KG', ['mueller', 'soehne']],
    ['Mueller Soehne GmbH und Co KG', ['mueller', 'soehne']],
    ['Straßer Metallbau UG (haftungsbeschränkt)', ['strasser', 'metallbau']],
    ['Weiß e.K.', ['weiss']],
    ['Schmidt & Partner AG', ['schmidt', 'und', 'partner']],
    ['Precision Parts Ltd.', ['precision', 'parts']],
    ['Acme Inc', ['acme']],
    ['Dreherei Kögel KG', ['dreherei', 'koegel']],
    ['AG', ['ag']],
  ])('%s → %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });

  it('rates word order, typos and written-together names as similar, other firms of a trade as not', () => {
    const sim = (a: string, b: string) => nameSimilarity(nameTokens(a), nameTokens(b));
    expect(sim('Werkzeugbau Schmidt GmbH', 'Schmidt Werkzeugbau')).toBe(1);
    expect(sim('Werkzeugbau Schmidt', 'Werkzeugbauschmidt GmbH')).toBeGreaterThan(0.9);
    expect(sim('Kögel Dreherei', 'Koegl Dreherei')).toBeGreaterThan(0.9);
    expect(sim('Schmidt Metallbau', 'Müller Metallbau')).toBeLessThan(0.8);
  });
});

describe('e-mail domains', () => {
  it('takes the registrable domain and ignores free-mail providers', () => {
    expect(companyDomain('a.b@Vertrieb.Kunde-GmbH.de')).toBe('kunde-gmbh.de');
    expect(companyDomain('https://www.kunde.co.uk/kontakt')).toBe('kunde.co.uk');
    expect(companyDomain('max@gmx.de')).toBeNull();
    expect(companyDomain('max@googlemail.com')).toBeNull();
    expect(companyDomain('keine adresse')).toBeNull();
  });
});

describe('duplicate scores', () => {
  it('finds the same firm by VAT ID however it is written', () => {
    const s = scoreDuplicate(company({ vatId: 'DE136695976', name: 'A' }), company({ vatId: 'de 136-695-976', name: 'Ganz anders' }));
    expect(s).toEqual({ score: 100, level: 'likely', reasons: [{ code: 'vat-id-equal', points: 100, detail: 'DE136695976' }] });
  });

  it('takes name and company domain together as likely, free-mail addresses not at all', () => {
    const a = company({ name: 'Kögel Dreherei GmbH', emails: ['einkauf@koegel-dreherei.de'] });
    const b = company({ name: 'Koegel Dreherei e.K.', emails: ['info@koegel-dreherei.de', 'chef@gmx.de'] });
    expect(scoreDuplicate(a, b)).toMatchObject({ score: 100, level: 'likely' });
    expect(codes(a, b)).toEqual(['email-domain-equal', 'name-equal']);
    const c = company({ name: 'Andere GmbH', emails: ['chef@gmx.de'] });
    expect(scoreDuplicate(company({ name: 'Noch eine AG', emails: ['x@gmx.de'] }), c).score).toBe(0);
  });

  it('uses the address only as support, and lowers the score for two different valid VAT IDs', () => {
    const address = { street: 'Hauptstraße 5', postcode: '70173', city: 'Stuttgart', country: 'DE' };
    const a = company({ name: 'Schmidt Metallbau', address });
    expect(codes(a, company({ name: 'Schmidt Metallbau GmbH', address: { ...address, street: 'Hauptstr. 5' } }))).toEqual(['name-equal', 'address-equal']);
    expect(scoreDuplicate(a, company({ name: 'Schmidt Metallbau GmbH', address: { ...address, street: 'Hauptstr. 5' } })).score).toBe(85);
    expect(scoreDuplicate(a, company({ name: 'Weber Elektro', address })).score).toBe(0);
    const withVat = scoreDuplicate(company({ name: 'Schmidt Metallbau', vatId: 'DE136695976' }), company({ name: 'Schmidt Metallbau', vatId: 'DE811569869' }));
    expect(withVat.reasons.map((r) => r.code)).toEqual(['vat-id-different', 'name-equal']);
    expect(withVat.score).toBe(0);
  });

  it('ranks duplicates best first and leaves out the candidate itself', () => {
    const me = company({ id: 'me', name: 'Kögel Dreherei', emails: ['a@koegel.de'] });
    const found = findDuplicates(me, [me, company({ id: 'b', name: 'Koegel Dreherei' }), company({ id: 'c', name: 'Kögel', emails: ['x@koegel.de'] }), company({ id: 'd', name: 'Weber' }), company({ id: 'e', name: 'Koegel Dreherei GmbH', emails: ['x@koegel.de'] })]);
    expect(found.map((f) => [f.id, f.level])).toEqual([['e', 'likely'], ['b', 'possible']]);
  });

  it('has thresholds that split the range in three', () => {
    expect([0, POSSIBLE_THRESHOLD - 1, POSSIBLE_THRESHOLD, LIKELY_THRESHOLD - 1, LIKELY_THRESHOLD, MAX_SCORE].map(duplicateLevel)).toEqual(['unlikely', 'unlikely', 'possible', 'possible', 'likely', 'likely']);
  });
});

const word = fc.constantFrom('Müller', 'Mueller', 'Kögel', 'Koegel', 'Schmidt', 'Schmitt', 'Weiß', 'Weiss', 'Metallbau', 'Dreherei', 'Werkzeugbau', 'Präzision', 'Technik');
const legalForm = fc.constantFrom('', ' GmbH', ' AG', ' GmbH & Co. KG', ' e.K.', ' UG (haftungsbeschränkt)', ' Ltd', ' Inc.', ' KG');
const companyArb = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  name: fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), legalForm).map(([w, f]) => w.join(' ') + f),
  vatId: fc.constantFrom(null, 'DE136695976', 'de 136 695 976', 'DE811569869', 'ATU12345678', 'DE123456789'),
  emails: fc.array(fc.constantFrom('a@koegel.de', 'b@vertrieb.koegel.de', 'c@schmidt-metall.de', 'd@gmx.de', 'e@web.de'), { maxLength: 3 }),
  website: fc.constantFrom(null, 'https://www.koegel.de', 'schmidt-metall.de'),
  address: fc.option(
    fc.record({ street: fc.constantFrom('Hauptstraße 5', 'Hauptstr. 5', 'Ringweg 2', ''), postcode: fc.constantFrom('70173', '70 173', '80331', ''), city: fc.constant('X'), country: fc.constantFrom('DE', 'AT') }),
    { nil: null },
  ),
});

const sortedReasons = (s: { reasons: Array<{ code: string; points: number }> }) => s.reasons.map((r) => `${r.code}:${r.points}`).sort();

describe('duplicate scores for any two companies', () => {
  it('are symmetric, explained by their reasons, and at their maximum for a company compared with itself', () => {
    fc.assert(
      fc.property(companyArb, companyArb, (a, b) => {
        const ab = scoreDuplicate(a, b);
        const ba = scoreDuplicate(b, a);
        expect(ab.score).toBe(ba.score);
        expect(sortedReasons(ab)).toEqual(sortedReasons(ba));
        // the reasons explain the score: it is their sum, clamped to 0..100
        expect(ab.score).toBe(Math.min(MAX_SCORE, Math.max(0, ab.reasons.reduce((s, r) => s + r.points, 0))));
        expect(ab.level).toBe(duplicateLevel(ab.score));
        expect(new Set(ab.reasons.map((r) => r.code)).size).toBe(ab.reasons.length);
        // nothing is more like a company than the company itself
        const aa = scoreDuplicate(a, a);
        expect(aa.score).toBeGreaterThanOrEqual(ab.score);
        expect(aa.reasons.map((r) => r.code)).toContain('name-equal');
        if (normaliseVatId(a.vatId)) expect(aa.score).toBe(MAX_SCORE);
      }),
    );
  });

  it('do not change with the legal form, the case or the spelling of umlauts', () => {
    fc.assert(
      fc.property(companyArb, legalForm, (a, form) => {
        const respelled = { ...a, name: a.name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').toUpperCase().replace(/ (GMBH( & CO\. KG)?|AG|E\.K\.|UG \(HAFTUNGSBESCHRAENKT\)|LTD|INC\.|KG)$/, '') + form };
        expect(codes(a, respelled)).toContain('name-equal');
      }),
    );
  });
});
