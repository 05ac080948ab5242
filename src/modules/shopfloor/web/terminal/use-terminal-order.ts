import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Order } from '../../schemas';
import { parseOrderCodeDetail } from '../order-code';

export const ALL_WORK_CENTRES = 'all';

/**
 * Which order the terminal shows and where: the work centre chosen on this device (kept in local
 * storage), the order number typed or scanned (kept in the URL with the operation to focus), and
 * the order found for it (null: no such order; undefined: none asked for or still loading).
 */
export function useTerminalOrder(companyId: string, orders: Order[] | undefined) {
  const [params, setParams] = useSearchParams();
  const wcKey = `werkverbund.shopfloor.${companyId}.workCentre`;
  const [workCentre, setWorkCentre] = useState<string>(() => localStorage.getItem(wcKey) ?? ALL_WORK_CENTRES);
  const [typed, setTyped] = useState(params.get('order') ?? '');
  const [orderNumber, setOrderNumber] = useState<string | null>(params.get('order'));
  const [focusPosition, setFocusPosition] = useState<number | null>(() => Number(params.get('op')) || null);

  const chooseWorkCentre = (id: string | null) => {
    const value = id ?? ALL_WORK_CENTRES;
    setWorkCentre(value);
    localStorage.setItem(wcKey, value);
  };

  /** Opens an order by what was typed or scanned (a QR scanner calls this with the decoded text). */
  const openByCode = (code: string) => {
    const { order: value, operation } = parseOrderCodeDetail(code);
    setTyped(value);
    setOrderNumber(value || null);
    setFocusPosition(operation);
    setParams(value ? { order: value, ...(operation ? { op: String(operation) } : {}) } : {}, { replace: true });
  };

  const order = useMemo(() => {
    if (!orderNumber || !orders) return undefined;
    const wanted = orderNumber.toLocaleLowerCase();
    return orders.find((o) => o.number.toLocaleLowerCase() === wanted) ?? null;
  }, [orderNumber, orders]);

  return { workCentre, chooseWorkCentre, typed, setTyped, orderNumber, focusPosition, openByCode, order };
}
