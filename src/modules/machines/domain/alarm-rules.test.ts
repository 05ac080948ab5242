import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlarmEvent, type AlarmStatus, RuleEvaluator, alarmRuleSchema, evaluateRule, nextAlarmStatus } from './alarm-rules.js';

const S = 1000;
const MIN = 60 * S;
const series = (points: Array<[number, number | boolean | string]>) => points.map(([ts, value]) => ({ ts, value }));
const threshold = (direction: 'high' | 'low', limit: number, hysteresis = 0, minDurationSeconds = 0) =>
  alarmRuleSchema.parse({ kind: 'threshold', direction, limit, hysteresis, minDurationSeconds });

describe('threshold with hysteresis', () => {
  it('raises above the high limit and clears only below limit − hysteresis', () => {
    const events = evaluateRule(threshold('high', 80, 5), series([[0, 70], [1 * S, 81], [2 * S, 79], [3 * S, 76], [4 * S, 74], [5 * S, 82]]));
    expect(events).toEqual([
      { type: 'raised', ts: 1 * S, value: 81 },
      { type: 'cleared', ts: 4 * S, value: 74 },
      { type: 'raised', ts: 5 * S, value: 82 },
    ]);
  });

  it('treats both limits as exclusive: exactly 80 does not raise, exactly 75 does not clear', () => {
    expect(evaluateRule(threshold('high', 80, 5), series([[0, 80], [S, 80]]))).toEqual([]);
    expect(evaluateRule(threshold('high', 80, 5), series([[0, 90], [S, 75], [2 * S, 74.9]]))).toEqual([
      { type: 'raised', ts: 0, value: 90 },
      { type: 'cleared', ts: 2 * S, value: 74.9 },
    ]);
  });

  it('mirrors for a low limit: raises below, clears only above limit + hysteresis', () => {
    const events = evaluateRule(threshold('low', 10, 2), series([[0, 12], [S, 9], [2 * S, 11], [3 * S, 12], [4 * S, 12.5]]));
    expect(events).toEqual([
      { type: 'raised', ts: S, value: 9 },
      { type: 'cleared', ts: 4 * S, value: 12.5 },
    ]);
  });

  it('raises only after the condition held for the minimum duration, restarting after a dip', () => {
    const rule = threshold('high', 80, 0, 10);
    expect(evaluateRule(rule, series([[0, 85], [5 * S, 85], [9 * S, 85], [10 * S, 85]]))).toEqual([{ type: 'raised', ts: 10 * S, value: 85 }]);
    // The dip at 7 s restarts the run at 8 s, so 10 s after that is 18 s.
    const dipped = series([[0, 85], [5 * S, 85], [7 * S, 80], [8 * S, 90], [12 * S, 90], [17.9 * S, 90], [18 * S, 91]]);
    expect(evaluateRule(rule, dipped)).toEqual([{ type: 'raised', ts: 18 * S, value: 91 }]);
  });

  it('ignores texts, booleans and samples that are out of order', () => {
    const events = evaluateRule(threshold('high', 80), series([[0, 'overheat'], [S, true], [2 * S, 70], [1.5 * S, 99], [2 * S, 99], [3 * S, 81]]));
    expect(events).toEqual([{ type: 'raised', ts: 3 * S, value: 81 }]);
  });

  it('continues from stored state exactly as an uninterrupted run', () => {
    const rule = threshold('high', 50, 3, 2);
    const all = series([[0, 40], [S, 51], [2 * S, 52], [3 * S, 53], [4 * S, 48], [5 * S, 46], [6 * S, 60], [9 * S, 61]]);
    const first = new RuleEvaluator(rule);
    const events: AlarmEvent[] = [];
    for (const s of all.slice(0, 4)) events.push(...first.step(s));
    const second = new RuleEvaluator(rule, JSON.parse(JSON.stringify(first.state)));
    for (const s of all.slice(4)) events.push(...second.step(s));
    expect(events).toEqual(evaluateRule(rule, all));
    expect(events.map((e) => [e.type, e.ts])).toEqual([['raised', 3 * S], ['cleared', 5 * S], ['raised', 9 * S]]);
  });

  /**
   * Declarative check of a high-threshold event list against the rule's definition, sample by
   * sample: while inactive, the alarm is raised at the first sample at which the values have
   * stayed above the limit for the minimum duration; while active, it is cleared at the first
   * sample below limit − hysteresis; nothing else happens.
   */
  function checkHighThreshold(limit: number, hysteresis: number, minMs: number, samples: Array<{ ts: number; value: number }>, events: AlarmEvent[]) {
    let e = 0;
    let active = false;
    let runStart: number | null = null;
    for (const { ts, value } of samples) {
      let expected: 'raised' | 'cleared' | null = null;
      if (active) {
        if (value < limit - hysteresis) expected = 'cleared';
      } else if (value > limit) {
        runStart ??= ts;
        if (ts - runStart >= minMs) expected = 'raised';
      } else {
        runStart = null;
      }
      const actual = events[e]?.ts === ts ? events[e] : undefined;
      if (expected) {
        expect(actual, `expected ${expected} at ${ts}`).toEqual({ type: expected, ts, value });
        e++;
        active = expected === 'raised';
        runStart = null;
      } else {
        expect(actual, `unexpected event at ${ts}`).toBeUndefined();
      }
    }
    expect(e).toBe(events.length);
  }

  const samplesArb = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 20 * S }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 60 })
    .map((steps) => {
      let ts = 1_700_000_000_000;
      return steps.map(([gap, value]) => ({ ts: (ts += gap), value }));
    });

  it('matches the definition for any stream, limit, hysteresis and duration (property)', () => {
    fc.assert(
      fc.property(samplesArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 }), (samples, limit, hysteresis, minSeconds) => {
        const events = evaluateRule(threshold('high', limit, hysteresis, minSeconds), samples);
        checkHighThreshold(limit, hysteresis, minSeconds * S, samples, events);
      }),
    );
  });

  it('alternates raised and cleared, starting with raised (property)', () => {
    fc.assert(
      fc.property(samplesArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('high' as const, 'low' as const), (samples, limit, h, dir) => {
        const events = evaluateRule(threshold(dir, limit, h), samples);
        events.forEach((ev, i) => expect(ev.type).toBe(i % 2 === 0 ? 'raised' : 'cleared'));
      }),
    );
  });

  it('a low limit on a signal behaves like a high limit on the negated signal (property)', () => {
    fc.assert(
      fc.property(samplesArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (samples, limit, h, d) => {
        const low = evaluateRule(threshold('low', limit, h, d), samples);
        const high = evaluateRule(threshold('high', -limit, h, d), samples.map((s) => ({ ts: s.ts, value: -s.value })));
        expect(low).toEqual(high.map((ev) => ({ ...ev, value: -ev.value! })));
      }),
    );
  });

  it('never clears while the value stays within the hysteresis band (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 75, max: 200, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const samples = [{ ts: 0, value: 100 }, ...values.map((value, i) => ({ ts: (i + 1) * S, value }))];
        expect(evaluateRule(threshold('high', 80, 5), samples)).toEqual([{ type: 'raised', ts: 0, value: 100 }]);
      }),
    );
  });
});

