import type { Db } from '../../kernel/db/database.js';
import type { DataSubjectProvider, DataSubjectSection, ErasureOutcome } from '../../kernel/modules/data-subjects.js';
import { membersMatching } from '../../kernel/tenancy/member-data-subjects.js';

const KIND = { de: 'Person in der Kompetenzmatrix', en: 'Person in the skills matrix' };
const count = (n: unknown) => Number(n ?? 0);

async function holdings(db: Db, tenantId: string, userId: string) {
  const [levels, trainings, requirements] = await Promise.all([
    db.selectFrom('privacy_skill_levels').select(['competence', 'level', 'assessed_at']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('competence').execute(),
    db.selectFrom('privacy_trainings').select(['title', 'competences', 'completed_on', 'provider', 'expires_on']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('completed_on').execute(),
    db.selectFrom('privacy_skill_requirement_people').select('requirement_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute(),
  ]);
  return { levels, trainings, requirements };
}

const day = (d: unknown) => (d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/**
 * Members in the skills matrix: their assessed levels, trainings and the requirements naming them.
 * Erasing deletes all three — they describe the person and no other law asks to keep them.
 */
export const skillsDataSubjects: DataSubjectProvider = {
  async find(db, tenantId, query) {
    const found = [];
    for (const m of await membersMatching(db, tenantId, query)) {
      const h = await holdings(db, tenantId, m.userId);
      const n = h.levels.length + h.trainings.length + h.requirements.length;
      if (n > 0) found.push({ ref: m.userId, kind: KIND, name: m.name, email: m.email, phone: null, context: { de: `${h.levels.length} Stufe(n), ${h.trainings.length} Schulung(en)`, en: `${h.levels.length} level(s), ${h.trainings.length} training(s)` } });
    }
    return found;
  },

  async export(db, tenantId, ref) {
    const h = await holdings(db, tenantId, ref);
    const sections: DataSubjectSection[] = [];
    if (h.levels.length > 0) {
      sections.push({
        title: { de: 'Eingeschätzte Kompetenzstufen', en: 'Assessed competence levels' },
        labels: { competence: { de: 'Kompetenz', en: 'Competence' }, level: { de: 'Stufe', en: 'Level' }, assessedOn: { de: 'Eingeschätzt am', en: 'Assessed on' } },
        records: h.levels.map((l) => ({ competence: l.competence, level: l.level, assessedOn: day(l.assessed_at) })),
      });
    }
    if (h.trainings.length > 0) {
      sections.push({
        title: { de: 'Schulungen', en: 'Trainings' },
        labels: { title: { de: 'Schulung', en: 'Training' }, competences: { de: 'Kompetenzen', en: 'Competences' }, completedOn: { de: 'Am', en: 'On' }, provider: { de: 'Anbieter', en: 'Provider' }, expiresOn: { de: 'Gültig bis', en: 'Valid until' } },
        records: h.trainings.map((t) => ({ title: t.title, competences: (t.competences as string[]).join(', '), completedOn: day(t.completed_on), provider: t.provider, expiresOn: day(t.expires_on) })),
      });
    }
    if (h.requirements.length > 0) {
      sections.push({ title: { de: 'Genannt in Anforderungen vor einem Start', en: 'Named in go-live requirements' }, records: [{ requirements: h.requirements.length }] });
    }
    return sections;
  },

  async erase(db, ctx, ref) {
    const levels = await db.deleteFrom('privacy_skill_levels').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', ref).executeTakeFirst();
    const trainings = await db.deleteFrom('privacy_trainings').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', ref).executeTakeFirst();
    const named = await db.deleteFrom('privacy_skill_requirement_people').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', ref).executeTakeFirst();
    const outcome: ErasureOutcome = { erased: [], kept: [] };
    const add = (what: { de: string; en: string }, n: unknown) => count(n) > 0 && outcome.erased.push({ what, count: count(n) });
    add({ de: 'Eingeschätzte Kompetenzstufen', en: 'Assessed competence levels' }, levels.numDeletedRows);
    add({ de: 'Schulungsnachweise', en: 'Training records' }, trainings.numDeletedRows);
    add({ de: 'Nennung in Anforderungen vor einem Start', en: 'Mentions in go-live requirements' }, named.numDeletedRows);
    return outcome;
  },
};
