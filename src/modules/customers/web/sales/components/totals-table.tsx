import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../../web/i18n/format';
import type { Totals } from '../sales-api';

/** Net, VAT per rate and gross, as an invoice shows them. */
export function TotalsTable({ totals, currency }: { totals: Totals; currency: string }) {
  const { t } = useTranslation();
  const { money, number } = useFormat();
  return (
    <Table maw={420} ml="auto" data-testid="totals">
      <Table.Tbody>
        <Table.Tr><Table.Th scope="row">{t('customersSales.totals.net')}</Table.Th><Table.Td ta="right">{money(totals.netCents, currency)}</Table.Td></Table.Tr>
        {totals.vat.map((v) => (
          <Table.Tr key={v.vatBasisPoints}>
            <Table.Th scope="row" fw={400}>{t('customersSales.totals.vat', { rate: number(v.vatBasisPoints / 100, v.vatBasisPoints % 100 === 0 ? 0 : 2), base: money(v.baseCents, currency) })}</Table.Th>
            <Table.Td ta="right">{money(v.taxCents, currency)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr><Table.Th scope="row">{t('customersSales.totals.gross')}</Table.Th><Table.Td ta="right" fw={700}>{money(totals.grossCents, currency)}</Table.Td></Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
