import type { Db } from '../db/database.js';
import type { Localized } from './module-manifest.js';

/** A record a period rule would delete or anonymise now, described for the dry run (no raw ids). */
export interface DueRecord {
  /** What the record is, e.g. "Rückmeldung zu FA-2024-0012". */
  what: Localized;
  /** The moment the period counts from (ISO 8601). */
  at: string;
}

/** What a period rule finds due before a cutoff: how many, and the first few to show. */
export interface DueRecords {
  count: number;
  sample: DueRecord[];
}

/**
 * The data is kept as long as the record it belongs to is in use, and goes with that record (or
 * with a data-subject request): there is nothing a timer could decide.
 */
export interface WhileUsedRule {
  kind: 'while-used';
  /** Why and until when, e.g. "until the measure is removed from the plan". */
  explanation: Localized;
}

/**
 * The data is deleted or anonymised a number of months after a moment of its own (a booking, the
 * closing of a breach). The firm may change the period, not below `minMonths` where a law
 * requires keeping.
 */
export interface PeriodRule {
  kind: 'period';
  /** Stable within the module; the firm's chosen period is stored under it. */
  key: string;
  /** What the period counts from, e.g. "from the booking". */
  from: Localized;
  /** The period a new company starts with. */
  months: number;
  minMonths?: number;
  /** The law behind `minMonths`, shown next to it. */
  minReason?: Localized;
  action: 'delete' | 'anonymise';
  /** What stays after anonymising, e.g. "quantities and times stay; the person is removed". */
  keeps?: Localized;
  /** The records whose period ended before `cutoff` and that still hold the data. */
  due(db: Db, tenantId: string, cutoff: Date, sampleSize: number): Promise<DueRecords>;
  /** Deletes or anonymises them (inside the caller's transaction); answers how many. */
  apply(db: Db, tenantId: string, cutoff: Date): Promise<number>;
}

export type RetentionRule = WhileUsedRule | PeriodRule;
