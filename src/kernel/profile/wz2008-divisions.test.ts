import { describe, expect, it } from 'vitest';
import { FEDERAL_STATES, wzSectionOf } from './company-profile.js';
import { FEDERAL_STATE_NAMES, WZ2008_DIVISIONS } from './wz2008-divisions.js';

describe('WZ2008_DIVISIONS', () => {
  const codes = WZ2008_DIVISIONS.map((d) => d.code);

  it('lists exactly 88 divisions', () => {
    expect(WZ2008_DIVISIONS).toHaveLength(88);
  });

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses two-digit codes', () => {
    for (const code of codes) expect(code).toMatch(/^\d{2}$/);
  });

  it('is sorted by code', () => {
    expect(codes).toEqual([...codes].sort());
  });

  it('assigns each division the section letter wzSectionOf reports', () => {
    for (const d of WZ2008_DIVISIONS) {
      expect(d.section, d.code).toMatch(/^[A-U]$/);
      expect(d.section, d.code).toBe(wzSectionOf(d.code));
    }
  });

  it('has non-empty German and English titles', () => {
    for (const d of WZ2008_DIVISIONS) {
      expect(d.de.trim(), d.code).not.toBe('');
      expect(d.en.trim(), d.code).not.toBe('');
    }
  });

  it('carries the official titles of known divisions', () => {
    const byCode = new Map(WZ2008_DIVISIONS.map((d) => [d.code, d]));
    expect(byCode.get('28')).toMatchObject({ de: 'Maschinenbau', en: 'Manufacture of machinery and equipment n.e.c.' });
    expect(byCode.get('25')?.de).toBe('Herstellung von Metallerzeugnissen');
    expect(byCode.get('26')?.de).toBe('Herstellung von Datenverarbeitungsgeräten, elektronischen und optischen Erzeugnissen');
  });
});

describe('FEDERAL_STATE_NAMES', () => {
  it('names exactly the 16 FEDERAL_STATES', () => {
    const keys = Object.keys(FEDERAL_STATE_NAMES);
    expect(keys).toHaveLength(16);
    expect([...keys].sort()).toEqual([...FEDERAL_STATES].sort());
  });

  it('has non-empty German and English names', () => {
    for (const state of FEDERAL_STATES) {
      expect(FEDERAL_STATE_NAMES[state].de.trim(), state).not.toBe('');
      expect(FEDERAL_STATE_NAMES[state].en.trim(), state).not.toBe('');
    }
  });

  it('spells selected states as expected', () => {
    expect(FEDERAL_STATE_NAMES.BW).toEqual({ de: 'Baden-Württemberg', en: 'Baden-Württemberg' });
    expect(FEDERAL_STATE_NAMES.BY).toEqual({ de: 'Bayern', en: 'Bavaria' });
    expect(FEDERAL_STATE_NAMES.NW).toEqual({ de: 'Nordrhein-Westfalen', en: 'North Rhine-Westphalia' });
  });
});
