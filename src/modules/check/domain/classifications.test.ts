import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASIC_TECH_ITEMS,
  FURTHER_TECH_ITEMS,
  SERVICE_MODEL_ITEMS,
  SERVICE_TECH_ITEMS,
  classify,
  dependencyOf,
  digitalisationDegreeOf,
  serviceStageOf,
  type Classifications,
} from './classifications.js';

type Answers = Record<string, unknown>;

/** Answers with exactly the first `n` of the given items true and the rest false. */
const firstTrue = (items: string[], n: number): Answers => Object.fromEntries(items.map((id, i) => [id, i < n]));

describe('digitalisation degree', () => {
  // Rows B = 0..3, columns F = 0..7, from PRODUCT.md: low if B + F ≤ 1 or F = 0; high if B ≥ 2 and F ≥ 2; else medium.
  const TABLE = [
    'L L M M M M M M',
    'L M M M M M M M',
    'L M H H H H H H',
    'L M H H H H H H',
  ].map((row) => row.split(' ').map((c) => ({ L: 'low', M: 'medium', H: 'high' })[c]));

  for (let b = 0; b <= 3; b++) {
    for (let f = 0; f <= 7; f++) {
      it(`B = ${b}, F = ${f} is ${TABLE[b]![f]}`, () => {
        expect(digitalisationDegreeOf(b, f)).toBe(TABLE[b]![f]);
        expect(classify({ ...firstTrue(BASIC_TECH_ITEMS, b), ...firstTrue(FURTHER_TECH_ITEMS, f) }).digitalisationDegree).toBe(TABLE[b]![f]);
      });
    }
  }

  it('depends only on how many basic and further technologies are used, not which', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (used) => {
        const answers = Object.fromEntries([...BASIC_TECH_ITEMS, ...FURTHER_TECH_ITEMS].map((id, i) => [id, used[i]]));
        const b = used.slice(0, 3).filter(Boolean).length;
        const f = used.slice(3).filter(Boolean).length;
        expect(classify(answers).digitalisationDegree).toBe(TABLE[b]![f]);
      }),
    );
  });

  it('never drops when one more technology is used', () => {
    const rank = { low: 0, medium: 1, high: 2 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 7 }), fc.boolean(), (b, f, addBasic) => {
        const before = rank[digitalisationDegreeOf(b, f)];
        const after = addBasic ? (b < 3 ? rank[digitalisationDegreeOf(b + 1, f)] : before) : f < 7 ? rank[digitalisationDegreeOf(b, f + 1)] : before;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('counts "na" as not used', () => {
    const answers = { ...firstTrue(BASIC_TECH_ITEMS, 2), ...firstTrue(FURTHER_TECH_ITEMS, 2), 'dgm.tech.apps': 'na' };
    expect(classify(answers).digitalisationDegree).toBe('high');
    expect(classify({ ...answers, 'dgm.tech.m2m': 'na', 'dgm.tech.connectedMachines': 'na' }).details.furtherTechnologies).toEqual({ min: 1, max: 1 });
  });
});

describe('service maturity stage', () => {
  it.each([
    [false, false, 1],
    [true, false, 2],
    [false, true, 2],
    [true, true, 3],
  ] as const)('digital service technology %s, service-based model %s → stage %i', (tech, model, stage) => {
    expect(serviceStageOf(tech, model)).toBe(stage);
  });

  it('any one of the four technologies and any one of the five models counts', () => {
    for (let t = 0; t <= SERVICE_TECH_ITEMS.length; t++) {
      for (let m = 0; m <= SERVICE_MODEL_ITEMS.length; m++) {
        const c = classify({ ...firstTrue([...SERVICE_TECH_ITEMS].reverse(), t), ...firstTrue(SERVICE_MODEL_ITEMS, m) });
        expect(c.serviceStage).toBe(1 + (t > 0 ? 1 : 0) + (m > 0 ? 1 : 0));
        expect(c.digitalBusinessModelProvider).toBe(t > 0 && m > 0);
      }
    }
  });

  it('product-related services alone keep a firm at stage 1', () => {
    const services = Object.fromEntries(['planning', 'training', 'maintenance', 'installation', 'remoteSupport', 'takeBack', 'retrofit', 'software'].map((k) => [`isi.service.${k}`, true]));
    const c = classify({ ...services, ...firstTrue(SERVICE_TECH_ITEMS, 0), ...firstTrue(SERVICE_MODEL_ITEMS, 0) });
    expect(c.serviceStage).toBe(1);
    expect(c.details.offersProductRelatedService).toBe(true);
  });

  it('never drops when a technology or model is added', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), fc.integer({ min: 0, max: 8 }), (used, extra) => {
        const ids = [...SERVICE_TECH_ITEMS, ...SERVICE_MODEL_ITEMS];
        const answers = Object.fromEntries(ids.map((id, i) => [id, used[i]]));
        expect(classify({ ...answers, [ids[extra]!]: true }).serviceStage!).toBeGreaterThanOrEqual(classify(answers).serviceStage!);
      }),
    );
  });
});

