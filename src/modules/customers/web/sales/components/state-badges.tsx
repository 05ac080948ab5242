import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerOrderState, ProductionOrderLink, QuoteState } from '../sales-api';

// dark shades that keep white text at WCAG AA contrast (≥ 4.5:1), as Shop floor's status badges
const GRAY = '#495057';
const BLUE = '#1864ab';
const GREEN = '#1e6b30';
const ORANGE = '#b8400b';
const RED = '#c92a2a';
// a state is short: shown whole, never cut to "W…" in a narrow table column
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;
const QUOTE_COLORS: Record<QuoteState, string> = { draft: GRAY, sent: BLUE, won: GREEN, lost: RED };
const ORDER_COLORS: Record<CustomerOrderState, string> = { open: GRAY, 'in-production': BLUE, 'partly-delivered': ORANGE, delivered: GREEN, cancelled: RED };
const PRODUCTION_COLORS: Record<ProductionOrderLink['state'], string> = { planned: GRAY, active: BLUE, finished: GREEN };

export function QuoteStateBadge({ state }: { state: QuoteState }) {
  const { t } = useTranslation();
  return <Badge color={QUOTE_COLORS[state]} variant="filled" styles={NO_TRUNCATION}>{t(`customersSales.quoteStates.${state}`)}</Badge>;
}

export function OrderStateBadge({ state }: { state: CustomerOrderState }) {
  const { t } = useTranslation();
  return <Badge color={ORDER_COLORS[state]} variant="filled" styles={NO_TRUNCATION}>{t(`customersSales.orderStates.${state}`)}</Badge>;
}

export function ProductionStateBadge({ state }: { state: ProductionOrderLink['state'] }) {
  const { t } = useTranslation();
  return <Badge color={PRODUCTION_COLORS[state]} variant="filled" styles={NO_TRUNCATION}>{t(`customersSales.productionStates.${state}`)}</Badge>;
}
