import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, put } from '../api/client';

type Localized = { de: string; en: string };

export interface Subscription {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  /** Dot path into the event's payload → the values accepted there. */
  filter: Record<string, Array<string | number | boolean>>;
  active: boolean;
  createdAt: string;
  /** Only in the answer that creates it or replaces it. */
  secret?: string;
}

export type SubscriptionInput = Pick<Subscription, 'url' | 'description' | 'eventTypes' | 'filter' | 'active'>;

export interface EventFilterField { path: string; label: Localized; eventTypes: string[]; values: Array<{ value: string; label: Localized }> }

export interface EventCatalogue { eventTypes: string[]; labels: Record<string, Localized>; filters: EventFilterField[] }

export interface Delivery {
  id: string;
  eventId: string;
  subscriptionId: string;
  eventType: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface TestResult { ok: boolean; status: number | null; error: string | null }

const base = (companyId: string) => `/companies/${companyId}/webhooks`;
const keys = {
  all: (companyId: string) => ['webhooks', companyId],
  subscriptions: (companyId: string) => ['webhooks', companyId, 'subscriptions'],
  catalogue: (companyId: string) => ['webhooks', companyId, 'event-types'],
  deliveries: (companyId: string) => ['webhooks', companyId, 'deliveries'],
};

/** The delivery log refreshes itself this often (the delivery job runs every 10 s). */
const LOG_REFRESH_MS = 3000;

export const useSubscriptions = (companyId: string, enabled = true) => useQuery({ queryKey: keys.subscriptions(companyId), queryFn: () => get<Subscription[]>(base(companyId)), enabled });
export const useEventCatalogue = (companyId: string, enabled = true) =>
  useQuery({ queryKey: keys.catalogue(companyId), queryFn: () => get<EventCatalogue>(`${base(companyId)}/event-types`), staleTime: Infinity, enabled });
export const useDeliveries = (companyId: string) =>
  useQuery({ queryKey: keys.deliveries(companyId), queryFn: () => get<Delivery[]>(`${base(companyId)}/deliveries?limit=100`), refetchInterval: LOG_REFRESH_MS });

export const webhooksApi = {
  save: (companyId: string, id: string | null, body: SubscriptionInput) => (id ? put<Subscription>(`${base(companyId)}/${id}`, body) : post<Subscription>(base(companyId), body)),
  remove: (companyId: string, id: string) => del(`${base(companyId)}/${id}`),
  rotate: (companyId: string, id: string) => post<Subscription>(`${base(companyId)}/${id}/secret`),
  test: (companyId: string, id: string) => post<TestResult>(`${base(companyId)}/${id}/test`),
  retry: (companyId: string, deliveryId: string) => post<Delivery>(`${base(companyId)}/deliveries/${deliveryId}/retry`),
};

/** A change through the API; afterwards the subscriptions and the log are read again. */
export function useWebhooksMutation<A, R>(companyId: string, fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all(companyId) }) });
}
