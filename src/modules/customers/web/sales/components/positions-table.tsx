import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../../web/i18n/format';
import type { QuotePosition } from '../sales-api';

/** The positions of a sent (frozen) or decided quote version, read only. */
export function PositionsTable({ positions, currency }: { positions: QuotePosition[]; currency: string }) {
  const { t } = useTranslation();
  const { money, number, date } = useFormat();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="xs" data-testid="positions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('customersSales.positions.number')}</Table.Th>
            <Table.Th scope="col">{t('customersSales.positions.description')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('customersSales.positions.quantity')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('customersSales.positions.unitPrice')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('customersSales.positions.discount')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('customersSales.positions.net')}</Table.Th>
            <Table.Th scope="col">{t('customersSales.positions.deliveryDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {positions.map((p, i) => (
            <Table.Tr key={p.id}>
              <Table.Td>{(i + 1) * 10}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{p.text}</Table.Td>
              <Table.Td ta="right">{number(p.quantityMilli / 1000, p.quantityMilli % 1000 === 0 ? 0 : 3)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(p.unitPriceCents, currency)}</Table.Td>
              <Table.Td ta="right">{p.discountBasisPoints ? `${number(p.discountBasisPoints / 100, 2)} %` : ''}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(p.netCents, currency)}</Table.Td>
              <Table.Td>{p.deliveryDate ? date(p.deliveryDate) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
