import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../../web/i18n/format';
import { formatQuarter, parseQuarter } from '../../domain/quarter';
import type { PlanItemView } from '../api';
import { PlanItemEvaluations } from './plan-item-evaluations';

const STATUS_COLOR = { planned: 'blue', in_progress: 'indigo', done: 'green', dropped: 'gray' } as const;

/** The plan by quarter: each quarter lists the measures running in it; a measure opens its own page. */
export function PlanTimeline({ companyId, items }: { companyId: string; items: PlanItemView[] }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const scheduled = items.filter((i) => i.startQuarter);
  const indexes = scheduled.flatMap((i) => [parseQuarter(i.startQuarter!), parseQuarter(i.endQuarter ?? i.startQuarter!)]);
  const quarters = indexes.length === 0 ? [] : Array.from({ length: Math.max(...indexes) - Math.min(...indexes) + 1 }, (_, k) => Math.min(...indexes) + k);
  const card = (item: PlanItemView, q?: number) => {
    const starts = q === undefined || parseQuarter(item.startQuarter!) === q;
    const head = (
      <>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={starts ? 600 : 400} size="sm">{localized(item.title)}</Text>
          <Badge color={STATUS_COLOR[item.status]} c="dark.8" variant="light">{t(`roadmap.status.${item.status}`)}</Badge>
        </Group>
        {starts && (item.ownerName || item.ownerText) && <Text size="xs" c="dimmed">{item.ownerName ?? item.ownerText}</Text>}
        {starts && item.startQuarter && <Text size="xs" c="dimmed">{item.startQuarter} – {item.endQuarter}</Text>}
      </>
    );
    return (
      <Card key={item.id + (q ?? '')} withBorder padding="sm" data-testid={`plan-item-${item.measureId ?? item.id}`} data-plan-item={item.id} bg={starts ? undefined : 'gray.0'} style={starts ? undefined : { borderStyle: 'dashed' }}>
        <UnstyledButton component={Link} to={`/c/${companyId}/roadmap/plan/${item.id}`} aria-label={`${t('roadmap.plan.open')}: ${localized(item.title)}`} style={{ display: 'block', width: '100%', minHeight: 44 }}>
          {head}
        </UnstyledButton>
        {starts && <PlanItemEvaluations companyId={companyId} evaluations={item.evaluations} />}
      </Card>
    );
  };
  const unscheduled = items.filter((i) => !i.startQuarter);
  return (
    <Stack gap="lg" data-testid="plan-timeline">
      {quarters.map((q) => {
        const running = scheduled.filter((i) => parseQuarter(i.startQuarter!) <= q && q <= parseQuarter(i.endQuarter ?? i.startQuarter!));
        return (
          <section key={q} aria-labelledby={`quarter-${q}`} data-testid={`quarter-${formatQuarter(q)}`}>
            <Title order={2} size="h4" id={`quarter-${q}`} mb="xs">{formatQuarter(q).replace('-', ' ')}</Title>
            <Stack gap="xs">{running.length === 0 ? <Text size="sm" c="dimmed">–</Text> : running.map((i) => card(i, q))}</Stack>
          </section>
        );
      })}
      {unscheduled.length > 0 && (
        <section aria-labelledby="quarter-none">
          <Title order={2} size="h4" id="quarter-none" mb="xs">{t('roadmap.plan.unscheduled')}</Title>
          <Stack gap="xs">{unscheduled.map((i) => card(i))}</Stack>
        </section>
      )}
    </Stack>
  );
}
