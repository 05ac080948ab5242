import '../controlling/load-translations';
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../../../web/layout/app-layout';
import type { Order } from '../../schemas';
import { shopfloorPath } from '../api';

/** Opens the printable order paper (PDF with a QR code per operation) in a new tab. */
export function OrderPaperLink({ order }: { order: Pick<Order, 'id' | 'number'> }) {
  const { t, i18n } = useTranslation();
  const company = useCompany();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  return (
    <Anchor
      href={`/api/v1${shopfloorPath(company.id)}/orders/${order.id}/paper.pdf?lang=${lang}`}
      target="_blank"
      rel="noopener"
      size="sm"
      aria-label={t('shopfloorControlling.paper.printLabel', { number: order.number })}
      data-testid="order-paper-link"
    >
      {t('shopfloorControlling.paper.print')}
    </Anchor>
  );
}
