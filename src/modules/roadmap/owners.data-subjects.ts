import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { DataSubjectProvider, ErasureOutcome } from '../../kernel/modules/data-subjects.js';
import { textMatch } from '../../kernel/search/text-match.js';
import { membersMatching } from '../../kernel/tenancy/member-data-subjects.js';

const count = (n: unknown) => Number(n ?? 0);
const KIND = { de: 'Verantwortliche Person für Maßnahmen', en: 'Person responsible for measures' };

/** `user:<id>` for a member named as owner, `text:<name>` for a name typed in. */
function ownedBy(db: Db, tenantId: string, ref: string) {
  const q = db.selectFrom('roadmap_plan_items').where('tenant_id', '=', tenantId);
  return ref.startsWith('user:') ? q.where('owner_user_id', '=', ref.slice(5)) : q.where(sql<boolean>`lower(owner_text) = lower(${ref.slice(5)})`);
}

/**
 * People responsible for Roadmap measures, as a member or as a name typed in. Erasing one clears
 * the responsibility; the measure stays (it is the company's plan, not the person's).
 */
export const ownerDataSubjects: DataSubjectProvider = {
  async find(db, tenantId, query) {
    const match = textMatch(query, ['owner_text']);
    const named = await db
      .selectFrom('roadmap_plan_items')
      .select(['owner_text', (eb) => eb.fn.countAll<string>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('owner_text', 'is not', null)
      .where(match.where)
      .groupBy('owner_text')
      .limit(50)
      .execute();
    const members = await membersMatching(db, tenantId, query);
    const owning = members.length === 0 ? [] : await db
      .selectFrom('roadmap_plan_items')
      .select(['owner_user_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('owner_user_id', 'in', members.map((m) => m.userId))
      .groupBy('owner_user_id')
      .execute();
    const context = (n: number) => ({ de: `${n} Maßnahme(n)`, en: `${n} measure(s)` });
    return [
      ...owning.map((o) => {
        const m = members.find((x) => x.userId === o.owner_user_id)!;
        return { ref: `user:${m.userId}`, kind: KIND, name: m.name, email: m.email, phone: null, context: context(count(o.n)) };
      }),
      ...named.map((r) => ({ ref: `text:${r.owner_text}`, kind: KIND, name: r.owner_text!, email: null, phone: null, context: context(count(r.n)) })),
    ];
  },

  async export(db, tenantId, ref) {
    const rows = await ownedBy(db, tenantId, ref).select(['title', 'status', 'start_quarter', 'end_quarter', 'owner_text']).orderBy('accepted_at').execute();
    if (rows.length === 0) return [];
    return [{
      title: { de: 'Verantwortung für Maßnahmen der Roadmap', en: 'Responsibility for Roadmap measures' },
      labels: { measure: { de: 'Maßnahme', en: 'Measure' }, status: { de: 'Stand', en: 'State' }, from: { de: 'Von', en: 'From' }, to: { de: 'Bis', en: 'To' }, ownerAsTyped: { de: 'Name wie eingetragen', en: 'Name as entered' } },
      records: rows.map((r) => ({ measure: r.title, status: r.status, from: r.start_quarter, to: r.end_quarter, ownerAsTyped: r.owner_text })),
    }];
  },

  async erase(db, ctx, ref) {
    let q = db.updateTable('roadmap_plan_items').where('tenant_id', '=', ctx.tenantId);
    q = ref.startsWith('user:') ? q.set({ owner_user_id: null }).where('owner_user_id', '=', ref.slice(5)) : q.set({ owner_text: null }).where(sql<boolean>`lower(owner_text) = lower(${ref.slice(5)})`);
    const changed = count((await q.executeTakeFirst()).numUpdatedRows);
    const outcome: ErasureOutcome = { erased: [], kept: [] };
    if (changed > 0) {
      outcome.erased.push({ what: { de: 'Eintrag als verantwortliche Person', en: 'Entry as the person responsible' }, count: changed });
      outcome.kept.push({ what: { de: 'Die Maßnahmen selbst (ohne verantwortliche Person)', en: 'The measures themselves (without a person responsible)' }, count: changed, reason: { de: 'Sie sind der Plan des Unternehmens und sagen nichts über die Person.', en: 'They are the company’s plan and say nothing about the person.' } });
    }
    return outcome;
  },
};
