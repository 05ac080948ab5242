import '../load-translations';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../../../web/api/client';
import { useChartFormat } from '../../../../web/components/chart-format';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useCompany } from '../../../../web/layout/app-layout';
import { COMPETENCES, type CompetenceSummary, LEVEL_BANDS } from '../../domain/skills';
import type { SkillPerson, SkillsMatrix } from '../../skills.schemas';
import { privacyPath, skillsKeys } from '../api';
import { echarts } from '../components/echarts-setup';
import { BAND_COLORS, SkillLevel, useDay } from '../components/skill-level';

export default function SkillsPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const matrix = useQuery({ queryKey: skillsKeys.matrix(company.id), queryFn: () => get<SkillsMatrix>(`${privacyPath(company.id)}/skills`) });
  if (matrix.error) return <ProblemAlert error={matrix.error} />;
  if (!matrix.data) return <Loading />;
  const { people, summary, requirements } = matrix.data;
  const awarenessDue = people.filter((p) => p.awareness.state === 'never' || p.awareness.state === 'overdue').length;
  const flagged = requirements.soon + requirements.overdue + requirements.planned;
  return (
    <>
      <PageHeader title={t('privacy.skills.title')} intro={t('privacy.skills.intro')}>
        <Group mt="sm">
          <Button component={Link} to={`/c/${company.id}/privacy/skills/requirements`} variant="light" size="md">{t('privacy.skills.toRequirements')}</Button>
        </Group>
      </PageHeader>
      {(awarenessDue > 0 || flagged > 0) && (
        <Alert mb="lg" data-testid="skills-alerts" title={t('privacy.skills.title')}>
          <Stack gap={4}>
            {flagged > 0 && (
              <Anchor component={Link} to={`/c/${company.id}/privacy/skills/requirements`}>{t('privacy.skills.flaggedRequirements', { count: flagged })}</Anchor>
            )}
            {awarenessDue > 0 && <Text size="sm">{t('privacy.skills.awarenessDue', { count: awarenessDue })}</Text>}
          </Stack>
        </Alert>
      )}
      {people.length === 0 ? (
        <Alert>{t('privacy.skills.noPeople')}</Alert>
      ) : (
        <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="skills-matrix">
          <Title order={2} size="h3" id="skills-matrix" mb="xs">{t('privacy.skills.matrix')}</Title>
          <MatrixTable people={people} companyId={company.id} />
          <Legend />
        </Card>
      )}
      {people.length > 0 && <Distribution summary={summary} />}
      <Text size="sm" c="dimmed" maw={760} mt="lg">{t('privacy.skills.levelsExplained')}</Text>
      <Text size="sm" c="dimmed" maw={760} mt="xs">{t('privacy.skills.notLegalAdvice')}</Text>
    </>
  );
}

