import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../../../../web/api/client';
import type { DrillDownAnswer } from '../../controlling.schemas';
import type { ProductionKpiRow } from '../../domain/kpis';
import type { OrderKpiRow } from '../../domain/order-kpis';
import { shopfloorPath } from '../api';
import type { Period } from './period';

export type Grouping = 'workCentre' | 'shift' | 'day' | 'month';
export type KpiRow = ProductionKpiRow & { workCentreCode?: string | null };

export interface ControllingAnswer {
  /** `running`: the period has not ended; planned and calendar time are measured up to `measuredUntil`. */
  period: { from: string; to: string; timeZone: string; start: string; end: string; running: boolean; measuredUntil: string };
  groupBy: 'day' | 'month' | 'shift';
  rows: KpiRow[];
  overall: KpiRow[];
  workCentres: KpiRow[];
  total: KpiRow | null;
  orders: { rows: OrderKpiRow[]; total: OrderKpiRow };
}

export function useControlling(companyId: string, period: Period, grouping: Grouping, workCentreId: string | null) {
  const groupBy = grouping === 'workCentre' ? 'month' : grouping;
  const params = new URLSearchParams({ from: period.from, to: period.to, groupBy });
  if (workCentreId) params.set('workCentreId', workCentreId);
  return useQuery({
    queryKey: ['shopfloor', companyId, 'controlling', params.toString()],
    // The grouping travels with the answer: while the next answer loads, the previous one is shown as it was grouped.
    queryFn: async () => {
      const answer = await get<ControllingAnswer>(`${shopfloorPath(companyId)}/controlling?${params}`);
      return { ...answer, measured: answer.period, grouping, period, workCentreId };
    },
    placeholderData: keepPreviousData,
  });
}

export interface DrillDownTarget {
  /** What the person clicked, in words. */
  label: string;
  period: Period;
  workCentreId?: string | null;
  shift?: string | null;
}

export function useDrillDown(companyId: string, target: DrillDownTarget | null) {
  const params = new URLSearchParams();
  if (target) {
    params.set('from', target.period.from);
    params.set('to', target.period.to);
    if (target.workCentreId) params.set('workCentreId', target.workCentreId);
    if (target.shift === null) params.set('outsideShifts', 'true');
    else if (target.shift !== undefined) params.set('shift', target.shift);
    params.set('limit', '1000');
  }
  return useQuery({
    queryKey: ['shopfloor', companyId, 'controlling-bookings', params.toString()],
    queryFn: () => get<DrillDownAnswer>(`${shopfloorPath(companyId)}/controlling/bookings?${params}`),
    enabled: target !== null,
  });
}
