import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../questionnaire/questionnaires.js';
import { BENCHMARK_FIGURES, SOURCE_DIGITAL_BUSINESS_MODELS_2016, SOURCE_PRODUCTION_2015 } from './benchmark-figures.js';
import { compareWithBenchmarks, type BenchmarkComparison } from './benchmarks.js';
import { classify } from './classifications.js';
import { STUDY_INDUSTRIES, studyIndustryOf } from './study-industry.js';

const fig = (id: string) => BENCHMARK_FIGURES.find((f) => f.id === id)!;

describe('benchmark figures', () => {
  it('name one of the two surveys, with its year, and are percentages', () => {
    for (const f of BENCHMARK_FIGURES) {
      expect([SOURCE_PRODUCTION_2015, SOURCE_DIGITAL_BUSINESS_MODELS_2016], f.id).toContain(f.source);
      expect(f.year, f.id).toBe(f.source === SOURCE_PRODUCTION_2015 ? 2015 : 2016);
      expect(f.scope, f.id).toBe(f.source === SOURCE_PRODUCTION_2015 ? 'germany' : 'stuttgartRegion');
      for (const v of [f.value, ...Object.values(f.breakdown ?? {}).flatMap((b) => Object.values(b as object))]) {
        expect(v, f.id).toBeGreaterThanOrEqual(0);
        expect(v, f.id).toBeLessThanOrEqual(100);
      }
      expect(f.label.de && f.label.en, f.id).toBeTruthy();
    }
    expect(new Set(BENCHMARK_FIGURES.map((f) => f.id)).size).toBe(BENCHMARK_FIGURES.length);
  });

  // Figures as printed in PRODUCT.md, "Reference facts from the study".
  it.each([
    ['servicesCompetitiveFactor', 14, { region: { stuttgart: 11, nord: 19, rheinRuhr: 20, muenchen: 23 } }],
    ['servicesTopInnovation', 9, { region: { stuttgart: 4, muenchen: 16 } }],
    ['productRelatedService', 77, { region: { stuttgart: 86, muenchen: 83, rheinRuhr: 76, nord: 75 } }],
    ['serviceBasedModel', 41, { region: { muenchen: 51, stuttgart: 46 }, industry: { machinery: 72, electronics: 53, electricalEquipment: 42, metal: 37 } }],
    ['serviceTech.internet', 38, { region: { stuttgart: 45 } }],
    ['serviceTech.mobileDevices', 39, { region: { stuttgart: 42 } }],
    ['serviceTech.teleservice', 17, { region: { stuttgart: 19 } }],
    ['serviceTech.vrAr', 9, { region: { stuttgart: 12 } }],
    ['serviceRevenueShare', 11, { region: { stuttgart: 10 } }],
    ['serviceInnovators', 15, { region: { stuttgart: 20 } }],
    ['digitalBusinessModelProvider', 31, {
      region: { stuttgart: 38, nord: 33, muenchen: 31, rheinRuhr: 21 },
      series: { single: 46, medium: 28, large: 16 },
      complexity: { complex: 52, medium: 25, simple: 15 },
      sizeClass: { '250to499': 40, '100to249': 33, lt100: 29 },
      industry: { machinery: 62, electronics: 42, chemicals: 32, electricalEquipment: 31, metal: 24, rubberPlastics: 23, woodPaper: 21, vehicles: 17, textiles: 13, food: 12 },
    }],
  ])('%s: Germany %i with its breakdowns', (id, value, breakdown) => {
    expect(fig(id)).toMatchObject({ value, breakdown, source: SOURCE_PRODUCTION_2015 });
  });

  it.each([
    ['service.planning', 58], ['service.training', 46], ['service.maintenance', 44], ['service.installation', 42],
    ['service.remoteSupport', 29], ['service.takeBack', 28], ['service.retrofit', 25], ['service.software', 20],
    ['serviceStage.1', 40], ['serviceStage.2', 29], ['serviceStage.3', 31],
    ['marketPosition.techLeader', 8], ['marketPosition.nicheLeader', 19], ['marketPosition.costLeader', 1], ['marketPosition.fewCompetitors', 23], ['marketPosition.manyCompetitors', 50],
    ['mainModel.proven.traditional', 57], ['mainModel.threatened.traditional', 16], ['mainModel.novel.traditional', 12], ['mainModel.proven.new', 10], ['mainModel.threatened.new', 2], ['mainModel.novel.new', 1],
    ['complementaryModel', 94], ['mainModelRevenueShare.75-100', 64], ['mainModelRevenueShare.50-75', 29], ['mainModelRevenueShare.below50', 6],
    ['threat.no', 58], ['threat.future', 21], ['threat.current', 7], ['threat.unknown', 14],
    ['tech.internet', 86], ['tech.mobileDevices', 64], ['tech.webPlatforms', 48],
    ['technologyCount.0to2', 35], ['technologyCount.3to5', 48], ['technologyCount.6plus', 17],
    ['digitalisationDegree.low', 32], ['digitalisationDegree.medium', 42], ['digitalisationDegree.high', 25],
    ['barrier.financing', 46], ['chance.customerRequirements', 41], ['digitalModelLead.management', 82],
  ])('%s is %i %%', (id, value) => expect(fig(id).value).toBe(value));

  it('has the stage shares of the Stuttgart region', () => {
    expect(['1', '2', '3'].map((s) => fig(`serviceStage.${s}`).breakdown?.region?.stuttgart)).toEqual([35, 28, 38]);
  });

  it('has distributions that add up to about 100 %', () => {
    const partitions = ['serviceStage', 'marketPosition', 'mainModel', 'mainModelRevenueShare', 'complementaryGrowth', 'lastComplementaryModel', 'complementaryModelReason', 'digitalisationEffect', 'threat', 'technologyCount', 'digitalisationDegree', 'digitalModelStatus'];
    for (const group of partitions) {
      const sum = BENCHMARK_FIGURES.filter((f) => f.group === group).reduce((s, f) => s + f.value, 0);
      expect(sum, group).toBeGreaterThanOrEqual(97);
      expect(sum, group).toBeLessThanOrEqual(101);
    }
  });
});

