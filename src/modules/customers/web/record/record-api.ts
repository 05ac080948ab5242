import { useQuery } from '@tanstack/react-query';
import { get } from '../../../../web/api/client';
import { customersPath } from '../api';

// The production record and recall answers as the pages read them (GET /production-records, /recall).

type Label = { de: string; en: string };

export interface RecordParameter {
  name: string;
  label: Label;
  type: 'number' | 'text' | 'choice' | 'photo';
  value: number | string;
  unit: string | null;
  lower: number | null;
  upper: number | null;
  outOfTolerance: boolean;
  at: string;
  photo: { id: string; uploaded: boolean } | null;
}

export interface RecordSignal {
  point: string;
  label: string;
  unit: string;
  count: number;
  min: number;
  mean: number;
  max: number;
  outsideMs: number;
  limits: { low: number | null; high: number | null };
}

export interface RecordMachine {
  machineId: string;
  machineName: string;
  points: RecordSignal[];
  alarms: Array<{ id: string; point: string; ruleName: string; raisedAt: string; clearedAt: string | null }>;
}

export interface RecordOperation {
  id: string;
  position: number;
  name: string;
  workCentre: { code: string; name: string };
  status: 'planned' | 'setup' | 'running' | 'paused' | 'finished';
  startedAt: string | null;
  finishedAt: string | null;
  good: number;
  scrap: number;
  scrapByReason: Array<{ reason: Label | null; scrap: number }>;
  parameters: RecordParameter[];
  bookings: Array<{ at: string; kind: string }>;
  machines: RecordMachine[] | null;
}

export interface ProductionRecord {
  order: { id: string; number: string; customerReference: string; orderedAt: string };
  customer: { id: string; number: string; name: string };
  positions: Array<{
    id: string;
    number: number;
    text: string;
    productionOrders: Array<{ id: string; number: string; partNumber: string; quantity: number; lotNumber: string | null; serialNumbers: string[]; state: 'planned' | 'active' | 'finished'; operations: RecordOperation[] }>;
  }>;
  sources: { shopfloor: boolean; machines: boolean };
}

export function useProductionRecord(companyId: string, selector: { order: string } | { position: string }) {
  const query = 'order' in selector ? `order=${selector.order}` : `position=${selector.position}`;
  return useQuery({
    queryKey: ['customers', companyId, 'production-record', query],
    queryFn: () => get<ProductionRecord>(`${customersPath(companyId)}/production-records?${query}`),
  });
}

export interface RecallRow {
  productionOrder: { id: string; number: string; partNumber: string };
  from: string;
  to: string;
  runningMinutes: number | null;
  outOfTolerance: { bookings: number; min: number; max: number; unit: string | null } | null;
  customerOrder: { id: string; number: string; positionNumber: number } | null;
  customer: { id: string; number: string; name: string } | null;
  lot: string | null;
  serialNumbers: string[];
}

export interface RecallAnswer {
  rows: RecallRow[];
  customers: Array<{ id: string; number: string; name: string; productionOrders: number }>;
}

export interface RecallFilters {
  machines: Array<{ id: string; name: string }>;
  parameters: Array<{ name: string; label: Label; unit: string | null }>;
  shopfloorOn: boolean;
  machinesOn: boolean;
}

export function useRecallFilters(companyId: string) {
  return useQuery({ queryKey: ['customers', companyId, 'recall-filters'], queryFn: () => get<RecallFilters>(`${customersPath(companyId)}/recall-filters`) });
}

/** The recall question; `query` is the query string without `?`, or null while the form is not complete. */
export function useRecall(companyId: string, query: string | null) {
  return useQuery({
    queryKey: ['customers', companyId, 'recall', query],
    queryFn: () => get<RecallAnswer>(`${customersPath(companyId)}/recall?${query}`),
    enabled: query !== null,
    retry: false,
  });
}
