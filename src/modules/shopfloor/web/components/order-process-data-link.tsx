import '../machine-data/load-translations';
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompany } from '../../../../web/layout/app-layout';
import type { Order } from '../../schemas';

/** Link to the order's process data in machine data — only when that module is on and may be read. */
export function OrderProcessDataLink({ order }: { order: Pick<Order, 'id' | 'number'> }) {
  const { t } = useTranslation();
  const company = useCompany();
  const machinesOn = company.modules.some((m) => m.id === 'machines' && m.enabled) && company.permissions.includes('machines.read');
  if (!machinesOn) return null;
  return (
    <Anchor component={Link} to={`/c/${company.id}/machines/orders/${order.id}`} size="sm" display="block"
      aria-label={t('shopfloorMachineData.linkLabel', { number: order.number })} data-testid="order-process-data-link">
      {t('shopfloorMachineData.link')}
    </Anchor>
  );
}
