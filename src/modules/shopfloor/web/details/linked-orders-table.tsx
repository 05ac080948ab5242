import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useFormat } from '../../../../web/i18n/format';
import type { OrderSearchResult } from '../../schemas';
import { COLORS, StatusBadge } from '../components/status-badge';
import { DueDate } from '../pages/orders-page';

const STATE_COLOR = { planned: COLORS.gray, active: COLORS.green, finished: COLORS.blue } as const;
type LinkedOrder = OrderSearchResult['items'][number];

/**
 * Orders on a part's or a work centre's page, each linking to its own page. With `workCentreId`
 * the operation at that work centre is shown instead of the part.
 */
export function LinkedOrdersTable({ orders, base, workCentreId, label, testId }: { orders: LinkedOrder[]; base: string; workCentreId?: string; label: string; testId: string }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <ScrollRegion label={label} minWidth={520}>
      <Table verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('shopfloor.orders.number')}</Table.Th>
            <Table.Th scope="col">{workCentreId ? t('shopfloorMasterData.workCentreDetail.column.operation') : t('shopfloor.orders.quantity')}</Table.Th>
            <Table.Th scope="col">{t('shopfloor.orders.dueDate')}</Table.Th>
            <Table.Th scope="col">{t('shopfloor.orders.stateLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((o) => (
            <Table.Tr key={o.id} data-order={o.number}>
              <Table.Td>
                <Anchor component={Link} to={`${base}/orders/${o.id}`} fw={600} aria-label={t('shopfloor.orders.openOrder', { number: o.number })}>{o.number}</Anchor>
                {workCentreId && <Text size="xs" c="dimmed">{o.partNumber}</Text>}
              </Table.Td>
              <Table.Td>
                {workCentreId
                  ? o.operations.filter((op) => op.workCentreId === workCentreId).map((op) => (
                    <Text key={op.id} size="sm" component="div">
                      {t('shopfloor.terminal.operation', { position: op.position, name: op.name })} <StatusBadge status={op.status} size="sm" />
                    </Text>
                  ))
                  : number(o.quantity)}
              </Table.Td>
              <Table.Td><DueDate order={o} /></Table.Td>
              <Table.Td><Badge color={STATE_COLOR[o.state]} variant="filled">{t(`shopfloor.orders.state.${o.state}`)}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
