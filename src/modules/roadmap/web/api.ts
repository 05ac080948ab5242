import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../../web/api/client';
import type { FundingProgrammeView, PlanItemView, PlanView, ProgressView, SuggestionsView, UpdateItemBody } from '../schemas';

export type { FundingProgrammeView, PlanItemView, PlanView, ProgressView, SuggestionView, SuggestionsView } from '../schemas';

export const roadmapPath = (companyId: string) => `/companies/${companyId}/roadmap`;
const keys = { all: (c: string) => ['roadmap', c], suggestions: (c: string) => ['roadmap', c, 'suggestions'], plan: (c: string) => ['roadmap', c, 'plan'], funding: (c: string) => ['roadmap', c, 'funding'], progress: (c: string) => ['roadmap', c, 'progress'] };

export const useSuggestions = (c: string) => useQuery({ queryKey: keys.suggestions(c), queryFn: () => get<SuggestionsView>(`${roadmapPath(c)}/suggestions`) });
export const usePlan = (c: string) => useQuery({ queryKey: keys.plan(c), queryFn: () => get<PlanView>(`${roadmapPath(c)}/plan`) });
export const useFunding = (c: string) => useQuery({ queryKey: keys.funding(c), queryFn: () => get<FundingProgrammeView[]>(`${roadmapPath(c)}/funding`) });
export const useProgress = (c: string) => useQuery({ queryKey: keys.progress(c), queryFn: () => get<ProgressView>(`${roadmapPath(c)}/progress`) });

/** A change to the roadmap; afterwards every roadmap query of the company is fetched again. */
function useRoadmapMutation<A, R>(companyId: string, fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all(companyId) }) });
}

export const useAccept = (c: string) => useRoadmapMutation(c, (measureIds: string[]) => post<PlanView>(`${roadmapPath(c)}/plan/accept`, { measureIds }));
export const useAcceptSuggestion = (c: string) => useRoadmapMutation(c, (ref: string) => post<PlanView>(`${roadmapPath(c)}/plan/accept`, { suggestionRefs: [ref] }));
export const useSchedule = (c: string) => useRoadmapMutation(c, (startQuarter?: string) => post<PlanView>(`${roadmapPath(c)}/plan/schedule`, startQuarter ? { startQuarter } : {}));
export const useAddOwn = (c: string) => useRoadmapMutation(c, (body: { title: string; description?: string }) => post<PlanItemView>(`${roadmapPath(c)}/plan/items`, body));
export const useUpdateItem = (c: string) => useRoadmapMutation(c, ({ id, body }: { id: string; body: UpdateItemBody }) => patch<PlanItemView>(`${roadmapPath(c)}/plan/items/${id}`, body));
export const useRemoveItem = (c: string) => useRoadmapMutation(c, (id: string) => del<void>(`${roadmapPath(c)}/plan/items/${id}`));
export const useSaveFunding = (c: string) =>
  useRoadmapMutation(c, ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
    id ? patch<FundingProgrammeView>(`${roadmapPath(c)}/funding/${id}`, body) : post<FundingProgrammeView>(`${roadmapPath(c)}/funding`, body));
export const useDeleteFunding = (c: string) => useRoadmapMutation(c, (id: string) => del<void>(`${roadmapPath(c)}/funding/${id}`));
