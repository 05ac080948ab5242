import { describe, expect, it } from 'vitest';
import { getQuestionnaire, questionnaireVersions } from '../questionnaire/questionnaires.js';
import { DIMENSION_IDS, parseQuestionnaire, type Questionnaire } from './questionnaire-schema.js';

const q = getQuestionnaire('2026.1');
const item = (id: string) => q.items.find((i) => i.id === id);

/** The study items with their exact types and values (PRODUCT.md, issue 3). */
const STUDY_CHOICES: Record<string, string[]> = {
  'isi.competition.primary': ['price', 'quality', 'innovation', 'customisation', 'delivery', 'services'],
  'isi.competition.secondary': ['price', 'quality', 'innovation', 'customisation', 'delivery', 'services'],
  'isi.innovation.top': ['products', 'processes', 'organisation', 'services'],
  'dgm.marketPosition': ['techLeader', 'nicheLeader', 'costLeader', 'fewCompetitors', 'manyCompetitors'],
  'dgm.mainModel.market': ['traditional', 'new'],
  'dgm.mainModel.status': ['proven', 'novel', 'threatened'],
  'dgm.mainModel.revenueShare': ['75-100', '50-75', '25-50', '0-25'],
  'dgm.threat': ['no', 'future', 'current', 'unknown'],
};
const STUDY_BOOLEANS = [
  ...['planning', 'training', 'maintenance', 'installation', 'remoteSupport', 'takeBack', 'retrofit', 'software'].map((k) => `isi.service.${k}`),
  ...['rental', 'fullService', 'operator', 'availabilityGuarantee', 'performancePricing'].map((k) => `isi.serviceModel.${k}`),
  ...['internet', 'mobileDevices', 'teleservice', 'vrAr'].map((k) => `isi.serviceTech.${k}`),
  ...['internet', 'mobileDevices', 'webPlatforms', 'conditionMonitoring', 'connectedMachines', 'm2m', 'cloud', 'apps', 'analytics', 'vrAr'].map((k) => `dgm.tech.${k}`),
];

function clone(): Questionnaire {
  return structuredClone(q);
}

describe('questionnaire 2026.1', () => {
  it('is registered and declares its own version', () => {
    expect(questionnaireVersions()).toContain('2026.1');
    expect(q.version).toBe('2026.1');
  });

  it('has the nine dimensions, each with five level descriptions in German and English', () => {
    expect(q.dimensions.map((d) => d.id).sort()).toEqual([...DIMENSION_IDS].sort());
    for (const d of q.dimensions) {
      expect(d.levels).toHaveLength(5);
      for (const l of d.levels) expect(l.de && l.en).toBeTruthy();
    }
  });

  it('has the study choice items with exactly the study values', () => {
    for (const [id, values] of Object.entries(STUDY_CHOICES)) {
      const i = item(id);
      expect(i?.type, id).toBe('choice');
      if (i?.type === 'choice') expect(i.options.map((o) => o.value), id).toEqual(values);
    }
  });

  it('has the study yes/no items as booleans', () => {
    expect(STUDY_BOOLEANS).toHaveLength(27);
    for (const id of STUDY_BOOLEANS) expect(item(id)?.type, id).toBe('boolean');
  });

  it('asks the service share of revenue as a number 0–100 and complementary models as an integer ≥ 0', () => {
    expect(item('isi.serviceRevenueShare')).toMatchObject({ type: 'number', min: 0, max: 100 });
    const c = item('dgm.complementaryModels');
    expect(c).toMatchObject({ type: 'integer', min: 0 });
    expect(c?.type === 'integer' && c.max).toBeFalsy();
  });

  it('is sized for about 20 minutes and feeds every dimension from at least three items', () => {
    expect(q.items.length).toBeGreaterThanOrEqual(50);
    expect(q.items.length).toBeLessThanOrEqual(75);
    for (const d of DIMENSION_IDS) expect(q.items.filter((i) => i.feeds.some((f) => f.dimension === d)).length, d).toBeGreaterThanOrEqual(3);
  });

  it('starts with the screener and has deep sections that depend on it', () => {
    expect(q.sections[0]!.screener).toBe(true);
    expect(q.items[0]!.section).toBe(q.sections[0]!.id);
    expect(q.sections.filter((s) => s.showIf).length).toBeGreaterThanOrEqual(2);
  });

  it('explains every item in German and English', () => {
    for (const i of q.items) {
      expect(i.text.de && i.text.en && i.why.de && i.why.en, i.id).toBeTruthy();
      expect(i.text.de, i.id).not.toBe(i.text.en);
    }
  });
});

describe('parseQuestionnaire rejects broken data', () => {
  const rejects = (mutate: (x: Questionnaire) => void, message: RegExp) => {
    const data = clone();
    mutate(data);
    expect(() => parseQuestionnaire(data)).toThrow(message);
  };

  it('accepts the shipped data unchanged', () => {
    expect(() => parseQuestionnaire(clone())).not.toThrow();
  });
  it('a missing dimension', () => rejects((x) => x.dimensions.pop(), /dimension organisation must appear exactly once/));
  it('a duplicate item id', () => rejects((x) => x.items.push(structuredClone(x.items[0]!)), /duplicate item id/));
  it('an unknown section', () => rejects((x) => (x.items[5]!.section = 'nowhere'), /unknown section nowhere/));
  it('a condition on an unknown item', () => rejects((x) => (x.sections.find((s) => s.showIf)!.showIf = { item: 'nope', equals: true }), /unknown item nope/));
  it('a condition on a non-screener item', () => rejects((x) => (x.sections.find((s) => s.showIf)!.showIf = { item: 'strategy.goal', atLeast: 2 }), /not a screener item/));
  it('a scored item without scoring', () =>
    rejects((x) => {
      const i = x.items.find((it) => it.type === 'scale')!;
      if (i.type === 'scale') delete i.points;
    }, /no complete scoring/));
  it('scoring on an item that feeds nothing', () =>
    rejects((x) => {
      const i = x.items.find((it) => it.type === 'scale')!;
      i.feeds = [];
    }, /has scoring but feeds no dimension/));
  it('the reserved option "na"', () =>
    rejects((x) => {
      const i = x.items.find((it) => it.id === 'dgm.marketPosition')!;
      if (i.type === 'choice') i.options[0]!.value = 'na';
    }, /reserved/));
  it('a level list of the wrong length', () => rejects((x) => x.dimensions[0]!.levels.pop(), /levels/));
  it('an item without English text', () => rejects((x) => ((x.items[0]!.text as { en?: string }).en = undefined), /text/));
});
