import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../kernel/cli-command.js';
import { investCommands } from './cli.js';

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readStdin: async () => stdin, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(input: unknown, args: string[] = []) {
  const fake = fakeIo(typeof input === 'string' ? input : JSON.stringify(input));
  const code = await investCommands.evaluate(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const project = {
  discountRate: 0.08,
  scenarios: {
    worst: { cashFlows: [-60000, 10000, 10000, 10000, 10000, 10000] },
    expected: { cashFlows: [-50000, 15000, 15000, 15000, 15000, 15000] },
    best: { cashFlows: [0, 20000] },
  },
  criteria: [
    { id: 'risk', weight: 0.3, score: 3 },
    { id: 'strategicFit', weight: 0.7, score: 5 },
  ],
};

describe('werkverbund invest evaluate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'invest-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the figures per scenario and the utility score as JSON', async () => {
    const { code, stdout, stderr } = await run(project);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['scenarios', 'utilityScore']);
    expect(Object.keys(result.scenarios)).toEqual(['worst', 'expected', 'best']);
    // expected: see the hand calculation in evaluate.test.ts
    expect(result.scenarios.expected.npv).toBeCloseTo(9890.65, 2);
    expect(result.scenarios.expected.irr).toBeCloseTo(0.1523823712, 9);
    expect(result.scenarios.expected.paybackYears).toBeCloseTo(10 / 3, 12);
    expect(result.scenarios.expected.discountedPaybackYears).toBeCloseTo(4.031159, 6);
    expect(result.scenarios.expected.roi).toBeCloseTo(0.5, 12);
    // worst: 10000 · 3.992710 - 60000 = -20072.90; never paid back; ROI -10000 / 60000
    expect(result.scenarios.worst.npv).toBeCloseTo(-20072.9, 1);
    expect(result.scenarios.worst.paybackYears).toBeNull();
    expect(result.scenarios.worst.discountedPaybackYears).toBeNull();
    expect(result.scenarios.worst.roi).toBeCloseTo(-1 / 6, 12);
    // best: only an inflow — no IRR, no outflow, paid back from the start
    expect(result.scenarios.best).toEqual({
      npv: 20000 / 1.08,
      irr: null,
      paybackYears: 0,
      discountedPaybackYears: 0,
      roi: null,
    });
    // 0.3 · 3 + 0.7 · 5 = 4.4 of 5 → 88
    expect(result.utilityScore).toBeCloseTo(88, 10);
  });

  it('reads the project from --input FILE', async () => {
    const file = join(dir, 'project.json');
    await writeFile(file, JSON.stringify(project));
    const { code, stdout } = await run('not read', ['--input', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).utilityScore).toBeCloseTo(88, 10);
  });

  it('gives null as utility score without criteria and 8 % when no discount rate is given', async () => {
    const { code, stdout } = await run({ scenarios: { expected: project.scenarios.expected } });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.utilityScore).toBeNull();
    expect(result.scenarios.expected.npv).toBeCloseTo(9890.65, 2);
  });

  it('takes the default weight of a default criterion when none is given', async () => {
    // default weights risk 0.25, strategicFit 0.25 → normalised 0.5 each; (0.5 · 2 + 0.5 · 4) / 5 → 60
    const { stdout } = await run({
      scenarios: { expected: { cashFlows: [-1, 2] } },
      criteria: [{ id: 'risk', score: 2 }, { id: 'strategicFit', score: 4 }],
    });
    expect(JSON.parse(stdout).utilityScore).toBeCloseTo(60, 10);
  });

  it('rejects invalid input with a message naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...project, discountRate: 8 }, 'discountRate:'],
      [{ ...project, discountRate: -1 }, 'discountRate:'],
      [{ ...project, discountRate: '0.08' }, 'discountRate:'],
      [{ ...project, scenarios: {} }, 'scenarios:'],
      [{ discountRate: 0.08 }, 'scenarios:'],
      [{ ...project, scenarios: { expected: { cashFlows: [-100, 'x'] } } }, 'scenarios.expected.cashFlows[1]:'],
      [{ ...project, scenarios: { expected: { cashFlows: [] } } }, 'scenarios.expected.cashFlows:'],
      [{ ...project, scenarios: { expected: { cashflows: [-1, 2] } } }, 'scenarios.expected:'],
      [{ ...project, scenarios: { expected: { cashFlows: new Array(102).fill(1) } } }, 'scenarios.expected.cashFlows:'],
      [{ ...project, criteria: [{ id: 'risk', weight: 0.3, score: 6 }] }, 'criteria[0].score:'],
      [{ ...project, criteria: [{ id: 'risk', weight: -1, score: 3 }] }, 'criteria[0].weight:'],
      [{ ...project, criteria: [{ id: 'cost', score: 3 }] }, 'criteria[0].weight:'],
      [{ ...project, criteria: [{ id: 'risk', weight: 0, score: 3 }] }, 'criteria:'],
      [{ ...project, criteria: [{ id: 'risk', score: 3 }, { id: 'risk', score: 4 }] }, 'criteria[1].id:'],
      [{ ...project, discountrate: 0.08 }, 'input:'],
      [[1, 2], 'input:'],
    ];
    for (const [input, field] of cases) {
      const { code, stdout, stderr } = await run(input);
      expect(code, field).toBe(1);
      expect(stdout, field).toBe('');
      expect(stderr, field).toContain(`  ${field} `);
    }
  });

  it('reports unreadable input', async () => {
    const broken = await run('{"scenarios":');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/not valid JSON/);
    const missing = await run('', ['--input', join(dir, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json/);
    const noName = await run('', ['--input']);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toMatch(/--input needs a file name/);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run('', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/werkverbund invest evaluate/);
  });
});
