import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../kernel/cli-command.js';
import { measureCatalogue } from './catalogue/measure-catalogue.js';
import { roadmapCommands } from './cli.js';

async function run(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: CliIo = { readStdin: async () => stdin, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await roadmapCommands.suggest!(args, io);
  return { code, out, err };
}

const input = {
  profile: { employees: 12, industry: '28', state: 'BY', region: 'muenchen' },
  answers: {
    'scr.machines': true,
    'scr.cooperation': false,
    'dgm.tech.cloud': false,
    'dgm.tech.connectedMachines': false,
    'strategy.goal': 1,
    'strategy.microGoals': 0,
    'security.concept': 1,
    'security.backup': 'irregular',
    'security.breach72h': false,
    'customers.crm': 'paper',
    'production.paperless': 1,
    'production.machineDataUse': 0,
    'dgm.mainModel.revenueShare': '75-100',
    'dgm.threat': 'current',
    // Hidden: the cloud section is only shown to firms that use cloud services.
    'cooperation.cloudExit': 'no',
  },
};

describe('werkverbund roadmap suggest', () => {
  it('prints suggestions with reasons, ordered so that dependencies come first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-'));
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify(input));
    const { code, out, err } = await run(['--input', file]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const { suggestions } = JSON.parse(out) as { suggestions: Array<Record<string, unknown> & { id: string; dependsOn: string[]; reasonItems: string[] }> };
    expect(suggestions.length).toBeGreaterThan(0);
    const position = new Map(suggestions.map((s, i) => [s.id, i]));
    for (const s of suggestions) {
      expect(Object.keys(s).sort()).toEqual(['benefit', 'dependsOn', 'dimensions', 'effort', 'id', 'quadrant', 'reason', 'reasonItems', 'title']);
      expect(s.reasonItems.length).toBeGreaterThan(0);
      expect(typeof s.reason).toBe('string');
      for (const d of s.dependsOn) expect(position.get(d)!).toBeLessThan(position.get(s.id)!);
    }
    const ids = suggestions.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['security-concept', 'incident-response-plan', 'crm-system', 'tablets-shop-floor', 'machine-data-capture']));
    expect(ids).not.toContain('cloud-exit-strategy');
    const crm = suggestions.find((s) => s.id === 'crm-system')!;
    expect(crm.title).toBe(measureCatalogue.measures.find((m) => m.id === 'crm-system')!.title.de);
    expect(crm.reasonItems).toContain('customers.crm');
  });

  it('reads stdin and answers in English on request', async () => {
    const { code, out } = await run(['--lang', 'en'], JSON.stringify(input));
    expect(code).toBe(0);
    const { suggestions } = JSON.parse(out) as { suggestions: Array<{ id: string; title: string }> };
    const crm = suggestions.find((s) => s.id === 'crm-system')!;
    expect(crm.title).toBe(measureCatalogue.measures.find((m) => m.id === 'crm-system')!.title.en);
  });

  it('fails with exit code 1 and a message naming the offending item', async () => {
    const bad = await run([], JSON.stringify({ profile: {}, answers: { 'security.concept': 'yes please' } }));
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('security.concept');
    const unknown = await run([], JSON.stringify({ answers: { 'no.such.item': true } }));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no.such.item');
  });

  it('fails with exit code 1 on broken JSON, a missing file, a bad profile or a bad language', async () => {
    for (const [args, stdin] of [
      [[], '{not json'],
      [['--input', join(tmpdir(), 'does-not-exist-roadmap.json')], ''],
      [[], JSON.stringify({ profile: { employees: -3 }, answers: {} })],
      [['--lang', 'fr'], JSON.stringify(input)],
    ] as Array<[string[], string]>) {
      const { code, err, out } = await run(args, stdin);
      expect(code).toBe(1);
      expect(err.length).toBeGreaterThan(0);
      expect(out).toBe('');
    }
  });
});
