import { sql } from 'kysely';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import { companyMembers, personNames } from '../../kernel/tenancy/members.js';
import type { Role } from '../../kernel/tenancy/roles.js';
import {
  type Bilingual, type ConceptInput, type ConceptSectionKey, type StoredSection, editSection, generateConcept, isOutdated, regenerate, reviewDate,
} from './domain/security-concept.js';
import { scoreSecurityCheck } from './domain/security-score.js';
import type { SecurityContext } from './security-check.service.js';
import * as store from './security.store.js';

const ROLE_NAMES: Record<Role, Bilingual> = {
  owner: { de: 'Inhaber/in', en: 'Owner' },
  admin: { de: 'Verwaltung (Admin)', en: 'Administrator' },
  member: { de: 'Mitarbeiter/in', en: 'Member' },
  shopfloor: { de: 'Werkstatt (Terminal)', en: 'Shop floor (terminal)' },
  viewer: { de: 'Nur lesen', en: 'Viewer' },
  advisor: { de: 'Berater/in', en: 'Advisor' },
};
const ROLE_ORDER: Role[] = ['owner', 'admin', 'member', 'advisor', 'viewer', 'shopfloor'];

/** What Werkverbund knows of the firm, for the concept: answers, people with roles, what each role may do, personal data held. */
async function conceptInput(ctx: SecurityContext, db: Db): Promise<ConceptInput> {
  const tenantId = ctx.tenant.tenantId;
  const [company, members, answers, states] = await Promise.all([
    getCompany(db, tenantId), companyMembers(db, tenantId), store.listAnswers(db, tenantId), ctx.registry.states(db, tenantId),
  ]);
  const enabled = new Set(states.filter((s) => s.enabled).map((s) => s.id));
  const modules = ctx.registry.modules.filter((m) => enabled.has(m.id));
  const roles = ROLE_ORDER.filter((role) => members.some((m) => m.role === role)).map((role) => ({
    role: ROLE_NAMES[role],
    members: members.filter((m) => m.role === role).length,
    may: role === 'owner'
      ? [{ de: 'alle Rechte in allen eingeschalteten Modulen, auch Mitglieder, Rollen und Module verwalten', en: 'every right in every switched-on module, including managing members, roles and modules' }]
      : modules.flatMap((m) => m.permissions.filter((p) => ctx.registry.roleHas(role, p.id)).map((p) => ({ de: `${m.name.de}: ${p.description.de}`, en: `${m.name.en}: ${p.description.en}` }))),
  }));
  return {
    company: company?.name ?? '',
    answers: Object.fromEntries(answers.map((a) => [a.requirementId, { answer: a.answer, note: a.note }])),
    members: members.map((m) => ({ name: m.name, role: ROLE_NAMES[m.role] })),
    roles,
    personalData: modules.flatMap((m) => m.personalData.map((p) => ({ module: m.name, category: p.category }))),
    gaps: scoreSecurityCheck(Object.fromEntries(answers.map((a) => [a.requirementId, a.answer]))).gaps,
  };
}

const sectionView = (s: StoredSection) => ({ key: s.key, generated: s.generated, edited: s.edited, outdated: isOutdated(s) });

async function view(db: Db, tenantId: string) {
  const versions = await store.listConcepts(db, tenantId);
  const draft = versions.find((v) => v.adoptedAt === null) ?? null;
  const current = versions.find((v) => v.adoptedAt !== null) ?? null;
  const [members, acks] = await Promise.all([companyMembers(db, tenantId), current ? store.acknowledgements(db, tenantId, current.version) : new Map<string, Date>()]);
  const names = await personNames(db, versions.map((v) => v.adoptedBy));
  const today = new Date().toISOString().slice(0, 10);
  return {
    current: current && {
      version: current.version,
      adoptedAt: current.adoptedAt!.toISOString(),
      adoptedBy: current.adoptedBy ? (names.get(current.adoptedBy) ?? null) : null,
      reviewDue: current.reviewDue!,
      reviewOverdue: current.reviewDue! <= today,
      sections: current.sections.map(sectionView),
    },
    draft: draft && { version: draft.version, updatedAt: draft.updatedAt.toISOString(), sections: draft.sections.map(sectionView) },
    acknowledgements: current
      ? members.map((m) => ({ userId: m.userId, name: m.name, role: m.role, acknowledgedAt: acks.get(m.userId)?.toISOString() ?? null }))
      : [],
    versions: versions.filter((v) => v.adoptedAt).map((v) => ({ version: v.version, adoptedAt: v.adoptedAt!.toISOString(), reviewDue: v.reviewDue! })),
  };
}
export type ConceptView = Awaited<ReturnType<typeof view>>;

const audit = (ctx: SecurityContext, db: Db, action: string, details: Record<string, unknown>) =>
  writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `privacy.${action}`, details });
