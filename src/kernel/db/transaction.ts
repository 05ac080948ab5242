import type { Db } from './database.js';

/**
 * Runs `work` in one transaction — or in the caller's, when `db` is one already — so that a
 * record and its audit entry are stored together or not at all. Inside, use only the `trx` handed
 * in: on the embedded database a query on the outer handle would wait for the transaction forever.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx) => work(trx));
}
