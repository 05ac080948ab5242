import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError } from '../../kernel/http/problem.js';
import type { ModuleRegistry } from '../../kernel/modules/module-registry.js';
import { personNames } from '../../kernel/tenancy/members.js';
import { SECURITY_REQUIREMENTS, requirementsById } from './domain/security-catalogue.js';
import { type SecurityAnswer, scoreSecurityCheck } from './domain/security-score.js';
import * as store from './security.store.js';

const ANSWER_WORDS = {
  met: { de: 'erfüllt', en: 'met' },
  partly: { de: 'teilweise erfüllt', en: 'partly met' },
  not_met: { de: 'nicht erfüllt', en: 'not met' },
  not_applicable: { de: 'trifft nicht zu', en: 'does not apply' },
  open: { de: 'offen', en: 'open' },
} as const;

export interface SecurityContext {
  db: Db;
  tenant: TenantContext;
  registry: ModuleRegistry;
}

export async function answersOf(db: Db, tenantId: string) {
  const rows = await store.listAnswers(db, tenantId);
  return { rows, byId: Object.fromEntries(rows.map((r) => [r.requirementId, r.answer])) as Record<string, SecurityAnswer> };
}

async function view(db: Db, tenantId: string) {
  const { rows, byId } = await answersOf(db, tenantId);
  const names = await personNames(db, rows.map((r) => r.answeredBy));
  return {
    requirements: SECURITY_REQUIREMENTS.map((q) => ({ id: q.id, area: q.area, top: q.top, question: q.question, notApplicableWhen: q.notApplicableWhen ?? null, measure: q.measure })),
    answers: Object.fromEntries(rows.map((r) => [r.requirementId, { answer: r.answer, note: r.note, answeredAt: r.answeredAt.toISOString(), answeredBy: r.answeredBy ? (names.get(r.answeredBy) ?? null) : null }])),
    status: scoreSecurityCheck(byId),
  };
}
export type SecurityCheckView = Awaited<ReturnType<typeof view>>;

export const getCheck = (ctx: SecurityContext) => view(ctx.db, ctx.tenant.tenantId);

/** Answers one requirement (null: takes the answer back, so it is open again). */
export async function answer(ctx: SecurityContext, requirementId: string, body: { answer: SecurityAnswer | null; note: string | null }): Promise<SecurityCheckView> {
  const req = requirementsById.get(requirementId)!;
  if (body.answer === 'not_applicable' && !req.notApplicableWhen) {
    throw new ProblemError(400, 'privacy_security_applies_always', {}, { errors: [{ path: 'body.answer', message: 'this requirement applies to every firm' }] });
  }
  return inTransaction(ctx.db, async (trx) => {
    if (body.answer === null) await store.deleteAnswer(trx, ctx.tenant.tenantId, requirementId);
    else await store.saveAnswer(trx, ctx.tenant.tenantId, requirementId, { answer: body.answer, note: body.note, answeredBy: ctx.tenant.userId });
    await writeAudit(trx, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'privacy.security_answered', details: { requirement: req.question, answer: ANSWER_WORDS[body.answer ?? 'open'] } });
    return view(trx, ctx.tenant.tenantId);
  });
}

/**
 * The check's gaps as measures the roadmap may suggest (roadmap door `provideMeasureSuggestions`):
 * one per requirement answered "not met" or "partly", TOP first.
 */
export async function securityGapSuggestions(db: Db, tenantId: string) {
  const { byId } = await answersOf(db, tenantId);
  return scoreSecurityCheck(byId).gaps.map((g) => {
    const q = requirementsById.get(g.id)!;
    const how = g.answer === 'partly' ? { de: '„teilweise erfüllt“', en: '"partly met"' } : { de: '„nicht erfüllt“', en: '"not met"' };
    return {
      key: g.id,
      title: q.measure.title,
      description: q.measure.description,
      reason: {
        de: `Im IT-Sicherheits-Check als ${how.de} beantwortet: ${q.question.de}${g.top ? ' (TOP-Anforderung, zählt dreifach)' : ''}`,
        en: `Answered ${how.en} in the IT security check: ${q.question.en}${g.top ? ' (TOP requirement, counts three times)' : ''}`,
      },
      effort: q.measure.effort,
      top: g.top,
    };
  });
}
