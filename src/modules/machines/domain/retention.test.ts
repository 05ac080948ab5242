import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, effectiveRetention, longestRawRetention, retentionProblem } from './retention.js';

describe('retention per data point', () => {
  it('takes the default where a point has no setting of its own', () => {
    expect(effectiveRetention({ rawDays: 7, minuteDays: null, hourDays: null }, DEFAULT_RETENTION)).toEqual({ rawDays: 7, minuteDays: 400, hourDays: 3650 });
  });

  it('keeps coarser data at least as long as finer data', () => {
    expect(retentionProblem({ rawDays: 30, minuteDays: 30, hourDays: 30 })).toBeNull();
    expect(retentionProblem({ rawDays: 31, minuteDays: 30, hourDays: 400 })).toBe('minuteShorterThanRaw');
    expect(retentionProblem({ rawDays: 30, minuteDays: 400, hourDays: 399 })).toBe('hourShorterThanMinute');
  });

  it('drops partitions only after the longest raw retention of any point', () => {
    expect(longestRawRetention([], 90)).toBe(90);
    expect(longestRawRetention([{ rawDays: 7 }, { rawDays: null }], 90)).toBe(90);
    expect(longestRawRetention([{ rawDays: 7 }, { rawDays: 365 }], 90)).toBe(365);
  });
});
