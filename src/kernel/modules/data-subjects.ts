import type { Db } from '../db/database.js';
import type { Localized } from './module-manifest.js';

/**
 * What a module offers for data-subject requests (GDPR Art. 15, 17): find the people it holds,
 * export everything it holds about one, and erase or anonymise it while keeping what another law
 * requires. The privacy module asks every switched-on module through its manifest's `dataSubjects`.
 */
export interface DataSubjectProvider {
  /** People matching a name, e-mail address, phone number or personnel number (folded: case and umlauts). */
  find(db: Db, tenantId: string, query: string): Promise<DataSubjectMatch[]>;
  /** Everything the module holds about the person, as plain sections. */
  export(db: Db, tenantId: string, ref: string): Promise<DataSubjectSection[]>;
  /**
   * Erases or anonymises the person inside the caller's transaction and says what went and what
   * stayed and why. The caller previews by running it in a transaction it rolls back, so the preview
   * and the run cannot differ. Running it again changes nothing.
   */
  erase(db: Db, ctx: ErasureContext, ref: string): Promise<ErasureOutcome>;
}

export interface DataSubjectMatch {
  /** The module's own reference to the person (e.g. a contact id or a user id), opaque to others. */
  ref: string;
  /** What kind of person this is to the module, e.g. "contact at a customer". */
  kind: Localized;
  name: string;
  email: string | null;
  phone: string | null;
  /** Where the person belongs, e.g. the customer's name or the member's role. */
  context: Localized | null;
}

/** One part of the export: a title and records of plain values (keys in English, labels optional). */
export interface DataSubjectSection {
  title: Localized;
  records: Array<Record<string, string | number | boolean | null>>;
  /** Labels of the records' keys for the readable export; a key without one is shown as it is. */
  labels?: Record<string, Localized>;
}

export interface ErasureContext {
  tenantId: string;
  /** Who runs the erasure: a member cannot erase their own account through a request. */
  actorId: string;
  now: Date;
}

export interface ErasureOutcome {
  /** What was erased or anonymised, with how many records. */
  erased: Array<{ what: Localized; count: number }>;
  /** What stays, with the law or reason that keeps it. */
  kept: Array<{ what: Localized; count: number; reason: Localized }>;
  /** Why the erasure cannot be run at all (e.g. the company's last owner); nothing is changed then. */
  blocked?: Localized;
}
