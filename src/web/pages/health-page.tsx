import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { useFormat } from '../i18n/format';
import { useCompany } from '../layout/app-layout';

type JobState = 'ok' | 'failing' | 'overdue' | 'idle';
type ComponentState = 'ok' | 'off' | 'failed' | 'notStarted';

interface HealthJob {
  id: string;
  description: { de: string; en: string };
  intervalMs: number;
  running: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  consecutiveFailures: number;
  state: JobState;
}

interface Health {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: { kind: 'embedded' | 'server'; reachable: boolean; latencyMs: number | null };
  components: Record<string, { state: ComponentState; detail?: string }>;
  jobs: { running: boolean; items: HealthJob[] };
}

// dark shades, filled: white text on them passes the WCAG AA contrast check
const GOOD = 'teal.9';
const BAD = 'red.9';
const JOB_COLOUR: Record<JobState, string> = { ok: GOOD, failing: BAD, overdue: 'orange.9', idle: 'gray.8' };
const COMPONENT_COLOUR: Record<ComponentState, string> = { ok: GOOD, off: 'gray.8', failed: BAD, notStarted: 'gray.8' };

/**
 * The instance's state for a company's owners and admins (`health.read`): background jobs with
 * last success and failure, database, MQTT broker, version, uptime. The instance is shared by
 * every company on it; error texts stay with the operator (server log, `/api/health/details`).
 */
export default function HealthPage() {
  const { t } = useTranslation();
  const { dateTime, localized, number } = useFormat();
  const company = useCompany();
  const health = useQuery({
    queryKey: ['health', company.id],
    queryFn: () => get<Health>(`/companies/${company.id}/health`),
    refetchInterval: 15_000,
  });
  if (health.error) return <ProblemAlert error={health.error} />;
  if (!health.data) return <Loading />;
  const h = health.data;

  const interval = (ms: number) =>
    ms >= 3_600_000 ? t('health.everyHours', { count: ms / 3_600_000 }) : ms >= 60_000 ? t('health.everyMinutes', { count: ms / 60_000 }) : t('health.everySeconds', { count: ms / 1000 });
  const uptime = (s: number) => (s >= 86_400 ? t('health.days', { count: Math.floor(s / 86_400) }) : s >= 3600 ? t('health.hours', { count: Math.floor(s / 3600) }) : t('health.minutes', { count: Math.floor(s / 60) }));
  const mqtt = h.components.mqtt ?? { state: 'notStarted' as const };

  return (
    <>
      <PageHeader title={t('health.title')} intro={t('health.intro')} />
      <Stack gap="lg">
        <Group gap="sm">
          <Text fw={600}>{t('health.overall')}</Text>
          <Badge size="lg" variant="filled" color={h.status === 'ok' ? GOOD : BAD} data-testid="health-status">{t(`health.status.${h.status}`)}</Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">{t('health.database')}</Text>
            <Text fw={600}>{t(`health.databaseKind.${h.database.kind}`)}</Text>
            <Badge variant="filled" color={h.database.reachable ? GOOD : BAD}>{h.database.reachable ? t('health.reachable') : t('health.unreachable')}</Badge>
            {h.database.latencyMs !== null && <Text size="sm">{t('health.latency', { ms: number(h.database.latencyMs, 1) })}</Text>}
          </Paper>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">{t('health.mqtt')}</Text>
            <Badge variant="filled" color={COMPONENT_COLOUR[mqtt.state]}>{t(`health.component.${mqtt.state}`)}</Badge>
            {mqtt.state === 'ok' && mqtt.detail && <Text size="sm">{mqtt.detail.replace(/^port /, t('health.port') + ' ')}</Text>}
          </Paper>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">{t('health.version')}</Text>
            <Text fw={600}>{h.version}</Text>
          </Paper>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">{t('health.uptime')}</Text>
            <Text fw={600}>{uptime(h.uptimeSeconds)}</Text>
          </Paper>
        </SimpleGrid>
        <Paper withBorder>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" aria-label={t('health.jobs')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('health.job')}</Table.Th>
                  <Table.Th>{t('health.interval')}</Table.Th>
                  <Table.Th>{t('health.state')}</Table.Th>
                  <Table.Th>{t('health.lastSuccess')}</Table.Th>
                  <Table.Th>{t('health.lastFailure')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {h.jobs.items.map((j) => (
                  <Table.Tr key={j.id}>
                    <Table.Td>{localized(j.description)}</Table.Td>
                    <Table.Td>{interval(j.intervalMs)}</Table.Td>
                    <Table.Td>
                      <Badge variant="filled" color={JOB_COLOUR[j.state]}>{t(`health.jobState.${j.state}`)}</Badge>
                      {j.state === 'failing' && j.consecutiveFailures > 1 && <Text size="xs">{t('health.failedRuns', { count: j.consecutiveFailures })}</Text>}
                    </Table.Td>
                    <Table.Td>{j.lastSuccessAt ? dateTime(j.lastSuccessAt) : t('health.never')}</Table.Td>
                    <Table.Td>{j.lastFailureAt ? dateTime(j.lastFailureAt) : t('health.never')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {h.jobs.items.length === 0 && <Text p="md" c="dimmed">{t('health.noJobs')}</Text>}
          {!h.jobs.running && <Text p="md" c="dimmed">{t('health.schedulerStopped')}</Text>}
        </Paper>
        <Text size="sm" c="dimmed" maw={760}>{t('health.operatorHint')}</Text>
      </Stack>
    </>
  );
}
