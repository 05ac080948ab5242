import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, put } from '../../../web/api/client';
import { LIVE_INTERVAL_MS } from './api';

export type Severity = 'info' | 'warning' | 'critical';
export const SEVERITIES: Severity[] = ['info', 'warning', 'critical'];
export type PointType = 'number' | 'boolean' | 'string';
export type PointSource = 'mqtt' | 'http' | 'opcua' | 'manual';

export interface Machine { id: string; name: string; description: string; workCentreId: string | null }
export interface Point { id: string; name: string; label: string; unit: string; type: PointType; source: PointSource }
export interface Device { id: string; name: string; createdAt: string; lastSeenAt: string | null; revokedAt: string | null; lastError: string | null }
export interface MachineWithParts extends Machine { points: Point[]; devices: Device[] }
export interface CreatedDevice { id: string; name: string; token: string; mqtt: { username: string; password: string; topic: string } }
export type RuleDefinition =
  | { kind: 'threshold'; direction: 'high' | 'low'; limit: number; hysteresis: number; minDurationSeconds: number }
  | { kind: 'rateOfChange'; maxPerMinute: number; hysteresis: number; minDurationSeconds: number }
  | { kind: 'noData'; minutes: number };
export interface Rule { id: string; pointId: string; point: string; name: string; severity: Severity; enabled: boolean; active: boolean; rule: RuleDefinition }
export interface RuleInput { pointId: string; name: string; severity: Severity; enabled: boolean; rule: RuleDefinition }
export interface WorkCentre { id: string; code: string; name: string }
export interface RetentionDays { rawDays: number; minuteDays: number; hourDays: number }
export interface RetentionSetting { rawDays: number | null; minuteDays: number | null; hourDays: number | null }
export interface PointRetention { pointId: string; point: string; setting: RetentionSetting; effective: RetentionDays; defaults: RetentionDays }

export interface Notification {
  id: string; alarmId: string; machineId: string; machineName: string; ruleName: string; point: string;
  severity: Severity; event: 'raised' | 'acknowledged' | 'cleared'; at: string; value: number | null; createdAt: string; read: boolean;
}
export interface NotificationSettings { severities: Severity[]; memberIds: string[]; addresses: string[]; members: Array<{ userId: string; name: string; email: string }> }
export interface Delivery {
  id: string; channel: 'webhook' | 'email'; target: string; status: 'pending' | 'delivered' | 'failed'; attempts: number;
  nextAttemptAt: string | null; lastAttemptAt: string | null; responseStatus: number | null; lastError: string | null;
  deliveredAt: string | null; createdAt: string; event: string; machineName: string; ruleName: string; point: string; severity: Severity;
}

const c = (companyId: string) => `/companies/${companyId}`;
export const manageKeys = {
  machines: (companyId: string) => ['machines', companyId, 'manage', 'list'],
  machine: (companyId: string, id: string) => ['machines', companyId, 'manage', 'machine', id],
  rules: (companyId: string, id: string) => ['machines', companyId, 'manage', 'rules', id],
  workCentres: (companyId: string) => ['machines', companyId, 'manage', 'work-centres'],
  notifications: (companyId: string) => ['machines', companyId, 'notifications'],
  settings: (companyId: string) => ['machines', companyId, 'notification-settings'],
  deliveries: (companyId: string) => ['machines', companyId, 'deliveries'],
};

export const useMachines = (companyId: string) => useQuery({ queryKey: manageKeys.machines(companyId), queryFn: () => get<Machine[]>(`${c(companyId)}/machines`) });
export const useMachineWithParts = (companyId: string, id: string) =>
  useQuery({ queryKey: manageKeys.machine(companyId, id), queryFn: () => get<MachineWithParts>(`${c(companyId)}/machines/${id}`) });
export const useRules = (companyId: string, id: string) => useQuery({ queryKey: manageKeys.rules(companyId, id), queryFn: () => get<Rule[]>(`${c(companyId)}/machines/${id}/rules`) });
export const usePointRetention = (companyId: string, machineId: string, pointId: string | null) =>
  useQuery({
    queryKey: ['machines', companyId, 'retention', machineId, pointId],
    enabled: pointId !== null,
    queryFn: () => get<PointRetention>(`${c(companyId)}/machines/${machineId}/points/${pointId}/retention`),
  });
export const useWorkCentres = (companyId: string, enabled: boolean) =>
  useQuery({ queryKey: manageKeys.workCentres(companyId), enabled, queryFn: () => get<WorkCentre[]>(`${c(companyId)}/shopfloor/work-centres`) });

/** A mutation that refreshes everything of the machine-data module in this company afterwards. */
export function useMachinesMutation<I, O>(companyId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['machines', companyId] }) });
}

export const api = {
  saveMachine: (companyId: string, id: string | null, body: { name: string; description: string; workCentreId: string | null }) =>
    id ? put<Machine>(`${c(companyId)}/machines/${id}`, body) : post<Machine>(`${c(companyId)}/machines`, body),
  deleteMachine: (companyId: string, id: string) => del(`${c(companyId)}/machines/${id}`),
  saveRetention: (companyId: string, machineId: string, pointId: string, body: RetentionSetting) =>
    put<PointRetention>(`${c(companyId)}/machines/${machineId}/points/${pointId}/retention`, body),
  savePoint: (companyId: string, machineId: string, id: string | null, body: Omit<Point, 'id'>) =>
    id ? put<Point>(`${c(companyId)}/machines/${machineId}/points/${id}`, body) : post<Point>(`${c(companyId)}/machines/${machineId}/points`, body),
  deletePoint: (companyId: string, machineId: string, id: string) => del(`${c(companyId)}/machines/${machineId}/points/${id}`),
  createDevice: (companyId: string, machineId: string, name: string) => post<CreatedDevice>(`${c(companyId)}/machines/${machineId}/devices`, { name }),
  revokeDevice: (companyId: string, machineId: string, id: string) => del(`${c(companyId)}/machines/${machineId}/devices/${id}`),
  saveRule: (companyId: string, machineId: string, id: string | null, body: RuleInput) =>
    id ? put<Rule>(`${c(companyId)}/machines/${machineId}/rules/${id}`, body) : post<Rule>(`${c(companyId)}/machines/${machineId}/rules`, body),
  deleteRule: (companyId: string, machineId: string, id: string) => del(`${c(companyId)}/machines/${machineId}/rules/${id}`),
  markRead: (companyId: string, until?: string) => post<{ unread: number }>(`${c(companyId)}/machine-notifications/read`, until ? { until } : {}),
  putSettings: (companyId: string, body: Omit<NotificationSettings, 'members'>) => put<NotificationSettings>(`${c(companyId)}/machine-notification-settings`, body),
};

export const useNotifications = (companyId: string) =>
  useQuery({
    queryKey: manageKeys.notifications(companyId),
    queryFn: () => get<{ unread: number; items: Notification[] }>(`${c(companyId)}/machine-notifications?limit=30`),
    refetchInterval: LIVE_INTERVAL_MS,
  });
export const useNotificationSettings = (companyId: string) =>
  useQuery({ queryKey: manageKeys.settings(companyId), queryFn: () => get<NotificationSettings>(`${c(companyId)}/machine-notification-settings`) });
export const useDeliveries = (companyId: string) =>
  useQuery({ queryKey: manageKeys.deliveries(companyId), queryFn: () => get<Delivery[]>(`${c(companyId)}/machine-notification-deliveries?limit=50`), refetchInterval: LIVE_INTERVAL_MS * 2 });
