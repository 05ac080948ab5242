import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Sample, SampleValue } from './domain/payload.js';
import { evaluateAlarmRules } from './alarms.store.js';
import { PARTITION_SCHEMA, boundsOf, partitionOf, partitionsToDrop } from './domain/partitions.js';

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
/** `tenant/machine/point` names known to exist as data points, per database handle. */
const knownPoints = new WeakMap<Db, Set<string>>();

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
  for (const ts of instants) {
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
function devicesToMarkSeen(db: Db, devices: readonly DeviceIdentity[], now = Date.now()): DeviceIdentity[] {
  let written = lastSeenWritten.get(db);
  if (!written) lastSeenWritten.set(db, (written = new Map()));
  const due = devices.filter((d) => now - (written.get(d.deviceId) ?? 0) >= LAST_SEEN_EVERY_MS);
  for (const d of due) written.set(d.deviceId, now);
  return due;
}

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
  const all = items.flatMap((i) => i.samples);
  if (all.length === 0) return 0;
  await ensurePartitions(db, all.map((s) => s.ts));

  // Rows refer to their device by position in `deviceList` (1-based) and carry epoch ms: far less
  // to serialise and parse than a uuid pair and a timestamp text per row.
  const deviceIndex = new Map<string, number>();
  const deviceList: DeviceIdentity[] = [];
  const rowDevice: number[] = [];
  const points: string[] = [];
  const times: number[] = [];
  const nums: Array<number | null> = [];
  const bools: Array<boolean | null> = [];
  const texts: Array<string | null> = [];
  const newPoints = new Map<string, { tenantId: string; machineId: string; name: string; type: PointType; source: PointSource }>();
  const known = setOf(knownPoints, db);
  for (const item of items) {
    const deviceKey = `${item.device.tenantId}/${item.device.deviceId}`;
    let index = deviceIndex.get(deviceKey);
    if (index === undefined) {
      deviceList.push(item.device);
      deviceIndex.set(deviceKey, (index = deviceList.length));
    }
    for (const s of item.samples) {
      rowDevice.push(index);
      points.push(s.point);
      times.push(s.ts);
      nums.push(typeof s.value === 'number' ? s.value : null);
      bools.push(typeof s.value === 'boolean' ? s.value : null);
      texts.push(typeof s.value === 'string' ? s.value : null);
      const key = `${item.device.tenantId}/${item.device.machineId}/${s.point}`;
      if (!known.has(key) && !newPoints.has(key)) {
        newPoints.set(key, { tenantId: item.device.tenantId, machineId: item.device.machineId, name: s.point, type: pointType(s.value), source: item.source });
      }
    }
  }

  const inserted = await db.transaction().execute(async (tx) => {
    if (newPoints.size > 0) {
      const np = [...newPoints.values()];
      await sql`insert into machine_points (tenant_id, id, machine_id, name, type, source)
        select t, gen_random_uuid(), m, n, ty, so from unnest(
          ${np.map((p) => p.tenantId)}::uuid[], ${np.map((p) => p.machineId)}::uuid[], ${np.map((p) => p.name)}::text[],
          ${np.map((p) => p.type)}::text[], ${np.map((p) => p.source)}::text[]) as x(t, m, n, ty, so)
        on conflict (tenant_id, machine_id, name) do nothing`.execute(tx);
    }
    // to_timestamp(ms / 1000) is exact to the millisecond (PostgreSQL rounds to microseconds).
    const r = await sql`insert into machine_samples (tenant_id, device_id, point, ts, num, bool, txt)
      select (${deviceList.map((d) => d.tenantId)}::uuid[])[x.i], (${deviceList.map((d) => d.deviceId)}::uuid[])[x.i], x.p, to_timestamp(x.ms / 1000), x.n, x.b, x.s
      from unnest(${rowDevice}::int4[], ${points}::text[], ${times}::float8[], ${nums}::float8[], ${bools}::bool[], ${texts}::text[]) as x(i, p, ms, n, b, s)
      on conflict do nothing`.execute(tx);
    const seen = devicesToMarkSeen(db, deviceList);
    if (seen.length > 0) {
      await sql`update machine_devices d set last_seen_at = now()
        from unnest(${seen.map((d) => d.tenantId)}::uuid[], ${seen.map((d) => d.deviceId)}::uuid[]) as x(t, id)
        where d.tenant_id = x.t and d.id = x.id`.execute(tx);
    }
    // Alarms are raised and cleared in the same transaction: acknowledged data has been evaluated.
    await evaluateAlarmRules(tx, items);
    return Number(r.numAffectedRows ?? 0);
  });
  for (const key of newPoints.keys()) known.add(key);
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
