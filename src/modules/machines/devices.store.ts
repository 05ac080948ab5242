import type { Db, Row } from '../../kernel/db/database.js';
import type { DeviceIdentity } from './machines.store.js';

export interface Device {
  id: string;
  machineId: string;
  name: string;
  lastSeenAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
}

const date = (v: Date | null): Date | null => (v === null ? null : new Date(v));

const deviceOf = (r: Row<'machine_devices'>): Device => ({
  id: r.id,
  machineId: r.machine_id,
  name: r.name,
  lastSeenAt: date(r.last_seen_at),
  lastError: r.last_error,
  lastErrorAt: date(r.last_error_at),
  createdAt: new Date(r.created_at),
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
  return row ? { tenantId: row.tenant_id, deviceId: row.id, machineId: row.machine_id } : undefined;
}

export async function recordDeviceError(db: Db, device: DeviceIdentity, message: string): Promise<void> {
  await db
    .updateTable('machine_devices')
    .set({ last_error: message.slice(0, 2000), last_error_at: new Date() })
    .where('tenant_id', '=', device.tenantId)
    .where('id', '=', device.deviceId)
    .execute();
}
