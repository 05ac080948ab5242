import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { DEMO_GATEWAY } from './demo-signals.js';
import type { DeviceIdentity } from './machines.store.js';

export interface DemoDevice {
  device: DeviceIdentity;
  workCentreId: string | null;
  pointNames: string[];
}

/** The company's machines that send through the demo's device credential (not revoked), with their points. */
export async function demoDevices(db: Db, tenantId: string): Promise<DemoDevice[]> {
  const rows = await db
    .selectFrom('machine_devices as d')
    .innerJoin('machines as m', (j) => j.onRef('m.tenant_id', '=', 'd.tenant_id').onRef('m.id', '=', 'd.machine_id'))
    .select(['d.id as deviceId', 'd.machine_id as machineId', 'm.work_centre_id as workCentreId'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.name', '=', DEMO_GATEWAY)
    .where('d.revoked_at', 'is', null)
    .orderBy('d.created_at')
    .execute();
  const points = rows.length
    ? await db.selectFrom('machine_points').select(['machine_id', 'name']).where('tenant_id', '=', tenantId).where('machine_id', 'in', rows.map((r) => r.machineId)).execute()
    : [];
  return rows.map((r) => ({
    device: { tenantId, deviceId: r.deviceId, machineId: r.machineId },
    workCentreId: r.workCentreId,
    pointNames: points.filter((p) => p.machine_id === r.machineId).map((p) => p.name),
  }));
}

/** The newest stored sample of a device's point (instant and number), if any. */
export async function lastSample(db: Db, device: DeviceIdentity, point: string): Promise<{ ts: number; num: number | null } | undefined> {
  const r = await sql<{ ts: Date | string; num: number | null }>`
    select ts, num from machine_samples
    where tenant_id = ${device.tenantId} and device_id = ${device.deviceId} and point = ${point}
    order by ts desc limit 1`.execute(db);
  const row = r.rows[0];
  return row ? { ts: new Date(row.ts).getTime(), num: row.num === null ? null : Number(row.num) } : undefined;
}
