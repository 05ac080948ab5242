import { z } from 'zod';
import type { SampleValue } from './payload.js';

/**
 * Condition-monitoring rules for one data point.
 *
 * - `threshold`, direction `high`: raised when the value has been above `limit` for at least
 *   `minDurationSeconds` (0 = at once), cleared only when it falls below `limit - hysteresis`.
 *   Direction `low` mirrors it: raised below `limit`, cleared above `limit + hysteresis`.
 * - `rateOfChange`: the same, applied to the absolute change per minute between consecutive
 *   numeric samples.
 * - `noData`: raised when more than `minutes` pass without a sample, at the instant the
 *   silence reached `minutes`; cleared by the next sample.
 */
export const alarmRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('threshold'),
    direction: z.enum(['high', 'low']),
    limit: z.number().refine(Number.isFinite, { error: 'must be a finite number' }),
    hysteresis: z.number().min(0, { error: 'must not be negative' }).default(0),
    minDurationSeconds: z.number().min(0, { error: 'must not be negative' }).default(0),
  }),
  z.strictObject({
    kind: z.literal('rateOfChange'),
    maxPerMinute: z.number().gt(0, { error: 'must be greater than 0' }),
    hysteresis: z.number().min(0, { error: 'must not be negative' }).default(0),
    minDurationSeconds: z.number().min(0, { error: 'must not be negative' }).default(0),
  }),
  z.strictObject({
    kind: z.literal('noData'),
    minutes: z.number().gt(0, { error: 'must be greater than 0' }),
  }),
]);

export type AlarmRule = z.output<typeof alarmRuleSchema>;

export interface AlarmEvent {
  type: 'raised' | 'cleared';
  /** Epoch milliseconds. */
  ts: number;
  /** The value (threshold) or change per minute (rate of change) that caused the event. */
  value?: number;
}

/** Everything an evaluator remembers between samples; plain data, so it can be stored. */
export interface EvaluatorState {
  active: boolean;
  /** Start of the current uninterrupted run in which the raise condition holds (while inactive). */
  since: number | null;
  /** Last data seen (any type) or the observation start, for `noData`. */
  lastTs: number | null;
  /** Time of the last sample taken into account; earlier or equal ones are ignored. */
  lastSampleTs: number | null;
  /** Previous numeric sample, for the rate of change. */
  prevTs: number | null;
  prevValue: number | null;
}

export const initialState = (start?: number): EvaluatorState => ({ active: false, since: null, lastTs: start ?? null, lastSampleTs: null, prevTs: null, prevValue: null });

const MINUTE = 60_000;

const numeric = (v: SampleValue): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Hysteresis + minimum-duration state machine over a signal; `high` raises above the limit. */
function thresholdStep(
  state: EvaluatorState,
  ts: number,
  x: number,
  rule: { direction: 'high' | 'low'; limit: number; hysteresis: number; minDurationSeconds: number },
): AlarmEvent[] {
  const high = rule.direction === 'high';
  const condition = high ? x > rule.limit : x < rule.limit;
  const clears = high ? x < rule.limit - rule.hysteresis : x > rule.limit + rule.hysteresis;
  if (state.active) {
    if (!clears) return [];
    state.active = false;
    state.since = null;
    return [{ type: 'cleared', ts, value: x }];
  }
  if (!condition) {
    state.since = null;
    return [];
  }
  state.since ??= ts;
  if (ts - state.since < rule.minDurationSeconds * 1000) return [];
  state.active = true;
  state.since = null;
  return [{ type: 'raised', ts, value: x }];
}

/**
 * Evaluates one rule sample by sample. Samples must come in time order; a sample not later than
 * the previous one is ignored. `tick(now)` lets time pass without data (for `noData`).
 */
export class RuleEvaluator {
  readonly state: EvaluatorState;

  constructor(readonly rule: AlarmRule, state: EvaluatorState = initialState()) {
    this.state = { ...state };
  }

  get active(): boolean {
    return this.state.active;
  }

  step(sample: { ts: number; value: SampleValue }): AlarmEvent[] {
    const s = this.state;
    // Out of order or repeated samples are ignored.
    if (s.lastSampleTs !== null && sample.ts <= s.lastSampleTs) return [];
    s.lastSampleTs = sample.ts;
    const events: AlarmEvent[] = [];
    const rule = this.rule;
    if (rule.kind === 'noData') {
      events.push(...this.tick(sample.ts));
      if (s.active) {
        s.active = false;
        events.push({ type: 'cleared', ts: sample.ts });
      }
      s.lastTs = Math.max(s.lastTs ?? sample.ts, sample.ts);
      return events;
    }
    const x = numeric(sample.value);
    if (x === null) return events;
    if (rule.kind === 'threshold') {
      s.prevTs = sample.ts;
      s.prevValue = x;
      return thresholdStep(s, sample.ts, x, rule);
    }
    const prevTs = s.prevTs;
    const prevValue = s.prevValue;
    s.prevTs = sample.ts;
    s.prevValue = x;
    if (prevTs === null || prevValue === null || sample.ts <= prevTs) return events;
    const rate = Math.abs(x - prevValue) / ((sample.ts - prevTs) / MINUTE);
    return thresholdStep(s, sample.ts, rate, { direction: 'high', limit: rule.maxPerMinute, hysteresis: rule.hysteresis, minDurationSeconds: rule.minDurationSeconds });
  }

  /** Lets time pass to `now`; raises `noData` once the silence exceeds the limit. */
  tick(now: number): AlarmEvent[] {
    const rule = this.rule;
    const s = this.state;
    if (rule.kind !== 'noData' || s.active || s.lastTs === null) return [];
    const due = s.lastTs + rule.minutes * MINUTE;
    // A sample arriving exactly when the limit is reached keeps the alarm off.
    if (now <= due) return [];
    s.active = true;
    return [{ type: 'raised', ts: due }];
  }
}

/**
 * All raise and clear events of `rule` over a time-ordered sample stream. `start` is when
 * observation began (counts as "last data" for `noData`), `until` the evaluation time.
 */
export function evaluateRule(
  rule: AlarmRule,
  samples: ReadonlyArray<{ ts: number; value: SampleValue }>,
  options: { start?: number; until?: number } = {},
): AlarmEvent[] {
  const evaluator = new RuleEvaluator(rule, initialState(options.start));
  const events: AlarmEvent[] = [];
  for (const sample of samples) events.push(...evaluator.step(sample));
  if (options.until !== undefined) events.push(...evaluator.tick(options.until));
  return events;
}

/**
 * Lifecycle of one alarm after it was raised: it needs both clearing (by the rule) and
 * acknowledging (by a person) to be closed, in either order.
 */
export type AlarmStatus = 'active' | 'acknowledged' | 'clearedUnacknowledged' | 'closed';

export function nextAlarmStatus(status: AlarmStatus, action: 'cleared' | 'acknowledged'): AlarmStatus {
  switch (status) {
    case 'active':
      return action === 'cleared' ? 'clearedUnacknowledged' : 'acknowledged';
    case 'acknowledged':
      return action === 'cleared' ? 'closed' : 'acknowledged';
    case 'clearedUnacknowledged':
      return action === 'acknowledged' ? 'closed' : 'clearedUnacknowledged';
    case 'closed':
      return 'closed';
  }
}
