import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BenchmarkComparison } from '../../domain/benchmarks';
import { BenchmarkTable } from './benchmark-table';
import { DistributionChart } from './distribution-chart';

/** The firm next to the study's figures: three distributions as charts, everything as tables. */
export function Benchmarks({ comparisons }: { comparisons: BenchmarkComparison[] }) {
  const { t } = useTranslation();
  const byId = (id: string) => comparisons.find((c) => c.id === id);
  const stage = byId('serviceStage');
  const degree = byId('digitalisationDegree');
  const dependency = byId('dependency');
  // The dependency rating is shown against the study's distribution of the main model's revenue share.
  const dependencyText = (c: BenchmarkComparison) => {
    const band = c.distribution?.find((d) => c.figureId?.endsWith(`.${d.category}`))?.category;
    const rating = c.firmValue === null ? t('check.results.open') : t(`check.dependency.${c.firmValue}`);
    return band ? `${t(`check.revenueBand.${band}`)} · ${t('check.dependency.label')}: ${rating}` : rating;
  };
  return (
    <Stack gap="lg">
      <Title order={3} size="h4">{t('check.results.benchChartsTitle')}</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {stage && <DistributionChart comparison={stage} categoryLabel={(c) => t('check.stage.short', { stage: c })} />}
        {degree && <DistributionChart comparison={degree} categoryLabel={(c) => t(`check.degree.${c}`)} />}
        {dependency && <DistributionChart comparison={dependency} categoryLabel={(c) => t(`check.revenueBand.${c}`)} firmText={dependencyText(dependency)} />}
      </SimpleGrid>
      <Text size="sm" c="dimmed">{t('check.results.benchIntro')}</Text>
      <BenchmarkTable comparisons={comparisons.filter((c) => c.subject === 'classification')} caption={t('check.results.classTitle')} />
      <BenchmarkTable comparisons={comparisons.filter((c) => c.subject === 'studyItem')} caption={t('check.results.benchStudyItems')} />
    </Stack>
  );
}
