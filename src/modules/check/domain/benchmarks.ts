import { sizeClassOf, type CompanyProfile } from '../../../kernel/profile/company-profile.js';
import { BENCHMARK_FIGURES, type BenchmarkBreakdown, type BenchmarkFigure, type BenchmarkScope } from './benchmark-figures.js';
import { SERVICE_ITEMS, SERVICE_MODEL_ITEMS, SERVICE_TECH_ITEMS, BASIC_TECH_ITEMS, FURTHER_TECH_ITEMS, type Classifications } from './classifications.js';
import type { Localized } from './questionnaire-schema.js';
import { studyIndustryOf } from './study-industry.js';

export interface BreakdownValue {
  /** The profile value the figure was looked up for, e.g. "stuttgart", "lt100", "machinery". */
  key: string;
  value: number;
}

/** The firm's value next to the study's figures for one classification or study item. */
export interface BenchmarkComparison {
  id: string;
  subject: 'classification' | 'studyItem';
  /** Questionnaire items the firm's value comes from. */
  itemIds: string[];
  label: Localized;
  /** The firm's value; null when not (fully) answered. */
  firmValue: boolean | number | string | null;
  /**
   * Why there is no value: a question is still open (`unanswered`), or every question was answered
   * but with "don't know" (`unknown`) or "not applicable" (`notApplicable`); null when there is one.
   */
  whyOpen: 'unanswered' | 'unknown' | 'notApplicable' | null;
  /** Figure compared with: the share of firms with "yes", or of firms in the firm's category. */
  figureId: string | null;
  unit: 'percentOfFirms' | 'percentOfRevenue';
  /** Germany (2015 survey) or the Stuttgart region (2016 survey), see `scope`. */
  reference: { scope: BenchmarkScope; value: number; approximate: boolean } | null;
  region: BreakdownValue | null;
  sizeClass: BreakdownValue | null;
  industry: BreakdownValue | null;
  series: BreakdownValue | null;
  complexity: BreakdownValue | null;
  /** All categories of the distribution, when the figure is one. */
  distribution: Array<{ category: string; label: Localized; value: number }> | null;
  population: Localized | null;
  source: string | null;
  year: number | null;
}

const FIGURES = new Map(BENCHMARK_FIGURES.map((f) => [f.id, f]));

function figure(id: string): BenchmarkFigure {
  const f = FIGURES.get(id);
  if (!f) throw new Error(`no benchmark figure ${id}`);
  return f;
}

type ProfileKeys = { region?: string; sizeClass?: string; industry?: string; series?: string; complexity?: string };

function pick(breakdown: BenchmarkBreakdown | undefined, dimension: keyof BenchmarkBreakdown, key: string | undefined): BreakdownValue | null {
  if (!breakdown || key === undefined) return null;
  const value = (breakdown[dimension] as Record<string, number> | undefined)?.[key];
  return value === undefined ? null : { key, value };
}

function compare(
  keys: ProfileKeys,
  base: { id: string; subject: BenchmarkComparison['subject']; itemIds: string[]; firmValue: BenchmarkComparison['firmValue'] },
  figureId: string | null,
  group?: string,
): BenchmarkComparison {
  const f = figureId === null ? undefined : figure(figureId);
  const members = group ? BENCHMARK_FIGURES.filter((x) => x.group === group) : [];
  const anyFigure = f ?? members[0];
  if (!anyFigure) throw new Error(`no benchmark figures for ${base.id}`);
  return {
    ...base,
    whyOpen: null,
    label: anyFigure.label,
    figureId: f?.id ?? null,
    unit: anyFigure.kind === 'average' ? 'percentOfRevenue' : 'percentOfFirms',
    reference: f ? { scope: f.scope, value: f.value, approximate: f.approximate ?? false } : null,
    region: pick(f?.breakdown, 'region', keys.region),
    sizeClass: pick(f?.breakdown, 'sizeClass', keys.sizeClass),
    industry: pick(f?.breakdown, 'industry', keys.industry),
    series: pick(f?.breakdown, 'series', keys.series),
    complexity: pick(f?.breakdown, 'complexity', keys.complexity),
    distribution: group ? members.map((m) => ({ category: m.category!, label: m.label, value: m.value })) : null,
    population: anyFigure.population,
    source: anyFigure.source,
    year: anyFigure.year,
  };
}

const GROUP_LABELS: Record<string, Localized> = {
  serviceStage: { de: 'Dienstleistungsreife (Stufe 1–3)', en: 'Service maturity stage (1–3)' },
  digitalisationDegree: { de: 'Digitalisierungsgrad', en: 'Digitalisation degree' },
  mainModelRevenueShare: { de: 'Umsatzanteil des wichtigsten Geschäftsmodells', en: 'Revenue share of the main business model' },
  technologyCount: { de: 'Zahl der genutzten digitalen Technologien', en: 'Number of digital technologies used' },
  marketPosition: { de: 'Marktposition', en: 'Market position' },
  mainModel: { de: 'Wichtigstes Geschäftsmodell: Markt und Status', en: 'Main business model: market and status' },
  threat: { de: 'Bedrohung des Hauptgeschäftsmodells durch digitale Lösungen anderer', en: "Threat to the main business model by others' digital solutions" },
};

