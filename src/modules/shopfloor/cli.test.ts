import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../kernel/cli-command';
import { shopfloorCommands } from './cli';

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readStdin: async () => stdin, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

// Shift 06:00–14:00 (480 min) with a 30-minute break → 450 min planned production time.
// Run 06:00–13:30 spans the break → 420 min run time. 400 pieces × 60 s = 400 min ideal output.
// A = 420/450 = 14/15, P = 400/420 = 20/21, Q = 380/400 = 0.95, OEE = 380/450.
const example = {
  plannedWindows: [{ start: '2026-03-02T06:00:00+01:00', end: '2026-03-02T14:00:00+01:00' }],
  plannedDowntime: [{ start: '2026-03-02T09:00:00+01:00', end: '2026-03-02T09:30:00+01:00' }],
  runs: [{ start: '2026-03-02T06:00:00+01:00', end: '2026-03-02T13:30:00+01:00' }],
  idealCycleSeconds: 60,
  good: 380,
  scrap: 20,
};

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('werkverbund shopfloor oee', () => {
  it('reads stdin and prints the figures as fractions', async () => {
    const { io, out, err } = fakeIo(JSON.stringify(example));
    expect(await shopfloorCommands.oee([], io)).toBe(0);
    expect(err()).toBe('');
    const result = JSON.parse(out());
    expect(Object.keys(result)).toEqual([
      'plannedProductionMinutes', 'runMinutes', 'availability', 'performance', 'performanceAboveIdeal', 'quality', 'oee',
    ]);
    expect(result.plannedProductionMinutes).toBe(450);
    expect(result.runMinutes).toBe(420);
    expect(result.availability).toBeCloseTo(14 / 15, 12);
    expect(result.performance).toBeCloseTo(20 / 21, 12);
    expect(result.quality).toBe(0.95);
    expect(result.oee).toBeCloseTo(380 / 450, 12);
    expect(result.performanceAboveIdeal).toBe(false);
  });

  it('reads --input FILE; plannedDowntime may be left out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shopfloor-oee-'));
    dirs.push(dir);
    const file = join(dir, 'periods.json');
    const { plannedDowntime: _unused, ...withoutDowntime } = example;
    await writeFile(file, JSON.stringify(withoutDowntime));
    const { io, out } = fakeIo('not used');
    expect(await shopfloorCommands.oee(['--input', file], io)).toBe(0);
    const result = JSON.parse(out());
    expect(result.plannedProductionMinutes).toBe(480);
    expect(result.runMinutes).toBe(450);
  });

  it('zero denominators are null in the output', async () => {
    const { io, out } = fakeIo(JSON.stringify({ ...example, plannedWindows: [], plannedDowntime: [], good: 0, scrap: 0 }));
    expect(await shopfloorCommands.oee([], io)).toBe(0);
    expect(JSON.parse(out())).toEqual({
      plannedProductionMinutes: 0, runMinutes: 0, availability: null, performance: null, performanceAboveIdeal: false, quality: null, oee: null,
    });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['end before start', { ...example, runs: [{ start: '2026-03-02T10:00:00Z', end: '2026-03-02T09:00:00Z' }] }, /runs\.0\.end: end is before start/],
    ['a bad timestamp', { ...example, plannedWindows: [{ start: '2026-03-02 06:00', end: '2026-03-02T14:00:00Z' }] }, /plannedWindows\.0\.start: expected an ISO 8601 timestamp/],
    ['a timestamp without time zone', { ...example, plannedDowntime: [{ start: '2026-03-02T09:00:00', end: '2026-03-02T09:30:00Z' }] }, /plannedDowntime\.0\.start/],
    ['a negative quantity', { ...example, scrap: -1 }, /scrap: must not be negative/],
    ['a missing field', { ...example, good: undefined }, /good: is required/],
    ['a zero cycle time', { ...example, idealCycleSeconds: 0 }, /idealCycleSeconds: must be greater than 0/],
    ['a non-object', [1, 2], /input: expected a JSON object/],
  ];
  for (const [name, input, message] of invalid) {
    it(`rejects ${name} on stderr with exit code 1`, async () => {
      const { io, out, err } = fakeIo(JSON.stringify(input));
      expect(await shopfloorCommands.oee([], io)).toBe(1);
      expect(out()).toBe('');
      expect(err()).toMatch(message);
    });
  }

  it('rejects text that is not JSON, and a missing file', async () => {
    const bad = fakeIo('{"plannedWindows": [');
    expect(await shopfloorCommands.oee([], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/not valid JSON/);
    const missing = fakeIo();
    expect(await shopfloorCommands.oee(['--input', join(tmpdir(), 'does-not-exist-shopfloor.json')], missing.io)).toBe(1);
    expect(missing.err()).toMatch(/ENOENT|no such file/);
    const noName = fakeIo();
    expect(await shopfloorCommands.oee(['--input'], noName.io)).toBe(1);
    expect(noName.err()).toMatch(/--input needs a file name/);
  });
});
