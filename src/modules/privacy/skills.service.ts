import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { type CompanyMember, companyMembers, personNames } from '../../kernel/tenancy/members.js';
import { machineNames } from '../machines/index.js';
import { planItemTitles } from '../roadmap/index.js';
import { COMPETENCES, type Competence, type Urgency, awarenessDuty, dayIn, gapsOf, summarise, urgencyOf } from './domain/skills.js';
import * as store from './skills.store.js';
import type {
  AssessedLevel, LevelsBody, PersonKind, PersonRecord, Requirement, RequirementBody, RequirementsView, SkillPerson, SkillsMatrix, Training, TrainingBody,
} from './skills.schemas.js';

export interface SkillsContext {
  db: Db;
  tenant: TenantContext;
  now?: () => number;
}

/** The firm's days (go-live, due dates) are counted in its zone; Werkverbund's firms are in Germany. */
export const FIRM_TIME_ZONE = 'Europe/Berlin';

const todayOf = (ctx: SkillsContext) => dayIn(FIRM_TIME_ZONE, ctx.now ? ctx.now() : Date.now());
const kindOf = (m: CompanyMember): PersonKind => (m.email === null ? 'terminal' : 'account');
const fieldProblem = (status: number, code: string, path: string, message: string, params: Record<string, string | number> = {}) =>
  new ProblemError(status, code, params, { errors: [{ path, message }] });
const audit = (ctx: SkillsContext, db: Db, action: string, target: string | null, details: Record<string, unknown>) =>
  writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `privacy.${action}`, target: target ?? undefined, details });

/** Everything the pages compute from: the members, their levels and trainings, the requirements. */
async function facts(db: Db, tenantId: string, today: string) {
  const [members, levels, trainings, requirements] = await Promise.all([
    companyMembers(db, tenantId),
    store.listLevels(db, tenantId),
    store.listTrainings(db, tenantId),
    store.listRequirements(db, tenantId),
  ]);
  const assessors = await personNames(db, levels.map((l) => l.assessedBy));
  const people = members.map((m) => {
    const own = levels.filter((l) => l.userId === m.userId);
    const levelMap: Partial<Record<Competence, AssessedLevel>> = {};
    for (const l of own) levelMap[l.competence] = { level: l.level, assessedAt: l.assessedAt.toISOString(), assessedBy: l.assessedBy ? assessors.get(l.assessedBy) ?? null : null };
    const plain = Object.fromEntries(own.map((l) => [l.competence, l.level])) as Partial<Record<Competence, number>>;
    const personTrainings = trainings.filter((t) => t.userId === m.userId);
    return { member: m, levelMap, plain, trainings: personTrainings, awareness: awarenessDuty(personTrainings, today) };
  });
  return { people, requirements };
}

async function titles(db: Db, tenantId: string) {
  const [measures, machines] = await Promise.all([planItemTitles(db, tenantId), machineNames(db, tenantId)]);
  return { measures, machines };
}

type Facts = Awaited<ReturnType<typeof facts>>;

function requirementsOf(f: Facts, t: Awaited<ReturnType<typeof titles>>, today: string): Requirement[] {
  return f.requirements.map((r) => {
    const title =
      r.subject === 'measure' ? t.measures.find((m) => m.id === r.planItemId)?.title ?? null
        : r.subject === 'machine' ? (() => { const name = t.machines.find((m) => m.id === r.machineId)?.name; return name === undefined ? null : { de: name, en: name }; })()
          : { de: r.softwareName!, en: r.softwareName! };
    // people who left the company are no longer shown
    const people = f.people.filter((p) => r.userIds.includes(p.member.userId)).map((p) => ({
      userId: p.member.userId, name: p.member.name, kind: kindOf(p.member), gaps: gapsOf({ levels: p.plain, awareness: p.awareness.state }, r.needs),
    }));
    const flagged = people.filter((p) => p.gaps.length > 0).length;
    return {
      id: r.id, subject: r.subject, planItemId: r.planItemId, machineId: r.machineId, softwareName: r.softwareName, title, goLiveOn: r.goLiveOn,
      ...urgencyOf(flagged, r.goLiveOn, today), needs: r.needs, note: r.note, people, flagged,
    };
  });
}

