import { sql } from 'kysely';
import type { Db, Row } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';

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

/** A device as the ingestion paths know it after checking its token. */
export interface DeviceIdentity {
  tenantId: string;
  deviceId: string;
  machineId: string;
}

const machineOf = (r: Row<'machines'>): Machine => ({
  id: r.id,
  name: r.name,
  description: r.description,
  workCentreId: r.work_centre_id,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
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
  return rows.map((r) => r.tenant_id);
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
  return inTransaction(db, async (tx) => {
    await sql`delete from machine_samples where tenant_id = ${tenantId}
      and device_id in (select id from machine_devices where tenant_id = ${tenantId} and machine_id = ${id})`.execute(tx);
    const r = await tx.deleteFrom('machines').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}
