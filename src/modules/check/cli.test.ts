import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../kernel/cli-command.js';
import { checkCommands } from './cli.js';

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readStdin: async () => stdin, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const input = {
  profile: { employees: 40, industry: '28', valueChain: 'endProductB2B', series: 'single', complexity: 'complex', state: 'BW', region: 'stuttgart' },
  answers: {
    'isi.competition.primary': 'quality',
    'isi.competition.secondary': 'services',
    'isi.serviceTech.internet': true, 'isi.serviceTech.mobileDevices': false, 'isi.serviceTech.teleservice': false, 'isi.serviceTech.vrAr': false,
    'isi.serviceModel.rental': false, 'isi.serviceModel.fullService': false, 'isi.serviceModel.operator': false, 'isi.serviceModel.availabilityGuarantee': false, 'isi.serviceModel.performancePricing': false,
    'dgm.tech.internet': true, 'dgm.tech.mobileDevices': true, 'dgm.tech.webPlatforms': false, 'dgm.tech.conditionMonitoring': false, 'dgm.tech.connectedMachines': true,
    'dgm.tech.m2m': false, 'dgm.tech.cloud': true, 'dgm.tech.apps': false, 'dgm.tech.analytics': false, 'dgm.tech.vrAr': false,
    'dgm.mainModel.revenueShare': '50-75', 'dgm.mainModel.status': 'proven', 'dgm.threat': 'no',
  },
};

describe('check score', () => {
  it('reads stdin and prints the result as JSON', async () => {
    const { io, out, err } = fakeIo(JSON.stringify(input));
    expect(await checkCommands.score!([], io)).toBe(0);
    expect(err()).toBe('');
    const result = JSON.parse(out());
    // stage 2: a digital service technology, no service-based model; B = 2, F = 2 → high
    expect(result).toMatchObject({ questionnaireVersion: '2026.1', serviceStage: 2, digitalBusinessModelProvider: false, digitalisationDegree: 'high', servicesCompetitiveFactor: true, dependency: 'moderate' });
    expect(result.dimensions).toHaveLength(9);
    for (const d of result.dimensions) expect(d).toHaveProperty('score');
  });

  it('reads --input FILE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'check-cli-'));
    const file = join(dir, 'answers.json');
    await writeFile(file, JSON.stringify(input));
    const { io, out } = fakeIo('not used');
    expect(await checkCommands.score!(['--input', file], io)).toBe(0);
    expect(JSON.parse(out()).dependency).toBe('moderate');
  });

  it('exits 1 naming the offending item', async () => {
    const { io, out, err } = fakeIo(JSON.stringify({ ...input, answers: { ...input.answers, 'dgm.mainModel.revenueShare': '90-100' } }));
    expect(await checkCommands.score!([], io)).toBe(1);
    expect(out()).toBe('');
    expect(err()).toContain('dgm.mainModel.revenueShare');
  });

  it('exits 1 on invalid JSON and on a missing file', async () => {
    const bad = fakeIo('{');
    expect(await checkCommands.score!([], bad.io)).toBe(1);
    expect(bad.err()).toContain('not valid JSON');
    const missing = fakeIo();
    expect(await checkCommands.score!(['--input', join(tmpdir(), 'does-not-exist-check.json')], missing.io)).toBe(1);
    expect(missing.err()).not.toBe('');
  });
});