function personOf(p: Facts['people'][number], requirements: readonly Requirement[]): SkillPerson {
  return {
    userId: p.member.userId, name: p.member.name, kind: kindOf(p.member), levels: p.levelMap, awareness: p.awareness,
    flagged: requirements.filter((r) => r.people.some((x) => x.userId === p.member.userId && x.gaps.length > 0)).length,
  };
}

export async function getMatrix(ctx: SkillsContext): Promise<SkillsMatrix> {
  const today = todayOf(ctx);
  const f = await facts(ctx.db, ctx.tenant.tenantId, today);
  const requirements = requirementsOf(f, await titles(ctx.db, ctx.tenant.tenantId), today);
  const counts: Record<Urgency, number> = { ready: 0, planned: 0, soon: 0, overdue: 0 };
  for (const r of requirements) counts[r.urgency] += 1;
  return { today, people: f.people.map((p) => personOf(p, requirements)), summary: summarise(f.people.map((p) => ({ levels: p.plain }))), requirements: counts };
}

const trainingOf = (t: store.TrainingRow, today: string): Training => ({
  id: t.id, personId: t.userId, title: t.title, competences: t.competences, completedOn: t.completedOn, provider: t.provider, expiresOn: t.expiresOn,
  expired: t.expiresOn !== null && t.expiresOn < today,
});

export async function getPerson(ctx: SkillsContext, userId: string): Promise<PersonRecord> {
  const today = todayOf(ctx);
  const f = await facts(ctx.db, ctx.tenant.tenantId, today);
  const p = f.people.find((x) => x.member.userId === userId);
  if (!p) throw notFound('person');
  const requirements = requirementsOf(f, await titles(ctx.db, ctx.tenant.tenantId), today);
  return {
    ...personOf(p, requirements),
    today,
    trainings: p.trainings.map((t) => trainingOf(t, today)),
    requirements: requirements
      .filter((r) => r.people.some((x) => x.userId === userId))
      .map((r) => ({ id: r.id, subject: r.subject, title: r.title, goLiveOn: r.goLiveOn, days: r.days, urgency: r.urgency, gaps: r.people.find((x) => x.userId === userId)!.gaps })),
  };
}

async function memberOf(db: Db, tenantId: string, userId: string, path: string): Promise<CompanyMember> {
  const [member] = await companyMembers(db, tenantId, { userIds: [userId] });
  if (!member) throw fieldProblem(400, 'privacy_unknown_person', path, 'must be a person of the company');
  return member;
}

export async function setLevels(ctx: SkillsContext, userId: string, body: LevelsBody): Promise<PersonRecord> {
  const { tenantId } = ctx.tenant;
  const [member] = await companyMembers(ctx.db, tenantId, { userIds: [userId] });
  if (!member) throw notFound('person');
  await inTransaction(ctx.db, async (trx) => {
    const before = new Map((await store.listLevels(trx, tenantId, userId)).map((l) => [l.competence, l.level]));
    const changed: string[] = [];
    for (const c of COMPETENCES) {
      if (!(c in body.levels)) continue;
      const level = body.levels[c];
      if (level === null || level === undefined) {
        if (before.has(c)) { await store.removeLevel(trx, tenantId, userId, c); changed.push(c); }
      } else if (before.get(c) !== level) {
        await store.setLevel(trx, tenantId, userId, c, level, ctx.tenant.userId);
        changed.push(c);
      }
    }
    if (changed.length > 0) {
      await audit(ctx, trx, 'skill_levels_set', userId, { person: member.name, competences: changed, levels: Object.fromEntries(changed.map((c) => [c, body.levels[c as Competence] ?? null])) });
    }
  });
  return getPerson(ctx, userId);
}

function checkTraining(body: TrainingBody, today: string) {
  if (body.completedOn > today) throw fieldProblem(400, 'privacy_training_in_future', 'body.completedOn', 'must not be in the future');
  if (body.expiresOn !== null && body.expiresOn < body.completedOn) throw fieldProblem(400, 'privacy_expiry_before_training', 'body.expiresOn', 'must not be before the day of the training');
}