describe('services as competitive factor', () => {
  const FACTORS = ['price', 'quality', 'innovation', 'customisation', 'delivery', 'services'];
  for (const primary of FACTORS) {
    for (const secondary of FACTORS) {
      const expected = primary === 'services' || secondary === 'services';
      it(`${primary} / ${secondary} → ${expected}`, () => {
        expect(classify({ 'isi.competition.primary': primary, 'isi.competition.secondary': secondary }).servicesCompetitiveFactor).toBe(expected);
      });
    }
  }
});

describe('dependency on the main business model', () => {
  it.each([
    ['75-100', 'proven', 'no', 'elevated'],
    ['75-100', 'novel', 'unknown', 'elevated'],
    ['75-100', 'proven', 'future', 'high'],
    ['75-100', 'novel', 'current', 'high'],
    ['75-100', 'threatened', 'no', 'high'],
    ['75-100', 'threatened', 'unknown', 'high'],
    ['50-75', 'threatened', 'current', 'moderate'],
    ['50-75', 'proven', 'no', 'moderate'],
    ['25-50', 'threatened', 'current', 'low'],
    ['0-25', 'proven', 'no', 'low'],
  ])('share %s, status %s, threat %s → %s', (share, status, threat, expected) => {
    expect(classify({ 'dgm.mainModel.revenueShare': share, 'dgm.mainModel.status': status, 'dgm.threat': threat }).dependency).toBe(expected);
  });

  it('follows the definition for every combination', () => {
    for (const share of ['75-100', '50-75', '25-50', '0-25'] as const) {
      for (const status of ['proven', 'novel', 'threatened']) {
        for (const threat of ['no', 'future', 'current', 'unknown']) {
          const threatened = status === 'threatened' || threat === 'current' || threat === 'future';
          const expected = share === '75-100' ? (threatened ? 'high' : 'elevated') : share === '50-75' ? 'moderate' : 'low';
          expect(classify({ 'dgm.mainModel.revenueShare': share, 'dgm.mainModel.status': status, 'dgm.threat': threat }).dependency).toBe(expected);
          expect(dependencyOf(share, threatened)).toBe(expected);
        }
      }
    }
  });
});

