import { useQuery } from '@tanstack/react-query';
import { get } from '../../../../web/api/client';
import type { OrderSearchResult } from '../../schemas';
import { shopfloorKeys, shopfloorPath } from '../api';

export interface LinkedOrdersQuery {
  part?: string;
  workCentre?: string;
  state: 'open' | 'finished' | 'all';
  sort: 'recent' | 'urgency' | 'finished';
  limit: number;
}

/** Orders linked to a part or a work centre (the order search, filtered on the server). */
export function useLinkedOrders(companyId: string, query: LinkedOrdersQuery) {
  const params = new URLSearchParams({ state: query.state, sort: query.sort, limit: String(query.limit) });
  if (query.part) params.set('part', query.part);
  if (query.workCentre) params.set('workCentre', query.workCentre);
  return useQuery({
    // below the orders' key, so a changed or booked order refreshes these lists too
    queryKey: [...shopfloorKeys.orders(companyId), 'linked', query],
    queryFn: () => get<OrderSearchResult>(`${shopfloorPath(companyId)}/orders/search?${params}`),
  });
}

/** A machine as the machine-data module's API lists it; only what a work centre's page shows. */
export interface LinkedMachine { id: string; name: string; workCentreId: string | null }

/** The machines standing at a work centre, read through the machine-data API when that module is on and may be read. */
export function useMachinesAt(companyId: string, workCentreId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['machines', companyId, 'at-work-centres'],
    queryFn: () => get<LinkedMachine[]>(`/companies/${companyId}/machines`),
    enabled,
    select: (machines) => machines.filter((m) => m.workCentreId === workCentreId),
  });
}
