import { useQuery } from '@tanstack/react-query';
import { get } from '../../../../web/api/client';
import { customersPath } from '../api';

import { customerOrderStates, lostReasons, quoteStates, type QuoteState } from '../../domain/quotes';

export type { QuoteState };
export type QuoteAction = 'edit' | 'send' | 'revise' | 'win' | 'lose' | 'order';
// the lists the server validates against, so a state or reason added there is offered here too
export const LOST_REASONS = lostReasons;
export const QUOTE_STATES = quoteStates;

export interface QuoteSummary {
  id: string;
  number: string;
  customerId: string;
  customerNumber: string;
  customerName: string;
  subject: string;
  currency: string;
  state: QuoteState;
  validUntil: string | null;
  currentVersion: number;
  createdAt: string;
  decidedAt: string | null;
  netCents: number;
  grossCents: number;
}

export interface QuotePosition {
  id: string;
  seq: number;
  partId: string | null;
  partNumber: string | null;
  producible: boolean;
  text: string;
  quantityMilli: number;
  unitPriceCents: number;
  discountBasisPoints: number;
  vatBasisPoints: number;
  deliveryDate: string | null;
  netCents: number;
}

export interface Totals {
  netCents: number;
  vat: Array<{ vatBasisPoints: number; baseCents: number; taxCents: number }>;
  grossCents: number;
}

export interface QuoteDetail extends Omit<QuoteSummary, 'netCents' | 'grossCents'> {
  contactId: string | null;
  lostReason: (typeof LOST_REASONS)[number] | null;
  lostNote: string | null;
  actions: QuoteAction[];
  order: { id: string; number: string } | null;
  frozen: number[];
  versions: Array<{ version: number; sentAt: string | null; language: 'de' | 'en' | null; positions: QuotePosition[]; totals: Totals }>;
}

export interface PartOption {
  id: string;
  number: string;
  name: string;
  producible: boolean;
}

export type CustomerOrderState = (typeof customerOrderStates)[number];
export const ORDER_STATES = customerOrderStates;

export interface CustomerOrderSummary {
  id: string;
  number: string;
  customerId: string;
  customerNumber: string;
  customerName: string;
  quoteId: string | null;
  quoteNumber: string | null;
  quoteVersion: number | null;
  customerReference: string;
  currency: string;
  state: CustomerOrderState;
  orderedAt: string;
  /** in the list: any position late */
  late?: boolean;
}

export type LateReason = 'no-production-order' | 'not-started' | 'behind-plan' | 'scrap';

/** Where is my order: expected finish (null when it cannot be named), late against the end of the promised day, and why. */
export interface PositionForecast {
  expectedFinish: string | null;
  late: boolean;
  reason: LateReason | null;
  promisedAt: string | null;
}

export interface ProductionOrderLink {
  id: string;
  number: string;
  partNumber: string;
  quantity: number;
  dueDate: string | null;
  state: 'planned' | 'active' | 'finished';
  good: number;
  finishedAt: string | null;
  linkedQuantity: number;
  /** issued by Shop floor at the release */
  lotNumber: string | null;
  serialNumbers: string[];
}

export interface CustomerOrderDetail extends CustomerOrderSummary {
  positions: Array<{
    id: string;
    number: number;
    partId: string | null;
    text: string;
    quantityMilli: number;
    unitPriceCents: number;
    discountBasisPoints: number;
    vatBasisPoints: number;
    promisedDate: string | null;
    producible: boolean;
    netCents: number;
    openQuantity: number;
    /** delivered so far (thousandths) */
    deliveredMilli: number;
    productionOrders: ProductionOrderLink[];
    forecast: PositionForecast;
  }>;
  forecast: { expectedFinish: string | null; late: boolean };
  totals: Totals;
  /** when, by whom and why it was cancelled; null unless it was */
  cancellation: { at: string; by: string | null; reason: string } | null;
}

export const SALES_PAGE_SIZE = 25;

export const salesKeys = {
  all: (companyId: string) => ['customers', companyId],
  quotes: (companyId: string, params: Record<string, string | number>) => ['customers', companyId, 'quotes', params],
  quote: (companyId: string, id: string) => ['customers', companyId, 'quote', id],
  orders: (companyId: string, params: Record<string, string | number>) => ['customers', companyId, 'orders', params],
  order: (companyId: string, id: string) => ['customers', companyId, 'order', id],
  parts: (companyId: string, q: string) => ['customers', companyId, 'quote-parts', q],
};

const query = (params: Record<string, string | number>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined) search.set(k, String(v));
  return search.toString();
};

export function useQuoteList(companyId: string, params: { q?: string; state?: string; customerId?: string; sort?: string; dir?: string; page: number }) {
  const p = { q: params.q?.trim() ?? '', state: params.state ?? '', customerId: params.customerId ?? '', sort: params.sort ?? '', dir: params.dir ?? '', limit: SALES_PAGE_SIZE, offset: (params.page - 1) * SALES_PAGE_SIZE };
  return useQuery({
    queryKey: salesKeys.quotes(companyId, p),
    queryFn: () => get<{ items: QuoteSummary[]; total: number }>(`${customersPath(companyId)}/quotes?${query(p)}`),
    placeholderData: (previous) => previous,
  });
}

export function useQuote(companyId: string, id: string) {
  return useQuery({ queryKey: salesKeys.quote(companyId, id), queryFn: () => get<QuoteDetail>(`${customersPath(companyId)}/quotes/${id}`) });
}

export function useOrderList(companyId: string, params: { q?: string; state?: string; customerId?: string; sort?: string; dir?: string; page: number }) {
  const p = { q: params.q?.trim() ?? '', state: params.state ?? '', customerId: params.customerId ?? '', sort: params.sort ?? '', dir: params.dir ?? '', limit: SALES_PAGE_SIZE, offset: (params.page - 1) * SALES_PAGE_SIZE };
  return useQuery({
    queryKey: salesKeys.orders(companyId, p),
    queryFn: () => get<{ items: CustomerOrderSummary[]; total: number }>(`${customersPath(companyId)}/customer-orders?${query(p)}`),
    placeholderData: (previous) => previous,
  });
}

export function useCustomerOrder(companyId: string, id: string) {
  return useQuery({ queryKey: salesKeys.order(companyId, id), queryFn: () => get<CustomerOrderDetail>(`${customersPath(companyId)}/customer-orders/${id}`) });
}

export function usePartSearch(companyId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: salesKeys.parts(companyId, q),
    queryFn: () => get<PartOption[]>(`${customersPath(companyId)}/quote-parts?${query({ q })}`),
    enabled,
    placeholderData: (previous) => previous,
  });
}
