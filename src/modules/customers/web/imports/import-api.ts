import { get, post, put } from '../../../../web/api/client';
import { customersPath } from '../api';

export type ImportKind = 'customers' | 'contacts' | 'orders';
export type ImportMode = 'all-or-nothing' | 'good-rows-only';

export interface RowProblem {
  field: string | null;
  code: string;
  detail?: string | number;
}
export interface RejectedRow {
  line: number;
  problems: RowProblem[];
}

export interface ImportRun {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileFormat: 'csv' | 'xlsx';
  header: string[];
  rowCount: number;
  mapping: Array<string | null>;
  state: 'uploaded' | 'checked' | 'done';
  savedCount: number | null;
  rejectedCount: number | null;
  fields: Array<{ id: string; required: boolean }>;
  unmappedRequired: string[];
  progress: { done: number; total: number } | null;
  sameFileImportedBefore: Array<{ id: string; finishedAt: string; savedCount: number }>;
  preview?: Array<{ line: number; cells: string[] }>;
}

export interface CheckResult {
  rowCount: number;
  goodCount: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  saved?: number;
}

const base = (companyId: string) => `${customersPath(companyId)}/imports`;

/** The file's bytes as base64 (what the upload route takes). */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const uploadImport = (companyId: string, kind: ImportKind, file: File) =>
  fileAsBase64(file).then((content) => post<ImportRun>(base(companyId), { kind, fileName: file.name, content }));
export const saveMapping = (companyId: string, id: string, mapping: Array<string | null>) => put<ImportRun>(`${base(companyId)}/${id}/mapping`, { mapping });
export const dryRunImport = (companyId: string, id: string) => post<CheckResult>(`${base(companyId)}/${id}/dry-run`, {});
export const runImport = (companyId: string, id: string, mode: ImportMode) => post<CheckResult & { saved: number }>(`${base(companyId)}/${id}/run`, { mode });
export const getImport = (companyId: string, id: string) => get<ImportRun>(`${base(companyId)}/${id}`);
