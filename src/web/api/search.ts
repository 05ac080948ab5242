import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from './client';

export interface SearchHit {
  /** `<module>.<kind>`, e.g. `shopfloor.order` (for grouping, never shown). */
  kind: string;
  /** The kind's name in the reader's language. */
  kindLabel: string;
  id: string;
  title: string;
  subtitle?: string;
  /** Web path below `/c/<companyId>`. */
  path: string;
}

/** The global search's hits for `query` (nothing is asked while it is empty), best first. */
export function useSearch(companyId: string, query: string, language: string) {
  const q = query.trim();
  return useQuery({
    queryKey: ['search', companyId, q, language],
    queryFn: () => get<{ query: string; hits: SearchHit[] }>(`/companies/${companyId}/search?q=${encodeURIComponent(q)}&lang=${language === 'en' ? 'en' : 'de'}`),
    enabled: q.length > 0,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

export interface NotificationItem {
  key: string;
  kind: string;
  kindLabel: string;
  severity: 'critical' | 'warning' | 'info';
  title: string;
  subtitle?: string;
  /** A time (ISO) or a day (YYYY-MM-DD). */
  at: string;
  atMeaning: 'since' | 'due';
  path: string;
  read: boolean;
}

export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

const notificationsKey = (companyId: string) => ['notifications', companyId];

/** What needs attention now, refreshed every minute. */
export function useNotifications(companyId: string, language: string) {
  return useQuery({
    queryKey: [...notificationsKey(companyId), language],
    queryFn: () => get<NotificationList>(`/companies/${companyId}/notifications?lang=${language === 'en' ? 'en' : 'de'}`),
    refetchInterval: 60_000,
  });
}

/** Marks some notifications (or all) as read for the signed-in person. */
export function useMarkRead(companyId: string, language: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { keys: string[] } | { all: true }) => post<NotificationList>(`/companies/${companyId}/notifications/read?lang=${language === 'en' ? 'en' : 'de'}`, body),
    onSuccess: (list) => queryClient.setQueryData([...notificationsKey(companyId), language], list),
  });
}
