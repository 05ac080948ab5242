import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { type WalkCompany, companyWithFixtures } from '../../kernel/testing/company-with-fixtures.js';
import { startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import type { FoundPerson, SubjectRequest } from './subject-requests.schemas.js';

/** Tables whose figures the erasure itself changes: the person's membership, the log, the request. */
const CHANGED_BY_ERASURE = new Set(['memberships', 'notification_reads', 'audit_log', 'privacy_subject_requests', 'privacy_subject_links']);

const letters = (min: number, max: number) => fc.stringMatching(new RegExp(`^[a-zäöüß]{${min},${max}}$`));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const person = fc.record({
  first: letters(4, 8).map(capital),
  last: letters(5, 10).map(capital),
  phone: fc.stringMatching(/^[1-9][0-9]{6,9}$/).map((d) => `+49 ${d.slice(0, 3)} ${d.slice(3)}`),
  n: fc.integer({ min: 1, max: 1_000_000 }),
});

/**
 * After an erasure no tenant table of the company holds the person's name, e-mail address or phone
 * number anywhere (every column, JSON included, the audit log too), and every figure that does not
 * depend on the person — row counts and the sums of every numeric column of every other table — is
 * as it was.
 */
describe.each(testDatabaseKinds())('erasure across all modules on the %s database', (kind) => {
  let instance: Instance;
  let a: WalkCompany;
  let tables: string[];
  let runs = 0;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    a = await companyWithFixtures(instance, 'Alpha GmbH', 'alice@alpha.example');
    tables = instance.ctx.registry.modules.flatMap((m) => m.tables);
  }, 300_000);
  afterAll(async () => instance?.close());

  async function numericColumns(table: string): Promise<string[]> {
    const r = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = ${table} and data_type in ('integer', 'bigint', 'smallint', 'numeric', 'real', 'double precision') order by column_name`.execute(instance.ctx.db);
    return r.rows.map((c) => c.column_name);
  }

  async function figures(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of tables.filter((t) => !CHANGED_BY_ERASURE.has(t))) {
      const sums = (await numericColumns(table)).map((c) => sql`coalesce(sum(${sql.ref(c)}), 0)::text`);
      const r = await sql<{ f: string }>`select concat_ws('|', count(*)::text${sums.length ? sql`, ${sql.join(sums)}` : sql``}) as f from ${sql.table(table)} where tenant_id = ${a.companyId}`.execute(instance.ctx.db);
      out[table] = r.rows[0]!.f;
    }
    return out;
  }

  async function tablesHolding(texts: string[]): Promise<string[]> {
    const wanted = texts.map((t) => t.toLowerCase());
    const found: string[] = [];
    for (const table of tables) {
      const r = await sql<{ r: string }>`select t::text as r from ${sql.table(table)} t where tenant_id = ${a.companyId}`.execute(instance.ctx.db);
      for (const row of r.rows) for (const w of wanted) if (row.r.toLowerCase().includes(w)) found.push(`${table}: ${w}`);
    }
    return [...new Set(found)];
  }

  it('leaves no trace of the person and every other figure as it was', async () => {
    const { client, companyId, ids } = a;
    const api = `/api/v1/companies/${companyId}`;
    await fc.assert(fc.asyncProperty(person, async ({ first, last, phone, n }) => {
      const name = `${first} ${last}`;
      const ascii = (s: string) => s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
      const email = `${ascii(first)}.${ascii(last)}.${n}@kunde.example`;
      // the person as a contact, in the interactions, the audit log (a worker account of the same
      // name), the Roadmap (responsible person as typed) and the alarm e-mail recipients
      const contact = await client.post(`${api}/customers/${ids.customerId}/contacts`, { salutation: 'Frau', firstName: first, lastName: last, role: 'Einkauf', email, phone });
      expect(contact.status, JSON.stringify(contact.body)).toBe(201);
      await client.post(`${api}/customers/${ids.customerId}/interactions`, { kind: 'call', contactId: contact.body.id, subject: `Anruf ${name}`, body: `Bitte an ${email} oder ${phone}` });
      const consent = await client.post(`${api}/contacts/${contact.body.id}/consent-events`, { channel: 'email', purpose: 'newsletter', kind: 'give', declaredAt: '2026-01-05T10:00:00+01:00', source: 'signed-form', evidence: { kind: 'signed-document', reference: 'Formular vom Messestand' } });
      expect(consent.status, JSON.stringify(consent.body)).toBe(201);
      const worker = await client.post(`${api}/workers`, { name, personnelNumber: `PN-${n}-${++runs}`, pin: '482913' });
      expect(worker.status, JSON.stringify(worker.body)).toBe(201);
      const item = await client.post(`${api}/roadmap/plan/items`, { title: `Schulung ${n}` });
      expect(item.status, JSON.stringify(item.body)).toBe(201);
      const owned = await client.patch(`${api}/roadmap/plan/items/${item.body.id}`, { ownerText: name });
      expect(owned.status, JSON.stringify(owned.body)).toBe(200);
      const settings = (await client.get(`${api}/machine-notification-settings`)).body;
      await client.put(`${api}/machine-notification-settings`, { severities: settings.severities, memberIds: settings.memberIds, addresses: [...settings.addresses, email] });

      const before = await figures();
      const request = (await client.post(`${api}/privacy/requests`, { kind: 'erasure', requesterName: name, requesterReach: `${email}, ${phone}`, receivedOn: new Date().toISOString().slice(0, 10), notes: `Anruf von ${name}` })).body as SubjectRequest;
      const people = [
        ...((await client.get(`${api}/privacy/requests/${request.id}/people?q=${encodeURIComponent(last)}`)).body as FoundPerson[]),
        ...((await client.get(`${api}/privacy/requests/${request.id}/people?q=${encodeURIComponent(email)}`)).body as FoundPerson[]),
      ];
      expect(new Set(people.map((p) => p.moduleId))).toEqual(new Set(['platform', 'customers', 'roadmap', 'machines']));
      for (const q of [last, email]) {
        const mine = people.filter((p) => (q === last ? p.name.includes(last) : p.email === email));
        await client.post(`${api}/privacy/requests/${request.id}/people`, { query: q, people: mine.map((p) => ({ moduleId: p.moduleId, ref: p.ref })) });
      }
      const run = await client.post(`${api}/privacy/requests/${request.id}/erasure`, { confirm: true });
      expect(run.status, JSON.stringify(run.body)).toBe(200);

      expect(await tablesHolding([name, email, phone])).toEqual([]);
      const user = await instance.ctx.db.selectFrom('users').select(['name', 'email']).where('id', '=', worker.body.userId).executeTakeFirstOrThrow();
      expect(JSON.stringify(user).toLowerCase()).not.toContain(last.toLowerCase());
      const after = await figures();
      // the contact stays (anonymised): its row counts, and nothing else moved
      expect(after).toEqual(before);
    }), { numRuns: 3 });
  }, 300_000);
});