function MatrixTable({ people, companyId }: { people: SkillPerson[]; companyId: string }) {
  const { t } = useTranslation();
  const day = useDay();
  // the names stay in view while the competences scroll sideways on a narrow screen
  const sticky = { position: 'sticky' as const, left: 0, background: 'var(--mantine-color-body)', zIndex: 1 };
  return (
    <ScrollRegion label={t('privacy.skills.matrix')} minWidth={700}>
      <Table data-testid="skills-matrix" verticalSpacing="xs" horizontalSpacing="xs" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky} scope="col">{t('privacy.skills.person')}</Table.Th>
            {COMPETENCES.map((c) => (
              <Table.Th key={c} scope="col" style={{ fontSize: 12, lineHeight: 1.2, verticalAlign: 'bottom', hyphens: 'auto', overflowWrap: 'break-word' }} title={t(`privacy.skills.competenceHelp.${c}`)}>
                {t(`privacy.skills.competence.${c}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" style={{ fontSize: 12, verticalAlign: 'bottom' }}>{t('privacy.skills.awareness')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.userId} data-person={p.name}>
              <Table.Th scope="row" style={sticky}>
                <Anchor component={Link} to={`/c/${companyId}/privacy/skills/people/${p.userId}`} fw={600}>{p.name}</Anchor>
                <Group gap={4} mt={2}>
                  <Badge variant="outline" color="gray.7" size="sm" tt="none" title={t(`privacy.skills.kindHelp.${p.kind}`)}>{t(`privacy.skills.kind.${p.kind}`)}</Badge>
                  {p.flagged > 0 && <Text size="xs" fw={700} c="#a84300" data-testid="person-flagged">{t('privacy.skills.flaggedBadge', { count: p.flagged })}</Text>}
                </Group>
              </Table.Th>
              {COMPETENCES.map((c) => (
                <Table.Td key={c} data-competence={c}><SkillLevel level={p.levels[c]?.level} /></Table.Td>
              ))}
              <Table.Td data-testid="awareness" data-state={p.awareness.state} style={{ minWidth: 96 }}>
                <AwarenessText state={p.awareness.state} date={day(p.awareness.dueOn)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

export function AwarenessText({ state, date }: { state: SkillPerson['awareness']['state']; date: string }) {
  const { t } = useTranslation();
  const color = state === 'current' ? '#237032' : state === 'due-soon' ? '#8a5a00' : '#c92a2a';
  return <Text size="sm" fw={state === 'current' ? 400 : 600} c={color}>{t(`privacy.skills.awarenessState.${state}`, { date })}</Text>;
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" mt="sm" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label={t('privacy.skills.levels')}>
      {LEVEL_BANDS.map((b, i) => (
        <Group key={b} gap={6} component="li">
          <span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: BAND_COLORS[b] }} />
          <Text size="sm">{i === 0 ? t('privacy.skills.levelNone') : `${i * 2 - 1}–${i * 2} ${t(`privacy.skills.band.${b}`)}`}</Text>
        </Group>
      ))}
    </Group>
  );
}

function Distribution({ summary }: { summary: CompetenceSummary[] }) {
  const { t } = useTranslation();
  const f = useChartFormat();
  const rows = [...summary].reverse();
  const series = [...LEVEL_BANDS.map((b) => ({ key: b, name: t(`privacy.skills.band.${b}`), color: BAND_COLORS[b], values: rows.map((s) => s.bands[b]) })),
    { key: 'unassessed', name: t('privacy.skills.notAssessed'), color: BAND_COLORS.unassessed, values: rows.map((s) => s.notAssessed) }];
  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: '#343a40' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((s) => t(`privacy.skills.competence.${s.competence}`)), axisLabel: { color: '#343a40', fontSize: 12 } },
    series: series.map((s) => ({ type: 'bar', stack: 'people', name: s.name, data: s.values, itemStyle: { color: s.color }, barWidth: 22 })),
  };
  const details = summary.map((s) => t('privacy.skills.distributionRow', {
    competence: t(`privacy.skills.competence.${s.competence}`),
    parts: [...LEVEL_BANDS.filter((b) => s.bands[b] > 0).map((b) => `${t(`privacy.skills.band.${b}`)} ${t('privacy.skills.people', { count: s.bands[b] })}`),
      ...(s.notAssessed > 0 ? [`${t('privacy.skills.notAssessed')} ${t('privacy.skills.people', { count: s.notAssessed })}`] : [])].join(', '),
  })).join('; ');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="skills-distribution" data-testid="skills-distribution">
      <Title order={2} size="h3" id="skills-distribution" mb="xs">{t('privacy.skills.distribution')}</Title>
      <EChartsReactCore
        echarts={echarts}
        option={option}
        opts={{ renderer: 'svg', locale: f.echartsLocale }}
        notMerge
        style={{ height: 320, width: '100%' }}
        role="img"
        aria-label={t('privacy.skills.distributionLabel', { details })}
      />
    </Card>
  );
}
