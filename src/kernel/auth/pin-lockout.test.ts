import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIN_BUDGET_HOURS, PIN_DAILY_BUDGET, TERMINAL_FREE_FAILURES, TERMINAL_MAX_WAIT_SECONDS, pinLockOf, terminalWaitSeconds } from './pin-lockout.js';

describe('PIN lockout rules', () => {
  it('lets a terminal take four wrong PINs, then waits 15 s, doubling, at most 5 minutes', () => {
    expect([1, 2, 3, 4].map(terminalWaitSeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 50].map(terminalWaitSeconds)).toEqual([15, 30, 60, 120, 240, 300, 300]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
      expect(terminalWaitSeconds(n + 1)).toBeGreaterThanOrEqual(terminalWaitSeconds(n));
      expect(terminalWaitSeconds(n)).toBeLessThanOrEqual(TERMINAL_MAX_WAIT_SECONDS);
      expect(terminalWaitSeconds(n) === 0).toBe(n < TERMINAL_FREE_FAILURES);
    }));
  });

  it('bounds what one person at one terminal can do in an 8-hour shift', () => {
    let elapsed = 0;
    let wrong = 0;
    while (elapsed <= 8 * 3600) elapsed += terminalWaitSeconds(++wrong);
    // about 100 wrong PINs: enough to lock about nine workers for the day, each lock alerting the admins
    expect(wrong).toBeLessThanOrEqual(105);
    expect(Math.floor(wrong / PIN_DAILY_BUDGET)).toBeLessThanOrEqual(10);
  });

  it('reports the daily lock before the pause and nothing once both have ended', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 48, noNaN: true }), fc.integer({ min: -60, max: 60 }), (failures, since, pauseMinutes) => {
      const paused = new Date(now.getTime() + pauseMinutes * 60_000);
      const lock = pinLockOf({ pin_locked_until: paused, pin_budget_failures: failures, pin_budget_since: hoursAgo(since) }, now);
      const dayLocked = failures >= PIN_DAILY_BUDGET && since < PIN_BUDGET_HOURS;
      if (dayLocked) expect(lock).toMatchObject({ reason: 'budget' });
      else if (pauseMinutes > 0) expect(lock).toEqual({ allowed: false, reason: 'paused', until: paused });
      else expect(lock).toBeNull();
      if (lock) expect(lock.until.getTime()).toBeGreaterThan(now.getTime());
    }));
  });
});
