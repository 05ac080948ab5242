import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TopicMapping, mapMessage, matchTopic, parseBareValue, patternError, subscriptionFilter } from './topic-mapping.js';

const M1 = '0190a000-0000-7000-8000-000000000001';
const text = (s: string) => new TextEncoder().encode(s);
const mapping = (m: Partial<TopicMapping>): TopicMapping => ({ topic: 'werk/{machine}/{point}', payload: 'value', machineId: null, point: null, machineKeys: [{ key: 'presse-1', machineId: M1 }], ...m });

/** MQTT topic-filter semantics (spec 4.7), to check the subscription against. */
function filterMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

describe('topic mapping', () => {
  it('checks patterns', () => {
    expect(patternError('werk/{machine}/{point}')).toBeNull();
    expect(patternError('werk/+/{point}/#')).toBeNull();
    expect(patternError('werk/#/x')).toMatch(/last segment/);
    expect(patternError('werk/a+b')).toMatch(/segment "a\+b"/);
    expect(patternError('{point}/{point}')).toMatch(/once/);
    expect(patternError('')).toMatch(/1 to 500/);
  });

  it('subscribes with placeholders as + and reads them back from a topic', () => {
    expect(subscriptionFilter('werk/{machine}/{point}')).toBe('werk/+/+');
    expect(matchTopic('werk/{machine}/{point}', 'werk/presse-1/temperatur')).toEqual({ machine: 'presse-1', point: 'temperatur' });
    expect(matchTopic('werk/{machine}/{point}', 'werk/presse-1')).toBeNull();
    expect(matchTopic('werk/{machine}/#', 'werk/presse-1/a/b')).toEqual({ machine: 'presse-1' });
    expect(matchTopic('werk/x/{point}', 'werk/y/temp')).toBeNull();
  });

  it('reads bare values', () => {
    expect(parseBareValue(' 21.5 ')).toBe(21.5);
    expect(parseBareValue('-3e2')).toBe(-300);
    expect(parseBareValue('true')).toBe(true);
    expect(parseBareValue('false')).toBe(false);
    expect(parseBareValue('P-17')).toBe('P-17');
    expect(parseBareValue('Infinity')).toBe('Infinity');
    expect(parseBareValue('')).toBeUndefined();
    expect(parseBareValue('x'.repeat(1001))).toBeUndefined();
  });

  it('maps one value per topic at the receive time, and JSON with its own times', () => {
    expect(mapMessage(mapping({}), 'werk/presse-1/temperatur', text('21.5'), 1_772_352_900_000, Infinity)).toEqual({
      ok: true,
      machineId: M1,
      samples: [{ point: 'temperatur', ts: 1_772_352_900_000, value: 21.5 }],
    });
    const json = mapMessage(mapping({ topic: 'halle/{machine}', payload: 'json' }), 'halle/presse-1', text('{"ts":"2026-03-01T09:15:00+01:00","values":{"strom":180.5}}'), 0, Infinity);
    expect(json).toEqual({ ok: true, machineId: M1, samples: [{ point: 'strom', ts: Date.parse('2026-03-01T08:15:00Z'), value: 180.5 }] });
    expect(mapMessage(mapping({ topic: 'halle/presse1/{point}', machineId: M1, machineKeys: [] }), 'halle/presse1/druck', text('7'), 5, Infinity)).toMatchObject({ ok: true, machineId: M1 });
    expect(mapMessage(mapping({ topic: 'halle/presse1/wert', machineId: M1, point: 'druck' }), 'halle/presse1/wert', text('7'), 5, Infinity)).toMatchObject({ ok: true, samples: [{ point: 'druck' }] });
  });

  it('says why a message cannot be stored', () => {
    expect(mapMessage(mapping({}), 'werk/presse-9/temperatur', text('1'), 0, Infinity)).toEqual({ ok: false, error: expect.stringMatching(/key "presse-9"/) });
    expect(mapMessage(mapping({}), 'werk/presse-1/t emp', text('1'), 0, Infinity)).toEqual({ ok: false, error: expect.stringMatching(/not a valid data point/) });
    expect(mapMessage(mapping({}), 'werk/presse-1/temp', text('  '), 0, Infinity)).toEqual({ ok: false, error: expect.stringMatching(/empty/) });
    expect(mapMessage(mapping({ payload: 'json' }), 'werk/presse-1/x', text('21.5'), 0, Infinity)).toMatchObject({ ok: false });
  });

  const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}$/);
  const patternArb = fc
    .array(fc.constantFrom<'lit' | '+' | 'machine' | 'point'>('lit', '+', 'machine', 'point'), { minLength: 1, maxLength: 6 })
    .chain((kinds) => fc.tuple(fc.constant(kinds), fc.array(segment, { minLength: kinds.length, maxLength: kinds.length }), fc.boolean()));

  it('property: a topic built from a pattern matches it, yields its placeholders and passes the subscription filter', () => {
    fc.assert(
      fc.property(patternArb, fc.array(segment, { minLength: 6, maxLength: 6 }), fc.array(segment, { maxLength: 3 }), ([kinds, literals, hash], values, rest) => {
        let seenMachine = false;
        let seenPoint = false;
        const pattern: string[] = [];
        const topic: string[] = [];
        const expected: { machine?: string; point?: string } = {};
        kinds.forEach((k, i) => {
          if (k === 'machine' && !seenMachine) {
            seenMachine = true;
            pattern.push('{machine}');
            expected.machine = values[i];
            topic.push(values[i]);
          } else if (k === 'point' && !seenPoint) {
            seenPoint = true;
            pattern.push('{point}');
            expected.point = values[i];
            topic.push(values[i]);
          } else if (k === '+') {
            pattern.push('+');
            topic.push(values[i]);
          } else {
            pattern.push(literals[i]);
            topic.push(literals[i]);
          }
        });
        if (hash) {
          pattern.push('#');
          topic.push(...rest);
        }
        const p = pattern.join('/');
        const t = topic.join('/');
        expect(patternError(p)).toBeNull();
        expect(matchTopic(p, t)).toEqual(expected);
        expect(filterMatches(subscriptionFilter(p), t)).toBe(true);
      }),
    );
  });

  it('property: whatever the topic, matching never disagrees with the subscription filter', () => {
    fc.assert(
      fc.property(patternArb, fc.array(segment, { minLength: 1, maxLength: 7 }), ([kinds, literals], topic) => {
        const used = new Set<string>();
        const p = kinds
          .map((k, i) => {
            const s = k === 'machine' ? '{machine}' : k === 'point' ? '{point}' : k === '+' ? '+' : literals[i];
            if (s.startsWith('{') && used.has(s)) return '+';
            used.add(s);
            return s;
          })
          .join('/');
        const t = topic.join('/');
        expect(matchTopic(p, t) !== null).toBe(filterMatches(subscriptionFilter(p), t));
      }),
    );
  });
});
