import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put } from '../../../../web/api/client';
import type { CalendarInput, Order, OrderBody, OrderPatch, Part, PartBody, WorkCentre } from '../../schemas';
import { shopfloorKeys, shopfloorPath } from '../api';

export const partsKey = (companyId: string) => ['shopfloor', companyId, 'parts'];

export function useParts(companyId: string) {
  return useQuery({ queryKey: partsKey(companyId), queryFn: () => get<Part[]>(`${shopfloorPath(companyId)}/parts`) });
}

export interface WorkCentreInput { code: string; name: string; calendar: CalendarInput }
export interface IcalImportResult { workCentre: WorkCentre; imported: Array<{ date: string; name?: string }>; added: string[]; warnings: string[] }
export interface CsvImportResult { imported: number; orders: Order[] }

export function useSaveWorkCentre(companyId: string, id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkCentreInput) =>
      id ? put<WorkCentre>(`${shopfloorPath(companyId)}/work-centres/${id}`, body) : post<WorkCentre>(`${shopfloorPath(companyId)}/work-centres`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: shopfloorKeys.workCentres(companyId) }),
  });
}

export function useImportHolidays(companyId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ical: string; replace: boolean }) => post<IcalImportResult>(`${shopfloorPath(companyId)}/work-centres/${id}/holidays/ical`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: shopfloorKeys.workCentres(companyId) }),
  });
}

export function useSavePart(companyId: string, id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PartBody) => (id ? put<Part>(`${shopfloorPath(companyId)}/parts/${id}`, body) : post<Part>(`${shopfloorPath(companyId)}/parts`, body)),
    onSuccess: () => client.invalidateQueries({ queryKey: partsKey(companyId) }),
  });
}

export function useSaveOrder(companyId: string, id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderBody | OrderPatch) =>
      id ? patch<Order>(`${shopfloorPath(companyId)}/orders/${id}`, body) : post<Order>(`${shopfloorPath(companyId)}/orders`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: shopfloorKeys.orders(companyId) }),
  });
}

export function useImportOrders(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => post<CsvImportResult>(`${shopfloorPath(companyId)}/orders/import`, { csv }),
    onSuccess: () => client.invalidateQueries({ queryKey: shopfloorKeys.orders(companyId) }),
  });
}

/** Reads a chosen file as text (CSV, iCalendar). */
export const readFileText = (file: File) => file.text();
