import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleEvaluator, alarmRuleSchema, initialState } from './alarm-rules.js';
import { checkNoData } from './no-data.js';

const MIN = 60_000;
const noData = (minutes: number) => alarmRuleSchema.parse({ kind: 'noData', minutes });

describe('no-data check', () => {
  it('raises once, at the instant the silence reached N minutes', () => {
    const rule = noData(5);
    const start = initialState(0);
    expect(checkNoData(rule, start, null, 5 * MIN).event).toBeNull();
    const first = checkNoData(rule, start, null, 5 * MIN + 1);
    expect(first.event).toEqual({ type: 'raised', ts: 5 * MIN });
    expect(first.state.active).toBe(true);
    expect(checkNoData(rule, first.state, null, 60 * MIN).event).toBeNull();
  });

  it('counts the newest stored sample even if the rule has not stepped through it', () => {
    const rule = noData(5);
    expect(checkNoData(rule, initialState(0), 4 * MIN, 8 * MIN).event).toBeNull();
    expect(checkNoData(rule, initialState(0), 4 * MIN, 9 * MIN + 1).event).toEqual({ type: 'raised', ts: 9 * MIN });
  });

  it('is cleared by the next sample through the ingest evaluation', () => {
    const rule = noData(5);
    const raised = checkNoData(rule, initialState(0), null, 7 * MIN);
    const evaluator = new RuleEvaluator(rule, raised.state);
    expect(evaluator.step({ ts: 8 * MIN, value: 1 })).toEqual([{ type: 'cleared', ts: 8 * MIN }]);
    expect(checkNoData(rule, evaluator.state, 8 * MIN, 13 * MIN).event).toBeNull();
    expect(checkNoData(rule, evaluator.state, 8 * MIN, 13 * MIN + 1).event).toEqual({ type: 'raised', ts: 13 * MIN });
  });

  it('ignores other kinds of rules', () => {
    const rule = alarmRuleSchema.parse({ kind: 'threshold', direction: 'high', limit: 1 });
    expect(checkNoData(rule, initialState(0), null, 100 * MIN).event).toBeNull();
  });

  it('property: raises exactly when now is later than the newest data + N minutes, at that instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: null }),
        fc.integer({ min: 0, max: 2 * 10 ** 9 }),
        (minutes, start, lastSample, now) => {
          const { event, state } = checkNoData(noData(minutes), initialState(start), lastSample, now);
          const due = Math.max(start, lastSample ?? start) + minutes * MIN;
          if (now > due) {
            expect(event).toEqual({ type: 'raised', ts: due });
            expect(state.active).toBe(true);
          } else {
            expect(event).toBeNull();
            expect(state.active).toBe(false);
          }
        },
      ),
    );
  });

  it('property: checking often gives the same single alarm as checking once, and agrees with the streaming evaluator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 40 * MIN }), { minLength: 1, maxLength: 30 }),
        (minutes, checkGaps) => {
          const rule = noData(minutes);
          let state = initialState(0);
          let now = 0;
          const events = [];
          for (const gap of checkGaps) {
            now += gap;
            const result = checkNoData(rule, state, null, now);
            state = result.state;
            if (result.event) events.push(result.event);
          }
          const once = checkNoData(rule, initialState(0), null, now).event;
          expect(events).toEqual(once ? [once] : []);
          expect(events).toEqual(new RuleEvaluator(rule, initialState(0)).tick(now));
        },
      ),
    );
  });
});
