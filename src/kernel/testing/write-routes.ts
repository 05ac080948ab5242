import { sql } from 'kysely';
import type { Instance } from '../instance.js';
import { tenantTables } from '../export/company-export.js';
import { writeExamples } from '../../modules/write-examples.js';
import type { WalkCompany } from './company-with-fixtures.js';
import type { WriteExample } from './write-example.js';

export interface WriteRoute {
  method: string;
  /** Pattern, e.g. `/api/v1/companies/:companyId/machines`. */
  pattern: string;
  /** `METHOD pattern-without-/api/v1`, the key of the write examples. */
  key: string;
  params: string[];
  /** The pattern with the company's ids filled in. */
  url: string;
  example: WriteExample;
}

/**
 * Every registered write route (POST, PUT, PATCH, DELETE) under `/api/v1`, with its example
 * request for `company`; deletions last, the newest registered first (children before parents).
 * Throws when a route has no example or a path parameter no fixture id.
 */
export function writeRoutesOf(instance: Instance, company: WalkCompany): WriteRoute[] {
  const examples: Record<string, WriteExample> = {};
  for (const make of Object.values(writeExamples)) Object.assign(examples, make(company.ids));
  const seen = new Set<string>();
  const routes = instance.ctx.routes
    .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/v1/'))
    .filter((r) => !seen.has(`${r.method} ${r.url}`) && seen.add(`${r.method} ${r.url}`));
  const ordered = [...routes.filter((r) => r.method !== 'DELETE'), ...routes.filter((r) => r.method === 'DELETE').reverse()];
  const missing = ordered.map((r) => `${r.method} ${r.url.slice('/api/v1'.length)}`).filter((k) => !examples[k]);
  if (missing.length > 0) throw new Error(`write routes without an example in a *.write-examples.ts: ${missing.join(', ')}`);
  return ordered.map((r) => {
    const key = `${r.method} ${r.url.slice('/api/v1'.length)}`;
    const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const fill = (p: string) => {
      const id = p === 'companyId' ? company.companyId : company.ids[p];
      if (!id) throw new Error(`no fixture id for :${p} in ${key}`);
      return id;
    };
    return { method: r.method, pattern: r.url, key, params, url: r.url.replace(/:(\w+)/g, (_, p: string) => fill(p)), example: examples[key] };
  });
}

export interface SentResponse {
  status: number;
  type: string;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Sends a request to a write route as `company`'s owner (or anonymously when the example says so). */
export async function sendToRoute(instance: Instance, company: WalkCompany, route: WriteRoute, request: { body?: unknown; raw?: string; url?: string }): Promise<SentResponse> {
  const headers: Record<string, string> = {};
  if (!route.example.anonymous) Object.assign(headers, { cookie: company.client.cookie!, 'x-csrf-token': company.client.csrfToken! });
  let payload: string | Buffer | undefined;
  if (request.raw !== undefined) payload = request.raw;
  else if (Buffer.isBuffer(request.body)) payload = request.body;
  else if (request.body !== undefined) payload = JSON.stringify(request.body);
  if (payload !== undefined) headers['content-type'] = route.example.contentType && Buffer.isBuffer(request.body) ? route.example.contentType : 'application/json';
  const res = await instance.app.inject({ method: route.method as 'POST', url: request.url ?? route.url, payload, headers });
  const type = String(res.headers['content-type'] ?? '');
  return { status: res.statusCode, type, text: res.body, json: /json/.test(type) && res.body ? JSON.parse(res.body) : undefined };
}

/**
 * Per table (every tenant table — all companies — plus `tenants` and `users`): the row count and
 * the newest row version (`xmin`, the id of the transaction that wrote it). Any committed insert,
 * update or delete changes one of the two; computing it costs a fraction of a full checksum.
 */
export async function fingerprint(instance: Instance): Promise<Record<string, string>> {
  const tables = [...(await tenantTables(instance.ctx.db)), 'tenants', 'users'];
  const parts = tables.map((t) => `select '${t}' as name, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text as print from "${t}" x`);
  const result = await sql<{ name: string; print: string }>`${sql.raw(parts.join(' union all '))}`.execute(instance.ctx.db);
  return Object.fromEntries(result.rows.map((r) => [r.name, r.print]));
}

/** Tables whose fingerprint differs. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(after).filter((t) => after[t] !== before[t]);

/**
 * Watches the database for committed changes. Cheap when nothing was written: a transaction that
 * writes anything gets the next transaction id, so an unchanged `xmax` of the current snapshot
 * proves nothing was written since; only otherwise are the per-table fingerprints compared.
 */
export async function watchChanges(instance: Instance) {
  const marker = async () => (await sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(instance.ctx.db)).rows[0].x;
  let seen = await marker();
  let print = await fingerprint(instance);
  return {
    /** Tables changed since the last call. */
    async changed(): Promise<string[]> {
      const now = await marker();
      if (now === seen) return [];
      const next = await fingerprint(instance);
      const changed = changedTables(print, next);
      seen = await marker();
      print = next;
      return changed;
    },
  };
}
