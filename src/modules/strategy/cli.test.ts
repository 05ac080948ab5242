import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../kernel/cli-command.js';
import { strategyCommands } from './cli.js';

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readStdin: async () => stdin, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const analysis = {
  factors: [
    { id: 'cloud', levels: ['one-provider', 'two-providers'] },
    { id: 'skills', levels: ['low', 'high'] },
    { id: 'data', levels: ['scattered', 'mapped'] },
  ],
  impact: [
    [0, 1, 3],
    [2, 0, 2],
    [0, 0, 0],
  ],
  consistency: { 'cloud.two-providers|skills.high': 2, 'skills.low|cloud.two-providers': -2, 'data.mapped|skills.high': 3, 'skills.low|data.mapped': -1, 'cloud.one-provider|data.scattered': 1 },
  threshold: 0,
};

describe('strategy scenarios', () => {
  it('prints sums, roles and the consistent scenarios as JSON', async () => {
    const { io, out, err } = fakeIo(JSON.stringify(analysis));
    expect(await strategyCommands.scenarios!([], io)).toBe(0);
    expect(err()).toBe('');
    const result = JSON.parse(out());
    // active: cloud 4, skills 4, data 0 · passive: cloud 2, skills 1, data 5 · mean 8/3
    expect(result.active).toEqual({ cloud: 4, skills: 4, data: 0 });
    expect(result.passive).toEqual({ cloud: 2, skills: 1, data: 5 });
    expect(result.roles).toEqual({ cloud: 'active', skills: 'active', data: 'reactive' });
    // pairs cloud–skills, cloud–data, skills–data; any scenario with "skills low" beside "two providers" or "mapped" is out
    expect(result.scenarios).toEqual([
      { levels: { cloud: 'two-providers', skills: 'high', data: 'mapped' }, consistency: 5, minPair: 0 },
      { levels: { cloud: 'one-provider', skills: 'high', data: 'mapped' }, consistency: 3, minPair: 0 },
      { levels: { cloud: 'two-providers', skills: 'high', data: 'scattered' }, consistency: 2, minPair: 0 },
      // equal totals in the order of the input's levels: "low" before "high"
      { levels: { cloud: 'one-provider', skills: 'low', data: 'scattered' }, consistency: 1, minPair: 0 },
      { levels: { cloud: 'one-provider', skills: 'high', data: 'scattered' }, consistency: 1, minPair: 0 },
    ]);
  });

  it('reads --input FILE and takes the threshold', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strategy-cli-'));
    const file = join(dir, 'analysis.json');
    await writeFile(file, JSON.stringify({ ...analysis, threshold: 1 }));
    const { io, out } = fakeIo('not used');
    expect(await strategyCommands.scenarios!(['--input', file], io)).toBe(0);
    expect(JSON.parse(out()).scenarios).toEqual([]);
  });

  it.each([
    ['not JSON', '{factors', /not valid JSON/],
    ['one factor', JSON.stringify({ ...analysis, factors: analysis.factors.slice(0, 1), impact: [[0]] }), /factors: a consistency analysis needs at least two factors/],
    ['a short matrix row', JSON.stringify({ ...analysis, impact: [[0, 1], [2, 0, 2], [0, 0, 0]] }), /impact\[0\]: needs 3 values/],
    ['an impact of 4', JSON.stringify({ ...analysis, impact: [[0, 4, 3], [2, 0, 2], [0, 0, 0]] }), /impact\[0\]\[1\]: needs a whole number 0–3/],
    ['an unknown level', JSON.stringify({ ...analysis, consistency: { 'cloud.none|skills.low': 1 } }), /factor "cloud" has no level "none"/],
    ['a pair of one factor', JSON.stringify({ ...analysis, consistency: { 'cloud.one-provider|cloud.two-providers': 1 } }), /two different factors/],
    ['a pair given twice', JSON.stringify({ ...analysis, consistency: { 'cloud.one-provider|skills.low': 1, 'skills.low|cloud.one-provider': 2 } }), /given twice/],
    ['a consistency of 5', JSON.stringify({ ...analysis, consistency: { 'cloud.one-provider|skills.low': 5 } }), /consistency\.cloud\.one-provider\|skills\.low/],
    ['a factor id with a dot', JSON.stringify({ ...analysis, factors: [{ id: 'a.b', levels: ['x'] }, ...analysis.factors.slice(1)] }), /must not contain/],
  ])('exits 1 with a clear message for %s', async (_name, stdin, message) => {
    const { io, out, err } = fakeIo(stdin);
    expect(await strategyCommands.scenarios!([], io)).toBe(1);
    expect(out()).toBe('');
    expect(err()).toMatch(message);
  });

  it('exits 1 when the space is too large rather than printing part of it', async () => {
    const levels = [...Array(12).keys()].map(String);
    const factors = [...Array(6).keys()].map((i) => ({ id: `f${i}`, levels }));
    const input = { factors, impact: factors.map(() => factors.map(() => 0)), consistency: {}, threshold: 0 };
    const { io, out, err } = fakeIo(JSON.stringify(input));
    expect(await strategyCommands.scenarios!([], io)).toBe(1);
    expect(out()).toBe('');
    expect(err()).toMatch(/more than 100000 consistent scenarios/);
  });
});
