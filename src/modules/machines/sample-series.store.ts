import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { SampleValue } from './domain/payload.js';

export interface SeriesSample {
  ts: string;
  value: SampleValue;
}

/** Stored samples of a machine's point in [from, to), oldest first, at most `limit`. */
export async function readSeries(db: Db, tenantId: string, machineId: string, point: string, from: Date, to: Date, limit: number): Promise<SeriesSample[]> {
  const r = await sql<{ ts: Date | string; num: number | null; bool: boolean | null; txt: string | null }>`
    select ts, num, bool, txt from machine_samples
    where tenant_id = ${tenantId} and point = ${point} and ts >= ${from.toISOString()}::timestamptz and ts < ${to.toISOString()}::timestamptz
      and device_id in (select id from machine_devices where tenant_id = ${tenantId} and machine_id = ${machineId})
    order by ts, device_id
    limit ${limit}`.execute(db);
  return r.rows.map((row) => ({
    ts: new Date(row.ts).toISOString(),
    value: row.num !== null ? Number(row.num) : row.bool !== null ? row.bool : (row.txt ?? ''),
  }));
}
