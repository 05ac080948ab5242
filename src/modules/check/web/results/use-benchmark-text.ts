import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { BenchmarkComparison } from '../../domain/benchmarks';

const BREAKDOWNS = ['region', 'sizeClass', 'industry', 'series', 'complexity'] as const;

/** Words for a benchmark comparison: the firm's value and the study's shares. */
export function useBenchmarkText() {
  const { t } = useTranslation();
  const { localized, number, percent } = useFormat();

  const firmValue = (c: BenchmarkComparison): string => {
    const v = c.firmValue;
    if (v === null) return c.whyOpen === 'unknown' ? t('check.results.openUnknown') : c.whyOpen === 'notApplicable' ? t('check.results.openNotApplicable') : t('check.results.open');
    if (c.id === 'serviceStage') return `${t('check.stage.value', { stage: v })}: ${t(`check.stage.name${v}`)}`;
    if (c.id === 'digitalisationDegree') return t(`check.degree.${v}`);
    if (c.id === 'dependency') return t(`check.dependency.${v}`);
    if (c.id === 'dgm.tech' && typeof v === 'number') return t('check.technologies', { count: v });
    if (c.id === 'dgm.mainModel.revenueShare') return t(`check.revenueBand.${v}`);
    if (typeof v === 'boolean') return t(v ? 'check.answers.yes' : 'check.answers.no');
    if (typeof v === 'number') return c.unit === 'percentOfRevenue' || c.id === 'isi.serviceRevenueShare' ? percent(v / 100) : number(v);
    const category = c.distribution?.find((d) => d.category === v);
    return category ? localized(category.label) : v;
  };

  const share = (c: BenchmarkComparison, value: number, approximate = false) => {
    const text = `${approximate ? '≈ ' : ''}${percent(value / 100)}`;
    return c.unit === 'percentOfRevenue' ? t('check.results.benchAverage', { value: text }) : text;
  };

  const breakdownName = (kind: (typeof BREAKDOWNS)[number], key: string) =>
    kind === 'industry' ? t(`check.industry.${key}`) : t(`${kind}.${key}`);

  /** Reference share first, then the firm's region, size class, industry, series type and complexity. */
  const shares = (c: BenchmarkComparison): Array<{ label: string; value: string }> => {
    const lines: Array<{ label: string; value: string }> = [];
    if (c.reference) lines.push({ label: t(`check.results.scope.${c.reference.scope}`), value: share(c, c.reference.value, c.reference.approximate) });
    for (const kind of BREAKDOWNS) {
      const b = c[kind];
      if (b) lines.push({ label: `${t(`check.results.breakdown.${kind}`)} – ${breakdownName(kind, b.key)}`, value: share(c, b.value) });
    }
    return lines;
  };

  const source = (c: BenchmarkComparison) =>
    c.source ? t('check.results.benchSource', { source: c.source, year: c.year, population: c.population ? localized(c.population) : '' }) : '';

  return { firmValue, share, shares, source };
}
