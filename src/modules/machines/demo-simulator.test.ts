import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKFILL_LIMIT_MS, demoSignalInterval, sampleInstants } from './demo-simulator.js';
import { demoProfileOf, laserValues, nextLaserTemperature, noiseFrom, welderValues } from './demo-signals.js';

const MINUTE = 60_000;

describe('demo machine simulator: pure parts', () => {
  it('samples a gap in whole minutes, ends at the current instant and never goes back or beyond the limit (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
      fc.integer({ min: 1, max: 6 * 24 * 60 * MINUTE }),
      (last, gap) => {
        const at = last + gap;
        const instants = sampleInstants(last, at);
        expect(instants.at(-1)).toBe(at);
        const from = Math.max(last, at - BACKFILL_LIMIT_MS);
        // increasing, whole minutes but the last, and no hole of more than a minute in the part filled
        const wrong = instants.findIndex((t, i) => t - (i === 0 ? from : instants[i - 1]!) <= 0 || t - (i === 0 ? from : instants[i - 1]!) > MINUTE || (i < instants.length - 1 && t % MINUTE !== 0));
        expect(wrong).toBe(-1);
        expect(instants.length).toBeLessThanOrEqual(BACKFILL_LIMIT_MS / MINUTE + 1);
      },
    ));
    expect(sampleInstants(1000, 1000)).toEqual([]);
    expect(sampleInstants(5000, 1000)).toEqual([]);
  });

  it('reads its interval from the environment and refuses what it cannot take', () => {
    expect(demoSignalInterval({})).toBe(10_000);
    expect(demoSignalInterval({ WERKVERBUND_DEMO_SIGNALS_SECONDS: '2' })).toBe(2000);
    expect(demoSignalInterval({ WERKVERBUND_DEMO_SIGNALS_SECONDS: 'off' })).toBeNull();
    expect(demoSignalInterval({ WERKVERBUND_DEMO_SIGNALS_SECONDS: '0' })).toBeNull();
    for (const bad of ['-1', '1.5', 'ten', '3601']) expect(demoSignalInterval({ WERKVERBUND_DEMO_SIGNALS_SECONDS: bad })).toEqual({ error: expect.stringMatching(/WERKVERBUND_DEMO_SIGNALS_SECONDS/) });
  });

  it('knows the demo machines by their points and gives plausible values', () => {
    expect(demoProfileOf(['voltage', 'current', 'wire-feed', 'extra'])).toBe('welder');
    expect(demoProfileOf(['power', 'temperature'])).toBe('laser');
    expect(demoProfileOf(['current', 'power'])).toBeUndefined();
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (r) => {
      const noise = noiseFrom(() => r);
      const on = welderValues(true, noise);
      expect(on.current).toBeGreaterThanOrEqual(174);
      expect(on.current).toBeLessThanOrEqual(186);
      expect(welderValues(false, noise)).toEqual({ current: 0, voltage: 0, 'wire-feed': 0 });
      expect(laserValues(true, 36, noise).power).toBeGreaterThan(3.5);
      expect(laserValues(false, 36, noise).power).toBe(0.15);
    }));
    // the temperature moves towards its target and, after long enough, stays near it
    let t = 23;
    for (let i = 0; i < 120; i++) t = nextLaserTemperature(t, true, false, () => 0);
    expect(t).toBeCloseTo(36, 1);
    expect(nextLaserTemperature(23, true, false, () => 0, 600)).toBeCloseTo(36, 3);
    expect(nextLaserTemperature(36, false, false, () => 0, 1)).toBeLessThan(36);
  });
});
