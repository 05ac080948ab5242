import { describe, expect, it } from 'vitest';
import type { SuggestionContext } from './check-facts.js';
import { evaluateCondition } from './evaluate-condition.js';

const ctx = (over: Partial<SuggestionContext> = {}): SuggestionContext => ({
  result: { dimensions: [{ id: 'security', score: 40 }, { id: 'data', score: null }], dependency: 'high', serviceStage: null },
  answers: { 'security.concept': 1, 'dgm.tech.cloud': true, 'customers.crm': 'paper', 'people.skills': 'unknown', 'data.erp': 'na' },
  profile: { employees: 12, valueChain: 'contractManufacturer' },
  ...over,
});

describe('evaluateCondition', () => {
  it('compares a dimension score strictly below the threshold', () => {
    expect(evaluateCondition({ dimension: 'security', scoreBelow: 41 }, ctx())).toEqual([
      { kind: 'dimension', dimension: 'security', score: 40, op: 'below', threshold: 41 },
    ]);
    expect(evaluateCondition({ dimension: 'security', scoreBelow: 40 }, ctx())).toBeNull();
    expect(evaluateCondition({ dimension: 'security', scoreAtLeast: 40 }, ctx())).not.toBeNull();
    expect(evaluateCondition({ dimension: 'security', scoreAtLeast: 41 }, ctx())).toBeNull();
  });

  it('never fires on a dimension without enough answers or missing from the result', () => {
    expect(evaluateCondition({ dimension: 'data', scoreBelow: 100 }, ctx())).toBeNull();
    expect(evaluateCondition({ dimension: 'people', scoreBelow: 100 }, ctx())).toBeNull();
  });

  it('matches item answers by value and never fires on a missing answer', () => {
    expect(evaluateCondition({ item: 'dgm.tech.cloud', equals: true }, ctx())).toEqual([{ kind: 'item', item: 'dgm.tech.cloud', value: true }]);
    expect(evaluateCondition({ item: 'dgm.tech.cloud', equals: false }, ctx())).toBeNull();
    expect(evaluateCondition({ item: 'customers.crm', in: ['paper', 'spreadsheet'] }, ctx())).not.toBeNull();
    expect(evaluateCondition({ item: 'customers.crm', in: ['crm'] }, ctx())).toBeNull();
    expect(evaluateCondition({ item: 'strategy.goal', below: 3 }, ctx())).toBeNull();
    expect(evaluateCondition({ item: 'data.erp', in: ['none', 'accounting'] }, ctx())).toBeNull();
  });

  it('compares numbers only with numeric answers', () => {
    expect(evaluateCondition({ item: 'security.concept', below: 2 }, ctx())).not.toBeNull();
    expect(evaluateCondition({ item: 'security.concept', below: 1 }, ctx())).toBeNull();
    expect(evaluateCondition({ item: 'security.concept', atLeast: 1 }, ctx())).not.toBeNull();
    expect(evaluateCondition({ item: 'people.skills', below: 5 }, ctx())).toBeNull();
  });

  it('reads classifications and ignores undetermined ones', () => {
    expect(evaluateCondition({ classification: 'dependency', in: ['high', 'elevated'] }, ctx())).toEqual([
      { kind: 'classification', name: 'dependency', value: 'high' },
    ]);
    expect(evaluateCondition({ classification: 'dependency', equals: 'low' }, ctx())).toBeNull();
    expect(evaluateCondition({ classification: 'serviceStage', in: [1, 2, 3] }, ctx())).toBeNull();
    expect(evaluateCondition({ classification: 'digitalisationDegree', equals: 'low' }, ctx())).toBeNull();
  });

  it('reads the profile', () => {
    expect(evaluateCondition({ profile: 'employees', below: 50 }, ctx())).not.toBeNull();
    expect(evaluateCondition({ profile: 'employees', atLeast: 13 }, ctx())).toBeNull();
    expect(evaluateCondition({ profile: 'employees', below: 50 }, ctx({ profile: {} }))).toBeNull();
    expect(evaluateCondition({ profile: 'valueChain', in: ['contractManufacturer'] }, ctx())).not.toBeNull();
  });

  it('combines conditions: all needs every part, any collects the facts of every true part, not adds none', () => {
    const low = { dimension: 'security', scoreBelow: 50 } as const;
    const cloud = { item: 'dgm.tech.cloud', equals: true } as const;
    const noCloud = { item: 'dgm.tech.cloud', equals: false } as const;
    expect(evaluateCondition({ all: [low, cloud] }, ctx())).toHaveLength(2);
    expect(evaluateCondition({ all: [low, noCloud] }, ctx())).toBeNull();
    expect(evaluateCondition({ any: [low, noCloud, cloud] }, ctx())).toHaveLength(2);
    expect(evaluateCondition({ any: [noCloud] }, ctx())).toBeNull();
    expect(evaluateCondition({ not: noCloud }, ctx())).toEqual([]);
    expect(evaluateCondition({ not: cloud }, ctx())).toBeNull();
  });
});
