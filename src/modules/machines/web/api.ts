import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../../web/api/client';

export type Value = number | boolean | string;
export type AlarmStatus = 'active' | 'acknowledged' | 'clearedUnacknowledged' | 'closed';

export interface Alarm {
  id: string;
  machineId: string;
  ruleId: string;
  ruleName: string;
  point: string;
  status: AlarmStatus;
  raisedAt: string;
  raisedValue: number | null;
  clearedAt: string | null;
  clearedValue: number | null;
  acknowledgedAt: string | null;
}

export interface LivePoint { id: string; name: string; label: string; unit: string; type: string; ts: string | null; value: Value | null }
export interface LiveMachine { id: string; name: string; description: string; points: LivePoint[]; alarms: Alarm[] }
export interface MachineDetail { id: string; name: string; description: string; workCentreId?: string | null; points: Array<{ id: string; name: string; label: string; unit: string; type: string }> }
export interface Series { point: string; unit: string; from: string; to: string; truncated: boolean; samples: Array<{ ts: string; value: Value }> }

/** How often the live view asks for new values. */
export const LIVE_INTERVAL_MS = 3000;

const company = (companyId: string) => `/companies/${companyId}`;

export const machineKeys = {
  overview: (companyId: string) => ['machines', companyId, 'overview'],
  machine: (companyId: string, id: string) => ['machines', companyId, 'machine', id],
  alarms: (companyId: string, id: string) => ['machines', companyId, 'alarms', id],
  series: (companyId: string, id: string, point: string, from: string) => ['machines', companyId, 'series', id, point, from],
};

export function useOverview(companyId: string) {
  return useQuery({ queryKey: machineKeys.overview(companyId), queryFn: () => get<LiveMachine[]>(`${company(companyId)}/machine-overview`), refetchInterval: LIVE_INTERVAL_MS });
}

export function useMachine(companyId: string, id: string) {
  return useQuery({ queryKey: machineKeys.machine(companyId, id), queryFn: () => get<MachineDetail>(`${company(companyId)}/machines/${id}`) });
}

export function useMachineAlarms(companyId: string, id: string) {
  return useQuery({ queryKey: machineKeys.alarms(companyId, id), queryFn: () => get<Alarm[]>(`${company(companyId)}/machines/${id}/alarms?limit=50`), refetchInterval: LIVE_INTERVAL_MS });
}

export function useSeries(companyId: string, id: string, point: string | undefined, from: string) {
  return useQuery({
    queryKey: machineKeys.series(companyId, id, point ?? '', from),
    enabled: !!point,
    queryFn: () => get<Series>(`${company(companyId)}/machines/${id}/series?point=${encodeURIComponent(point!)}&from=${encodeURIComponent(from)}`),
    refetchInterval: LIVE_INTERVAL_MS * 5,
  });
}

export function useAcknowledge(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (alarm: Alarm) => post<Alarm>(`${company(companyId)}/machines/${alarm.machineId}/alarms/${alarm.id}/acknowledge`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['machines', companyId] }),
  });
}
