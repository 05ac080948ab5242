import type { Db } from '../db/database.js';
import type { Locale } from '../i18n/server-messages.js';
import type { Localized } from '../modules/module-manifest.js';
import type { Role } from '../tenancy/roles.js';

export interface NotificationQuery {
  tenantId: string;
  userId: string;
  role: Role;
  permissions: ReadonlySet<string>;
  locale: Locale;
  now: Date;
  /** At most this many items; the most pressing first. */
  limit: number;
}

export type NotificationSeverity = 'critical' | 'warning' | 'info';

/** Something that needs attention now: an open alarm, a measure past its end, a late order. */
export interface NotificationItem {
  /**
   * Stable while the item stays the same and new when it changes (e.g. `alarm:<id>:active`), unique
   * within the module: what "read" is remembered by.
   */
  key: string;
  /** One of the provider's `kinds`. */
  kind: string;
  severity: NotificationSeverity;
  title: string;
  subtitle?: string;
  /** A time (ISO timestamp) or a day (YYYY-MM-DD): since when (`since`) or by when (`due`). */
  at: string;
  atMeaning: 'since' | 'due';
  /** Web path below the company. */
  path: string;
}

/** What a module contributes to the notification centre (manifest `notifications`). */
export interface NotificationProvider {
  permission: string;
  kinds: Record<string, Localized>;
  list(db: Db, query: NotificationQuery): Promise<NotificationItem[]>;
}