describe('missing inputs', () => {
  it('gives null for everything when nothing was answered', () => {
    const c = classify({});
    expect([c.serviceStage, c.digitalBusinessModelProvider, c.digitalisationDegree, c.servicesCompetitiveFactor, c.dependency]).toEqual([null, null, null, null, null]);
  });

  it('still decides when the open items cannot change the result', () => {
    expect(classify({ 'isi.serviceTech.vrAr': true, 'isi.serviceModel.rental': true }).serviceStage).toBe(3);
    expect(classify({ 'isi.competition.secondary': 'services' }).servicesCompetitiveFactor).toBe(true);
    expect(classify({ 'dgm.mainModel.revenueShare': '0-25' }).dependency).toBe('low');
    expect(classify({ ...firstTrue(FURTHER_TECH_ITEMS, 0) }).digitalisationDegree).toBe('low');
    expect(classify({ ...firstTrue(SERVICE_TECH_ITEMS, 0) }).digitalBusinessModelProvider).toBe(false);
  });

  // Oracle: a classification is given exactly when all ways of answering the open items agree.
  const KEYS = ['serviceStage', 'digitalBusinessModelProvider', 'digitalisationDegree', 'servicesCompetitiveFactor', 'dependency'] as const;
  const OPEN = [undefined, 'unknown'];
  const CHOICES: Record<string, unknown[]> = {
    'isi.competition.primary': ['price', 'services', 'quality'],
    'isi.competition.secondary': ['delivery', 'services'],
    'dgm.mainModel.revenueShare': ['75-100', '50-75', '25-50', '0-25'],
    'dgm.mainModel.status': ['proven', 'novel', 'threatened'],
    'dgm.threat': ['no', 'future', 'current', 'unknown'],
  };
  const BOOLEAN_ITEMS = [...SERVICE_TECH_ITEMS, ...SERVICE_MODEL_ITEMS, ...BASIC_TECH_ITEMS, ...FURTHER_TECH_ITEMS];
  const domain = (id: string): unknown[] => CHOICES[id] ?? [true, false];

  function completions(answers: Answers, ids: string[]): Answers[] {
    let all: Answers[] = [answers];
    for (const id of ids) {
      // dgm.threat "unknown" is its own option, so only an absent dgm.threat is open;
      // a revenue share "na" gives no share to rate, so it is open as well
      const open =
        id === 'dgm.threat' ? answers[id] === undefined
        : id === 'dgm.mainModel.revenueShare' ? [...OPEN, 'na'].includes(answers[id] as string | undefined)
        : OPEN.includes(answers[id] as string | undefined);
      if (open) all = all.flatMap((a) => domain(id).map((v) => ({ ...a, [id]: v })));
    }
    return all;
  }

  it('is null exactly when completions of the open items disagree', () => {
    const ids = [...BOOLEAN_ITEMS, ...Object.keys(CHOICES)];
    const answerArb = (id: string) => fc.constantFrom(...domain(id), 'na', ...OPEN);
    fc.assert(
      fc.property(fc.record(Object.fromEntries(ids.map((id) => [id, answerArb(id)]))), fc.constantFrom(...KEYS), (raw, key) => {
        const answers = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
        // enumerate only the items this classification reads, to keep the oracle small
        const reads: Record<(typeof KEYS)[number], string[]> = {
          serviceStage: [...SERVICE_TECH_ITEMS, ...SERVICE_MODEL_ITEMS],
          digitalBusinessModelProvider: [...SERVICE_TECH_ITEMS, ...SERVICE_MODEL_ITEMS],
          digitalisationDegree: [...BASIC_TECH_ITEMS, ...FURTHER_TECH_ITEMS],
          servicesCompetitiveFactor: ['isi.competition.primary', 'isi.competition.secondary'],
          dependency: ['dgm.mainModel.revenueShare', 'dgm.mainModel.status', 'dgm.threat'],
        };
        const outcomes = new Set(completions(answers, reads[key]).map((a) => classify(a)[key]));
        expect(outcomes.has(null)).toBe(false);
        const expected = outcomes.size === 1 ? [...outcomes][0] : null;
        expect(classify(answers)[key]).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is never null when every relevant item is answered', () => {
    const ids = [...BOOLEAN_ITEMS, ...Object.keys(CHOICES)];
    fc.assert(
      fc.property(fc.record(Object.fromEntries(ids.map((id) => [id, fc.constantFrom(...domain(id), 'na')]))), (answers) => {
        const c: Classifications = classify(answers);
        expect([1, 2, 3]).toContain(c.serviceStage);
        expect(typeof c.digitalBusinessModelProvider).toBe('boolean');
        expect(['low', 'medium', 'high']).toContain(c.digitalisationDegree);
        expect(typeof c.servicesCompetitiveFactor).toBe('boolean');
        if (answers['dgm.mainModel.revenueShare'] !== 'na') expect(['low', 'moderate', 'elevated', 'high']).toContain(c.dependency);
      }),
    );
  });
});
