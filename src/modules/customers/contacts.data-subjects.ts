import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { DataSubjectProvider, DataSubjectSection, ErasureOutcome } from '../../kernel/modules/data-subjects.js';
import { textMatch } from '../../kernel/search/text-match.js';
import { consentHistory } from './contacts.store.js';
import { eraseContact } from './domain/erasure.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const count = (n: unknown) => Number(n ?? 0);

async function contactRow(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('customer_contacts as c')
    .innerJoin('customers as k', (j) => j.onRef('k.tenant_id', '=', 'c.tenant_id').onRef('k.id', '=', 'c.customer_id'))
    .select(['c.id', 'c.customer_id', 'c.salutation', 'c.first_name', 'c.last_name', 'c.role', 'c.email', 'c.phone', 'c.erased_at', 'c.created_at', 'k.name as customer_name'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/**
 * Contacts at customers. Erasing one anonymises it by the rules of `domain/erasure.ts`: the person
 * goes; orders, quotes and delivery notes naming the company stay (HGB §257, AO §147), and so do the
 * consent declarations as proof (Art. 7 (1) GDPR).
 */
export const contactDataSubjects: DataSubjectProvider = {
  async find(db, tenantId, query) {
    const match = textMatch(query, ['c.first_name', 'c.last_name', 'c.email', 'c.phone', 'full_name']);
    const rows = await db
      .selectFrom((eb) =>
        eb.selectFrom('customer_contacts').selectAll().select(sql<string>`trim(coalesce(first_name, '') || ' ' || last_name)`.as('full_name')).where('tenant_id', '=', tenantId).where('erased_at', 'is', null).as('c'),
      )
      .innerJoin('customers as k', (j) => j.onRef('k.tenant_id', '=', 'c.tenant_id').onRef('k.id', '=', 'c.customer_id'))
      .select(['c.id', 'c.full_name', 'c.email', 'c.phone', 'k.name as customer_name'])
      .where(match.where)
      .orderBy(match.rank)
      .orderBy('c.last_name')
      .limit(50)
      .execute();
    return rows.map((r) => ({
      ref: r.id,
      kind: { de: 'Ansprechpartner/in bei einem Kunden', en: 'Contact at a customer' },
      name: r.full_name,
      email: r.email,
      phone: r.phone,
      context: { de: r.customer_name, en: r.customer_name },
    }));
  },

  async export(db, tenantId, ref): Promise<DataSubjectSection[]> {
    const c = await contactRow(db, tenantId, ref);
    if (!c) return [];
    const interactions = await db
      .selectFrom('customer_interactions')
      .select(['kind', 'occurred_at', 'subject', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', ref)
      .orderBy('occurred_at')
      .execute();
    const consents = await consentHistory(db, tenantId, [ref]);
    const quotes = await db.selectFrom('customer_quotes').select(['number', 'subject', 'state']).where('tenant_id', '=', tenantId).where('contact_id', '=', ref).orderBy('number').execute();
    return [
      {
        title: { de: 'Ansprechpartner/in bei einem Kunden', en: 'Contact at a customer' },
        labels: {
          customer: { de: 'Kunde', en: 'Customer' }, salutation: { de: 'Anrede', en: 'Salutation' }, firstName: { de: 'Vorname', en: 'First name' },
          lastName: { de: 'Nachname', en: 'Last name' }, role: { de: 'Funktion', en: 'Role' }, email: { de: 'E-Mail', en: 'E-mail' },
          phone: { de: 'Telefon', en: 'Phone' }, recordedAt: { de: 'Erfasst am', en: 'Recorded on' }, erasedAt: { de: 'Gelöscht am', en: 'Erased on' },
        },
        records: [{
          customer: c.customer_name, salutation: c.salutation, firstName: c.first_name, lastName: c.last_name, role: c.role, email: c.email, phone: c.phone,
          recordedAt: iso(c.created_at), erasedAt: c.erased_at ? iso(c.erased_at) : null,
        }],
      },
      {
        title: { de: 'Kontaktverlauf mit der Person', en: 'Interactions with the person' },
        labels: { kind: { de: 'Art', en: 'Kind' }, occurredAt: { de: 'Zeitpunkt', en: 'Time' }, subject: { de: 'Betreff', en: 'Subject' }, body: { de: 'Notiz', en: 'Note' } },
        records: interactions.map((i) => ({ kind: i.kind, occurredAt: iso(i.occurred_at), subject: i.subject, body: i.body })),
      },
      {
        title: { de: 'Einwilligungen und Widerrufe', en: 'Consents and withdrawals' },
        labels: { channel: { de: 'Kanal', en: 'Channel' }, purpose: { de: 'Zweck', en: 'Purpose' }, kind: { de: 'Erklärung', en: 'Declaration' }, declaredAt: { de: 'Erklärt am', en: 'Declared on' }, source: { de: 'Quelle', en: 'Source' } },
        records: consents.map((e) => ({ channel: e.channel, purpose: e.purpose, kind: e.kind, declaredAt: new Date(e.at).toISOString(), source: e.source })),
      },
      {
        title: { de: 'Angebote an die Person', en: 'Quotes addressed to the person' },
        labels: { number: { de: 'Nummer', en: 'Number' }, subject: { de: 'Betreff', en: 'Subject' }, state: { de: 'Stand', en: 'State' } },
        records: quotes.map((q) => ({ number: q.number, subject: q.subject, state: q.state })),
      },
    ];
  },

  async erase(db, ctx, ref) {
    const c = await contactRow(db, ctx.tenantId, ref);
    if (!c) return { erased: [], kept: [] };
    const interactions = await db.selectFrom('customer_interactions').select(['id', 'customer_id', 'contact_id', 'kind', 'occurred_at', 'user_id', 'subject', 'body']).where('tenant_id', '=', ctx.tenantId).where('contact_id', '=', ref).execute();
    const consents = await consentHistory(db, ctx.tenantId, [ref]);
    const erasure = eraseContact(
      { id: c.id, customerId: c.customer_id, salutation: c.salutation, firstName: c.first_name ?? '', lastName: c.last_name, role: c.role ?? '', email: c.email, phone: c.phone, erasedAt: c.erased_at ? new Date(c.erased_at).getTime() : null },
      interactions.map((i) => ({ id: i.id, customerId: i.customer_id, contactIds: [i.contact_id!], kind: i.kind as 'note', occurredAt: new Date(i.occurred_at).getTime(), userId: i.user_id, subject: i.subject, body: i.body })),
      consents,
      ctx.now.getTime(),
    );
    const erased: ErasureOutcome['erased'] = [];
    if (c.erased_at === null) {
      const e = erasure.contact;
      await db.updateTable('customer_contacts')
        .set({ salutation: e.salutation, first_name: e.firstName, last_name: e.lastName, role: e.role, email: e.email, phone: e.phone, erased_at: new Date(e.erasedAt!), updated_at: ctx.now })
        .where('tenant_id', '=', ctx.tenantId).where('id', '=', ref).execute();
      erased.push({ what: { de: 'Ansprechpartner/in: Anrede, Name, Funktion, E-Mail, Telefon', en: 'Contact: salutation, name, role, e-mail, phone' }, count: 1 });
    }
    for (const i of erasure.interactions) {
      await db.updateTable('customer_interactions').set({ subject: i.subject, body: i.body }).where('tenant_id', '=', ctx.tenantId).where('id', '=', i.id).execute();
    }
    if (erasure.interactions.length > 0) erased.push({ what: { de: 'Betreff und Notiz im Kontaktverlauf (Art, Datum und Bearbeiter bleiben)', en: 'Subject and note of interactions (kind, date and member of staff stay)' }, count: erasure.interactions.length });

    const kept: ErasureOutcome['kept'] = [];
    const quotes = await db.selectFrom('customer_quotes').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', ctx.tenantId).where('contact_id', '=', ref).executeTakeFirstOrThrow();
    if (count(quotes.n) > 0) kept.push({ what: { de: 'Angebote an die Person (zeigen nun „Gelöschter Kontakt“)', en: 'Quotes addressed to the person (now showing “Erased contact”)' }, count: count(quotes.n), reason: { de: 'Handelsbriefe und Buchungsbelege: 6 bzw. 10 Jahre (HGB §257, AO §147)', en: 'Business letters and accounting records: 6 and 10 years (HGB §257, AO §147)' } });
    if (consents.length > 0) kept.push({ what: { de: 'Einwilligungen und Widerrufe (Kanal, Zweck, Zeitpunkt; ohne Nachweisdateien)', en: 'Consents and withdrawals (channel, purpose, time; without evidence files)' }, count: consents.length, reason: { de: 'Nachweis der Einwilligung und des Widerrufs (Art. 7 (1) DSGVO)', en: 'Proof of consent and of its withdrawal (GDPR Art. 7 (1))' } });
    return { erased, kept };
  },
};
