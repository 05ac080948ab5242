/** A problem+json answer of the API, with the stable code the UI translates. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: Array<{ path: string; message: string }> = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(title);
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

/** State-changing calls need the session's CSRF token; fetch it first if a page starts with one. */
async function ensureCsrfToken() {
  if (csrfToken) return;
  const response = await fetch('/api/v1/me', { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => undefined);
  if (response?.ok) setCsrfToken((await response.json()).csrfToken);
}

/** The session's CSRF token, for requests not sent through `api` (an upload with progress). */
export async function csrfTokenForRequest(): Promise<string | undefined> {
  await ensureCsrfToken();
  return csrfToken;
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  if (method !== 'GET') await ensureCsrfToken();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, data?.code ?? 'internal', data?.title ?? response.statusText, data?.errors ?? [], data ?? {});
  }
  if (data && typeof data.csrfToken === 'string') setCsrfToken(data.csrfToken);
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);
