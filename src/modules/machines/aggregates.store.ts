import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { HOUR_MS, MINUTE_MS, bucketOf } from './domain/downsample.js';
import { splitLate } from './domain/late-buckets.js';
import { DAY_MS } from './domain/partitions.js';

export type AggregateLevel = '1m' | '1h';

export const AGGREGATE_TABLE: Record<AggregateLevel, string> = { '1m': 'machine_aggregates_1m', '1h': 'machine_aggregates_1h' };
const STEP: Record<AggregateLevel, string> = { '1m': '1 minute', '1h': '1 hour' };
const STEP_MS: Record<AggregateLevel, number> = { '1m': MINUTE_MS, '1h': HOUR_MS };
/** Buckets are aligned to UTC, as in domain/downsample.ts. */
const ORIGIN = '2000-01-01T00:00:00Z';
/**
 * Samples received (writing transaction started) from this instant on count as new for the next
 * run: the start of the oldest transaction still open in the database when the run starts, as
 * they may still write samples, or now. Where other connections' transactions cannot be seen (other
 * database roles), 2 minutes before now, which covers write transactions of milliseconds to seconds.
 */
const nextCheckedAt = sql<Date>`
  select case when bool_or(a.state is null) then now() - interval '2 minutes' else least(now(), min(a.xact_start)) end as at
  from pg_stat_activity a
  where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'`;

/**
 * Summarizes the page ranges of the BRIN indexes on `ts` and `received_at` that filled since
 * (autovacuum does this only now and then, the embedded database never): the job's queries read
 * through them, and an unsummarized range is read whole. Skips a partition autovacuum is busy with.
 */
const summarizeBrin = sql`do $$
  declare i regclass;
  begin
    set local lock_timeout = '200ms';
    for i in select inhrelid::regclass from pg_inherits where inhparent in ('machine_samples_ts'::regclass, 'machine_samples_received'::regclass) loop
      begin
        perform brin_summarize_new_values(i);
      exception when lock_not_available then null;
      end;
    end loop;
  end $$`;

/** Buckets of raw samples aggregated per transaction: a first run over weeks of data commits hour by hour. */
const CHUNK_MS: Record<AggregateLevel, number> = { '1m': HOUR_MS, '1h': DAY_MS };
/** Late buckets recomputed per transaction. */
const LATE_BATCH = 2000;
/**
 * A minute with at least this many late buckets is recomputed whole, from its time range: reading
 * the minute's pages in order costs less than fetching each series' samples through the primary key
 * (they lie scattered among all other series'), and recomputing a bucket that had nothing late changes nothing.
 */
const WHOLE_MINUTE_FROM = 50;

const iso = (v: Date | string) => new Date(v).toISOString();

const upsert = sql`on conflict (tenant_id, machine_id, point, bucket) do update set
  count = excluded.count, min = excluded.min, max = excluded.max, sum = excluded.sum, last = excluded.last, last_ts = excluded.last_ts`;

const numeric = sql`(s.num is not null or s.bool is not null)`;
const valueOf = sql`coalesce(s.num, case when s.bool then 1 else 0 end)`;

/**
 * Minute buckets are built in two steps, so that nothing sorts the raw samples: count, min, max,
 * sum and the newest instant per device, point and minute (hashed), then one look-up through the
 * primary key for the value at that instant, and the devices of a machine combined. `last` is
 * the value of the newest sample, and of the greatest device id among samples of the same instant.
 */
const perDevice = sql`count(*) as c, min(${valueOf}) as mi, max(${valueOf}) as ma, sum(${valueOf}) as su, max(s.ts) as lt`;
const combineDevices = sql`sum(g.c), min(g.mi), max(g.ma), sum(g.su), (array_agg(l.v order by g.lt desc, g.device_id desc))[1], max(g.lt)`;
const lastValue = sql`cross join lateral (
  select ${valueOf} as v from machine_samples s where s.tenant_id = g.tenant_id and s.device_id = g.device_id and s.point = g.point and s.ts = g.lt
) l`;

/**
 * All buckets of one level starting in [from, to), computed afresh: minutes grouped straight from
 * the raw samples of that time range (partition pruning and the BRIN index on `ts`), hours from the minutes.
 */
