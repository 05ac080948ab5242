import { useQuery } from '@tanstack/react-query';
import { get } from '../../../web/api/client';
import type { SubjectRequest, SubjectRequestSummary } from '../subject-requests.schemas';
import { privacyPath } from './api';

export const requestKeys = {
  list: (companyId: string) => ['privacy', companyId, 'requests'],
  detail: (companyId: string, id: string) => ['privacy', companyId, 'request', id],
};

export const requestsPath = (companyId: string) => `${privacyPath(companyId)}/requests`;

/** Refetched every ten minutes: the countdown is in days. */
export function useRequests(companyId: string) {
  return useQuery({ queryKey: requestKeys.list(companyId), queryFn: () => get<SubjectRequestSummary[]>(requestsPath(companyId)), refetchInterval: 600_000 });
}

export function useRequest(companyId: string, id: string | undefined) {
  return useQuery({
    queryKey: requestKeys.detail(companyId, id ?? ''),
    queryFn: () => get<SubjectRequest>(`${requestsPath(companyId)}/${id}`),
    enabled: id !== undefined,
  });
}
