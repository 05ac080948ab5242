import { useQuery } from '@tanstack/react-query';
import { get } from '../../../web/api/client';
import type { Value } from './api';

export type Resolution = 'raw' | '1m' | '1h';
export type RequestedResolution = Resolution | 'auto';

export interface Bucket { ts: string; count: number; min: number; max: number; avg: number; last: number }
export interface RangeSeries {
  point: string;
  unit: string;
  from: string;
  to: string;
  requestedResolution: RequestedResolution;
  resolution: Resolution;
  fellBack: boolean;
  truncated: boolean;
  samples: Array<{ ts: string; value: Value }>;
  buckets: Bucket[];
}

export interface OrderSegment {
  start: string;
  end: string;
  phase: 'setup' | 'running';
  orderId: string;
  orderNumber: string;
  operationId: string;
  operationName: string;
}
export interface OrderContext { available: boolean; reason: 'shopfloorOff' | 'noWorkCentre' | null; segments: OrderSegment[] }

export interface OrderPoint {
  name: string;
  label: string;
  unit: string;
  type: string;
  count: number;
  min: number | null;
  avg: number | null;
  max: number | null;
  series: { resolution: Resolution; samples: Array<{ ts: string; value: Value }>; buckets: Bucket[] } | null;
}
export interface OrderProcessData {
  order: { id: string; number: string; partNumber: string; quantity: number };
  operations: Array<{ id: string; position: number; name: string; workCentreId: string; segments: Array<{ start: string; end: string; phase: 'setup' | 'running' }> }>;
  span: { from: string; to: string } | null;
  machines: Array<{ id: string; name: string; points: OrderPoint[] }>;
}

const machineApi = (companyId: string, machineId: string) => `/companies/${companyId}/machines/${machineId}`;

export function seriesParams(point: string, from: string, to: string, resolution: RequestedResolution) {
  return new URLSearchParams({ point, from, to, resolution }).toString();
}

export function useRangeSeries(companyId: string, machineId: string, point: string | undefined, from: string, to: string, resolution: RequestedResolution) {
  return useQuery({
    queryKey: ['machines', companyId, 'range-series', machineId, point, from, to, resolution],
    enabled: !!point,
    queryFn: () => get<RangeSeries>(`${machineApi(companyId, machineId)}/series?${seriesParams(point!, from, to, resolution)}&limit=100000`),
  });
}

export function useOrderContext(companyId: string, machineId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['machines', companyId, 'order-context', machineId, from, to],
    enabled,
    queryFn: () => get<OrderContext>(`${machineApi(companyId, machineId)}/order-context?${new URLSearchParams({ from, to })}`),
  });
}

export function useOrderProcessData(companyId: string, orderId: string, operationId?: string) {
  return useQuery({
    queryKey: ['machines', companyId, 'order', orderId, operationId ?? ''],
    queryFn: () => get<OrderProcessData>(`/companies/${companyId}/machine-orders/${orderId}${operationId ? `?operationId=${operationId}` : ''}`),
  });
}

/** Address of the CSV download at the resolution the chart shows (same origin, the session cookie goes along). */
export function csvHref(companyId: string, machineId: string, point: string, from: string, to: string, resolution: Resolution) {
  return `/api/v1${machineApi(companyId, machineId)}/series.csv?${seriesParams(point, from, to, resolution)}`;
}
