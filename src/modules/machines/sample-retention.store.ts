import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { DAY_MS, boundsOf } from './domain/partitions.js';
import { type Retention, type RetentionSetting, effectiveRetention, longestRawRetention } from './domain/retention.js';
import { AGGREGATE_TABLE } from './aggregates.store.js';
import { dropOldPartitions } from './sample-partitions.store.js';

export interface PointRetentionRow extends RetentionSetting {
  tenantId: string;
  machineId: string;
  pointId: string;
  point: string;
}

export async function pointRetentions(db: Db, filter: { tenantId?: string; machineId?: string; pointId?: string } = {}): Promise<PointRetentionRow[]> {
  let q = db.selectFrom('machine_points').select(['tenant_id', 'machine_id', 'id', 'name', 'raw_retention_days', 'minute_retention_days', 'hour_retention_days']);
  if (filter.tenantId) q = q.where('tenant_id', '=', filter.tenantId);
  if (filter.machineId) q = q.where('machine_id', '=', filter.machineId);
  if (filter.pointId) q = q.where('id', '=', filter.pointId);
  const rows = await q.execute();
  const days = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    machineId: r.machine_id,
    pointId: r.id,
    point: r.name,
    rawDays: days(r.raw_retention_days),
    minuteDays: days(r.minute_retention_days),
    hourDays: days(r.hour_retention_days),
  }));
}

export async function setPointRetention(db: Db, tenantId: string, machineId: string, pointId: string, s: RetentionSetting): Promise<boolean> {
  const r = await db
    .updateTable('machine_points')
    .set({ raw_retention_days: s.rawDays, minute_retention_days: s.minuteDays, hour_retention_days: s.hourDays })
    .where('tenant_id', '=', tenantId)
    .where('machine_id', '=', machineId)
    .where('id', '=', pointId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

const cutoff = (now: number, days: number) => new Date(now - days * DAY_MS).toISOString();

export interface RetentionResult {
  dropped: string[];
  rawRows: number;
  minuteRows: number;
  hourRows: number;
}

/**
 * Applies the retention of every data point. Raw samples: day partitions are dropped once older
 * than the longest raw retention of any point; the rows of points with a shorter retention are
 * deleted before. Aggregates: everything older than the longest retention of its level goes at
 * once (also the aggregates of deleted points), then per point what is older than its own.
 */
export async function applyRetention(db: Db, defaults: Retention, now = Date.now()): Promise<RetentionResult> {
  const points = await pointRetentions(db);
  const longestRaw = longestRawRetention(points, defaults.rawDays);
  const dropped = await dropOldPartitions(db, longestRaw, now);
  const droppedBefore = Math.max(...dropped.map((name) => boundsOf(name)?.to ?? Number.NEGATIVE_INFINITY));
  if (Number.isFinite(droppedBefore)) {
    await sql`insert into machine_partition_retention (id, dropped_before) values (true, ${new Date(droppedBefore).toISOString()}::timestamptz)
      on conflict (id) do update set dropped_before = greatest(machine_partition_retention.dropped_before, excluded.dropped_before)`.execute(db);
  }
  const result: RetentionResult = { dropped, rawRows: 0, minuteRows: 0, hourRows: 0 };
  const effective = points.map((p) => ({ ...p, r: effectiveRetention(p, defaults) }));
  for (const p of effective) {
    if (p.r.rawDays >= longestRaw) continue;
    const r = await sql`delete from machine_samples where tenant_id = ${p.tenantId} and point = ${p.point}
      and device_id in (select id from machine_devices where tenant_id = ${p.tenantId} and machine_id = ${p.machineId})
      and ts < ${cutoff(now, p.r.rawDays)}::timestamptz`.execute(db);
    result.rawRows += Number(r.numAffectedRows ?? 0);
    await sql`update machine_points set raw_deleted_before = greatest(raw_deleted_before, ${cutoff(now, p.r.rawDays)}::timestamptz)
      where tenant_id = ${p.tenantId} and id = ${p.pointId}`.execute(db);
  }
  for (const [level, key, field] of [['1m', 'minuteRows', 'minuteDays'], ['1h', 'hourRows', 'hourDays']] as const) {
    const longest = effective.reduce((m, p) => Math.max(m, p.r[field]), defaults[field]);
    const all = await sql`delete from ${sql.table(AGGREGATE_TABLE[level])} where bucket < ${cutoff(now, longest)}::timestamptz`.execute(db);
    result[key] += Number(all.numAffectedRows ?? 0);
    for (const p of effective) {
      if (p.r[field] >= longest) continue;
      const r = await sql`delete from ${sql.table(AGGREGATE_TABLE[level])} where tenant_id = ${p.tenantId} and machine_id = ${p.machineId}
        and point = ${p.point} and bucket < ${cutoff(now, p.r[field])}::timestamptz`.execute(db);
      result[key] += Number(r.numAffectedRows ?? 0);
    }
  }
  return result;
}