const lock = (db: Db, tenantId: string) => sql`select pg_advisory_xact_lock(hashtext(${`privacy-concept:${tenantId}`}))`.execute(db);

export const getConcept = (ctx: SecurityContext) => view(ctx.db, ctx.tenant.tenantId);

/**
 * (Re)generates the draft from the answers and the firm's data. The firm's edits stay — from the
 * draft, or from the adopted version when a new draft begins; `changes` says which sections changed.
 */
export async function generateDraft(ctx: SecurityContext) {
  return inTransaction(ctx.db, async (trx) => {
    const tenantId = ctx.tenant.tenantId;
    await lock(trx, tenantId);
    const versions = await store.listConcepts(trx, tenantId);
    const draft = versions.find((v) => v.adoptedAt === null);
    const base = draft ?? versions[0];
    const { sections, updated, outdated } = regenerate(base?.sections ?? [], generateConcept(await conceptInput(ctx, trx)));
    const version = draft?.version ?? (versions[0]?.version ?? 0) + 1;
    if (draft) await store.updateDraft(trx, tenantId, version, sections);
    else await store.insertConcept(trx, tenantId, version, sections);
    await audit(ctx, trx, 'security_concept_generated', { version, updated, outdated });
    return { ...(await view(trx, tenantId)), changes: { updated, outdated } };
  });
}

async function requireDraft(db: Db, tenantId: string) {
  const draft = (await store.listConcepts(db, tenantId)).find((v) => v.adoptedAt === null);
  if (!draft) throw new ProblemError(409, 'privacy_security_no_draft');
  return draft;
}

/** The firm's own text of a draft section; null takes the generated text again. Writing the text again confirms it after a regeneration. */
export async function editDraftSection(ctx: SecurityContext, key: ConceptSectionKey, text: string | null): Promise<ConceptView> {
  return inTransaction(ctx.db, async (trx) => {
    await lock(trx, ctx.tenant.tenantId);
    const draft = await requireDraft(trx, ctx.tenant.tenantId);
    await store.updateDraft(trx, ctx.tenant.tenantId, draft.version, editSection(draft.sections, key, text));
    await audit(ctx, trx, 'security_concept_edited', { version: draft.version, section: key, reverted: text === null });
    return view(trx, ctx.tenant.tenantId);
  });
}

/** Adopts the draft: review due one year later; everyone must acknowledge the new version. */
export async function adoptDraft(ctx: SecurityContext, now = new Date()): Promise<ConceptView> {
  return inTransaction(ctx.db, async (trx) => {
    await lock(trx, ctx.tenant.tenantId);
    const draft = await requireDraft(trx, ctx.tenant.tenantId);
    const outdated = draft.sections.filter(isOutdated).map((s) => s.key);
    if (outdated.length > 0) throw new ProblemError(409, 'privacy_security_sections_outdated', { count: outdated.length }, { sections: outdated });
    const reviewDue = reviewDate(now.toISOString().slice(0, 10));
    await store.adopt(trx, ctx.tenant.tenantId, draft.version, ctx.tenant.userId, now, reviewDue);
    await audit(ctx, trx, 'security_concept_adopted', { version: draft.version, reviewDue });
    return view(trx, ctx.tenant.tenantId);
  });
}

/** The adopted concept as any member reads it, with whether they have acknowledged it. */
export async function myConcept(ctx: SecurityContext) {
  const current = (await store.listConcepts(ctx.db, ctx.tenant.tenantId)).find((v) => v.adoptedAt !== null);
  if (!current) return { current: null };
  const acks = await store.acknowledgements(ctx.db, ctx.tenant.tenantId, current.version);
  return {
    current: {
      version: current.version,
      adoptedAt: current.adoptedAt!.toISOString(),
      reviewDue: current.reviewDue!,
      sections: current.sections.map((s) => ({ key: s.key, text: s.edited === null ? s.generated : { de: s.edited, en: s.edited } })),
      acknowledgedAt: acks.get(ctx.tenant.userId)?.toISOString() ?? null,
    },
  };
}
export type MyConceptView = Awaited<ReturnType<typeof myConcept>>;

/** The caller confirms knowing the adopted version; once per version. */
export async function acknowledgeConcept(ctx: SecurityContext): Promise<MyConceptView> {
  await inTransaction(ctx.db, async (trx) => {
    const current = (await store.listConcepts(trx, ctx.tenant.tenantId)).find((v) => v.adoptedAt !== null);
    if (!current) throw new ProblemError(409, 'privacy_security_no_concept');
    if (await store.acknowledge(trx, ctx.tenant.tenantId, current.version, ctx.tenant.userId)) {
      await audit(ctx, trx, 'security_concept_acknowledged', { version: current.version });
    }
  });
  return myConcept(ctx);
}
