import { useQuery } from '@tanstack/react-query';
import { get } from '../../../web/api/client';
import type { MeCompany } from '../../../web/api/me';
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

/** A measure of the company's roadmap plan, as far as an evaluation needs it. */
export interface PlanMeasure {
  id: string;
  measureId: string | null;
  title: { de: string; en: string };
  status: 'planned' | 'in_progress' | 'done' | 'dropped';
}

/** Whether the company uses the roadmap, so evaluations can be attached to its plan measures. */
export const roadmapEnabled = (company: MeCompany) => company.modules.some((m) => m.id === 'roadmap' && m.enabled);

/** The measures of the roadmap plan (through the roadmap's API), only while the roadmap module is on. */
export function usePlanMeasures(company: MeCompany) {
  const enabled = roadmapEnabled(company) && company.permissions.includes('roadmap.read');
  return useQuery({
    queryKey: ['roadmap', company.id, 'plan'],
    queryFn: () => get<{ items: PlanMeasure[] }>(`/companies/${company.id}/roadmap/plan`),
    select: (plan) => plan.items,
    enabled,
  });
}
