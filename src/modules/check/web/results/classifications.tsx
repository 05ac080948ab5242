import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../domain/score-check';
import { ClassificationCard } from './classification-card';

/** The study's four classifications, each explained in plain words. */
export function Classifications({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  const open = t('check.results.open');
  const { serviceStage: stage, digitalisationDegree: degree, servicesCompetitiveFactor: services, dependency, digitalBusinessModelProvider: provider } = result;
  const { basicTechnologies: basic, furtherTechnologies: further } = result.classificationDetails;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <ClassificationCard
        testId="class-stage"
        label={t('check.stage.label')}
        value={stage === null ? open : `${t('check.stage.value', { stage })}: ${t(`check.stage.name${stage}`)}`}
        meaning={stage === null ? '' : t(`check.stage.meaning${stage}`)}
        rule={t('check.stage.explain')}
      >
        {provider !== null && <Text size="sm" fw={600}>{t(provider ? 'check.provider.yes' : 'check.provider.no')}</Text>}
      </ClassificationCard>
      <ClassificationCard
        testId="class-degree"
        label={t('check.degree.label')}
        value={degree === null ? open : t(`check.degree.${degree}`)}
        meaning={degree === null ? '' : t(`check.degree.meaning_${degree}`)}
        rule={t('check.degree.explain')}
      >
        {basic.min === basic.max && further.min === further.max && <Text size="sm">{t('check.degree.counts', { basic: basic.min, further: further.min })}</Text>}
      </ClassificationCard>
      <ClassificationCard
        testId="class-services"
        label={t('check.servicesFactor.label')}
        value={services === null ? open : t(services ? 'check.answers.yes' : 'check.answers.no')}
        meaning={services === null ? '' : t(services ? 'check.servicesFactor.yes' : 'check.servicesFactor.no')}
        rule={t('check.servicesFactor.explain')}
      />
      <ClassificationCard
        testId="class-dependency"
        label={t('check.dependency.label')}
        value={dependency === null ? open : t(`check.dependency.${dependency}`)}
        meaning={dependency === null ? '' : t(`check.dependency.meaning_${dependency}`)}
        rule={t('check.dependency.explain')}
      />
    </SimpleGrid>
  );
}
