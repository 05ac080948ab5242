import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCEPT_SECTIONS, type ConceptInput, editSection, generateConcept, isOutdated, regenerate, reviewDate, sectionText } from './security-concept.js';
import { scoreSecurityCheck } from './security-score.js';

const input = (over: Partial<ConceptInput> = {}): ConceptInput => ({
  company: 'Beispiel GmbH',
  answers: { 'backup.plan': { answer: 'met', note: 'NAS täglich 22 Uhr, Band im Safe' }, 'org.responsible': { answer: 'met', note: 'Eva Meister, 0711 123' } },
  members: [{ name: 'Eva Meister', role: { de: 'Inhaber', en: 'Owner' } }, { name: 'Tom Dreher', role: { de: 'Mitglied', en: 'Member' } }],
  roles: [{ role: { de: 'Mitglied', en: 'Member' }, members: 1, may: [{ de: 'Aufträge ansehen', en: 'View orders' }] }],
  personalData: [{ module: { de: 'Kunden', en: 'Customers' }, category: { de: 'Kontaktdaten', en: 'Contact details' } }],
  gaps: scoreSecurityCheck({ 'backup.regular': 'not_met' }).gaps,
  ...over,
});

describe('security concept', () => {
  it('names people, roles and what they may do, the firm\'s backup and the gaps, in both languages', () => {
    const sections = new Map(generateConcept(input()).map((s) => [s.key, s.text]));
    expect([...sections.keys()]).toEqual([...CONCEPT_SECTIONS]);
    expect(sections.get('access')!.de).toContain('Tom Dreher — Mitglied');
    expect(sections.get('access')!.en).toContain('– View orders');
    expect(sections.get('backup')!.de).toContain('NAS täglich 22 Uhr');
    expect(sections.get('responsibility')!.en).toContain('Eva Meister, 0711 123');
    expect(sections.get('openPoints')!.de).toContain('Regelmäßige Datensicherung einrichten (TOP-Anforderung)');
    expect(sections.get('sensitiveData')!.de).toContain('Kontaktdaten (Kunden)');
    expect(sections.get('purpose')!.de).toContain('keine Zertifizierung und keine Rechtsberatung');
    // what is not known yet is marked, never guessed
    expect(sections.get('incident')!.de).toContain('[Noch festzulegen:');
  });

  it('regenerating keeps the firm\'s edits and says which sections changed beneath them', () => {
    const first = regenerate([], generateConcept(input())).sections;
    const edited = editSection(first, 'backup', 'Unsere eigene Regel');
    const again = regenerate(edited, generateConcept(input({ answers: { 'backup.plan': { answer: 'met', note: 'Cloud-Sicherung' } } })));
    expect(sectionText(again.sections.find((s) => s.key === 'backup')!, 'de')).toBe('Unsere eigene Regel');
    expect(again.outdated).toContain('backup');
    expect(again.updated).toContain('responsibility');
    // confirming the own text (writing it again) clears the flag
    const confirmed = editSection(again.sections, 'backup', 'Unsere eigene Regel');
    expect(isOutdated(confirmed.find((s) => s.key === 'backup')!)).toBe(false);
    expect(regenerate(confirmed, generateConcept(input({ answers: { 'backup.plan': { answer: 'met', note: 'Cloud-Sicherung' } } }))).outdated).toEqual([]);
  });

  it('never drops an edit, whatever is regenerated', () => {
    fc.assert(fc.property(fc.subarray([...CONCEPT_SECTIONS]), fc.string(), fc.string({ minLength: 1 }), (keys, company, text) => {
      let sections = regenerate([], generateConcept(input())).sections;
      for (const k of keys) sections = editSection(sections, k, text);
      const after = regenerate(sections, generateConcept(input({ company }))).sections;
      for (const k of keys) expect(after.find((s) => s.key === k)!.edited).toBe(text);
    }));
  });

  it('review date is one year after adoption', () => {
    expect(reviewDate('2026-12-07')).toBe('2027-12-07');
    expect(reviewDate('2028-02-29')).toBe('2029-02-28');
  });
});
