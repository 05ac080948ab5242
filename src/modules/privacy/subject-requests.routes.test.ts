import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { pdfPages } from '../../kernel/testing/pdf-pages.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import type { ErasurePreview, FoundPerson, SubjectExport, SubjectRequest, SubjectRequestSummary } from './subject-requests.schemas.js';

const today = () => new Date().toISOString().slice(0, 10);

describe.each(testDatabaseKinds())('data-subject requests on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let companyId: string;
  let api: string;
  let ownerId: string;
  let contactId: string;
  let customerId: string;
  const contactNow = async () => ((await owner.get(`${api}/customers/${customerId}`)).body.contacts as Array<Record<string, unknown>>).find((c) => c.id === contactId)!;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Anfragenhof GmbH', 'chefin@anfragenhof.example', 'Ada Hof');
    api = `/api/v1/companies/${companyId}`;
    ownerId = (await owner.get('/api/v1/me')).body.user.id;
    const customer = await owner.post(`${api}/customers`, { name: 'Kundenwerk AG', city: 'Kiel', confirmDuplicate: true });
    customerId = customer.body.id;
    const contact = await owner.post(`${api}/customers/${customer.body.id}/contacts`, { salutation: 'Frau', firstName: 'Greta', lastName: 'Grünfeld', role: 'Einkauf', email: 'greta@kundenwerk.example', phone: '+49 431 777' });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    contactId = contact.body.id;
    await owner.post(`${api}/customers/${customer.body.id}/interactions`, { kind: 'call', contactId, subject: 'Anruf von Greta Grünfeld', body: 'Rückruf an greta@kundenwerk.example' });
    const consent = await owner.post(`${api}/contacts/${contactId}/consent-events`, { channel: 'email', purpose: 'newsletter', kind: 'give', declaredAt: '2026-01-05T10:00:00+01:00', source: 'signed-form', evidence: { kind: 'signed-document', reference: 'Formular vom Messestand' } });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  });
  afterAll(async () => instance?.close());

  const create = async (body: Record<string, unknown>) => owner.post(`${api}/privacy/requests`, { kind: 'erasure', requesterName: 'Greta Grünfeld', requesterReach: 'greta@kundenwerk.example', receivedOn: today(), ...body });

  it('questions a request that cannot be right and stores nothing', async () => {
    const future = await create({ receivedOn: '2999-01-01' });
    expect([future.status, future.body.code, future.body.errors[0].path]).toEqual([400, 'privacy_received_in_future', 'body.receivedOn']);
    const english = await owner.post(`${api}/privacy/requests?lang=en`, { kind: 'forget-me', requesterName: '', receivedOn: 'gestern' });
    expect(english.status).toBe(400);
    expect(english.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.kind', 'body.receivedOn', 'body.requesterName']);
    expect((await owner.get(`${api}/privacy/requests`)).body).toEqual([]);
  });

  it('counts the month from the day of receipt, clamped at the end of a shorter month', async () => {
    const res = await create({ kind: 'access', receivedOn: '2026-01-31', requesterName: 'Frühe Anfrage' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body as SubjectRequest;
    expect([r.receivedOn, r.clock.deadline, r.state, r.clock.state]).toEqual(['2026-01-31', '2026-02-28', 'open', 'overdue']);
    const late = await owner.post(`${api}/privacy/requests/${r.id}/extend`, { months: 1, reason: 'viele Systeme' });
    expect([late.status, late.body.code]).toEqual([409, 'privacy_extension_too_late']);
    const refused = await owner.post(`${api}/privacy/requests/${r.id}/close`, { outcome: 'refused' });
    expect([refused.status, refused.body.code]).toEqual([400, 'privacy_refusal_reason']);
    const closed = await owner.post(`${api}/privacy/requests/${r.id}/close`, { outcome: 'refused', note: 'Identität nicht nachgewiesen' });
    expect([closed.body.state, closed.body.clock.state]).toEqual(['refused', 'answered-late']);
  });

  it('finds a contact across modules, exports it as JSON and PDF, and erases it keeping what the law requires', async () => {
    const created = (await create({})).body as SubjectRequest;
    expect(created.clock.state).toBe('running');
    const extended = await owner.post(`${api}/privacy/requests/${created.id}/extend`, { months: 1, reason: 'Daten in mehreren Systemen' });
    expect([extended.body.state, extended.body.extensionMonths]).toEqual(['extended', 1]);
    const shorter = await owner.post(`${api}/privacy/requests/${created.id}/extend`, { months: 1, reason: 'noch einmal' });
    expect([shorter.status, shorter.body.code]).toEqual([400, 'privacy_extension_not_longer']);

    const none = await owner.post(`${api}/privacy/requests/${created.id}/erasure`, { confirm: true });
    expect([none.status, none.body.code]).toEqual([409, 'privacy_request_nobody_linked']);

    const found = (await owner.get(`${api}/privacy/requests/${created.id}/people?q=grunfeld`)).body as FoundPerson[];
    expect(found.map((p) => [p.moduleId, p.name, p.email, p.context?.de])).toEqual([['customers', 'Greta Grünfeld', 'greta@kundenwerk.example', 'Kundenwerk AG']]);
    const byPhone = (await owner.get(`${api}/privacy/requests/${created.id}/people?q=431 777`)).body as FoundPerson[];
    expect(byPhone.map((p) => p.ref)).toEqual([contactId]);

    const forged = await owner.post(`${api}/privacy/requests/${created.id}/people`, { query: 'grunfeld', people: [{ moduleId: 'platform', ref: ownerId }] });
    expect([forged.status, forged.body.code]).toEqual([400, 'privacy_person_not_found']);
    const linked = await owner.post(`${api}/privacy/requests/${created.id}/people`, { query: 'grunfeld', people: [{ moduleId: 'customers', ref: contactId }] });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect((linked.body as SubjectRequest).linked.map((l) => l.name)).toEqual(['Greta Grünfeld']);

    const exported = (await owner.get(`${api}/privacy/requests/${created.id}/export`)).body as SubjectExport;
    expect(exported.people[0]!.sections.map((s) => s.title.en)).toEqual(['Contact at a customer', 'Interactions with the person', 'Consents and withdrawals', 'Quotes addressed to the person']);
    expect(exported.people[0]!.sections[0]!.records[0]).toMatchObject({ firstName: 'Greta', email: 'greta@kundenwerk.example', phone: '+49 431 777' });
    for (const lang of ['de', 'en']) {
      const pdf = await owner.get(`${api}/privacy/requests/${created.id}/export.pdf?lang=${lang}`);
      expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
      const text = (await pdfPages(pdf.raw.rawPayload)).map((page) => page.text).join(' ');
      expect(text).toContain('Grünfeld');
      expect(text).toContain(lang === 'de' ? 'Auskunft über gespeicherte' : 'Copy of the personal data held');
    }

    const preview = (await owner.get(`${api}/privacy/requests/${created.id}/erasure`)).body as ErasurePreview;
    expect(preview.blocked).toEqual([]);
    expect(preview.steps[0]!.erased.map((e) => [e.what.en, e.count])).toEqual([['Contact: salutation, name, role, e-mail, phone', 1], ['Subject and note of interactions (kind, date and member of staff stay)', 1]]);
    expect(preview.steps[0]!.kept.map((k) => k.reason.en)).toEqual(['Proof of consent and of its withdrawal (GDPR Art. 7 (1))']);
    // the preview changed nothing
    expect((await contactNow()).lastName).toBe('Grünfeld');

    const run = await owner.post(`${api}/privacy/requests/${created.id}/erasure`, { confirm: true });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const done = run.body as SubjectRequest;
    expect(done.erasedAt).not.toBeNull();
    expect(done.requesterName).toBe('G. G.');
    expect(done.requesterReach).toBeNull();
    expect(done.linked.map((l) => [l.name, l.email])).toEqual([['—', null]]);
    expect(done.erasure![0]!.kept[0]!.reason.de).toContain('Art. 7');
    expect(done.log.map((e) => e.text)).toEqual([
      'Löschung ausgeführt für 1 Fundstelle: 2 Datensätze gelöscht oder anonymisiert, 1 aus gesetzlichem Grund behalten.',
      '1 Person mit der Betroffenenanfrage verknüpft.',
      expect.stringMatching(/^Frist der Betroffenenanfrage um 1 Monat verlängert, bis \d{4}-\d{2}-\d{2}\.$/),
      expect.stringMatching(/^Betroffenenanfrage eingegangen/),
    ]);
    const contact = await contactNow();
    expect([contact.firstName, contact.lastName, contact.email, contact.phone, contact.erased]).toEqual(['', '', null, null, true]);
    const again = await owner.post(`${api}/privacy/requests/${created.id}/erasure`, { confirm: true });
    expect([again.status, again.body.code]).toEqual([409, 'privacy_request_erased']);
    const closed = await owner.post(`${api}/privacy/requests/${created.id}/close`, { outcome: 'done', note: null });
    expect([closed.status, closed.body.state, closed.body.clock.state]).toEqual([200, 'done', 'answered']);
    const list = (await owner.get(`${api}/privacy/requests`)).body as SubjectRequestSummary[];
    expect(list.map((r) => [r.requesterName, r.state])).toEqual([['G. G.', 'done'], ['Frühe Anfrage', 'refused']]);
  });

  it('refuses to erase the signed-in owner, who is also the last owner, and changes nothing', async () => {
    // the owner is also an interview partner of the Digital-Check
    expect((await owner.put(`${api}/modules/check`, { enabled: true })).status).toBe(200);
    const checkRun = await owner.post(`${api}/check/runs`);
    await owner.put(`${api}/check/runs/${checkRun.body.id}/answers`, { answers: { 'strategy.goal': 3 } });
    const created = (await create({ requesterName: 'Ada Hof', requesterReach: null })).body as SubjectRequest;
    const found = (await owner.get(`${api}/privacy/requests/${created.id}/people?q=chefin@anfragenhof`)).body as FoundPerson[];
    expect(found.map((p) => [p.moduleId, p.kind.en])).toEqual([['platform', 'User account of the company'], ['check', 'Interview partner in the Digital-Check']]);
    const exported = await owner.post(`${api}/privacy/requests/${created.id}/people`, { query: 'chefin@anfragenhof', people: found.map((p) => ({ moduleId: p.moduleId, ref: p.ref })) });
    expect((exported.body as SubjectRequest).linked).toHaveLength(2);
    const data = (await owner.get(`${api}/privacy/requests/${created.id}/export`)).body as SubjectExport;
    expect(data.people.map((p) => p.sections.map((s) => s.title.en))).toEqual([['User account and membership', 'Audit entries made by the person'], ['Answers in the Digital-Check']]);
    const preview = (await owner.get(`${api}/privacy/requests/${created.id}/erasure?lang=en`)).body as ErasurePreview;
    expect(preview.blocked.map((b) => b.reason.en)).toEqual(['One’s own account cannot be erased through a request; another owner has to do it.']);
    // the check's step runs first (the account last) and would take the answers
    expect(preview.steps.map((s) => [s.moduleId, s.erased.map((e) => e.what.en)])).toEqual([['check', ['Own answers and role in the Digital-Check']], ['platform', []]]);
    const run = await owner.post(`${api}/privacy/requests/${created.id}/erasure`, { confirm: true });
    expect([run.status, run.body.code, run.body.blocked.length]).toEqual([409, 'privacy_erasure_blocked', 1]);
    expect((await owner.get('/api/v1/me')).body.user.name).toBe('Ada Hof');
    expect((await owner.get(`${api}/privacy/requests/${created.id}/people?q=chefin@anfragenhof`)).body.map((p: FoundPerson) => p.moduleId)).toEqual(['platform', 'check']);
  });

  it('lists requests in their last week and past their deadline in the notification centre', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await create({ kind: 'access', requesterName: 'Bald fällig', receivedOn: daysAgo(26) });
    await create({ kind: 'access', requesterName: 'Noch Zeit', receivedOn: daysAgo(3) });
    const items = ((await owner.get(`/api/v1/companies/${companyId}/notifications`)).body.items as Array<{ kind: string; title: string; severity: string }>).filter((i) => i.kind === 'privacy.subjectRequest');
    // the overdue one of the second test is closed (refused), so it no longer counts
    expect(items.map((i) => [i.title, i.severity])).toEqual([['Bald fällig', 'warning']]);
  });

  it('erases a shop-floor worker: the membership ends, the account is anonymised, others sign in as before', async () => {
    const worker = await owner.post(`${api}/workers`, { name: 'Willi Werkbank', personnelNumber: 'P-4711', pin: '482913' });
    expect(worker.status, JSON.stringify(worker.body)).toBe(201);
    const created = (await create({ requesterName: 'Willi Werkbank', requesterReach: 'Personalnummer P-4711' })).body as SubjectRequest;
    const found = (await owner.get(`${api}/privacy/requests/${created.id}/people?q=P-4711`)).body as FoundPerson[];
    expect(found.map((p) => [p.moduleId, p.name, p.context?.en])).toEqual([['platform', 'Willi Werkbank', 'Shop floor · personnel number P-4711']]);
    await owner.post(`${api}/privacy/requests/${created.id}/people`, { query: 'P-4711', people: [{ moduleId: 'platform', ref: worker.body.userId }] });
    const run = await owner.post(`${api}/privacy/requests/${created.id}/erasure`, { confirm: true });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const members = (await owner.get(`${api}/members`)).body as Array<{ name: string }>;
    expect(JSON.stringify(members)).not.toContain('Werkbank');
    const user = await instance.ctx.db.selectFrom('users').select(['name', 'email', 'password_hash']).where('id', '=', worker.body.userId).executeTakeFirstOrThrow();
    expect(user).toEqual({ name: 'Gelöschte Person / Erased person', email: null, password_hash: null });
    const again = new TestClient(instance);
    expect((await again.login('chefin@anfragenhof.example')).status).toBe(200);
  });

  it('is not there for another company', async () => {
    const other = new TestClient(instance);
    await other.signup('Fremdfirma GmbH', 'fremd@fremd.example');
    expect((await other.get(`${api}/privacy/requests`)).status).toBe(404);
  });
});
