import { Anchor, Button } from '@mantine/core';
import { Link } from 'react-router';
import type { Order } from '../../schemas';
import { useMasterData } from '../master-data/use-master-data';

/** "New order" and "CSV import" in the order list's header, for roles that plan. */
export function OrderPlanningActions() {
  const { m, canPlan, base } = useMasterData();
  if (!canPlan) return null;
  return (
    <>
      <Button component={Link} to={`${base}/orders/new`} size="lg" variant="light">{m('order.new')}</Button>
      <Button component={Link} to={`${base}/orders/import`} size="lg" variant="default">{m('csv.title')}</Button>
    </>
  );
}

/** Link from an order row to its edit and release page, for roles that plan. */
export function OrderEditLink({ order }: { order: Order }) {
  const { m, canPlan, base } = useMasterData();
  if (!canPlan) return null;
  return (
    <Anchor component={Link} to={`${base}/orders/${order.id}/edit`} size="sm" display="block" w="fit-content" py={6} aria-label={m('order.editLabel', { number: order.number })}>
      {order.releasedAt ? m('order.editShort') : m('order.editOrRelease')}
    </Anchor>
  );
}