const trainingColumns = (body: TrainingBody): store.TrainingColumns => ({
  userId: body.personId, title: body.title, competences: body.competences, completedOn: body.completedOn, provider: body.provider, expiresOn: body.expiresOn,
});

export async function recordTraining(ctx: SkillsContext, body: TrainingBody): Promise<Training> {
  const today = todayOf(ctx);
  checkTraining(body, today);
  const { tenantId } = ctx.tenant;
  const member = await memberOf(ctx.db, tenantId, body.personId, 'body.personId');
  const id = uuidv7();
  return inTransaction(ctx.db, async (trx) => {
    await store.insertTraining(trx, tenantId, id, ctx.tenant.userId, trainingColumns(body));
    await audit(ctx, trx, 'training_recorded', id, { person: member.name, title: body.title, completedOn: body.completedOn });
    return trainingOf((await store.findTraining(trx, tenantId, id))!, today);
  });
}

export async function updateTraining(ctx: SkillsContext, id: string, body: TrainingBody): Promise<Training> {
  const today = todayOf(ctx);
  const { tenantId } = ctx.tenant;
  if (!(await store.findTraining(ctx.db, tenantId, id))) throw notFound('training');
  checkTraining(body, today);
  const member = await memberOf(ctx.db, tenantId, body.personId, 'body.personId');
  return inTransaction(ctx.db, async (trx) => {
    await store.updateTraining(trx, tenantId, id, trainingColumns(body));
    await audit(ctx, trx, 'training_changed', id, { person: member.name, title: body.title });
    return trainingOf((await store.findTraining(trx, tenantId, id))!, today);
  });
}

export async function removeTraining(ctx: SkillsContext, id: string): Promise<void> {
  const { tenantId } = ctx.tenant;
  const training = await store.findTraining(ctx.db, tenantId, id);
  if (!training) throw notFound('training');
  const names = await personNames(ctx.db, [training.userId]);
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteTraining(trx, tenantId, id);
    await audit(ctx, trx, 'training_removed', id, { person: names.get(training.userId) ?? '–', title: training.title });
  });
}

// ------------------------------------------------------------------ requirements

export async function listRequirements(ctx: SkillsContext): Promise<RequirementsView> {
  const today = todayOf(ctx);
  const { tenantId } = ctx.tenant;
  const f = await facts(ctx.db, tenantId, today);
  const t = await titles(ctx.db, tenantId);
  return {
    today,
    requirements: requirementsOf(f, t, today),
    options: {
      measures: t.measures.filter((m) => m.status !== 'dropped').map((m) => ({ id: m.id, title: m.title })),
      machines: t.machines,
      people: f.people.map((p) => ({ userId: p.member.userId, name: p.member.name, kind: kindOf(p.member) })),
    },
  };
}

async function requirementColumns(ctx: SkillsContext, body: RequirementBody, today: string, isNew: boolean): Promise<store.RequirementColumns> {
  const { tenantId } = ctx.tenant;
  const { db } = ctx;
  // an id for another kind of subject is a mistake of the caller, not something to drop silently
  if (body.subject !== 'measure' && body.planItemId !== null) throw fieldProblem(400, 'privacy_subject_mismatch', 'body.planItemId', 'only for a measure');
  if (body.subject !== 'machine' && body.machineId !== null) throw fieldProblem(400, 'privacy_subject_mismatch', 'body.machineId', 'only for a machine');
  if (body.subject === 'measure') {
    if (body.planItemId === null || !(await planItemTitles(db, tenantId)).some((m) => m.id === body.planItemId)) {
      throw fieldProblem(400, 'privacy_unknown_measure', 'body.planItemId', 'must be a measure of the plan');
    }
  } else if (body.subject === 'machine') {
    if (body.machineId === null || !(await machineNames(db, tenantId)).some((m) => m.id === body.machineId)) {
      throw fieldProblem(400, 'privacy_unknown_machine', 'body.machineId', 'must be a machine of the company');
    }
  } else if (body.softwareName === null) {
    throw fieldProblem(400, 'privacy_software_name_missing', 'body.softwareName', 'must name the software');
  }
  const members = new Set((await companyMembers(db, tenantId, { userIds: body.personIds })).map((m) => m.userId));
  const unknown = body.personIds.findIndex((id) => !members.has(id));
  if (unknown >= 0) throw fieldProblem(400, 'privacy_unknown_person', `body.personIds.${unknown}`, 'must be a person of the company');
  if (isNew && body.goLiveOn < today && !body.confirmPastGoLive) {
    throw fieldProblem(400, 'privacy_go_live_in_past', 'body.goLiveOn', 'is in the past; send confirmPastGoLive: true if it really went live then', { date: body.goLiveOn });
  }
  return {
    subject: body.subject,
    planItemId: body.subject === 'measure' ? body.planItemId : null,
    machineId: body.subject === 'machine' ? body.machineId : null,
    softwareName: body.subject === 'software' ? body.softwareName : null,
    goLiveOn: body.goLiveOn,
    needs: body.needs,
    note: body.note,
    userIds: [...new Set(body.personIds)],
  };
}

