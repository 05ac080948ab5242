import type { Db } from '../../kernel/db/database.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import type { StoredSection } from './domain/security-concept.js';
import type { SecurityAnswer } from './domain/security-score.js';

export interface StoredAnswer {
  requirementId: string;
  answer: SecurityAnswer;
  note: string | null;
  answeredBy: string | null;
  answeredAt: Date;
}

export async function listAnswers(db: Db, tenantId: string): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom('privacy_security_answers').selectAll().where('tenant_id', '=', tenantId).execute();
  return rows.map((r) => ({ requirementId: r.requirement_id, answer: r.answer as SecurityAnswer, note: r.note, answeredBy: r.answered_by, answeredAt: new Date(r.answered_at) }));
}

export async function saveAnswer(db: Db, tenantId: string, requirementId: string, a: { answer: SecurityAnswer; note: string | null; answeredBy: string }): Promise<void> {
  const columns = { answer: a.answer, note: a.note, answered_by: a.answeredBy, answered_at: new Date() };
  await db.insertInto('privacy_security_answers').values({ tenant_id: tenantId, requirement_id: requirementId, ...columns })
    .onConflict((oc) => oc.columns(['tenant_id', 'requirement_id']).doUpdateSet(columns)).execute();
}

export async function deleteAnswer(db: Db, tenantId: string, requirementId: string): Promise<void> {
  await db.deleteFrom('privacy_security_answers').where('tenant_id', '=', tenantId).where('requirement_id', '=', requirementId).execute();
}

export interface StoredConcept {
  version: number;
  sections: StoredSection[];
  createdAt: Date;
  updatedAt: Date;
  adoptedAt: Date | null;
  adoptedBy: string | null;
  reviewDue: string | null;
}

const day = (v: unknown) => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** Every version, newest first. */
export async function listConcepts(db: Db, tenantId: string): Promise<StoredConcept[]> {
  const rows = await db.selectFrom('privacy_security_concepts').selectAll().where('tenant_id', '=', tenantId).orderBy('version', 'desc').execute();
  return rows.map((r) => ({
    version: r.version,
    sections: storedJson<StoredSection[]>(r.sections as never),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    adoptedAt: r.adopted_at ? new Date(r.adopted_at) : null,
    adoptedBy: r.adopted_by,
    reviewDue: day(r.review_due),
  }));
}

export async function insertConcept(db: Db, tenantId: string, version: number, sections: StoredSection[]): Promise<void> {
  await db.insertInto('privacy_security_concepts').values({ tenant_id: tenantId, version, sections: JSON.stringify(sections) }).execute();
}

export async function updateDraft(db: Db, tenantId: string, version: number, sections: StoredSection[]): Promise<void> {
  await db.updateTable('privacy_security_concepts').set({ sections: JSON.stringify(sections), updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('version', '=', version).where('adopted_at', 'is', null).execute();
}

export async function adopt(db: Db, tenantId: string, version: number, by: string, at: Date, reviewDue: string): Promise<void> {
  await db.updateTable('privacy_security_concepts').set({ adopted_at: at, adopted_by: by, review_due: reviewDue })
    .where('tenant_id', '=', tenantId).where('version', '=', version).where('adopted_at', 'is', null).execute();
}

export async function acknowledgements(db: Db, tenantId: string, version: number): Promise<Map<string, Date>> {
  const rows = await db.selectFrom('privacy_security_acknowledgements').select(['user_id', 'acknowledged_at']).where('tenant_id', '=', tenantId).where('version', '=', version).execute();
  return new Map(rows.map((r) => [r.user_id, new Date(r.acknowledged_at)]));
}

export async function acknowledge(db: Db, tenantId: string, version: number, userId: string): Promise<boolean> {
  const inserted = await db.insertInto('privacy_security_acknowledgements').values({ tenant_id: tenantId, version, user_id: userId })
    .onConflict((oc) => oc.doNothing()).returning('user_id').execute();
  return inserted.length > 0;
}

/** The latest adopted version and its review date (for the notification centre). */
export async function latestAdopted(db: Db, tenantId: string): Promise<{ version: number; adoptedAt: string; reviewDue: string } | undefined> {
  const row = await db.selectFrom('privacy_security_concepts').select(['version', 'review_due', 'adopted_at']).where('tenant_id', '=', tenantId)
    .where('adopted_at', 'is not', null).orderBy('version', 'desc').executeTakeFirst();
  return row ? { version: row.version, adoptedAt: new Date(row.adopted_at!).toISOString(), reviewDue: day(row.review_due)! } : undefined;
}
