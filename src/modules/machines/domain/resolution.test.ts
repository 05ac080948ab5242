import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from './downsample.js';
import { TARGET_POINTS, chooseResolution } from './resolution.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const kept = { rawKeptFrom: now - 90 * DAY, minuteKeptFrom: now - 400 * DAY };

describe('chooseResolution', () => {
  it('shows raw samples while there are few, minutes for a day, hours for months', () => {
    expect(chooseResolution('auto', { from: now - 6 * HOUR_MS, to: now, rawCount: 500, ...kept })).toEqual({ resolution: 'raw', fellBack: false });
    expect(chooseResolution('auto', { from: now - HOUR_MS, to: now, rawCount: TARGET_POINTS + 1, ...kept }).resolution).toBe('1m');
    expect(chooseResolution('auto', { from: now - DAY, to: now, rawCount: TARGET_POINTS + 1, ...kept }).resolution).toBe('1m');
    expect(chooseResolution('auto', { from: now - 7 * DAY, to: now, rawCount: TARGET_POINTS + 1, ...kept }).resolution).toBe('1h');
    expect(chooseResolution('auto', { from: now - 180 * DAY, to: now, rawCount: 3, ...kept }).resolution).toBe('1h');
  });

  it('honours an explicit resolution and falls back with a flag where its data is gone', () => {
    expect(chooseResolution('raw', { from: now - 7 * DAY, to: now, ...kept })).toEqual({ resolution: 'raw', fellBack: false });
    expect(chooseResolution('raw', { from: now - 91 * DAY, to: now - 90 * DAY, ...kept })).toEqual({ resolution: '1m', fellBack: true });
    expect(chooseResolution('raw', { from: now - 500 * DAY, to: now, ...kept })).toEqual({ resolution: '1h', fellBack: true });
    expect(chooseResolution('1m', { from: now - 401 * DAY, to: now, ...kept })).toEqual({ resolution: '1h', fellBack: true });
    expect(chooseResolution('1h', { from: now - 30 * DAY, to: now, ...kept })).toEqual({ resolution: '1h', fellBack: false });
    // exactly at the retention boundary the data is still there
    expect(chooseResolution('raw', { from: kept.rawKeptFrom, to: now, ...kept })).toEqual({ resolution: 'raw', fellBack: false });
  });

  it('never picks data that is gone and stays near the target number of points (property)', () => {
    fc.assert(fc.property(
      fc.constantFrom('auto' as const, 'raw' as const, '1m' as const, '1h' as const),
      fc.integer({ min: 1, max: 3000 * DAY }),
      fc.integer({ min: 1, max: 500 * DAY }),
      fc.integer({ min: 0, max: 5000 }),
      (requested, length, ago, rawCount) => {
        const from = now - ago - length;
        const { resolution, fellBack } = chooseResolution(requested, { from, to: from + length, rawCount, ...kept });
        if (resolution === 'raw') expect(from).toBeGreaterThanOrEqual(kept.rawKeptFrom);
        if (resolution === '1m') expect(from).toBeGreaterThanOrEqual(kept.minuteKeptFrom);
        if (requested === 'auto') {
          expect(fellBack).toBe(false);
          if (resolution === 'raw') expect(rawCount).toBeLessThanOrEqual(TARGET_POINTS);
          if (resolution === '1m') expect(length / MINUTE_MS).toBeLessThanOrEqual(TARGET_POINTS);
        } else {
          expect(fellBack).toBe(resolution !== requested);
        }
      },
    ));
  });
});
