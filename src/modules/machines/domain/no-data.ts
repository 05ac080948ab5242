import { type AlarmEvent, type AlarmRule, type EvaluatorState, RuleEvaluator } from './alarm-rules.js';

/**
 * The periodic "no data for N minutes" check of one rule. `state.lastTs` is the last data the
 * rule has seen (or when it started observing); `lastSampleTs` is the newest stored sample of the
 * point, so that data the rule has not yet stepped through (or that arrived while it was
 * switched off) also counts. Raises at most once, at the instant the silence reached N minutes;
 * the returned state is what to store with the rule.
 */
export function checkNoData(
  rule: AlarmRule,
  state: EvaluatorState,
  lastSampleTs: number | null,
  now: number,
): { state: EvaluatorState; event: AlarmEvent | null } {
  if (rule.kind !== 'noData') return { state, event: null };
  const lastTs = Math.max(state.lastTs ?? -Infinity, lastSampleTs ?? -Infinity);
  const evaluator = new RuleEvaluator(rule, { ...state, lastTs: Number.isFinite(lastTs) ? lastTs : now });
  const [event] = evaluator.tick(now);
  return { state: evaluator.state, event: event ?? null };
}
