import { translate } from '../i18n/server-messages.js';
import type { SearchProvider } from './search-provider.js';
import { textMatch } from './text-match.js';

/**
 * People of the company (members, advisors, terminal workers) by name, e-mail address or personnel
 * number; only for those who manage members (the members page is where a hit leads).
 */
export const peopleSearch: SearchProvider = {
  permission: 'members.manage',
  kinds: { person: { de: 'Personen', en: 'People' } },
  async find(db, { tenantId, query, limit, locale }) {
    const match = textMatch(query, ['u.name', 'u.email', 'm.personnel_number']);
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.personnel_number'])
      .where('m.tenant_id', '=', tenantId)
      .where(match.where)
      .orderBy(match.rank)
      .orderBy('u.name')
      .limit(limit)
      .execute();
    return rows.map((r) => {
      const role = translate(locale, `roles.${r.role}`);
      const contact = r.email ?? (r.personnel_number ? translate(locale, 'search.personnelNumber', { number: r.personnel_number }) : null);
      return {
        kind: 'person',
        id: r.id,
        title: r.name,
        subtitle: contact ? `${role} · ${contact}` : role,
        path: '/members',
        matched: [r.name, r.email ?? '', r.personnel_number ?? ''],
      };
    });
  },
};