const aggregateRange = (level: AggregateLevel, from: string, to: string) =>
  level === '1m'
    ? sql`insert into machine_aggregates_1m (tenant_id, machine_id, point, bucket, count, min, max, sum, last, last_ts)
        select g.tenant_id, v.machine_id, g.point collate "C", g.bucket, ${combineDevices}
        from (
          select s.tenant_id, s.device_id, s.point, date_bin(${STEP[level]}::interval, s.ts, ${ORIGIN}::timestamptz) as bucket, ${perDevice}
          from machine_samples s
          where s.ts >= ${from}::timestamptz and s.ts < ${to}::timestamptz and ${numeric}
          group by 1, 2, 3, 4
        ) g
        join machine_devices v on v.tenant_id = g.tenant_id and v.id = g.device_id
        ${lastValue}
        group by 1, 2, 3, 4
        ${upsert}`
    : sql`insert into machine_aggregates_1h (tenant_id, machine_id, point, bucket, count, min, max, sum, last, last_ts)
        select m.tenant_id, m.machine_id, m.point, date_bin(${STEP[level]}::interval, m.bucket, ${ORIGIN}::timestamptz), sum(m.count), min(m.min), max(m.max),
          sum(m.sum), (array_agg(m.last order by m.last_ts desc))[1], max(m.last_ts)
        from machine_aggregates_1m m
        where m.bucket >= ${from}::timestamptz and m.bucket < ${to}::timestamptz
        group by 1, 2, 3, 4
        ${upsert}`;

type Key = { t: string; m: string; p: string; b: string };

/** Buckets before `doneUntil` holding a sample received since `checkedAt`: late samples (BRIN index on `received_at`). */
const lateKeys = (level: AggregateLevel, doneUntil: string, checkedAt: string) => sql<{ t: string; m: string; p: string; b: Date }>`
  select distinct g.t, v.machine_id as m, g.p, g.b
  from (
    -- grouped per device first: the join with the devices must not be driven through the primary key
    select s.tenant_id as t, s.device_id as d, s.point as p, date_bin(${STEP[level]}::interval, s.ts, ${ORIGIN}::timestamptz) as b
    from machine_samples s
    where s.received_at >= ${checkedAt}::timestamptz and s.ts < ${doneUntil}::timestamptz and ${numeric}
    group by 1, 2, 3, 4
  ) g
  join machine_devices v on v.tenant_id = g.t and v.id = g.d
  order by g.b`;

/** The given buckets computed afresh from all of their data, each through the primary key. */
const aggregateKeys = (level: AggregateLevel, keys: Key[]) => {
  const k = sql`jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(t uuid, m uuid, p text, b timestamptz)`;
  return level === '1m'
    ? sql`insert into machine_aggregates_1m (tenant_id, machine_id, point, bucket, count, min, max, sum, last, last_ts)
        select g.tenant_id, g.machine_id, g.point, g.bucket, ${combineDevices}
        from ${k}
        join machine_devices v on v.tenant_id = k.t and v.machine_id = k.m
        cross join lateral (
          select k.t as tenant_id, k.m as machine_id, k.p as point, k.b as bucket, v.id as device_id, ${perDevice}
          from machine_samples s
          where s.tenant_id = k.t and s.device_id = v.id and s.point = k.p and s.ts >= k.b and s.ts < k.b + interval '1 minute' and ${numeric}
        ) g
        ${lastValue}
        where g.c > 0
        group by 1, 2, 3, 4
        ${upsert}`
    : sql`insert into machine_aggregates_1h (tenant_id, machine_id, point, bucket, count, min, max, sum, last, last_ts)
        select k.t, k.m, k.p, k.b, sum(x.count), min(x.min), max(x.max), sum(x.sum), (array_agg(x.last order by x.last_ts desc))[1], max(x.last_ts)
        from ${k}
        join lateral (
          select m.count, m.min, m.max, m.sum, m.last, m.last_ts from machine_aggregates_1m m
          where m.tenant_id = k.t and m.machine_id = k.m and m.point = k.p and m.bucket >= k.b and m.bucket < k.b + interval '1 hour'
          offset 0
        ) x on true
        group by 1, 2, 3, 4
        ${upsert}`;
};

/** Where the data of a level's source begins in [from, to): raw samples for minutes, minutes for hours. */
const firstData = (level: AggregateLevel, from: number, to: number) => {
  const a = Number.isFinite(from) ? new Date(from).toISOString() : '-infinity';
  const b = new Date(to).toISOString();
  return level === '1m'
    ? sql<{ ts: Date | null }>`select min(ts) as ts from machine_samples where ts >= ${a}::timestamptz and ts < ${b}::timestamptz`
    : sql<{ ts: Date | null }>`select min(bucket) as ts from machine_aggregates_1m where bucket >= ${a}::timestamptz and bucket < ${b}::timestamptz`;
};