describe('rate of change', () => {
  it('raises when the change per minute between samples exceeds the limit and clears below it', () => {
    const rule = alarmRuleSchema.parse({ kind: 'rateOfChange', maxPerMinute: 10 });
    // 100 → 104 in 30 s = 8/min; 104 → 110 in 30 s = 12/min; 110 → 115 in 60 s = 5/min.
    const events = evaluateRule(rule, series([[0, 100], [30 * S, 104], [60 * S, 110], [120 * S, 115]]));
    expect(events).toEqual([
      { type: 'raised', ts: 60 * S, value: 12 },
      { type: 'cleared', ts: 120 * S, value: 5 },
    ]);
  });

  it('counts falling values as well, and applies hysteresis and minimum duration to the rate', () => {
    const rule = alarmRuleSchema.parse({ kind: 'rateOfChange', maxPerMinute: 10, hysteresis: 4, minDurationSeconds: 60 });
    // Rates: −20/min at 60 s (run starts), −15/min at 120 s (held 60 s: raised), 8/min at 180 s (not < 6), 3/min at 240 s (cleared).
    const events = evaluateRule(rule, series([[0, 100], [60 * S, 80], [120 * S, 65], [180 * S, 73], [240 * S, 76]]));
    expect(events).toEqual([
      { type: 'raised', ts: 120 * S, value: 15 },
      { type: 'cleared', ts: 240 * S, value: 3 },
    ]);
  });

  it('never raises when the limit is above the largest possible change (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 10 * MIN }), fc.integer({ min: 0, max: 1000 })), { maxLength: 40 }), (steps) => {
        let ts = 0;
        const samples = steps.map(([gap, value]) => ({ ts: (ts += gap), value }));
        // Largest change 1000 over the shortest gap of 1 ms = 60 000 000 per minute.
        expect(evaluateRule(alarmRuleSchema.parse({ kind: 'rateOfChange', maxPerMinute: 60_000_001 }), samples)).toEqual([]);
      }),
    );
  });
});

