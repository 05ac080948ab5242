import type { Db } from '../../kernel/db/database.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import type { Competence, Need, RequirementSubject } from './domain/skills.js';

/** A `date` column as `YYYY-MM-DD` (the drivers build a local-midnight Date for it). */
function isoDay(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}

export interface LevelRow {
  userId: string;
  competence: Competence;
  level: number;
  assessedBy: string | null;
  assessedAt: Date;
}

export async function listLevels(db: Db, tenantId: string, userId?: string): Promise<LevelRow[]> {
  let q = db.selectFrom('privacy_skill_levels').selectAll().where('tenant_id', '=', tenantId);
  if (userId) q = q.where('user_id', '=', userId);
  const rows = await q.execute();
  return rows.map((r) => ({ userId: r.user_id, competence: r.competence as Competence, level: r.level, assessedBy: r.assessed_by, assessedAt: new Date(r.assessed_at) }));
}

export async function setLevel(db: Db, tenantId: string, userId: string, competence: Competence, level: number, assessedBy: string): Promise<void> {
  await db
    .insertInto('privacy_skill_levels')
    .values({ tenant_id: tenantId, user_id: userId, competence, level, assessed_by: assessedBy, assessed_at: new Date() })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'competence']).doUpdateSet({ level, assessed_by: assessedBy, assessed_at: new Date() }))
    .execute();
}

export async function removeLevel(db: Db, tenantId: string, userId: string, competence: Competence): Promise<void> {
  await db.deleteFrom('privacy_skill_levels').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('competence', '=', competence).execute();
}

// ------------------------------------------------------------------ trainings

export interface TrainingRow {
  id: string;
  userId: string;
  title: string;
  competences: Competence[];
  completedOn: string;
  provider: string | null;
  expiresOn: string | null;
  createdAt: Date;
}

export type TrainingColumns = Omit<TrainingRow, 'id' | 'createdAt'>;

export async function listTrainings(db: Db, tenantId: string, userId?: string): Promise<TrainingRow[]> {
  let q = db.selectFrom('privacy_trainings').selectAll().where('tenant_id', '=', tenantId);
  if (userId) q = q.where('user_id', '=', userId);
  const rows = await q.orderBy('completed_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, userId: r.user_id, title: r.title, competences: r.competences as Competence[], completedOn: isoDay(r.completed_on),
    provider: r.provider, expiresOn: r.expires_on === null ? null : isoDay(r.expires_on), createdAt: new Date(r.created_at),
  }));
}

export async function findTraining(db: Db, tenantId: string, id: string): Promise<TrainingRow | undefined> {
  return (await listTrainings(db, tenantId)).find((t) => t.id === id);
}

export async function insertTraining(db: Db, tenantId: string, id: string, createdBy: string, t: TrainingColumns): Promise<void> {
  await db.insertInto('privacy_trainings').values({
    tenant_id: tenantId, id, user_id: t.userId, title: t.title, competences: t.competences, completed_on: t.completedOn, provider: t.provider, expires_on: t.expiresOn, created_by: createdBy,
  }).execute();
}

export async function updateTraining(db: Db, tenantId: string, id: string, t: TrainingColumns): Promise<void> {
  await db.updateTable('privacy_trainings').set({
    user_id: t.userId, title: t.title, competences: t.competences, completed_on: t.completedOn, provider: t.provider, expires_on: t.expiresOn,
  }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteTraining(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('privacy_trainings').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

// ------------------------------------------------------------------ requirements

export interface RequirementRow {
  id: string;
  subject: RequirementSubject;
  planItemId: string | null;
  machineId: string | null;
  softwareName: string | null;
  goLiveOn: string;
  needs: Need[];
  note: string | null;
  userIds: string[];
  createdAt: Date;
}

export type RequirementColumns = Omit<RequirementRow, 'id' | 'createdAt'>;

export async function listRequirements(db: Db, tenantId: string): Promise<RequirementRow[]> {
  const rows = await db.selectFrom('privacy_skill_requirements').selectAll().where('tenant_id', '=', tenantId).orderBy('go_live_on').orderBy('id').execute();
  const people = await db.selectFrom('privacy_skill_requirement_people').select(['requirement_id', 'user_id']).where('tenant_id', '=', tenantId).execute();
  return rows.map((r) => ({
    id: r.id, subject: r.subject as RequirementSubject, planItemId: r.plan_item_id, machineId: r.machine_id, softwareName: r.software_name,
    goLiveOn: isoDay(r.go_live_on), needs: storedJson<Need[]>(r.needs), note: r.note,
    userIds: people.filter((p) => p.requirement_id === r.id).map((p) => p.user_id), createdAt: new Date(r.created_at),
  }));
}

export async function findRequirement(db: Db, tenantId: string, id: string): Promise<RequirementRow | undefined> {
  return (await listRequirements(db, tenantId)).find((r) => r.id === id);
}

const requirementValues = (r: RequirementColumns) => ({
  subject: r.subject, plan_item_id: r.planItemId, machine_id: r.machineId, software_name: r.softwareName, go_live_on: r.goLiveOn, needs: JSON.stringify(r.needs), note: r.note,
});

async function setPeople(db: Db, tenantId: string, id: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom('privacy_skill_requirement_people').where('tenant_id', '=', tenantId).where('requirement_id', '=', id).execute();
  if (userIds.length > 0) await db.insertInto('privacy_skill_requirement_people').values(userIds.map((u) => ({ tenant_id: tenantId, requirement_id: id, user_id: u }))).execute();
}

export async function insertRequirement(db: Db, tenantId: string, id: string, createdBy: string, r: RequirementColumns): Promise<void> {
  await db.insertInto('privacy_skill_requirements').values({ tenant_id: tenantId, id, created_by: createdBy, ...requirementValues(r) }).execute();
  await setPeople(db, tenantId, id, r.userIds);
}

export async function updateRequirement(db: Db, tenantId: string, id: string, r: RequirementColumns): Promise<void> {
  await db.updateTable('privacy_skill_requirements').set({ ...requirementValues(r), updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  await setPeople(db, tenantId, id, r.userIds);
}

export async function deleteRequirement(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('privacy_skill_requirements').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
