import { Badge, Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardView, StartStep } from '../../api/dashboard';
import { useStartPathChoice } from '../../api/dashboard';
import { ProblemAlert } from '../../components/problem-alert';

/** The words of a start step live in its module's translations: `<module>.startPath.<step>.*`. */
export const stepKey = (step: { id: string; module: string }) => `${step.module}.startPath.${step.id.slice(step.module.length + 1)}`;

const STATUS_COLOR: Record<StartStep['status'], string> = { done: 'teal', started: 'werkblau', open: 'gray', skipped: 'gray' };

/**
 * The first hour as a path: each step says what it gives and how long it takes; done steps follow
 * from the company's data, the current one has its button, any can be skipped, the whole hidden.
 */
export function StartPathCard({ companyId, base, path }: { companyId: string; base: string; path: DashboardView['startPath'] }) {
  const { t } = useTranslation();
  const choice = useStartPathChoice(companyId);
  const steps = path.steps;
  const finished = steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
  const currentIndex = steps.findIndex((s) => s.id === path.current);
  const skipped = steps.filter((s) => s.status === 'skipped').map((s) => s.id);
  const minutesLeft = steps.filter((s) => s.status === 'open' || s.status === 'started').reduce((sum, s) => sum + s.minutes, 0);
  return (
    <Card withBorder padding="lg" radius="md" data-testid="start-path" component="section" aria-labelledby="start-path-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="start-path-title">{t('overview.startPath.title')}</Title>
            <Text c="dimmed" maw={760}>{t('overview.startPath.intro')}</Text>
          </div>
          <Button variant="subtle" size="sm" onClick={() => choice.mutate({ hidden: true })} loading={choice.isPending}>{t('overview.startPath.hide')}</Button>
        </Group>
        <ProblemAlert error={choice.error} />
        <div>
          <Text size="sm" fw={600} data-testid="start-path-progress">
            {currentIndex >= 0 ? t('overview.startPath.stepOf', { step: currentIndex + 1, count: steps.length, minutes: minutesLeft }) : t('overview.startPath.allDone')}
          </Text>
          <Progress value={(finished / Math.max(1, steps.length)) * 100} mt={4} aria-label={t('overview.startPath.progress')} />
        </div>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {steps.map((s, i) => {
            const key = stepKey(s);
            const current = s.id === path.current;
            return (
              <Card key={s.id} component="li" withBorder={current} padding={current ? 'md' : 'xs'} radius="md" bg={current ? 'var(--mantine-color-werkblau-light)' : undefined} data-testid={`start-step-${s.id}`} aria-current={current ? 'step' : undefined}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <ThemeIcon radius="xl" size={28} color={STATUS_COLOR[s.status]} variant={s.status === 'done' ? 'filled' : 'light'} aria-hidden>
                    {s.status === 'done' ? '✓' : i + 1}
                  </ThemeIcon>
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Group gap="xs">
                      <Text fw={600}>{t(`${key}.title`)}</Text>
                      <Badge variant="light" color={STATUS_COLOR[s.status]} size="sm">{t(`overview.startPath.status.${s.status}`)}</Badge>
                      <Text size="sm" c="dimmed">{t('overview.startPath.minutes', { count: s.minutes })}</Text>
                    </Group>
                    <Text size="sm">{t(`${key}.gives`)}</Text>
                    {current && (
                      <Group mt="xs" gap="sm">
                        <Button component={Link} to={`${base}${s.link}`}>{s.status === 'started' ? t('overview.startPath.resume') : t(`${key}.action`)}</Button>
                        <Button variant="subtle" onClick={() => choice.mutate({ skipped: [...skipped, s.id] })} disabled={choice.isPending}>{t('overview.startPath.skip')}</Button>
                      </Group>
                    )}
                    {!current && s.status !== 'done' && (
                      <Text size="sm"><Text component={Link} to={`${base}${s.link}`} c="werkblau.8" td="underline" size="sm">{t(`${key}.action`)}</Text></Text>
                    )}
                  </Stack>
                </Group>
              </Card>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}
