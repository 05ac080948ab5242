import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartFormat } from './chart-format';

const de = chartFormat('de-DE');
const en = chartFormat('en-GB');
/** Intl puts a no-break space before "%" in German; compare with plain spaces. */
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('chart formats in the UI language', () => {
  it('writes numbers German and English', () => {
    expect(de.number(0.2)).toBe('0,2');
    expect(en.number(0.2)).toBe('0.2');
    expect(de.number(1330)).toBe('1.330');
    expect(en.number(1330)).toBe('1,330');
    expect(de.number(12.345, 1)).toBe('12,3');
    expect(de.number(null)).toBe('–');
    expect(en.number(Number.NaN)).toBe('–');
  });

  it('writes percent points German and English', () => {
    expect(plain(de.percent(1330))).toBe('1.330 %');
    expect(en.percent(1330)).toBe('1,330%');
    expect(plain(de.percent(75.25))).toBe('75,3 %');
    expect(en.percent(75.25, 2)).toBe('75.25%');
    expect(de.percent(undefined)).toBe('–');
  });

  it('labels a time axis with the day at midnight and the time of day otherwise', () => {
    expect(de.timeLabel(new Date(2026, 11, 7).getTime())).toBe('7. Dez.');
    expect(en.timeLabel(new Date(2026, 11, 7).getTime())).toBe('7 Dec');
    expect(de.timeLabel(new Date(2026, 11, 7, 14, 5).getTime())).toBe('14:05');
    expect(en.timeLabel(new Date(2026, 11, 7, 9, 0).getTime())).toBe('09:00');
    expect(de.timeLabel(new Date(2026, 11, 1).getTime(), 365 * 86_400_000)).toBe('Dez. 2026');
    expect(en.timeLabel(new Date(2026, 11, 1).getTime(), 365 * 86_400_000)).toBe('Dec 2026');
  });

  it('names the echarts locale', () => {
    expect(de.echartsLocale).toBe('DE');
    expect(en.echartsLocale).toBe('EN');
  });

  it('reads back as the same number in either language', () => {
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
      const rounded = Math.round(n * 100) / 100;
      const fromDe = Number(de.number(n).replace(/\./g, '').replace(',', '.').replace('−', '-'));
      const fromEn = Number(en.number(n).replace(/,/g, '').replace('−', '-'));
      expect(fromDe).toBeCloseTo(rounded, 6);
      expect(fromEn).toBeCloseTo(rounded, 6);
      expect(de.number(n)).not.toMatch(/\d\.\d{1,2}$/);
    }));
  });

  it('always ends a percentage with the sign, German with a space before it', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (p) => {
      expect(plain(de.percent(p))).toMatch(/^-?[\d.]+(,\d)? %$/);
      expect(en.percent(p)).toMatch(/^-?[\d,]+(\.\d)?%$/);
    }));
  });
});
