import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DashboardView } from '../../kernel/dashboard/dashboard.service';
import { get, put } from './client';

export type { DashboardTile, DashboardView, StartStep } from '../../kernel/dashboard/dashboard.service';
export type { DashboardEntry, DashboardFigure } from '../../kernel/dashboard/dashboard-types';

export const dashboardKey = (companyId: string) => ['dashboard', companyId];

/** The home page's tiles, start path and next steps (always fresh: they follow every change elsewhere). */
export function useDashboard(companyId: string) {
  return useQuery({ queryKey: dashboardKey(companyId), queryFn: () => get<DashboardView>(`/companies/${companyId}/dashboard`), staleTime: 0, refetchOnMount: 'always' });
}

/** Hide or show the start path, or skip steps (for the signed-in person). */
export function useStartPathChoice(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { hidden?: boolean; skipped?: string[] }) => put<DashboardView>(`/companies/${companyId}/start-path`, body),
    onSuccess: (view) => client.setQueryData(dashboardKey(companyId), view),
  });
}
