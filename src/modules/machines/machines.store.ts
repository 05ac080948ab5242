import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Sample, SampleValue } from './domain/payload.js';
import { evaluateAlarmRules, machinesWithRules } from './alarms.store.js';
import { DAY_MS, PARTITION_SCHEMA, boundsOf, partitionOf, partitionsToDrop } from './domain/partitions.js';

export type PointType = 'number' | 'boolean' | 'string';
export type PointSource = 'mqtt' | 'http' | 'opcua' | 'manual';

export interface Machine {
  id: string;
  name: string;
  description: string;
  workCentreId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DataPoint {
  id: string;
  machineId: string;
  name: string;
  label: string;
  unit: string;
  type: PointType;
  source: PointSource;
}

export interface Device {
  id: string;
  machineId: string;
  name: string;
  lastSeenAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
}

/** A device as the ingestion paths know it after checking its token. */
export interface DeviceIdentity {
  tenantId: string;
  deviceId: string;
  machineId: string;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

// ---------------------------------------------------------------- machines

const machineOf = (r: Record<string, unknown>): Machine => ({
  id: r.id as string,
  name: r.name as string,
  description: r.description as string,
  workCentreId: (r.work_centre_id as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
});

export async function listMachines(db: Db, tenantId: string): Promise<Machine[]> {
  const rows = await db.selectFrom('machines').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  return rows.map(machineOf);
}

export async function findMachine(db: Db, tenantId: string, id: string): Promise<Machine | undefined> {
  const row = await db.selectFrom('machines').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? machineOf(row) : undefined;
}

/** Companies that hold a machine with this id (normally one), for routes without a company in the path. */
export async function tenantsOfMachine(db: Db, id: string): Promise<string[]> {
  const rows = await db.selectFrom('machines').select('tenant_id').where('id', '=', id).execute();
  return rows.map((r) => r.tenant_id as string);
}

export interface MachineData {
  name: string;
  description: string;
  workCentreId: string | null;
}

export async function insertMachine(db: Db, tenantId: string, id: string, data: MachineData): Promise<void> {
  await db
    .insertInto('machines')
    .values({ tenant_id: tenantId, id, name: data.name, description: data.description, work_centre_id: data.workCentreId })
    .execute();
}

export async function updateMachine(db: Db, tenantId: string, id: string, data: MachineData): Promise<boolean> {
  const r = await db
    .updateTable('machines')
    .set({ name: data.name, description: data.description, work_centre_id: data.workCentreId, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes a machine with its points, devices and samples. */
export async function deleteMachine(db: Db, tenantId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await sql`delete from machine_samples where tenant_id = ${tenantId}
      and device_id in (select id from machine_devices where tenant_id = ${tenantId} and machine_id = ${id})`.execute(tx);
    const r = await tx.deleteFrom('machines').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

// ---------------------------------------------------------------- data points

const pointOf = (r: Record<string, unknown>): DataPoint => ({
  id: r.id as string,
  machineId: r.machine_id as string,
  name: r.name as string,
  label: r.label as string,
  unit: r.unit as string,
  type: r.type as PointType,
  source: r.source as PointSource,
});

export async function listPoints(db: Db, tenantId: string, machineId: string): Promise<DataPoint[]> {
  const rows = await db.selectFrom('machine_points').selectAll().where('tenant_id', '=', tenantId).where('machine_id', '=', machineId).orderBy('name').execute();
  return rows.map(pointOf);
}

export async function findPoint(db: Db, tenantId: string, machineId: string, id: string): Promise<DataPoint | undefined> {
  const row = await db
    .selectFrom('machine_points')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('machine_id', '=', machineId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? pointOf(row) : undefined;
}

export type PointData = Omit<DataPoint, 'id' | 'machineId'>;

export async function insertPoint(db: Db, tenantId: string, machineId: string, id: string, p: PointData): Promise<void> {
  await db
    .insertInto('machine_points')
    .values({ tenant_id: tenantId, id, machine_id: machineId, name: p.name, label: p.label, unit: p.unit, type: p.type, source: p.source })
    .execute();
}

export async function updatePoint(db: Db, tenantId: string, machineId: string, id: string, p: PointData): Promise<boolean> {
  const r = await db
    .updateTable('machine_points')
    .set({ name: p.name, label: p.label, unit: p.unit, type: p.type, source: p.source })
    .where('tenant_id', '=', tenantId)
    .where('machine_id', '=', machineId)
    .where('id', '=', id)
    .executeTakeFirst();
  knownPoints.delete(db);
  return Number(r.numUpdatedRows) > 0;
}

export async function deletePoint(db: Db, tenantId: string, machineId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('machine_points').where('tenant_id', '=', tenantId).where('machine_id', '=', machineId).where('id', '=', id).executeTakeFirst();
  knownPoints.delete(db);
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------- devices

const deviceOf = (r: Record<string, unknown>): Device => ({
  id: r.id as string,
  machineId: r.machine_id as string,
  name: r.name as string,
  lastSeenAt: date(r.last_seen_at),
  lastError: (r.last_error as string | null) ?? null,
  lastErrorAt: date(r.last_error_at),
  createdAt: new Date(r.created_at as string),
});

export async function listDevices(db: Db, tenantId: string, machineId: string): Promise<Device[]> {
  const rows = await db
    .selectFrom('machine_devices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('machine_id', '=', machineId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map(deviceOf);
}

export async function insertDevice(db: Db, tenantId: string, machineId: string, id: string, name: string, tokenHash: string): Promise<void> {
  await db.insertInto('machine_devices').values({ tenant_id: tenantId, id, machine_id: machineId, name, token_hash: tokenHash }).execute();
}

/** Revokes a device: its token stops working at once, its samples stay with the machine. */
export async function revokeDevice(db: Db, tenantId: string, machineId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('machine_devices')
    .set({ revoked_at: new Date(), token_hash: `revoked:${id}` })
    .where('tenant_id', '=', tenantId)
    .where('machine_id', '=', machineId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The device holding this token hash (HTTP), optionally also checking its id (MQTT username). */
export async function findDeviceByTokenHash(db: Db, tokenHash: string, deviceId?: string): Promise<DeviceIdentity | undefined> {
  let q = db.selectFrom('machine_devices').select(['tenant_id', 'id', 'machine_id']).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null);
  if (deviceId !== undefined) q = q.where('id', '=', deviceId);
  const row = await q.executeTakeFirst();
  return row ? { tenantId: row.tenant_id as string, deviceId: row.id as string, machineId: row.machine_id as string } : undefined;
}

export async function recordDeviceError(db: Db, device: DeviceIdentity, message: string): Promise<void> {
  await db
    .updateTable('machine_devices')
    .set({ last_error: message.slice(0, 2000), last_error_at: new Date() })
    .where('tenant_id', '=', device.tenantId)
    .where('id', '=', device.deviceId)
    .execute();
}

// ---------------------------------------------------------------- samples

/** Partitions known to exist, per database handle. */
const knownPartitions = new WeakMap<Db, Set<string>>();
/** Names of the data points known to exist, per database handle and `tenant/machine`. */
const knownPoints = new WeakMap<Db, Map<string, Set<string>>>();

function pointsOf(db: Db): Map<string, Set<string>> {
  let known = knownPoints.get(db);
  if (!known) knownPoints.set(db, (known = new Map()));
  return known;
}

function knowPoint(db: Db, tenantId: string, machineId: string, name: string) {
  const known = pointsOf(db);
  const key = `${tenantId}/${machineId}`;
  let names = known.get(key);
  if (!names) known.set(key, (names = new Set()));
  names.add(name);
}

function setOf<K extends object>(map: WeakMap<K, Set<string>>, key: K): Set<string> {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
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
  const known = setOf(knownPartitions, db);
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

const pointType = (v: SampleValue): PointType => (typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string');

/** When each device's `last_seen_at` was last written, per database handle. */
const lastSeenWritten = new WeakMap<Db, Map<string, number>>();
const LAST_SEEN_EVERY_MS = 5_000;

/**
 * The devices whose `last_seen_at` is due: at their first message and then at most every 5 s, so
 * that a device sending hundreds of messages a second does not rewrite its row in every batch.
 */
function devicesToMarkSeen(db: Db, devices: readonly DeviceIdentity[], now: number): DeviceIdentity[] {
  const written = lastSeenWritten.get(db);
  return devices.filter((d) => now - (written?.get(d.deviceId) ?? 0) >= LAST_SEEN_EVERY_MS);
}

function markedSeen(db: Db, devices: readonly DeviceIdentity[], now: number) {
  let written = lastSeenWritten.get(db);
  if (!written) lastSeenWritten.set(db, (written = new Map()));
  for (const d of devices) written.set(d.deviceId, now);
}

/**
 * A PostgreSQL array literal, passed as one text parameter: the driver would otherwise quote and
 * escape every element on its own, which costs more than the rest of a batch's preparation.
 */
export function arrayLiteral(xs: ReadonlyArray<string | number | boolean | null>): string {
  let out = '{';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (i > 0) out += ',';
    if (x === null) out += 'NULL';
    else if (typeof x === 'string') out += x.includes('"') || x.includes('\\') ? `"${x.replace(/["\\]/g, '\\$&')}"` : `"${x}"`;
    else if (typeof x === 'boolean') out += x ? 't' : 'f';
    else out += String(x);
  }
  return `${out}}`;
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505';

/** One device's samples, as one unit of a batch. */
export interface SampleBatchItem {
  device: DeviceIdentity;
  samples: Sample[];
  source: PointSource;
}

/**
 * Stores the samples of several messages in one transaction. Data points not yet declared are
 * registered with the type of their first value. Returns the number of new rows (a sample that
 * is already stored — same device, point and instant — is skipped).
 */
export async function writeSamples(db: Db, items: readonly SampleBatchItem[]): Promise<number> {
  if (!items.some((i) => i.samples.length > 0)) return 0;

  // A row refers to its group (1-based): the samples of one device at one instant, normally one
  // message. The group refers to its device by position in `deviceList` and carries epoch ms: far
  // less to serialise and parse than a uuid pair and a timestamp per row.
  const deviceIndex = new Map<string, number>();
  const deviceList: DeviceIdentity[] = [];
  const groupDevice: number[] = [];
  const groupTimes: number[] = [];
  const rowGroup: number[] = [];
  const points: string[] = [];
  const nums: Array<number | null> = [];
  const bools: Array<boolean | null> = [];
  const texts: Array<string | null> = [];
  let anyBool = false;
  let anyText = false;
  const newPoints = new Map<string, { tenantId: string; machineId: string; name: string; type: PointType; source: PointSource }>();
  const known = pointsOf(db);
  const rules = await machinesWithRules(db);
  let evaluate = false;
  for (const item of items) {
    if (item.samples.length === 0) continue;
    const { tenantId, deviceId, machineId } = item.device;
    const deviceKey = `${tenantId}/${deviceId}`;
    let index = deviceIndex.get(deviceKey);
    if (index === undefined) {
      deviceList.push(item.device);
      deviceIndex.set(deviceKey, (index = deviceList.length));
    }
    const machineKey = `${tenantId}/${machineId}`;
    evaluate ||= rules.has(machineKey);
    const knownOfMachine = known.get(machineKey);
    let groupTs = NaN;
    for (const s of item.samples) {
      if (s.ts !== groupTs) {
        groupTs = s.ts;
        groupDevice.push(index);
        groupTimes.push(s.ts);
      }
      rowGroup.push(groupTimes.length);
      points.push(s.point);
      const v = s.value;
      nums.push(typeof v === 'number' ? v : null);
      bools.push(typeof v === 'boolean' ? v : null);
      texts.push(typeof v === 'string' ? v : null);
      anyBool ||= typeof v === 'boolean';
      anyText ||= typeof v === 'string';
      if (!knownOfMachine?.has(s.point)) {
        const key = `${machineKey}/${s.point}`;
        if (!newPoints.has(key)) newPoints.set(key, { tenantId, machineId, name: s.point, type: pointType(v), source: item.source });
      }
    }
  }
  await ensurePartitions(db, groupTimes);
  const now = Date.now();
  const seen = devicesToMarkSeen(db, deviceList, now);

  const write = async (skipStored: boolean): Promise<number> => {
    // to_timestamp(ms / 1000) is exact to the millisecond (PostgreSQL rounds to microseconds).
    // unnest pads shorter arrays with NULLs, so a column without any value is sent as {}.
    const insert = sql`insert into machine_samples (tenant_id, device_id, point, ts, num, bool, txt)
      select (${arrayLiteral(deviceList.map((d) => d.tenantId))}::uuid[])[g.d], (${arrayLiteral(deviceList.map((d) => d.deviceId))}::uuid[])[g.d], x.p, to_timestamp(g.ms / 1000), x.n, x.b, x.s
      from unnest(${arrayLiteral(rowGroup)}::int4[], ${arrayLiteral(points)}::text[], ${arrayLiteral(nums)}::float8[],
        ${anyBool ? arrayLiteral(bools) : '{}'}::bool[], ${anyText ? arrayLiteral(texts) : '{}'}::text[]) as x(g, p, n, b, s)
      cross join lateral (select (${arrayLiteral(groupDevice)}::int4[])[x.g] as d, (${arrayLiteral(groupTimes)}::float8[])[x.g] as ms) g
      ${skipStored ? sql`on conflict do nothing` : sql``}`;
    // Nothing else to write: the insert alone is its own transaction, one round trip.
    if (newPoints.size === 0 && seen.length === 0 && !evaluate) return Number((await insert.execute(db)).numAffectedRows ?? 0);
    return db.transaction().execute(async (tx) => {
      if (newPoints.size > 0) {
        const np = [...newPoints.values()];
        await sql`insert into machine_points (tenant_id, id, machine_id, name, type, source)
          select t, gen_random_uuid(), m, n, ty, so from unnest(
            ${np.map((p) => p.tenantId)}::uuid[], ${np.map((p) => p.machineId)}::uuid[], ${np.map((p) => p.name)}::text[],
            ${np.map((p) => p.type)}::text[], ${np.map((p) => p.source)}::text[]) as x(t, m, n, ty, so)
          on conflict (tenant_id, machine_id, name) do nothing`.execute(tx);
      }
      const r = await insert.execute(tx);
      if (seen.length > 0) {
        await sql`update machine_devices d set last_seen_at = now()
          from unnest(${seen.map((d) => d.tenantId)}::uuid[], ${seen.map((d) => d.deviceId)}::uuid[]) as x(t, id)
          where d.tenant_id = x.t and d.id = x.id`.execute(tx);
      }
      // Alarms are raised and cleared in the same transaction: acknowledged data has been evaluated.
      if (evaluate) await evaluateAlarmRules(tx, items);
      return Number(r.numAffectedRows ?? 0);
    });
  };
  // Samples stored already (a message sent again) are rare; checking every row for them costs
  // about a third of the insert, so only a batch that ran into one is written again, skipping them.
  let inserted: number;
  try {
    inserted = await write(false);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    inserted = await write(true);
  }
  for (const p of newPoints.values()) knowPoint(db, p.tenantId, p.machineId, p.name);
  markedSeen(db, seen, now);
  return inserted;
}

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