describe('studyIndustryOf', () => {
  it.each([
    ['28', 'machinery'], ['26', 'electronics'], ['27', 'electricalEquipment'], ['24', 'metal'], ['25', 'metal'],
    ['20', 'chemicals'], ['21', 'chemicals'], ['22', 'rubberPlastics'], ['16', 'woodPaper'], ['17', 'woodPaper'], ['18', 'woodPaper'],
    ['29', 'vehicles'], ['30', 'vehicles'], ['13', 'textiles'], ['14', 'textiles'], ['15', 'textiles'], ['10', 'food'], ['11', 'food'], ['12', 'food'],
  ])('maps WZ %s to %s', (division, industry) => expect(studyIndustryOf(division)).toBe(industry));

  it('maps every other division to null', () => {
    const mapped = new Set(['10', '11', '12', '13', '14', '15', '16', '17', '18', '20', '21', '22', '24', '25', '26', '27', '28', '29', '30']);
    for (let d = 1; d <= 99; d++) {
      const code = String(d).padStart(2, '0');
      if (!mapped.has(code)) expect(studyIndustryOf(code), code).toBeNull();
    }
    expect(studyIndustryOf(undefined)).toBeNull();
    expect(STUDY_INDUSTRIES).toHaveLength(10);
  });
});

describe('compareWithBenchmarks', () => {
  const answers = {
    'isi.serviceTech.internet': true,
    'isi.serviceModel.rental': true,
    'isi.competition.primary': 'quality',
    'isi.competition.secondary': 'services',
    'isi.service.planning': false,
    'dgm.marketPosition': 'nicheLeader',
    'dgm.mainModel.market': 'traditional',
    'dgm.mainModel.status': 'threatened',
    'dgm.mainModel.revenueShare': '25-50',
    'dgm.threat': 'unknown',
    'dgm.complementaryModels': 0,
    'isi.serviceRevenueShare': 12.5,
    ...Object.fromEntries(['internet', 'mobileDevices', 'webPlatforms', 'conditionMonitoring', 'connectedMachines', 'm2m', 'cloud', 'apps', 'analytics', 'vrAr'].map((k, i) => [`dgm.tech.${k}`, i < 4])),
  };
  const profile = { employees: 80, industry: '28', region: 'stuttgart', series: 'single', complexity: 'complex' } as const;
  const result = compareWithBenchmarks(profile, answers, classify(answers));
  const by = (id: string) => result.find((c) => c.id === id)!;

  it('covers every classification and every study item of the questionnaire', () => {
    const studyItems = getQuestionnaire().items.map((i) => i.id).filter((id) => id.startsWith('isi.') || id.startsWith('dgm.'));
    const covered = new Set(result.flatMap((c) => c.itemIds));
    for (const id of studyItems) expect(covered.has(id), id).toBe(true);
    for (const id of ['serviceStage', 'digitalBusinessModelProvider', 'digitalisationDegree', 'servicesCompetitiveFactor', 'dependency']) {
      expect(by(id).subject).toBe('classification');
    }
  });

  it('puts the firm next to Germany and the breakdowns of its profile', () => {
    expect(by('digitalBusinessModelProvider')).toMatchObject({
      firmValue: true,
      reference: { scope: 'germany', value: 31 },
      region: { key: 'stuttgart', value: 38 },
      sizeClass: { key: 'lt100', value: 29 },
      industry: { key: 'machinery', value: 62 },
      series: { key: 'single', value: 46 },
      complexity: { key: 'complex', value: 52 },
      source: SOURCE_PRODUCTION_2015,
      year: 2015,
    });
  });

  it('compares a category with the share of firms in the same category', () => {
    expect(by('serviceStage')).toMatchObject({ firmValue: 3, figureId: 'serviceStage.3', reference: { value: 31 }, region: { value: 38 } });
    expect(by('serviceStage').distribution?.map((d) => d.value)).toEqual([40, 29, 31]);
    expect(by('dgm.marketPosition')).toMatchObject({ firmValue: 'nicheLeader', reference: { scope: 'stuttgartRegion', value: 19 }, source: SOURCE_DIGITAL_BUSINESS_MODELS_2016, year: 2016 });
    expect(by('dgm.mainModel')).toMatchObject({ firmValue: 'threatened.traditional', reference: { value: 16 } });
    expect(by('dgm.mainModel.revenueShare')).toMatchObject({ firmValue: '25-50', figureId: 'mainModelRevenueShare.below50', reference: { value: 6 } });
    expect(by('dgm.threat')).toMatchObject({ firmValue: 'unknown', reference: { value: 14 } });
    // 4 basic/further technologies used → "3–5"
    expect(by('dgm.tech')).toMatchObject({ firmValue: 4, figureId: 'technologyCount.3to5', reference: { value: 48 } });
    // B = 3, F = 1 → medium
    expect(by('digitalisationDegree')).toMatchObject({ firmValue: 'medium', reference: { value: 42, approximate: true } });
  });

  it('shows yes/no items and averages with the share of firms that do', () => {
    expect(by('servicesCompetitiveFactor')).toMatchObject({ firmValue: true, reference: { value: 14 }, region: { value: 11 } });
    expect(by('isi.service.planning')).toMatchObject({ firmValue: false, reference: { value: 58 }, region: null });
    expect(by('dgm.complementaryModels')).toMatchObject({ firmValue: false, reference: { value: 94 } });
    expect(by('isi.serviceRevenueShare')).toMatchObject({ firmValue: 12.5, unit: 'percentOfRevenue', reference: { value: 11 }, region: { value: 10 } });
    expect(by('dgm.tech.internet')).toMatchObject({ firmValue: true, reference: { value: 86 } });
  });

  it('says why a value is missing: an open question, "don\'t know" or "not applicable"', () => {
    expect(by('dgm.complementaryModels').whyOpen).toBeNull();
    const withoutAnswer = compareWithBenchmarks(profile, { ...answers, 'dgm.complementaryModels': undefined }, classify(answers));
    expect(withoutAnswer.find((c) => c.id === 'dgm.complementaryModels')).toMatchObject({ firmValue: null, whyOpen: 'unanswered' });
    const unknown = compareWithBenchmarks(profile, { ...answers, 'dgm.complementaryModels': 'unknown' }, classify(answers));
    expect(unknown.find((c) => c.id === 'dgm.complementaryModels')).toMatchObject({ firmValue: null, whyOpen: 'unknown' });
    const na = compareWithBenchmarks(profile, { ...answers, 'dgm.complementaryModels': 'na' }, classify(answers));
    expect(na.find((c) => c.id === 'dgm.complementaryModels')).toMatchObject({ firmValue: null, whyOpen: 'notApplicable' });
  });

  it('leaves out breakdowns the study does not report for the profile', () => {
    const big = compareWithBenchmarks({ employees: 700, industry: '62', region: 'other' }, answers, classify(answers));
    const provider = big.find((c) => c.id === 'digitalBusinessModelProvider')! satisfies BenchmarkComparison;
    expect([provider.sizeClass, provider.industry, provider.region, provider.series, provider.complexity]).toEqual([null, null, null, null, null]);
    expect(provider.reference?.value).toBe(31);
  });

  it('has no figure for a category the firm did not answer', () => {
    const empty = compareWithBenchmarks({}, {}, classify({}));
    for (const c of empty) expect(c.firmValue, c.id).toBeNull();
    expect(empty.find((c) => c.id === 'serviceStage')).toMatchObject({ figureId: null, reference: null });
    expect(empty.find((c) => c.id === 'serviceStage')!.distribution).toHaveLength(3);
  });
});
