import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { OrderKpiRow } from '../../domain/order-kpis';
import type { KpiRow } from './api';
import { emptyReason } from './empty-reason';
import { FigureValue } from './figure-value';

function Figure({ label, value, note, testId }: { label: string; value: ReactNode; note?: string | null; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} component="div">{value}</Text>
      {note && <Text size="xs" c="dimmed">{note}</Text>}
    </Card>
  );
}

/** The period's totals: OEE and its factors, scrap rate, utilisation, lead time, on-time delivery. */
export function SummaryCards({ total, orders }: { total: KpiRow | null; orders: OrderKpiRow }) {
  const { t } = useTranslation();
  const { number, percent } = useFormat();
  const days = (ms: number | null) => (ms === null ? '–' : t('shopfloorControlling.figures.days', { value: number(ms / 86_400_000, 1) }));
  const reasonOf = (f: 'availability' | 'performance' | 'quality' | 'oee' | 'scrapRate' | 'utilisation') => {
    const r = total ? emptyReason(total, f) : 'noPlan';
    return r ? t(`shopfloorControlling.empty.${r}`) : null;
  };
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="lg" data-testid="summary">
      {(['oee', 'availability', 'performance', 'quality', 'scrapRate', 'utilisation'] as const).map((f) => (
        <Figure
          key={f}
          testId={`summary-${f}`}
          label={t(`shopfloorControlling.figures.${f}`)}
          value={total ? <FigureValue row={total} figure={f} /> : '–'}
          note={f === 'performance' && total?.performanceAboveIdeal ? t('shopfloorControlling.aboveIdealHint') : reasonOf(f)}
        />
      ))}
      <Figure
        testId="summary-leadTime"
        label={t('shopfloorControlling.figures.leadTime')}
        value={days(orders.averageLeadTimeMs)}
        note={orders.finished === 0 ? t('shopfloorControlling.empty.noOrders') : `${t('shopfloorControlling.figures.leadTimeValue', { average: days(orders.averageLeadTimeMs), median: days(orders.medianLeadTimeMs) })} · ${t('shopfloorControlling.figures.finished', { count: orders.finished })}`}
      />
      <Figure
        testId="summary-onTimeDelivery"
        label={t('shopfloorControlling.figures.onTimeDelivery')}
        value={orders.onTimeDelivery === null ? '–' : percent(orders.onTimeDelivery, 1)}
        note={orders.onTimeDelivery === null ? t('shopfloorControlling.empty.noDueDate') : t('shopfloorControlling.figures.onTimeOf', { onTime: orders.onTime, of: orders.withDueDate })}
      />
    </SimpleGrid>
  );
}
