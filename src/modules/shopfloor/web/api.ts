import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { get } from '../../../web/api/client';
import type { Order, OrderSearchResult, WorkCentre } from '../schemas';
import { BookingQueue } from './booking-queue';

export const shopfloorPath = (companyId: string) => `/companies/${companyId}/shopfloor`;

export interface ShopfloorSettings {
  overQuantityMarginPercent: number;
}

/** A stored booking as `GET /bookings` lists it. */
export interface StoredBooking {
  key: string;
  operationId: string;
  kind: string;
  at: string;
  good: number | null;
  scrap: number | null;
  reason: string | null;
  status: 'applied' | 'conflict' | 'waiting';
  conflictReason: string | null;
  reverses: string | null;
  reversedBy: string | null;
}

export const shopfloorKeys = {
  settings: (companyId: string) => ['shopfloor', companyId, 'settings'],
  bookings: (companyId: string, operationId: string) => ['shopfloor', companyId, 'bookings', operationId],
  orders: (companyId: string) => ['shopfloor', companyId, 'orders'],
  order: (companyId: string, orderId: string) => ['shopfloor', companyId, 'orders', 'one', orderId],
  orderSearch: (companyId: string, params: OrderSearchParams) => ['shopfloor', companyId, 'orders', 'search', params],
  orderBookings: (companyId: string, orderId: string) => ['shopfloor', companyId, 'bookings', 'order', orderId],
  workCentres: (companyId: string) => ['shopfloor', companyId, 'work-centres'],
};

export function useOrders(companyId: string, refetchInterval?: number) {
  return useQuery({ queryKey: shopfloorKeys.orders(companyId), queryFn: () => get<Order[]>(`${shopfloorPath(companyId)}/orders`), refetchInterval });
}

export interface OrderSearchParams {
  q: string;
  state: 'open' | 'planned' | 'active' | 'finished' | 'all';
  sort: 'urgency' | 'due' | 'number' | 'finished';
  limit: number;
  offset: number;
}

/** One page of the order list, searched, filtered and sorted on the server; the last page stays shown while the next loads. */
export function useOrderSearch(companyId: string, params: OrderSearchParams) {
  const query = new URLSearchParams({ state: params.state, sort: params.sort, limit: String(params.limit), offset: String(params.offset), ...(params.q ? { q: params.q } : {}) });
  return useQuery({
    queryKey: shopfloorKeys.orderSearch(companyId, params),
    queryFn: () => get<OrderSearchResult>(`${shopfloorPath(companyId)}/orders/search?${query}`),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(companyId: string, orderId: string, enabled = true) {
  return useQuery({ queryKey: shopfloorKeys.order(companyId, orderId), queryFn: () => get<Order>(`${shopfloorPath(companyId)}/orders/${orderId}`), retry: false, enabled });
}

/** Every stored booking of an order, also refused and waiting ones, in the order received. */
export function useOrderBookings(companyId: string, orderId: string) {
  return useQuery({ queryKey: shopfloorKeys.orderBookings(companyId, orderId), queryFn: () => get<StoredBooking[]>(`${shopfloorPath(companyId)}/bookings?orderId=${orderId}&limit=5000`) });
}

export function useWorkCentres(companyId: string) {
  return useQuery({ queryKey: shopfloorKeys.workCentres(companyId), queryFn: () => get<WorkCentre[]>(`${shopfloorPath(companyId)}/work-centres`) });
}

const queues = new Map<string, BookingQueue>();

/** The company's booking queue on this device; sent again whenever the browser comes online. */
export function useBookingQueue(companyId: string) {
  const queue = useMemo(() => {
    let q = queues.get(companyId);
    if (!q) {
      q = new BookingQueue(companyId);
      queues.set(companyId, q);
    }
    return q;
  }, [companyId]);
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  useEffect(() => {
    const online = () => queue.setOffline(false);
    const offline = () => queue.setOffline(true);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    void queue.flush();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [queue]);
  return { queue, snapshot };
}

/** The company's shop-floor settings (margin above the remaining quantity before the terminal asks). */
export function useShopfloorSettings(companyId: string) {
  return useQuery({ queryKey: shopfloorKeys.settings(companyId), queryFn: () => get<ShopfloorSettings>(`${shopfloorPath(companyId)}/settings`) });
}

/** The stored bookings of one operation (for corrections). */
export function useOperationBookings(companyId: string, operationId: string, enabled: boolean) {
  return useQuery({
    queryKey: shopfloorKeys.bookings(companyId, operationId),
    queryFn: () => get<StoredBooking[]>(`${shopfloorPath(companyId)}/bookings?operationId=${operationId}&status=applied`),
    enabled,
  });
}
