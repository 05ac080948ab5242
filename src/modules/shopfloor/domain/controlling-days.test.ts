import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type DayCells, type StateChange, datesBetween, isFinal, missingRange, openSince } from './controlling-days';

const arbDate = fc.integer({ min: 0, max: 3000 }).map((n) => DateTime.fromISO('2024-01-01', { zone: 'UTC' }).plus({ days: n }).toISODate()!);

describe('datesBetween', () => {
  it('lists every date from the first to the last, one day apart (property)', () => {
    fc.assert(fc.property(arbDate, fc.integer({ min: 0, max: 800 }), (from, n) => {
      const to = DateTime.fromISO(from, { zone: 'UTC' }).plus({ days: n }).toISODate()!;
      const dates = datesBetween(from, to);
      expect(dates).toHaveLength(n + 1);
      expect(dates[0]).toBe(from);
      expect(dates.at(-1)).toBe(to);
      for (let i = 1; i < dates.length; i++) expect(DateTime.fromISO(dates[i - 1]!, { zone: 'UTC' }).plus({ days: 1 }).toISODate()).toBe(dates[i]);
    }));
  });

  it('crosses month, leap day and year ends', () => {
    expect(datesBetween('2027-12-30', '2028-01-02')).toEqual(['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02']);
    expect(datesBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(datesBetween('2026-03-05', '2026-03-04')).toEqual([]);
  });
});

describe('openSince', () => {
  const arbStates = fc.array(
    fc.record({ operationId: fc.constantFrom('o1', 'o2', 'o3', 'o4'), kind: fc.constantFrom('start-production', 'resume', 'pause', 'finish'), at: fc.integer({ min: 0, max: 1000 }) }),
    { maxLength: 20 },
  ).map((list) => list.map((s): StateChange => ({ ...s, workCentreId: s.operationId === 'o1' || s.operationId === 'o2' ? 'wc-a' : 'wc-b' })));

  it('is the earliest instant of an operation whose last state change leaves it running or paused (property)', () => {
    fc.assert(fc.property(arbStates, (states) => {
      const open = openSince(states);
      for (const wc of ['wc-a', 'wc-b']) {
        const ops = new Set(states.filter((s) => s.workCentreId === wc).map((s) => s.operationId));
        const starts = [...ops].map((op) => states.filter((s) => s.operationId === op).at(-1)!).filter((last) => last.kind !== 'finish').map((last) => last.at);
        expect(open.get(wc)).toBe(starts.length ? Math.min(...starts) : undefined);
      }
    }));
  });

  it('goes by the order the changes were applied, not by their time', () => {
    // a finish delivered late, dated before the resume that was applied earlier
    const states: StateChange[] = [
      { operationId: 'o', workCentreId: 'w', kind: 'start-production', at: 100 },
      { operationId: 'o', workCentreId: 'w', kind: 'finish', at: 50 },
    ];
    expect(openSince(states).has('w')).toBe(false);
    expect(openSince([...states].reverse()).get('w')).toBe(100);
  });
});

describe('isFinal', () => {
  it('only a day that is over and not reached by anything still open', () => {
    expect(isFinal(1000, 1000, undefined)).toBe(true);
    expect(isFinal(1000, 999, undefined)).toBe(false);
    expect(isFinal(1000, 5000, 1000)).toBe(true);
    expect(isFinal(1000, 5000, 999)).toBe(false);
  });
});

describe('missingRange', () => {
  it('spans exactly the first to the last date some work centre lacks (property)', () => {
    const dates = datesBetween('2026-01-01', '2026-01-20');
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.constantFrom(...dates)), { maxLength: 40 }), (kept) => {
      const cells: DayCells = new Map([['a', new Map()], ['b', new Map()]]);
      for (const [wc, day] of kept) cells.get(wc)!.set(day, []);
      const range = missingRange(dates, ['a', 'b'], cells);
      const lacking = dates.filter((d) => !cells.get('a')!.has(d) || !cells.get('b')!.has(d));
      expect(range).toEqual(lacking.length ? { from: lacking[0], to: lacking.at(-1) } : null);
    }));
  });
});
