import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MAX_MONTHS, RETENTION_ZONE, RUN_EVERY_MS, effectiveMonths, jobRunDue, monthsProblem, retentionCutoff } from './retention.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: RETENTION_ZONE }).toMillis();
const moment = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('retentionCutoff', () => {
  it('counts calendar months in the firm calendar, clamping to the end of a shorter month', () => {
    expect(retentionCutoff(at('2027-03-31T10:00'), 1)).toBe(at('2027-02-28T10:00'));
    expect(retentionCutoff(at('2028-03-31T10:00'), 1)).toBe(at('2028-02-29T10:00'));
    expect(retentionCutoff(at('2027-12-07T08:00'), 24)).toBe(at('2025-12-07T08:00'));
  });

  it('keeps the wall-clock time across a change of summer time', () => {
    // 1 April 2027 is summer time, 1 January winter time
    const cutoff = retentionCutoff(at('2027-04-01T09:00'), 3);
    expect(DateTime.fromMillis(cutoff, { zone: RETENTION_ZONE }).toFormat('yyyy-MM-dd HH:mm')).toBe('2027-01-01 09:00');
  });

  it('is never after now, and a longer period never ends later', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: MAX_MONTHS }), fc.integer({ min: 0, max: 24 }), (now, months, more) => {
        const cutoff = retentionCutoff(now, months);
        expect(cutoff).toBeLessThan(now);
        expect(retentionCutoff(now, months + more)).toBeLessThanOrEqual(cutoff);
      }),
    );
  });

  it('lies between 28 and 31 days back per month', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 120 }), (now, months) => {
        const days = (now - retentionCutoff(now, months)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(months * 28 - 1);
        expect(days).toBeLessThanOrEqual(months * 31 + 1);
      }),
    );
  });
});

describe('monthsProblem', () => {
  it('accepts whole months from one to fifty years, not below a legal minimum', () => {
    expect(monthsProblem(24, {})).toBeNull();
    expect(monthsProblem(1, {})).toBeNull();
    expect(monthsProblem(MAX_MONTHS, {})).toBeNull();
    expect(monthsProblem(0, {})).toBe('too-short');
    expect(monthsProblem(-3, {})).toBe('too-short');
    expect(monthsProblem(MAX_MONTHS + 1, {})).toBe('too-long');
    expect(monthsProblem(2.5, {})).toBe('not-whole');
    expect(monthsProblem(71, { minMonths: 72 })).toBe('below-legal-minimum');
    expect(monthsProblem(72, { minMonths: 72 })).toBeNull();
  });

  it('accepts exactly the whole numbers within the bounds', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }), (months, minMonths) => {
        const ok = Number.isInteger(months) && months >= Math.max(1, minMonths ?? 1) && months <= MAX_MONTHS;
        expect(monthsProblem(months, { minMonths }) === null).toBe(ok);
      }),
    );
  });
});

describe('effectiveMonths and jobRunDue', () => {
  it('takes the firm’s choice over the rule’s own period', () => {
    expect(effectiveMonths(24, undefined)).toBe(24);
    expect(effectiveMonths(24, 36)).toBe(36);
  });

  it('runs the job once a day, the first time at once', () => {
    const now = at('2027-06-01T03:00');
    expect(jobRunDue(null, now)).toBe(true);
    expect(jobRunDue(now - RUN_EVERY_MS + 1, now)).toBe(false);
    expect(jobRunDue(now - RUN_EVERY_MS, now)).toBe(true);
  });
});
