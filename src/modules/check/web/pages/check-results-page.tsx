import '../load-translations';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { NextStep } from '../../../../web/components/next-step';
import { PageHeader } from '../../../../web/components/page-header';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { Item } from '../../domain/questionnaire-schema';
import { useQuestionnaire, useResult } from '../api';
import { Agreement } from '../results/agreement';
import { Benchmarks } from '../results/benchmarks';
import { Classifications } from '../results/classifications';
import { DimensionCard } from '../results/dimension-card';
import { History } from '../results/history';
import { PeersNote } from '../results/peers-note';
import { ResultsOverview } from '../results/results-overview';
import { ResultsSection } from '../results/results-section';
import { StrengthsGaps } from '../results/strengths-gaps';
import { CheckProblemAlert } from '../shared/check-problem-alert';

export default function CheckResultsPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const company = useCompany();
  const { checkId = '' } = useParams();
  const result = useResult(company.id, checkId);
  const questionnaire = useQuestionnaire(company.id);
  const items = useMemo(() => new Map<string, Item>((questionnaire.data?.items ?? []).map((i) => [i.id, i])), [questionnaire.data]);
  const base = `/c/${company.id}/check`;
  const error = result.error ?? questionnaire.error;
  if (error) return <CheckProblemAlert error={error} />;
  if (!result.data || !questionnaire.data) return <Loading />;
  const view = result.data;
  const open = view.run.status === 'open';
  // the natural next step after reading the result: the measures the Roadmap suggests for its gaps
  const roadmapOn = company.permissions.includes('roadmap.read') && company.modules.some((m) => m.id === 'roadmap' && m.enabled);
  const subtitle = [
    open ? t('check.results.interimTitle') : t('check.results.completedOn', { date: date(view.run.completedAt!) }),
    t('check.results.respondentsCount', { count: view.run.respondentCount }),
  ].join(' · ');

  return (
    <Stack gap={40}>
      <div>
        <PageHeader title={t('check.results.title')} intro={subtitle}>
          <Anchor component={Link} to={base} size="sm">{t('check.results.backHome')}</Anchor>
        </PageHeader>
        {open && (
          <Alert title={t('check.results.interimTitle')} data-testid="interim">
            <Text size="sm">{t('check.results.interimText')}</Text>
            {company.permissions.includes('check.answer') && (
              <Group mt="sm"><Button component={Link} to={`${base}/${view.run.id}`} size="sm">{t('check.results.continue')}</Button></Group>
            )}
          </Alert>
        )}
      </div>
      <ResultsSection title={t('check.results.overviewTitle')} intro={t('check.results.overviewIntro')} testId="overview">
        <ResultsOverview view={view} />
        <PeersNote peers={view.peers} />
      </ResultsSection>
      <StrengthsGaps dimensions={view.result.dimensions} />
      <ResultsSection title={t('check.results.classTitle')} intro={t('check.results.classIntro')} testId="classifications">
        <Classifications result={view.result} />
      </ResultsSection>
      <ResultsSection title={t('check.results.dimensionsTitle')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
          {view.result.dimensions.map((d) => <DimensionCard key={d.id} d={d} items={items} />)}
        </SimpleGrid>
      </ResultsSection>
      <ResultsSection title={t('check.results.benchTitle')} testId="benchmarks">
        <Benchmarks comparisons={view.result.benchmarks} />
      </ResultsSection>
      <ResultsSection title={t('check.results.agreementTitle')}>
        <Agreement view={view} items={items} />
      </ResultsSection>
      <ResultsSection title={t('check.results.historyTitle')}>
        <History view={view} />
      </ResultsSection>
      {!open && roadmapOn && (
        <NextStep title={t('check.nextStep.title')} text={t('check.nextStep.text')} to={`/c/${company.id}/roadmap`} action={t('check.nextStep.action')} testId="results-next-step" />
      )}
    </Stack>
  );
}
