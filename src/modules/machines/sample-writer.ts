import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { evaluateAlarmRules, machinesWithRules } from './alarms.store.js';
import type { Sample, SampleValue } from './domain/payload.js';
import type { DeviceIdentity, PointSource, PointType } from './machines.store.js';
import { ensurePartitions } from './sample-partitions.store.js';

// The ingest path: every message batch of every device passes here, so what can be known without
// a query is kept per database handle (points that exist, when a device's last_seen_at was written).

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

/** After a point is renamed or deleted: the writer asks the database again. */
export function forgetKnownPoints(db: Db): void {
  knownPoints.delete(db);
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
