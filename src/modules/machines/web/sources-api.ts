import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, put } from '../../../web/api/client';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'stopped' | 'notRunning' | 'secretUnreadable';
export interface ConnectionStatus { state: ConnectionState; since: string | null; lastMessageAt: string | null; lastError: string | null; lastErrorAt: string | null; stored: number }
export interface MachineKey { key: string; machineId: string }

interface Common { id: string; name: string; enabled: boolean; url: string; username: string; hasPassword: boolean; status: ConnectionStatus }
export interface MqttConnection extends Common { kind: 'mqtt'; clientId: string; topic: string; payload: 'json' | 'value'; machineId: string | null; point: string | null; machineKeys: MachineKey[] }
export interface OpcuaConnection extends Common { kind: 'opcua'; securityMode: 'None' | 'Sign' | 'SignAndEncrypt'; securityPolicy: 'None' | 'Basic256Sha256' }
export type Connection = MqttConnection | OpcuaConnection;
export type ConnectionInput = Omit<MqttConnection, 'id' | 'hasPassword' | 'status'> & { password?: string | null } | Omit<OpcuaConnection, 'id' | 'hasPassword' | 'status'> & { password?: string | null };

export interface OpcuaItem { id?: string; nodeId: string; machineId: string; point: string; samplingIntervalMs: number }
export interface BrowsedNode { nodeId: string; browseName: string; displayName: string; nodeClass: string; hasChildren: boolean; dataType: string | null; value: string | number | boolean | null }

/** How often the status of the connections is asked for. */
export const STATUS_INTERVAL_MS = 3000;

const base = (companyId: string) => `/companies/${companyId}/machine-connections`;
export const sourceKeys = {
  all: (companyId: string) => ['machines', companyId, 'connections'],
  one: (companyId: string, id: string) => ['machines', companyId, 'connections', id],
  items: (companyId: string, id: string) => ['machines', companyId, 'connections', id, 'items'],
  browse: (companyId: string, id: string, nodeId: string) => ['machines', companyId, 'connections', id, 'browse', nodeId],
};

export const useConnections = (companyId: string) =>
  useQuery({ queryKey: sourceKeys.all(companyId), queryFn: () => get<Connection[]>(base(companyId)), refetchInterval: STATUS_INTERVAL_MS });
export const useConnection = (companyId: string, id: string | undefined) =>
  useQuery({ queryKey: sourceKeys.one(companyId, id ?? ''), enabled: !!id, queryFn: () => get<Connection>(`${base(companyId)}/${id}`), refetchInterval: STATUS_INTERVAL_MS });
export const useOpcuaItems = (companyId: string, id: string, enabled: boolean) =>
  useQuery({ queryKey: sourceKeys.items(companyId, id), enabled, queryFn: () => get<OpcuaItem[]>(`${base(companyId)}/${id}/opcua-items`) });
export const useBrowse = (companyId: string, id: string, nodeId: string, enabled: boolean) =>
  useQuery({ queryKey: sourceKeys.browse(companyId, id, nodeId), enabled, retry: false, staleTime: 30_000, queryFn: () => get<BrowsedNode[]>(`${base(companyId)}/${id}/opcua-browse?nodeId=${encodeURIComponent(nodeId)}`) });

export function useSaveConnection(companyId: string, id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectionInput) => (id ? put<Connection>(`${base(companyId)}/${id}`, input) : post<Connection>(base(companyId), input)),
    onSuccess: () => client.invalidateQueries({ queryKey: sourceKeys.all(companyId) }),
  });
}

export function useDeleteConnection(companyId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => del(`${base(companyId)}/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: sourceKeys.all(companyId) }) });
}

export function useSaveItems(companyId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: OpcuaItem[]) => put<OpcuaItem[]>(`${base(companyId)}/${id}/opcua-items`, { items }),
    onSuccess: () => client.invalidateQueries({ queryKey: sourceKeys.all(companyId) }),
  });
}
