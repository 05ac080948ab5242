import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, put } from '../../../../web/api/client';
import type { Reason } from '../../domain/reason-tree';
import { shopfloorPath } from '../api';

export interface ReasonView extends Reason {
  inUse: boolean;
}

export type ReasonInput = Pick<Reason, 'kind' | 'parentId' | 'isGroup' | 'label' | 'loss' | 'planned' | 'active'> & { position?: number };

export const reasonsKey = (companyId: string) => ['shopfloor', companyId, 'reasons'];
const cacheKey = (companyId: string) => `werkverbund.shopfloor.${companyId}.reasons`;

function cached(companyId: string): ReasonView[] | undefined {
  try {
    const text = localStorage.getItem(cacheKey(companyId));
    return text ? (JSON.parse(text) as ReasonView[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The company's downtime and scrap reasons. The last answer is kept in localStorage, so the terminal
 * can pause and book scrap with a reason while it is offline (also after a reload).
 */
export function useReasons(companyId: string) {
  return useQuery({
    queryKey: reasonsKey(companyId),
    queryFn: async () => {
      const { reasons } = await get<{ reasons: ReasonView[] }>(`${shopfloorPath(companyId)}/reasons`);
      try {
        localStorage.setItem(cacheKey(companyId), JSON.stringify(reasons));
      } catch {
        // storage full: the terminal then works with the reasons in memory
      }
      return reasons;
    },
    initialData: () => cached(companyId),
    initialDataUpdatedAt: 0,
  });
}

export function useReasonMutations(companyId: string) {
  const queryClient = useQueryClient();
  const base = `${shopfloorPath(companyId)}/reasons`;
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: reasonsKey(companyId) });
  return {
    save: useMutation({
      mutationFn: ({ id, input }: { id?: string; input: ReasonInput }) => (id ? put<ReasonView>(`${base}/${id}`, input) : post<ReasonView>(base, input)),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => del<{ deleted: string[]; deactivated: string[] }>(`${base}/${id}`), onSuccess }),
  };
}
