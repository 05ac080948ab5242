import { Group, SegmentedControl, Select, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { OrderSearchResult } from '../../schemas';
import type { OrderSearchParams } from '../api';

export const ORDER_LIST_STATES: ReadonlyArray<OrderSearchParams['state']> = ['open', 'planned', 'active', 'finished', 'all'];
export const ORDER_LIST_SORTS: ReadonlyArray<OrderSearchParams['sort']> = ['urgency', 'due', 'number', 'finished'];

export function stateCount(state: OrderSearchParams['state'], counts: OrderSearchResult['counts']): number {
  if (state === 'open') return counts.planned + counts.active;
  if (state === 'all') return counts.planned + counts.active + counts.finished;
  return counts[state];
}

/** Search field, state filter with the number of orders in each state, and sort order of the order list. */
export function OrderListControls({ params, counts, onChange }: {
  params: OrderSearchParams;
  counts: OrderSearchResult['counts'] | undefined;
  onChange: (changes: Partial<Pick<OrderSearchParams, 'q' | 'state' | 'sort'>>) => void;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <form role="search" onSubmit={(e) => e.preventDefault()} aria-label={t('shopfloor.orders.searchLabel')}>
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('shopfloor.orders.search')}
          description={t('shopfloor.orders.searchHint')}
          value={params.q}
          onChange={(e) => onChange({ q: e.currentTarget.value })}
          style={{ flex: '1 1 16rem' }}
          size="md"
        />
        <Select
          label={t('shopfloor.orders.sortLabel')}
          description={t('shopfloor.orders.sortHint')}
          value={params.sort}
          onChange={(v) => v && onChange({ sort: v as OrderSearchParams['sort'] })}
          data={ORDER_LIST_SORTS.map((s) => ({ value: s, label: t(`shopfloor.orders.sort.${s}`) }))}
          allowDeselect={false}
          size="md"
          w={{ base: '100%', xs: 300 }}
        />
      </Group>
      <div role="group" aria-labelledby="order-state-filter">
        <VisuallyHidden id="order-state-filter">{t('shopfloor.orders.stateLabel')}</VisuallyHidden>
        <SegmentedControl
          mb="md"
          fullWidth
          size="md"
          value={params.state}
          onChange={(v) => onChange({ state: v as OrderSearchParams['state'] })}
          data={ORDER_LIST_STATES.map((s) => ({
            value: s,
            label: counts ? t('shopfloor.orders.stateWithCount', { state: t(`shopfloor.orders.state.${s}`), count: number(stateCount(s, counts)) }) : t(`shopfloor.orders.state.${s}`),
          }))}
          data-testid="order-state-filter"
        />
      </div>
    </form>
  );
}