async function oneRequirement(ctx: SkillsContext, id: string): Promise<Requirement> {
  const found = (await listRequirements(ctx)).requirements.find((r) => r.id === id);
  if (!found) throw notFound('requirement');
  return found;
}

/** The name in both languages, so the audit sentence reads a catalogue measure in the reader's language. */
const auditName = (r: Requirement) => r.title ?? '–';

export async function addRequirement(ctx: SkillsContext, body: RequirementBody): Promise<Requirement> {
  const columns = await requirementColumns(ctx, body, todayOf(ctx), true);
  const id = uuidv7();
  return inTransaction(ctx.db, async (trx) => {
    await store.insertRequirement(trx, ctx.tenant.tenantId, id, ctx.tenant.userId, columns);
    const created = await oneRequirement({ ...ctx, db: trx }, id);
    await audit(ctx, trx, 'skill_requirement_added', id, { name: auditName(created), goLiveOn: body.goLiveOn, flagged: created.flagged });
    return created;
  });
}

export async function updateRequirement(ctx: SkillsContext, id: string, body: RequirementBody): Promise<Requirement> {
  const before = await store.findRequirement(ctx.db, ctx.tenant.tenantId, id);
  if (!before) throw notFound('requirement');
  // moving the go-live into the past is questioned too; keeping a past one is not
  const columns = await requirementColumns(ctx, body, todayOf(ctx), body.goLiveOn !== before.goLiveOn);
  return inTransaction(ctx.db, async (trx) => {
    await store.updateRequirement(trx, ctx.tenant.tenantId, id, columns);
    const changed = await oneRequirement({ ...ctx, db: trx }, id);
    await audit(ctx, trx, 'skill_requirement_changed', id, { name: auditName(changed), goLiveOn: body.goLiveOn, flagged: changed.flagged });
    return changed;
  });
}

export async function removeRequirement(ctx: SkillsContext, id: string): Promise<void> {
  const found = await oneRequirement(ctx, id);
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteRequirement(trx, ctx.tenant.tenantId, id);
    await audit(ctx, trx, 'skill_requirement_removed', id, { name: auditName(found) });
  });
}

// ------------------------------------------------------------------ for the notification centre

/** Requirements with people not ready within the reminder window or past go-live, and the awareness duties due. */
export async function skillAlerts(db: Db, tenantId: string, now: number) {
  const today = dayIn(FIRM_TIME_ZONE, now);
  const f = await facts(db, tenantId, today);
  const requirements = requirementsOf(f, await titles(db, tenantId), today).filter((r) => r.urgency === 'soon' || r.urgency === 'overdue');
  // the yearly duty is reminded of once the firm keeps training records; until then a new company is not nagged
  const tracked = f.people.some((p) => p.trainings.length > 0);
  const awareness = tracked ? f.people.map((p) => ({ name: p.member.name, duty: p.awareness })).filter((p) => p.duty.state !== 'current') : [];
  return { today, requirements, awareness };
}
