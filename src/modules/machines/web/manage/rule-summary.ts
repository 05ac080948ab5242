import type { TFunction } from 'i18next';
import type { RuleDefinition } from '../manage-api';

/** One sentence saying when a rule raises and when it clears, in the user's language. */
export function ruleSummary(t: TFunction, rule: RuleDefinition, unit: string, number: (v: number, digits?: number) => string): string {
  const n = (v: number) => number(v, Number.isInteger(v) ? 0 : 2);
  const u = unit ? ` ${unit}` : '';
  if (rule.kind === 'noData') return t('machinesManage.rules.summary.noData', { minutes: n(rule.minutes) });
  if (rule.kind === 'rateOfChange') {
    return t(`machinesManage.rules.summary.${rule.minDurationSeconds > 0 ? 'rate' : 'rateNow'}`, { limit: n(rule.maxPerMinute), clear: n(rule.maxPerMinute - rule.hysteresis), unit: u, seconds: n(rule.minDurationSeconds) });
  }
  const clear = rule.direction === 'high' ? rule.limit - rule.hysteresis : rule.limit + rule.hysteresis;
  return t(`machinesManage.rules.summary.${rule.direction}${rule.minDurationSeconds > 0 ? '' : 'Now'}`, { limit: n(rule.limit), clear: n(clear), unit: u, seconds: n(rule.minDurationSeconds) });
}
