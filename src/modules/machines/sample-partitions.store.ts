import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { DAY_MS, PARTITION_SCHEMA, boundsOf, partitionOf, partitionsToDrop } from './domain/partitions.js';

/** Partitions known to exist, per database handle. */
const knownPartitions = new WeakMap<Db, Set<string>>();

function knownOf(db: Db): Set<string> {
  let s = knownPartitions.get(db);
  if (!s) knownPartitions.set(db, (s = new Set()));
  return s;
}

export async function listPartitions(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_namespace n on n.oid = c.relnamespace
    where i.inhparent = 'machine_samples'::regclass and n.nspname = ${PARTITION_SCHEMA}
    order by c.relname`.execute(db);
  return r.rows.map((row) => row.name);
}

/** Creates the daily partitions these instants fall into, where missing. */
export async function ensurePartitions(db: Db, instants: Iterable<number>): Promise<void> {
  const known = knownOf(db);
  const wanted = new Set<string>();
  let lastDay = NaN;
  for (const ts of instants) {
    // Samples come in runs of the same day: name each day once, not each sample.
    const day = Math.floor(ts / DAY_MS);
    if (day === lastDay) continue;
    lastDay = day;
    const name = partitionOf(ts);
    if (!known.has(name)) wanted.add(name);
  }
  if (wanted.size === 0) return;
  for (const name of await listPartitions(db)) known.add(name);
  for (const name of wanted) {
    if (known.has(name)) continue;
    const { from, to } = boundsOf(name)!;
    const ddl = `create table if not exists ${PARTITION_SCHEMA}.${name} partition of machine_samples
      for values from ('${new Date(from).toISOString()}') to ('${new Date(to).toISOString()}')`;
    try {
      await sql.raw(ddl).execute(db);
    } catch (error) {
      // Another connection created it at the same moment.
      if (!(await listPartitions(db)).includes(name)) throw error;
    }
    known.add(name);
  }
}

/** Drops whole daily partitions older than `retentionDays`; returns their names. */
export async function dropOldPartitions(db: Db, retentionDays: number, now = Date.now()): Promise<string[]> {
  const doomed = partitionsToDrop(await listPartitions(db), now, retentionDays);
  for (const name of doomed) {
    await sql.raw(`drop table if exists ${PARTITION_SCHEMA}.${name}`).execute(db);
    knownPartitions.get(db)?.delete(name);
  }
  return doomed;
}
