import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { type SecretBox, isSealed } from './secret-box.js';
import { SecretUnreadableError } from './secret-unreadable.js';

/**
 * A column holding secrets sealed with the instance key (declared in a module manifest as
 * `sealedColumns`). `keys` identify the row; `context` is the additional data the value is bound
 * to (the module's own seal and open must use the same). Empty values mean "no secret" and stay.
 */
export interface SealedColumn {
  table: string;
  column: string;
  keys: string[];
  context(row: Record<string, unknown>): string;
}

type Row = Record<string, unknown> & { value: string };

async function rowsOf(db: Db, c: SealedColumn): Promise<Row[]> {
  const r = await sql<Row>`select ${sql.join(c.keys.map((k) => sql.ref(k)))}, ${sql.ref(c.column)} as value from ${sql.table(c.table)}
    where ${sql.ref(c.column)} is not null and ${sql.ref(c.column)} <> ''`.execute(db);
  return r.rows;
}

/** Replaces one value, only if it is still the one read (a concurrent change wins). */
async function replace(db: Db, c: SealedColumn, row: Row, value: string): Promise<boolean> {
  const where = sql.join([...c.keys.map((k) => sql`${sql.ref(k)} = ${row[k]}`), sql`${sql.ref(c.column)} = ${row.value}`], sql` and `);
  const r = await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${value} where ${where}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/**
 * Seals the plain values left from before encryption at rest (run at every start; idempotent:
 * a sealed value is never touched, and a value is only replaced by its own sealed form).
 */
export async function sealPlainValues(db: Db, columns: SealedColumn[], box: SecretBox): Promise<number> {
  let sealed = 0;
  for (const c of columns) {
    for (const row of await rowsOf(db, c)) {
      if (!isSealed(row.value) && (await replace(db, c, row, box.seal(row.value, c.context(row))))) sealed++;
    }
  }
  return sealed;
}

export interface SealedState {
  /** Values the configured keys cannot open, per `table.column`. */
  unreadable: Record<string, number>;
  /** Values sealed under a previous key or still plain (a rotation or start re-seals them). */
  notCurrent: number;
  total: number;
}

/** Tries every stored value against the configured keys; nothing is changed. */
export async function checkSealedValues(db: Db, columns: SealedColumn[], box: SecretBox): Promise<SealedState> {
  const state: SealedState = { unreadable: {}, notCurrent: 0, total: 0 };
  for (const c of columns) {
    for (const row of await rowsOf(db, c)) {
      state.total++;
      if (!isSealed(row.value)) {
        state.notCurrent++;
        continue;
      }
      try {
        box.open(row.value, c.context(row));
        if (box.needsReseal(row.value)) state.notCurrent++;
      } catch (error) {
        if (!(error instanceof SecretUnreadableError)) throw error;
        const name = `${c.table}.${c.column}`;
        state.unreadable[name] = (state.unreadable[name] ?? 0) + 1;
      }
    }
  }
  return state;
}

export const describeUnreadable = (unreadable: Record<string, number>) =>
  Object.entries(unreadable)
    .map(([name, n]) => `${name}: ${n}`)
    .join(', ');

/**
 * Seals every value under the box's current key, in one transaction: values under a previous key
 * are opened and sealed again, plain values sealed. Refuses (and changes nothing) while any value
 * cannot be opened. Returns how many values were sealed again.
 */
export async function resealAll(db: Db, columns: SealedColumn[], box: SecretBox): Promise<number> {
  const state = await checkSealedValues(db, columns, box);
  if (Object.keys(state.unreadable).length > 0) {
    throw new Error(`stored secrets cannot be decrypted with the configured keys (${describeUnreadable(state.unreadable)}); nothing was changed`);
  }
  return db.transaction().execute(async (tx) => {
    let count = 0;
    for (const c of columns) {
      for (const row of await rowsOf(tx, c)) {
        const context = c.context(row);
        if (isSealed(row.value) && !box.needsReseal(row.value)) continue;
        const plain = isSealed(row.value) ? box.open(row.value, context) : row.value;
        if (await replace(tx, c, row, box.seal(plain, context))) count++;
      }
    }
    return count;
  });
}
