import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localTimeToUtc } from './shift-calendar';

/** Wall clock → UTC without any cache, straight from the definition: the first instant showing that wall time. */
function reference(date: string, minute: number, timeZone: string): number {
  const zone = IANAZone.create(timeZone);
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  for (let t = wall - 15 * 3_600_000; t <= wall + 15 * 3_600_000; t += 60_000) {
    if (t + zone.offset(t) * 60_000 === wall) return t;
  }
  // skipped by a spring change: moved forward by the gap
  return wall - zone.offset(wall - 86_400_000) * 60_000;
}

describe('shift calendar time conversion with cached offsets', () => {
  it('agrees with the uncached definition in zones with odd offsets and clock changes', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
    const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(fc.constantFrom(...zones), day, fc.integer({ min: 0, max: 1439 }), (zone, date, minute) => {
      expect(localTimeToUtc(date, minute, zone)).toBe(reference(date, minute, zone));
    }), { numRuns: 300 });
  });

  it('keeps the clock changes in Berlin', () => {
    expect(new Date(localTimeToUtc('2026-03-29', 150, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(localTimeToUtc('2026-10-25', 150, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
