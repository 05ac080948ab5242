import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, monthWithin, periodAround, periodOnKindChange, shiftPeriod } from './period';

describe('controlling periods', () => {
  it('finds day, week (Monday–Sunday) and month around a date', () => {
    expect(periodAround('day', '2026-11-04')).toEqual({ from: '2026-11-04', to: '2026-11-04' });
    expect(periodAround('week', '2026-11-04')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodAround('week', '2026-11-08')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodAround('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodAround('month', '2028-02-14')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // the clock change in March does not move a date
    expect(periodAround('week', '2026-03-29')).toEqual({ from: '2026-03-23', to: '2026-03-29' });
  });

  it('switching month → week goes to the current week when the month is the current one', () => {
    const december = periodAround('month', '2026-12-07');
    expect(periodOnKindChange('week', december, '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(periodOnKindChange('day', december, '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    // another month than today's: its first week
    expect(periodOnKindChange('week', periodAround('month', '2026-10-10'), '2026-12-07')).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    // week → month keeps the month of today
    expect(periodOnKindChange('month', periodAround('week', '2026-11-30'), '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('day' as const, 'week' as const, 'month' as const), fc.constantFrom('day' as const, 'week' as const, 'month' as const), (n, from, to) => {
      const today = addDays('2025-01-01', n);
      const next = periodOnKindChange(to, periodAround(from, today), today);
      expect(next.from <= today && today <= next.to).toBe(true);
    }));
  });

  it('steps to the neighbouring period', () => {
    expect(shiftPeriod('month', { from: '2026-01-01', to: '2026-01-31' }, -1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(shiftPeriod('week', { from: '2026-12-28', to: '2027-01-03' }, 1)).toEqual({ from: '2027-01-04', to: '2027-01-10' });
    expect(monthWithin('2026-11', { from: '2026-10-20', to: '2026-11-10' })).toEqual({ from: '2026-11-01', to: '2026-11-10' });
  });

  it('a week always has 7 days from Monday, and stepping there and back returns', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
    fc.assert(fc.property(day, (d) => {
      const week = periodAround('week', d);
      expect(new Date(`${week.from}T12:00:00Z`).getUTCDay()).toBe(1);
      expect(addDays(week.from, 6)).toBe(week.to);
      expect(week.from <= d && d <= week.to).toBe(true);
      for (const kind of ['day', 'week', 'month'] as const) {
        const p = periodAround(kind, d);
        expect(shiftPeriod(kind, shiftPeriod(kind, p, 1), -1)).toEqual(p);
        expect(addDays(p.to, 1)).toBe(shiftPeriod(kind, p, 1).from);
      }
    }));
  });
});
