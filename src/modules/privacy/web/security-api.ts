import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../../web/api/client';
import type { SecurityAnswer } from '../domain/security-score';
import type { ConceptSectionKey } from '../domain/security-concept';
import type { ConceptView, MyConceptView, SecurityCheckView } from '../security-schemas';
import { privacyKeys, privacyPath } from './api';

export const securityPath = (companyId: string) => `${privacyPath(companyId)}/security`;
const keys = {
  check: (c: string) => [...privacyKeys.all(c), 'security', 'check'],
  concept: (c: string) => [...privacyKeys.all(c), 'security', 'concept'],
  mine: (c: string) => [...privacyKeys.all(c), 'security', 'mine'],
};

export const useSecurityCheck = (c: string) => useQuery({ queryKey: keys.check(c), queryFn: () => get<SecurityCheckView>(`${securityPath(c)}/check`) });
export const useConcept = (c: string, enabled: boolean) => useQuery({ queryKey: keys.concept(c), queryFn: () => get<ConceptView>(`${securityPath(c)}/concept`), enabled });
export const useMyConcept = (c: string) => useQuery({ queryKey: keys.mine(c), queryFn: () => get<MyConceptView>(`${securityPath(c)}/concept/mine`) });

export function useAnswer(c: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer, note }: { id: string; answer: SecurityAnswer | null; note: string | null }) => put<SecurityCheckView>(`${securityPath(c)}/check/answers/${id}`, { answer, note }),
    onSuccess: (view) => queryClient.setQueryData(keys.check(c), view),
  });
}

/** A change to the concept; the member's own view and the check (its gaps) are read again. */
function useConceptMutation<A, R extends ConceptView>(c: string, fn: (a: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      queryClient.setQueryData(keys.concept(c), view);
      void queryClient.invalidateQueries({ queryKey: keys.mine(c) });
    },
  });
}
export const useGenerateDraft = (c: string) => useConceptMutation(c, () => post<ConceptView & { changes: { updated: ConceptSectionKey[]; outdated: ConceptSectionKey[] } }>(`${securityPath(c)}/concept/draft`));
export const useEditSection = (c: string) => useConceptMutation(c, ({ key, text }: { key: ConceptSectionKey; text: string | null }) => put<ConceptView>(`${securityPath(c)}/concept/draft/sections/${key}`, { text }));
export const useAdopt = (c: string) => useConceptMutation(c, () => post<ConceptView>(`${securityPath(c)}/concept/adopt`));

export function useAcknowledge(c: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<MyConceptView>(`${securityPath(c)}/concept/acknowledge`),
    onSuccess: (view) => {
      queryClient.setQueryData(keys.mine(c), view);
      void queryClient.invalidateQueries({ queryKey: keys.concept(c) });
    },
  });
}
