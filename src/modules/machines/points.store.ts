import type { Db, Row } from '../../kernel/db/database.js';
import type { PointSource, PointType } from './machines.store.js';
import { forgetKnownPoints } from './sample-writer.js';

export interface DataPoint {
  id: string;
  machineId: string;
  name: string;
  label: string;
  unit: string;
  type: PointType;
  source: PointSource;
}

// type and source are held to these values by the table's check constraints
const pointOf = (r: Row<'machine_points'>): DataPoint => ({
  id: r.id,
  machineId: r.machine_id,
  name: r.name,
  label: r.label,
  unit: r.unit,
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
  forgetKnownPoints(db);
  return Number(r.numUpdatedRows) > 0;
}

export async function deletePoint(db: Db, tenantId: string, machineId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('machine_points').where('tenant_id', '=', tenantId).where('machine_id', '=', machineId).where('id', '=', id).executeTakeFirst();
  forgetKnownPoints(db);
  return Number(r.numDeletedRows) > 0;
}