function grouped(keys: ProfileKeys, base: Parameters<typeof compare>[1], group: string, category: string | null): BenchmarkComparison {
  const figureId = category === null ? null : `${group}.${category}`;
  const c = compare(keys, base, figureId !== null && FIGURES.has(figureId) ? figureId : null, group);
  return { ...c, label: GROUP_LABELS[group] ?? c.label };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== 'na' && v !== 'unknown' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** 0–2, 3–5 or 6+ technologies; null when the open items could cross a boundary. */
function technologyCountCategory(min: number, max: number): string | null {
  const cat = (n: number) => (n <= 2 ? '0to2' : n <= 5 ? '3to5' : '6plus');
  return cat(min) === cat(max) ? cat(min) : null;
}

/**
 * For each classification and study item: the firm's value next to the study's share for Germany
 * (2015 survey) or the Stuttgart region (2016 survey) and, where the study reports them, the
 * shares for the firm's region, size class, industry, series type and product complexity.
 * `answers` should hold hidden items as "na".
 */
export function compareWithBenchmarks(profile: CompanyProfile, answers: Readonly<Record<string, unknown>>, classes: Classifications): BenchmarkComparison[] {
  const keys: ProfileKeys = {
    region: profile.region,
    sizeClass: profile.employees === undefined ? undefined : sizeClassOf(profile.employees),
    industry: studyIndustryOf(profile.industry) ?? undefined,
    series: profile.series,
    complexity: profile.complexity,
  };
  const d = classes.details;
  const techMin = d.basicTechnologies.min + d.furtherTechnologies.min;
  const techMax = d.basicTechnologies.max + d.furtherTechnologies.max;
  const status = str(answers['dgm.mainModel.status']);
  const market = str(answers['dgm.mainModel.market']);
  const share = str(answers['dgm.mainModel.revenueShare']);
  const shareCategory = share === null ? null : share === '75-100' || share === '50-75' ? share : 'below50';
  const threat = typeof answers['dgm.threat'] === 'string' && answers['dgm.threat'] !== 'na' ? (answers['dgm.threat'] as string) : null;
  const complementary = answers['dgm.complementaryModels'];
  const innovation = str(answers['isi.innovation.top']);
  const revenueShare = answers['isi.serviceRevenueShare'];

  const c = (id: string, itemIds: string[], firmValue: BenchmarkComparison['firmValue'], subject: BenchmarkComparison['subject'] = 'studyItem') => ({ id, subject, itemIds, firmValue });

  const whyOpen = (comparison: BenchmarkComparison): BenchmarkComparison => {
    if (comparison.firmValue !== null) return comparison;
    const values = comparison.itemIds.map((id) => answers[id]);
    const why = values.some((v) => v === undefined) ? 'unanswered' : values.some((v) => v === 'unknown') ? 'unknown' : 'notApplicable';
    return { ...comparison, whyOpen: why };
  };

  return [
    grouped(keys, c('serviceStage', [...SERVICE_TECH_ITEMS, ...SERVICE_MODEL_ITEMS], classes.serviceStage, 'classification'), 'serviceStage', classes.serviceStage === null ? null : String(classes.serviceStage)),
    compare(keys, c('digitalBusinessModelProvider', [...SERVICE_TECH_ITEMS, ...SERVICE_MODEL_ITEMS], classes.digitalBusinessModelProvider, 'classification'), 'digitalBusinessModelProvider'),
    grouped(keys, c('digitalisationDegree', [...BASIC_TECH_ITEMS, ...FURTHER_TECH_ITEMS], classes.digitalisationDegree, 'classification'), 'digitalisationDegree', classes.digitalisationDegree),
    compare(keys, c('servicesCompetitiveFactor', ['isi.competition.primary', 'isi.competition.secondary'], classes.servicesCompetitiveFactor, 'classification'), 'servicesCompetitiveFactor'),
    // The study reports the revenue share of the main business model, the basis of the dependency rating.
    grouped(keys, c('dependency', ['dgm.mainModel.revenueShare', 'dgm.mainModel.status', 'dgm.threat'], classes.dependency, 'classification'), 'mainModelRevenueShare', shareCategory),
    compare(keys, c('isi.innovation.top', ['isi.innovation.top'], innovation === null ? null : innovation === 'services'), 'servicesTopInnovation'),
    compare(keys, c('isi.service', SERVICE_ITEMS, d.offersProductRelatedService), 'productRelatedService'),
    ...SERVICE_ITEMS.map((id) => compare(keys, c(id, [id], bool(answers[id])), id.replace('isi.', ''))),
    compare(keys, c('isi.serviceModel', SERVICE_MODEL_ITEMS, d.offersServiceBasedModel), 'serviceBasedModel'),
    ...SERVICE_TECH_ITEMS.map((id) => compare(keys, c(id, [id], bool(answers[id])), id.replace('isi.', ''))),
    compare(keys, c('isi.serviceRevenueShare', ['isi.serviceRevenueShare'], typeof revenueShare === 'number' ? revenueShare : null), 'serviceRevenueShare'),
    ...BASIC_TECH_ITEMS.map((id) => compare(keys, c(id, [id], bool(answers[id])), id.replace('dgm.', ''))),
    grouped(keys, c('dgm.tech', [...BASIC_TECH_ITEMS, ...FURTHER_TECH_ITEMS], techMin === techMax ? techMin : null), 'technologyCount', technologyCountCategory(techMin, techMax)),
    grouped(keys, c('dgm.marketPosition', ['dgm.marketPosition'], str(answers['dgm.marketPosition'])), 'marketPosition', str(answers['dgm.marketPosition'])),
    grouped(keys, c('dgm.mainModel', ['dgm.mainModel.market', 'dgm.mainModel.status'], status && market ? `${status}.${market}` : null), 'mainModel', status && market ? `${status}.${market}` : null),
    grouped(keys, c('dgm.mainModel.revenueShare', ['dgm.mainModel.revenueShare'], share), 'mainModelRevenueShare', shareCategory),
    grouped(keys, c('dgm.threat', ['dgm.threat'], threat), 'threat', threat),
    compare(keys, c('dgm.complementaryModels', ['dgm.complementaryModels'], typeof complementary === 'number' ? complementary >= 1 : null), 'complementaryModel'),
  ].map(whyOpen);
}
