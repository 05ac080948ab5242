import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfPromisedDay, positionForecast } from './where-is-my-order.js';

const berlinWallTime = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(t));

describe('the promised moment', () => {
  it('is the end of the promised day in Berlin, also on the nights the clocks change', () => {
    expect(new Date(endOfPromisedDay('2026-03-28')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(endOfPromisedDay('2026-03-29')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(endOfPromisedDay('2026-10-25')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(new Date(endOfPromisedDay('2026-12-31')).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('is midnight of the following day in Berlin for any date', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const day = d.toISOString().slice(0, 10);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(berlinWallTime(endOfPromisedDay(day))).toBe(`${next}, 00:00`);
    }));
  });
});

describe('a position forecast', () => {
  it('is never late for a text position or without a promised date', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(positionForecast({ producible: false, promisedDate: '2026-01-01' }, [], now)).toEqual({ expectedFinish: null, late: false, reason: null, promisedAt: null });
    expect(positionForecast({ producible: true, promisedDate: null }, [], now)).toMatchObject({ late: false, reason: null });
  });
});
