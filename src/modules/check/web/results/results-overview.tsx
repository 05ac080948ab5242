import { Grid, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { CheckResultView } from '../api';
import { DimensionTable } from './dimension-table';
import { RadarChart, type RadarSeries } from './radar-chart';

/** The radar with the previous check and the peer median as overlays, and the same figures as a table. */
export function ResultsOverview({ view }: { view: CheckResultView }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const dims = view.result.dimensions;
  const series: RadarSeries[] = [{ name: t('check.results.seriesFirm'), kind: 'firm', values: dims.map((d) => d.score) }];
  const previous = view.previous && view.history.find((h) => h.runId === view.previous!.runId);
  if (view.previous && previous) {
    series.push({
      name: t('check.results.seriesPrevious', { date: date(view.previous.completedAt) }),
      kind: 'previous',
      values: dims.map((d) => previous.dimensions.find((p) => p.id === d.id)?.score ?? null),
    });
  }
  if (view.peers.groupSize !== null) {
    series.push({ name: t('check.results.seriesPeers'), kind: 'peers', values: dims.map((d) => view.peers.dimensions.find((p) => p.id === d.id)?.median ?? null) });
  }
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="sm" radius="md">
          <RadarChart dimensions={dims.map((d) => d.name)} series={series} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <DimensionTable view={view} />
      </Grid.Col>
    </Grid>
  );
}
