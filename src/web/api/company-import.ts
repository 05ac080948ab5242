import { ApiError, api, csrfTokenForRequest } from './client';

export interface ImportedCompany {
  id: string;
  name: string;
  newIds: boolean;
  people: { linked: number; created: number };
  rows: number;
}

export interface ImportServerProgress {
  running: boolean;
  phase?: 'uploading' | 'checking' | 'importing' | 'done';
  rowsDone?: number;
  rowsTotal?: number;
}

/**
 * Uploads an export archive as the raw request body (XMLHttpRequest: fetch reports no upload
 * progress); `onUploaded(fraction)` as the bytes go out. Resolves with the new company.
 */
export async function uploadCompanyArchive(file: File, name: string | undefined, onUploaded: (fraction: number) => void): Promise<ImportedCompany> {
  const csrfToken = await csrfTokenForRequest();
  return new Promise<ImportedCompany>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/companies/import${name ? `?name=${encodeURIComponent(name)}` : ''}`);
    xhr.setRequestHeader('content-type', 'application/zip');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onUploaded(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onload = () => {
      let data: Record<string, unknown> | undefined;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status === 201 && data) resolve(data as unknown as ImportedCompany);
      else reject(new ApiError(xhr.status, String(data?.code ?? 'internal'), String(data?.title ?? xhr.statusText), (data?.errors as ApiError['errors']) ?? [], data ?? {}));
    };
    xhr.send(file);
  });
}

export const importProgress = () => api<ImportServerProgress>('GET', '/companies/import/progress');
