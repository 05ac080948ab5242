/**
 * What other modules may use of the shop floor on the server. Other modules never read the
 * shop-floor tables directly.
 */
import type { Db } from '../../kernel/db/database.js';
import { listWorkCentres } from './shopfloor.store.js';

/** Which of `ids` are work centres of the company (so a body cannot point at another company's). */
export async function existingWorkCentreIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await listWorkCentres(db, tenantId, ids)).map((w) => w.id));
}
