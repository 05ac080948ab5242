import { sql } from 'kysely';
import type { Db, Row } from '../../kernel/db/database.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import type { DeviceIdentity } from './machines.store.js';

export type ConnectionKind = 'mqtt' | 'opcua';

/** A connection as stored, including its password (never leaves the server). */
export interface ConnectionRecord {
  tenantId: string;
  id: string;
  kind: ConnectionKind;
  name: string;
  enabled: boolean;
  url: string;
  username: string;
  password: string;
  settings: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface OpcuaItem {
  id: string;
  connectionId: string;
  nodeId: string;
  machineId: string;
  point: string;
  samplingIntervalMs: number;
}

// kind is held to its values by the table's check constraint
const recordOf = (r: Row<'machine_connections'>): ConnectionRecord => ({
  tenantId: r.tenant_id,
  id: r.id,
  kind: r.kind as ConnectionKind,
  name: r.name,
  enabled: r.enabled,
  url: r.url,
  username: r.username,
  password: r.password,
  settings: storedJson<Record<string, unknown>>(typeof r.settings === 'string' ? JSON.parse(r.settings) : r.settings),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const itemOf = (r: Row<'machine_opcua_items'>): OpcuaItem => ({
  id: r.id,
  connectionId: r.connection_id,
  nodeId: r.node_id,
  machineId: r.machine_id,
  point: r.point,
  samplingIntervalMs: Number(r.sampling_interval_ms),
});

export async function listConnections(db: Db, tenantId: string): Promise<ConnectionRecord[]> {
  const rows = await db.selectFrom('machine_connections').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  return rows.map(recordOf);
}

/** Every company's connections, for the runtime. */
export async function listAllConnections(db: Db): Promise<ConnectionRecord[]> {
  const rows = await db.selectFrom('machine_connections').selectAll().orderBy('tenant_id').orderBy('name').execute();
  return rows.map(recordOf);
}

export async function findConnection(db: Db, tenantId: string, id: string): Promise<ConnectionRecord | undefined> {
  const row = await db.selectFrom('machine_connections').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? recordOf(row) : undefined;
}

export interface ConnectionData {
  kind: ConnectionKind;
  name: string;
  enabled: boolean;
  url: string;
  username: string;
  /** null keeps the stored password. */
  password: string | null;
  settings: Record<string, unknown>;
}

export async function insertConnection(db: Db, tenantId: string, id: string, d: ConnectionData): Promise<void> {
  await db
    .insertInto('machine_connections')
    .values({
      tenant_id: tenantId,
      id,
      kind: d.kind,
      name: d.name,
      enabled: d.enabled,
      url: d.url,
      username: d.username,
      password: d.password ?? '',
      settings: JSON.stringify(d.settings),
    })
    .execute();
}

export async function updateConnection(db: Db, tenantId: string, id: string, d: Omit<ConnectionData, 'kind'>): Promise<boolean> {
  const r = await db
    .updateTable('machine_connections')
    .set({
      name: d.name,
      enabled: d.enabled,
      url: d.url,
      username: d.username,
      ...(d.password === null ? {} : { password: d.password }),
      settings: JSON.stringify(d.settings),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes a connection; its device rows are revoked so that their samples stay with the machines. */
export async function deleteConnection(db: Db, tenantId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('machine_devices')
      .set({ revoked_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('token_hash', 'like', `${connectionDevicePrefix(id)}%`)
      .where('revoked_at', 'is', null)
      .execute();
    const r = await tx.deleteFrom('machine_connections').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

export async function listOpcuaItems(db: Db, tenantId: string, connectionId: string): Promise<OpcuaItem[]> {
  const rows = await db
    .selectFrom('machine_opcua_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('connection_id', '=', connectionId)
    .orderBy('node_id')
    .execute();
  return rows.map(itemOf);
}

/** Replaces the picked variables of a connection; touches the connection so the runtime restarts it. */
export async function replaceOpcuaItems(db: Db, tenantId: string, connectionId: string, items: Array<Omit<OpcuaItem, 'connectionId'>>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('machine_opcua_items').where('tenant_id', '=', tenantId).where('connection_id', '=', connectionId).execute();
    if (items.length > 0) {
      await tx
        .insertInto('machine_opcua_items')
        .values(
          items.map((i) => ({
            tenant_id: tenantId,
            id: i.id,
            connection_id: connectionId,
            node_id: i.nodeId,
            machine_id: i.machineId,
            point: i.point,
            sampling_interval_ms: i.samplingIntervalMs,
          })),
        )
        .execute();
    }
    await tx.updateTable('machine_connections').set({ updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', connectionId).execute();
  });
}

/** Machines of the company with these ids (to check references before storing them). */
export async function existingMachineIds(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('machines').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Samples are keyed by device, so each (connection, machine) pair writes as a device row of its
 * own. Its token_hash is no SHA-256 hex string, so no token can ever match it.
 */
export const connectionDevicePrefix = (connectionId: string) => `connection:${connectionId}:`;

/** The device row a connection writes a machine's samples as, created on first use. */
export async function connectionDevice(db: Db, tenantId: string, connectionId: string, machineId: string, name: string, newId: string): Promise<DeviceIdentity> {
  const marker = `${connectionDevicePrefix(connectionId)}${machineId}`;
  await sql`insert into machine_devices (tenant_id, id, machine_id, name, token_hash)
    values (${tenantId}, ${newId}, ${machineId}, ${name.slice(0, 200)}, ${marker})
    on conflict (tenant_id, token_hash) do nothing`.execute(db);
  const row = await db
    .selectFrom('machine_devices')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', marker)
    .executeTakeFirstOrThrow();
  return { tenantId, deviceId: row.id, machineId };
}
