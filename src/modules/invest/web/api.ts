import { useQuery } from '@tanstack/react-query';
import { get } from '../../../web/api/client';
import type { EvaluationComparison, EvaluationDetail, EvaluationSummary } from '../schemas';

export const investPath = (companyId: string) => `/companies/${companyId}/invest`;

export const investKeys = {
  list: (companyId: string) => ['invest', companyId, 'list'],
  detail: (companyId: string, id: string) => ['invest', companyId, 'evaluation', id],
  compare: (companyId: string, ids: string[]) => ['invest', companyId, 'compare', ...ids],
};

export function useEvaluations(companyId: string) {
  return useQuery({ queryKey: investKeys.list(companyId), queryFn: () => get<EvaluationSummary[]>(`${investPath(companyId)}/evaluations`) });
}

export function useEvaluation(companyId: string, id: string) {
  return useQuery({ queryKey: investKeys.detail(companyId, id), queryFn: () => get<EvaluationDetail>(`${investPath(companyId)}/evaluations/${id}`) });
}

export function useComparison(companyId: string, ids: string[]) {
  return useQuery({
    queryKey: investKeys.compare(companyId, ids),
    queryFn: () => get<EvaluationComparison>(`${investPath(companyId)}/compare?ids=${ids.join(',')}`),
    enabled: ids.length >= 2,
  });
}
