import { useQuery } from '@tanstack/react-query';
import { get } from '../../../web/api/client';
import type { Questionnaire } from '../domain/questionnaire-schema';
import type { CheckResultView, CheckRunDetail, CheckRunSummary } from '../schemas';

export type { Questionnaire } from '../domain/questionnaire-schema';
export type { CheckResultView, CheckRunDetail, CheckRunSummary } from '../schemas';

export const checkPath = (companyId: string) => `/companies/${companyId}/check`;

export const checkKeys = {
  all: (companyId: string) => ['check', companyId],
  questionnaire: (companyId: string) => ['check', companyId, 'questionnaire'],
  runs: (companyId: string) => ['check', companyId, 'runs'],
  run: (companyId: string, runId: string) => ['check', companyId, 'run', runId],
  result: (companyId: string, runId: string) => ['check', companyId, 'result', runId],
  settings: (companyId: string) => ['check', companyId, 'settings'],
};

export function useQuestionnaire(companyId: string) {
  return useQuery({
    queryKey: checkKeys.questionnaire(companyId),
    queryFn: () => get<Questionnaire>(`${checkPath(companyId)}/questionnaire`),
    staleTime: Infinity,
  });
}

export function useRuns(companyId: string) {
  return useQuery({ queryKey: checkKeys.runs(companyId), queryFn: () => get<CheckRunSummary[]>(`${checkPath(companyId)}/runs`) });
}

export function useRun(companyId: string, runId: string | undefined) {
  return useQuery({
    queryKey: checkKeys.run(companyId, runId ?? ''),
    queryFn: () => get<CheckRunDetail>(`${checkPath(companyId)}/runs/${runId}`),
    enabled: runId !== undefined,
  });
}

export function useResult(companyId: string, runId: string) {
  return useQuery({ queryKey: checkKeys.result(companyId, runId), queryFn: () => get<CheckResultView>(`${checkPath(companyId)}/runs/${runId}/result`) });
}

export function useCheckSettings(companyId: string, enabled: boolean) {
  return useQuery({ queryKey: checkKeys.settings(companyId), queryFn: () => get<{ peerOptIn: boolean }>(`${checkPath(companyId)}/settings`), enabled });
}
