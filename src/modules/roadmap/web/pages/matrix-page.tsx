import '../load-translations';
import { List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { QUADRANTS } from '../../domain/matrix';
import { useSuggestions } from '../api';
import { MatrixChart } from '../components/matrix-chart';
import { RoadmapHeader } from '../components/roadmap-header';

export default function MatrixPage() {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const company = useCompany();
  const suggestions = useSuggestions(company.id);
  if (suggestions.error) return <><RoadmapHeader /><ProblemAlert error={suggestions.error} /></>;
  if (!suggestions.data) return <Loading />;
  const list = suggestions.data.suggestions.map((s, i) => ({ ...s, n: i + 1 }));
  return (
    <>
      <RoadmapHeader />
      <Stack gap="lg">
        <Text>{t('roadmap.matrix.intro')}</Text>
        {list.length > 0 && (
          <>
            <MatrixChart suggestions={suggestions.data.suggestions} describedBy="matrix-hint" />
            <Text size="sm" c="dimmed" id="matrix-hint">{t('roadmap.matrix.chartHint')}</Text>
          </>
        )}
        <Title order={2} size="h3" id="matrix-list">{t('roadmap.matrix.listTitle')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {QUADRANTS.map((q) => {
            const entries = list.filter((s) => s.quadrant === q);
            return (
              <section key={q} aria-labelledby={`quadrant-${q}`} data-testid={`quadrant-${q}`}>
                <Title order={3} size="h4" id={`quadrant-${q}`}>{t(`roadmap.quadrant.${q}`)} ({entries.length})</Title>
                <List size="sm" mt="xs">
                  {entries.map((s) => (
                    <List.Item key={s.id} data-testid={`matrix-entry-${s.id}`}>{s.n}. {localized(s.title)} — {t('roadmap.matrix.effort')} {t(`roadmap.level.${s.effort}`)}, {t('roadmap.matrix.benefit')} {t(`roadmap.level.${s.benefit}`)}</List.Item>
                  ))}
                </List>
              </section>
            );
          })}
        </SimpleGrid>
      </Stack>
    </>
  );
}
