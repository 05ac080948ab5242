import { useQuery } from '@tanstack/react-query';
import { get } from '../../../../web/api/client';
import { customersPath } from '../api';
import type { CustomerOrderState, ProductionOrderLink } from '../sales/sales-api';

export type ShareSection = 'state' | 'promised-date' | 'operations' | 'parameters' | 'signals';
/** What the firm can tick; state and promised date are always shown. */
export const OPTIONAL_SECTIONS: ShareSection[] = ['operations', 'parameters', 'signals'];
export const DEFAULT_VALID_DAYS = 30;
export const MAX_VALID_DAYS = 180;

export interface ShareLink {
  id: string;
  state: 'active' | 'expired' | 'revoked';
  sections: ShareSection[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  views: number;
  lastViewedAt: string | null;
}
export interface CreatedShareLink extends ShareLink { token: string; path: string }
export interface ShareLinkViewEntry { viewedAt: string; address: string; browser: string }

export const shareKeys = {
  links: (companyId: string, orderId: string) => ['customers', companyId, 'share-links', orderId],
  views: (companyId: string, linkId: string) => ['customers', companyId, 'share-link-views', linkId],
};

export function useShareLinks(companyId: string, orderId: string) {
  return useQuery({ queryKey: shareKeys.links(companyId, orderId), queryFn: () => get<{ items: ShareLink[] }>(`${customersPath(companyId)}/customer-orders/${orderId}/share-links`) });
}

export function useShareLinkViews(companyId: string, linkId: string | null) {
  return useQuery({
    queryKey: shareKeys.views(companyId, linkId ?? ''),
    queryFn: () => get<{ items: ShareLinkViewEntry[]; total: number }>(`${customersPath(companyId)}/share-links/${linkId}/views?limit=100`),
    enabled: linkId !== null,
  });
}

/** What the public page shows (GET /api/v1/p/o/{token}). */
export interface SharedOrder {
  firm: { name: string };
  sections: ShareSection[];
  expiresAt: string;
  order: { number: string; customerName: string; customerReference: string; state: CustomerOrderState; orderedAt: string; promisedDate: string | null };
  positions: Array<{
    number: number;
    text: string;
    quantity: number;
    promisedDate: string | null;
    productionOrders?: Array<{
      number: string;
      quantity: number;
      state: ProductionOrderLink['state'];
      good: number;
      finishedAt: string | null;
      operations: Array<{
        name: string;
        status: 'planned' | 'setup' | 'running' | 'paused' | 'finished';
        good: number;
        scrap: number;
        startedAt: string | null;
        finishedAt: string | null;
        parameters?: Array<{ label: { de: string; en: string }; value: number | string; unit: string | null; lower: number | null; upper: number | null; outOfTolerance: boolean; at: string }>;
        signals?: Array<{ machineName: string; points: Array<{ label: string; unit: string; min: number; mean: number; max: number; outsideMs: number }>; alarms: number }>;
      }>;
    }>;
  }>;
}

export function useSharedOrder(token: string) {
  return useQuery({ queryKey: ['shared-order', token], queryFn: () => get<SharedOrder>(`/p/o/${encodeURIComponent(token)}`), retry: false });
}
