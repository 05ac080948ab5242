/**
 * What other modules may use of the shop floor on the server. Other modules never read the
 * shop-floor tables directly.
 */
import type { Db } from '../../kernel/db/database.js';
import { listWorkCentres } from './shopfloor.store.js';

export { orderInfo, orderLabels, phasesOnWorkCentres, type OperationPhaseInfo, type OrderInfo } from './operation-phases.service.js';
/** The demo's working hours and random sequence, so other modules' demo data line up with the shop floor's. */
export { demoWorkingWindows, seededRandom } from './shopfloor.demo-history.js';
export { DEMO_WORKER } from './shopfloor.demo.js';

/** Which of `ids` are work centres of the company (so a body cannot point at another company's). */
export async function existingWorkCentreIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await listWorkCentres(db, tenantId, ids)).map((w) => w.id));
}

/** The company's work centres (id, code, name), ordered by code. */
export async function workCentres(db: Db, tenantId: string): Promise<Array<{ id: string; code: string; name: string }>> {
  return (await listWorkCentres(db, tenantId)).map((w) => ({ id: w.id, code: w.code, name: w.name }));
}
