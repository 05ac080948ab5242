import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../catalogue/measure-schema.js';
import { quadrantOf } from './matrix.js';
import { comparePriority } from './priority.js';

describe('quadrantOf', () => {
  it.each([
    ['low', 'low', 'fillIn'],
    ['low', 'medium', 'quickWin'],
    ['low', 'high', 'quickWin'],
    ['medium', 'low', 'questionable'],
    ['medium', 'medium', 'bigBet'],
    ['medium', 'high', 'bigBet'],
    ['high', 'low', 'questionable'],
    ['high', 'medium', 'bigBet'],
    ['high', 'high', 'bigBet'],
  ] as const)('effort %s, benefit %s → %s', (effort, benefit, quadrant) => {
    expect(quadrantOf(effort, benefit)).toBe(quadrant);
  });

  it('keeps quick wins and fill-ins for low effort, and big bets and quick wins for worthwhile benefit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), fc.constantFrom(...LEVELS), (effort, benefit) => {
        const q = quadrantOf(effort, benefit);
        expect(['quickWin', 'fillIn'].includes(q)).toBe(effort === 'low');
        expect(['quickWin', 'bigBet'].includes(q)).toBe(benefit !== 'low');
      }),
    );
  });
});

describe('comparePriority', () => {
  it('puts quick wins before big bets before fill-ins before questionable', () => {
    const qw = { effort: 'low', benefit: 'high' } as const;
    const bb = { effort: 'high', benefit: 'high' } as const;
    const fi = { effort: 'low', benefit: 'low' } as const;
    const qu = { effort: 'high', benefit: 'low' } as const;
    const sorted = [qu, fi, bb, qw].sort(comparePriority);
    expect(sorted).toEqual([qw, bb, fi, qu]);
  });

  it('within a quadrant prefers higher benefit, then lower effort', () => {
    expect(comparePriority({ effort: 'low', benefit: 'high' }, { effort: 'low', benefit: 'medium' })).toBeLessThan(0);
    expect(comparePriority({ effort: 'medium', benefit: 'high' }, { effort: 'high', benefit: 'high' })).toBeLessThan(0);
    expect(comparePriority({ effort: 'high', benefit: 'high' }, { effort: 'high', benefit: 'high' })).toBe(0);
  });

  it('is antisymmetric', () => {
    const level = fc.constantFrom(...LEVELS);
    const m = fc.record({ effort: level, benefit: level });
    fc.assert(
      fc.property(m, m, (a, b) => {
        expect(Math.sign(comparePriority(a, b)) + Math.sign(comparePriority(b, a))).toBe(0);
      }),
    );
  });
});
