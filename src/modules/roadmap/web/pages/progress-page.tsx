import '../load-translations';
import { Alert, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useProgress } from '../api';
import { RoadmapHeader } from '../components/roadmap-header';

export default function ProgressPage() {
  const { t } = useTranslation();
  const { date, localized, number } = useFormat();
  const company = useCompany();
  const progress = useProgress(company.id);
  if (progress.error) return <><RoadmapHeader /><ProblemAlert error={progress.error} /></>;
  if (!progress.data) return <Loading />;
  const p = progress.data;
  const show = (v: number | null) => (v === null ? '–' : number(v));
  return (
    <>
      <RoadmapHeader />
      <Stack gap="md">
        <Text>{t('roadmap.progress.intro')}</Text>
        {!p.latest ? <Alert>{t('roadmap.noCheck')}</Alert> : !p.previous ? <Alert>{t('roadmap.progress.needTwo')}</Alert> : (
          <>
            <Title order={2} size="h3">{t('roadmap.progress.between', { from: date(p.previous.completedAt), to: date(p.latest.completedAt) })}</Title>
            <Table striped data-testid="progress-table">
              <Table.Thead><Table.Tr><Table.Th>{t('roadmap.progress.dimension')}</Table.Th><Table.Th>{t('roadmap.progress.before')}</Table.Th><Table.Th>{t('roadmap.progress.after')}</Table.Th><Table.Th>{t('roadmap.progress.change')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {p.dimensions.map((d) => (
                  <Table.Tr key={d.id}><Table.Td>{localized(d.name)}</Table.Td><Table.Td>{show(d.before)}</Table.Td><Table.Td>{show(d.after)}</Table.Td><Table.Td>{d.change === null ? '–' : `${d.change > 0 ? '+' : ''}${number(d.change)}`}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={2} size="h3">{t('roadmap.progress.completed')}</Title>
            {p.completed.length === 0 ? <Text>{t('roadmap.progress.noneCompleted')}</Text> : (
              <List>{p.completed.map((c) => <List.Item key={c.id}>{localized(c.title)} ({date(c.doneAt)})</List.Item>)}</List>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
