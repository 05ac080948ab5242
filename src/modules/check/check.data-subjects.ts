import type { DataSubjectProvider, ErasureOutcome } from '../../kernel/modules/data-subjects.js';
import { membersMatching } from '../../kernel/tenancy/member-data-subjects.js';

const count = (n: unknown) => Number(n ?? 0);

/**
 * Interview partners of the Digital-Check: each answers with a role. Erasing one deletes their own
 * answers; the combined answers and the result of a completed check stay — they are the company's
 * figures and do not say who answered what.
 */
export const checkDataSubjects: DataSubjectProvider = {
  async find(db, tenantId, query) {
    const members = await membersMatching(db, tenantId, query);
    if (members.length === 0) return [];
    const rows = await db
      .selectFrom('check_responses')
      .select(['user_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('user_id', 'in', members.map((m) => m.userId))
      .groupBy('user_id')
      .execute();
    const answered = new Map(rows.map((r) => [r.user_id, count(r.n)]));
    return members.filter((m) => answered.has(m.userId)).map((m) => ({
      ref: m.userId,
      kind: { de: 'Interviewpartner/in im Digital-Check', en: 'Interview partner in the Digital-Check' },
      name: m.name,
      email: m.email,
      phone: null,
      context: { de: `${answered.get(m.userId)} Check(s) beantwortet`, en: `answered ${answered.get(m.userId)} check(s)` },
    }));
  },

  async export(db, tenantId, ref) {
    const rows = await db
      .selectFrom('check_responses as r')
      .innerJoin('check_runs as c', (j) => j.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.id', '=', 'r.check_id'))
      .select(['c.created_at', 'c.status', 'c.questionnaire_version', 'r.role', 'r.answers', 'r.updated_at'])
      .where('r.tenant_id', '=', tenantId)
      .where('r.user_id', '=', ref)
      .orderBy('c.created_at')
      .execute();
    if (rows.length === 0) return [];
    return [{
      title: { de: 'Antworten im Digital-Check', en: 'Answers in the Digital-Check' },
      labels: { checkStarted: { de: 'Check begonnen', en: 'Check started' }, status: { de: 'Stand', en: 'State' }, questionnaire: { de: 'Fragebogen', en: 'Questionnaire' }, role: { de: 'Rolle', en: 'Role' }, answers: { de: 'Antworten', en: 'Answers' }, answeredAt: { de: 'Zuletzt geantwortet', en: 'Last answered' } },
      records: rows.map((r) => ({
        checkStarted: new Date(r.created_at).toISOString(), status: r.status, questionnaire: r.questionnaire_version, role: r.role,
        answers: typeof r.answers === 'string' ? r.answers : JSON.stringify(r.answers), answeredAt: new Date(r.updated_at).toISOString(),
      })),
    }];
  },

  async erase(db, ctx, ref) {
    const deleted = await db.deleteFrom('check_responses').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', ref).executeTakeFirst();
    const outcome: ErasureOutcome = { erased: [], kept: [] };
    if (count(deleted.numDeletedRows) > 0) outcome.erased.push({ what: { de: 'Eigene Antworten und Rolle im Digital-Check', en: 'Own answers and role in the Digital-Check' }, count: count(deleted.numDeletedRows) });
    return outcome;
  },
};
