import { sql } from 'kysely';
import { translate } from '../../kernel/i18n/server-messages.js';
import type { SearchHit, SearchProvider } from '../../kernel/search/search-provider.js';
import { containsFoldedSql, textMatch } from '../../kernel/search/text-match.js';

/**
 * Customers (name, number, city, former numbers) and their contacts (name, e-mail) for the global
 * search; merged customers and erased contacts are left out. One company's rows through the
 * primary key's `tenant_id`, ILIKE-filtered.
 */
export const customersSearch: SearchProvider = {
  permission: 'customers.read',
  kinds: {
    customer: { de: 'Kunden', en: 'Customers' },
    contact: { de: 'Ansprechpartner', en: 'Contacts' },
  },
  async find(db, { tenantId, query, limit, locale }) {
    const customerMatch = textMatch(query, ['number', 'name', 'city']);
    const lowered = query.toLowerCase();
    const customers = await db
      .selectFrom('customers')
      .select(['id', 'number', 'name', 'city'])
      .where('tenant_id', '=', tenantId)
      .where('merged_into', 'is', null)
      .where((eb) => eb.or([customerMatch.where, eb(sql<boolean>`${lowered} = any (select lower(alias) from unnest(aliases) as alias)`, '=', true)]))
      .orderBy(customerMatch.rank)
      .orderBy('name')
      .limit(limit)
      .execute();
    const fullName = sql<string>`trim(coalesce(c.first_name || ' ', '') || c.last_name)`;
    const contactMatch = textMatch(query, ['c.last_name', 'c.first_name', 'c.email']);
    const contacts = await db
      .selectFrom('customer_contacts as c')
      .innerJoin('customers as k', (j) => j.onRef('k.tenant_id', '=', 'c.tenant_id').onRef('k.id', '=', 'c.customer_id'))
      .select(['c.id', 'c.email', 'c.role', 'k.id as customer_id', 'k.name as customer_name', fullName.as('full_name')])
      .where('c.tenant_id', '=', tenantId)
      .where('c.erased_at', 'is', null)
      .where((eb) => eb.or([contactMatch.where, containsFoldedSql(fullName, query)]))
      .orderBy(contactMatch.rank)
      .orderBy('c.last_name')
      .limit(limit)
      .execute();
    return [
      ...customers.map((c): SearchHit => ({
        kind: 'customer', id: c.id, title: c.name, subtitle: [c.number, c.city ?? ''].filter(Boolean).join(' · '), path: `/customers/${c.id}`, matched: [c.number, c.name],
      })),
      ...contacts.map((c): SearchHit => ({
        kind: 'contact', id: c.id, title: c.full_name,
        subtitle: [translate(locale, 'customersSearch.contactAt', { customer: c.customer_name }), c.role ?? ''].filter(Boolean).join(' · '),
        path: `/customers/${c.customer_id}`, matched: [c.full_name, c.email ?? ''],
      })),
    ];
  },
};