describe('no data', () => {
  const rule = alarmRuleSchema.parse({ kind: 'noData', minutes: 5 });

  it('raises when the silence reaches the limit and clears with the next sample', () => {
    const events = evaluateRule(rule, series([[0, 1], [4 * MIN, 'x'], [10 * MIN, true]]), { until: 20 * MIN });
    expect(events).toEqual([
      { type: 'raised', ts: 9 * MIN },
      { type: 'cleared', ts: 10 * MIN },
      { type: 'raised', ts: 15 * MIN },
    ]);
  });

  it('does not raise when a sample arrives exactly at the limit, and counts from the start of observation', () => {
    expect(evaluateRule(rule, series([[0, 1], [5 * MIN, 1]]), { until: 10 * MIN })).toEqual([]);
    expect(evaluateRule(rule, series([[7 * MIN, 1]]), { start: 0 })).toEqual([
      { type: 'raised', ts: 5 * MIN },
      { type: 'cleared', ts: 7 * MIN },
    ]);
    expect(evaluateRule(rule, [], { until: 60 * MIN })).toEqual([]);
  });

  it('raises once per gap longer than the limit, at its start + limit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 * MIN }),
        fc.array(fc.integer({ min: 1, max: 12 * MIN }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 12 * MIN }),
        fc.integer({ min: 1, max: 8 }),
        (start, gaps, tail, minutes) => {
          let ts = start;
          const samples = gaps.map((g) => ({ ts: (ts += g), value: 0 }));
          const until = ts + tail;
          const expected: AlarmEvent[] = [];
          const instants = [start, ...samples.map((s) => s.ts)];
          for (let i = 1; i < instants.length; i++) {
            if (instants[i] - instants[i - 1] > minutes * MIN) expected.push({ type: 'raised', ts: instants[i - 1] + minutes * MIN }, { type: 'cleared', ts: instants[i] });
          }
          if (tail > minutes * MIN) expected.push({ type: 'raised', ts: ts + minutes * MIN });
          const r = alarmRuleSchema.parse({ kind: 'noData', minutes });
          expect(evaluateRule(r, samples, { start, until })).toEqual(expected);
        },
      ),
    );
  });
});

describe('rule validation', () => {
  it.each([
    [{ kind: 'threshold', direction: 'high', limit: 1, hysteresis: -1 }, 'hysteresis'],
    [{ kind: 'threshold', direction: 'sideways', limit: 1 }, 'direction'],
    [{ kind: 'rateOfChange', maxPerMinute: 0 }, 'maxPerMinute'],
    [{ kind: 'noData', minutes: -5 }, 'minutes'],
    [{ kind: 'threshold', direction: 'high', limit: 1, minDurationSeconds: -1 }, 'minDurationSeconds'],
  ])('rejects %j at %s', (rule, path) => {
    const r = alarmRuleSchema.safeParse(rule);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('alarm lifecycle', () => {
  it.each<[AlarmStatus, 'cleared' | 'acknowledged', AlarmStatus]>([
    ['active', 'acknowledged', 'acknowledged'],
    ['active', 'cleared', 'clearedUnacknowledged'],
    ['acknowledged', 'cleared', 'closed'],
    ['acknowledged', 'acknowledged', 'acknowledged'],
    ['clearedUnacknowledged', 'acknowledged', 'closed'],
    ['clearedUnacknowledged', 'cleared', 'clearedUnacknowledged'],
    ['closed', 'acknowledged', 'closed'],
    ['closed', 'cleared', 'closed'],
  ])('%s + %s → %s', (from, action, to) => {
    expect(nextAlarmStatus(from, action)).toBe(to);
  });

  it('closes exactly when both clearing and acknowledging happened, in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('cleared' as const, 'acknowledged' as const), { maxLength: 8 }), (actions) => {
        const status = actions.reduce<AlarmStatus>(nextAlarmStatus, 'active');
        expect(status === 'closed').toBe(actions.includes('cleared') && actions.includes('acknowledged'));
      }),
    );
  });
});
