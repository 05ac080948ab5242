import { useQuery } from '@tanstack/react-query';
import { get } from '../../../web/api/client';
import type { Breach, BreachSummary } from '../schemas';

export const privacyPath = (companyId: string) => `/companies/${companyId}/privacy`;

export const privacyKeys = {
  all: (companyId: string) => ['privacy', companyId],
  list: (companyId: string) => ['privacy', companyId, 'breaches'],
  detail: (companyId: string, id: string) => ['privacy', companyId, 'breach', id],
};

/** Refetched every minute: the clocks run on the server's time. */
export function useBreaches(companyId: string) {
  return useQuery({ queryKey: privacyKeys.list(companyId), queryFn: () => get<BreachSummary[]>(`${privacyPath(companyId)}/breaches`), refetchInterval: 60_000 });
}

export function useBreach(companyId: string, id: string | undefined) {
  return useQuery({
    queryKey: privacyKeys.detail(companyId, id ?? ''),
    queryFn: () => get<Breach>(`${privacyPath(companyId)}/breaches/${id}`),
    enabled: id !== undefined,
    refetchInterval: 60_000,
  });
}

export const skillsKeys = {
  all: (companyId: string) => ['privacy', companyId, 'skills'],
  matrix: (companyId: string) => ['privacy', companyId, 'skills', 'matrix'],
  person: (companyId: string, id: string) => ['privacy', companyId, 'skills', 'person', id],
  requirements: (companyId: string) => ['privacy', companyId, 'skills', 'requirements'],
};