const saveProgress = (level: AggregateLevel, doneUntil: string, checkedAt: string) => sql`
  insert into machine_aggregation_progress (level, done_until, checked_at) values (${level}, ${doneUntil}::timestamptz, ${checkedAt}::timestamptz)
  on conflict (level) do update set done_until = excluded.done_until, checked_at = excluded.checked_at`;

/** Runs a grouping of raw samples in a transaction of its own, with memory to hash or sort them in, not in temporary files; returns the rows written. */
async function grouping(db: Db, run: (tx: Db) => Promise<{ numAffectedRows?: bigint }>): Promise<number> {
  const r = await db.transaction().execute(async (tx) => {
    await sql`set local work_mem = '64MB'`.execute(tx);
    return run(tx);
  });
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Aggregates the complete buckets of one level (end ≤ `horizon`) that are new or received a
 * sample since the last run. Every bucket touched is computed afresh from all of its data
 * (upsert), so running twice changes nothing. Works in short transactions: first the late
 * buckets (in batches), then the new ones chunk by chunk, each chunk committing the progress,
 * so that an interrupted first run over months of samples resumes where it stopped.
 */
async function aggregateLevel(db: Db, level: AggregateLevel, horizonMs: number): Promise<number> {
  // no progress row yet: the left join gives nulls for both of its columns
  type Progress = { next_checked_at: Date } & ({ done_until: null; checked_at: null } | { done_until: Date; checked_at: Date });
  const progress = await sql<Progress>`
    select p.done_until, p.checked_at, (${nextCheckedAt}) as next_checked_at
    from (select 1) one left join machine_aggregation_progress p on p.level = ${level}`.execute(db);
  const row = progress.rows[0];
  const checkedNext = iso(row.next_checked_at);
  let written = 0;
  let from = Number.NEGATIVE_INFINITY;
  if (row.done_until !== null) {
    // a clock set back moves the horizon back too: buckets from there on count as new again
    from = Math.min(horizonMs, new Date(row.done_until).getTime());
    const late = (await lateKeys(level, new Date(from).toISOString(), iso(row.checked_at)).execute(db)).rows.map((k) => ({ ...k, b: iso(k.b) }));
    const { wholeBuckets, keys } = level === '1m' ? splitLate(late, WHOLE_MINUTE_FROM) : { wholeBuckets: [], keys: late };
    for (const b of wholeBuckets) {
      written += await grouping(db, (tx) => aggregateRange(level, b, new Date(Date.parse(b) + STEP_MS[level]).toISOString()).execute(tx));
    }
    for (let i = 0; i < keys.length; i += LATE_BATCH) {
      const r = await aggregateKeys(level, keys.slice(i, i + LATE_BATCH)).execute(db);
      written += Number(r.numAffectedRows ?? 0);
    }
  }
  // Late buckets are done: from here on, what is received after the next check time counts as late.
  let skip = true;
  for (let start = from; start < horizonMs; ) {
    if (skip && horizonMs - start > CHUNK_MS[level]) {
      // the first run, or a gap without data (the installation was off): jump to the next data
      const next = await firstData(level, start, horizonMs).execute(db);
      const ts = next.rows[0].ts;
      if (ts === null) break;
      start = Math.max(start, bucketOf(new Date(ts).getTime(), STEP_MS[level]));
    }
    const chunkStart = start;
    const end = Math.min(horizonMs, bucketOf(chunkStart, CHUNK_MS[level]) + CHUNK_MS[level]);
    const n = await grouping(db, async (tx) => {
      const r = await aggregateRange(level, new Date(chunkStart).toISOString(), new Date(end).toISOString()).execute(tx);
      await saveProgress(level, new Date(end).toISOString(), checkedNext).execute(tx);
      return r;
    });
    written += n;
    skip = n === 0;
    start = end;
  }
  await saveProgress(level, new Date(horizonMs).toISOString(), checkedNext).execute(db);
  return written;
}

/** One run of the aggregation job: 1-minute buckets, then 1-hour buckets; returns the buckets written. */
export async function aggregateSamples(db: Db, now = Date.now()): Promise<{ minutes: number; hours: number }> {
  await summarizeBrin.execute(db);
  const minutes = await aggregateLevel(db, '1m', bucketOf(now, MINUTE_MS));
  const hours = await aggregateLevel(db, '1h', bucketOf(now, HOUR_MS));
  return { minutes, hours };
}

// ---------------------------------------------------------------- reading

export interface AggregateBucket {
  /** Start of the bucket. */
  ts: string;
  count: number;
  min: number;
  max: number;
  avg: number;
  last: number;
}

type AggregateRow = { bucket: Date; count: number; min: number; max: number; sum: number; last: number };

const bucketOfRow = (r: AggregateRow): AggregateBucket => {
  const count = Number(r.count);
  const min = Number(r.min);
  const max = Number(r.max);
  return { ts: iso(r.bucket), count, min, max, avg: Math.min(max, Math.max(min, Number(r.sum) / count)), last: Number(r.last) };
};

/**
 * Buckets of a machine's point whose start lies in [floor(from), to), oldest first: stored ones up
 * to where the job has come, the rest (the current, incomplete buckets) computed from the samples.
 */
export async function readAggregates(db: Db, tenantId: string, machineId: string, point: string, level: AggregateLevel, from: Date, to: Date): Promise<AggregateBucket[]> {
  const start = new Date(bucketOf(from.getTime(), STEP_MS[level])).toISOString();
  const end = to.toISOString();
  const progress = await sql<{ done_until: Date }>`select done_until from machine_aggregation_progress where level = ${level}`.execute(db);
  const doneUntil = progress.rows[0] ? iso(progress.rows[0].done_until) : '-infinity';
  const stored = await sql<AggregateRow>`
    select bucket, count, min, max, sum, last from ${sql.table(AGGREGATE_TABLE[level])}
    where tenant_id = ${tenantId} and machine_id = ${machineId} and point = ${point}
      and bucket >= ${start}::timestamptz and bucket < ${end}::timestamptz and bucket < ${doneUntil}::timestamptz
    order by bucket`.execute(db);
  const live = await sql<AggregateRow>`
    select date_bin(${STEP[level]}::interval, x.ts, ${ORIGIN}::timestamptz) as bucket, count(*) as count, min(x.v) as min, max(x.v) as max,
      sum(x.v) as sum, (array_agg(x.v order by x.ts desc, x.device_id desc))[1] as last
    from (
      select s.ts, s.device_id, coalesce(s.num, case when s.bool then 1 else 0 end) as v from machine_samples s
      where s.tenant_id = ${tenantId} and s.point = ${point}
        and s.device_id in (select id from machine_devices where tenant_id = ${tenantId} and machine_id = ${machineId})
        and s.ts >= greatest(${start}::timestamptz, ${doneUntil}::timestamptz) and s.ts < ${end}::timestamptz
        and (s.num is not null or s.bool is not null)
    ) x
    group by 1 order by 1`.execute(db);
  return [...stored.rows, ...live.rows].map(bucketOfRow);
}

/**
 * The instant before which raw samples of a point have been deleted (its own retention, or a
 * dropped day partition), epoch ms; -Infinity while nothing has been deleted.
 */
export async function rawDeletedBefore(db: Db, tenantId: string, pointId: string | undefined): Promise<number> {
  const r = await sql<{ point: Date | null; partitions: Date | null }>`
    select (select raw_deleted_before from machine_points where tenant_id = ${tenantId} and id = ${pointId ?? null}::uuid) as point,
      (select dropped_before from machine_partition_retention) as partitions`.execute(db);
  const ms = (v: Date | null | undefined) => (v === null || v === undefined ? Number.NEGATIVE_INFINITY : new Date(v).getTime());
  return Math.max(ms(r.rows[0].point), ms(r.rows[0].partitions));
}

/** Raw samples of a machine's point in [from, to), counted up to `cap`. */
export async function countRaw(db: Db, tenantId: string, machineId: string, point: string, from: Date, to: Date, cap: number): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*) as n from (
      select 1 from machine_samples
      where tenant_id = ${tenantId} and point = ${point} and ts >= ${from.toISOString()}::timestamptz and ts < ${to.toISOString()}::timestamptz
        and device_id in (select id from machine_devices where tenant_id = ${tenantId} and machine_id = ${machineId})
      limit ${cap}
    ) x`.execute(db);
  return Number(r.rows[0].n);
}
