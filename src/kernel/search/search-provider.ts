import type { Db } from '../db/database.js';
import type { Locale } from '../i18n/server-messages.js';
import type { Localized } from '../modules/module-manifest.js';
import type { Role } from '../tenancy/roles.js';

/** Who searches for what: the argument of every module's search. */
export interface SearchQuery {
  tenantId: string;
  userId: string;
  role: Role;
  /** Every permission the caller holds in the company. */
  permissions: ReadonlySet<string>;
  /** What was typed, trimmed, at least one character. */
  query: string;
  /** At most this many hits per kind; the best first (exact, then starting with the query, then containing it). */
  limit: number;
  locale: Locale;
}

/** One record found. Shown as kind, title and subtitle; choosing it opens `path`. */
export interface SearchHit {
  /** One of the provider's `kinds`. */
  kind: string;
  /** The record's id, to tell hits apart (never shown). */
  id: string;
  title: string;
  subtitle?: string;
  /** Web path below the company, e.g. `/shopfloor/orders/<id>`. */
  path: string;
  /** The texts the query was looked for in (e.g. number and name): the kernel ranks by the best match. */
  matched: string[];
}

/** What a module contributes to the global search (manifest `search`). */
export interface SearchProvider {
  /** Without this permission the caller gets nothing of this provider. */
  permission: string;
  /** The kinds of record, in the order their groups are shown when equally good, with their names. */
  kinds: Record<string, Localized>;
  find(db: Db, query: SearchQuery): Promise<SearchHit[]>;
}
