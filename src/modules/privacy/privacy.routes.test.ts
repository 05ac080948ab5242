import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { pdfPages } from '../../kernel/testing/pdf-pages.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import type { Breach, BreachSummary } from './schemas.js';

const HOUR = 3_600_000;
const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

describe.each(testDatabaseKinds())('breach register on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let api: string;
  let companyId: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Datenhof GmbH', 'chefin@datenhof.example', 'Dana Hof');
    api = `/api/v1/companies/${companyId}/privacy`;
  });
  afterAll(async () => instance?.close());

  const list = async () => (await owner.get(`${api}/breaches`)).body as BreachSummary[];
  const stored = async () => (await list()).map(({ clock: { remainingMs: _, ...clock }, ...b }) => ({ ...b, clock }));

  it('runs the 72 hours from the moment the breach became known and lists what is still to do', async () => {
    const known = at(10 * HOUR);
    const res = await owner.post(`${api}/breaches`, { title: 'Laptop gestohlen', becameKnownAt: known, nature: 'Aus dem Auto gestohlen', subjectCategories: 'Kunden', subjectCount: 120 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const breach = res.body as Breach;
    expect(breach.clock.state).toBe('running');
    expect(Date.parse(breach.clock.deadline) - Date.parse(known)).toBe(72 * HOUR);
    expect(breach.clock.remainingMs).toBeGreaterThan(61 * HOUR);
    expect(breach.clock.remainingMs).toBeLessThanOrEqual(62 * HOUR);
    expect(breach.openDuties).toEqual(['risk-unassessed']);
    expect(breach.subjectsDuty).toBe('undecided');
    expect(breach.draft.map((s) => [s.id, s.complete])).toEqual([['nature', true], ['subjects', true], ['records', false], ['contact', false], ['consequences', false], ['measures', false]]);
    expect((await list()).map((b) => b.title)).toEqual(['Laptop gestohlen']);
  });

  it('questions moments that cannot be right and stores nothing', async () => {
    const before = await stored();
    const future = await owner.post(`${api}/breaches`, { title: 'Zukunft', becameKnownAt: at(-2 * HOUR) });
    expect([future.status, future.body.code]).toEqual([400, 'privacy_moment_in_future']);
    expect(future.body.title).toContain('Zukunft');
    const range = await owner.post(`${api}/breaches`, { title: 'Falsch herum', becameKnownAt: at(HOUR), occurredFrom: at(3 * HOUR), occurredTo: at(5 * HOUR) });
    expect([range.status, range.body.code]).toEqual([400, 'privacy_occurred_range']);
    const after = await owner.post(`${api}/breaches`, { title: 'Nach Bekanntwerden', becameKnownAt: at(5 * HOUR), occurredFrom: at(HOUR) });
    expect([after.status, after.body.code]).toEqual([400, 'privacy_occurred_after_known']);
    const english = await owner.post(`${api}/breaches?lang=en`, { title: 'x', becameKnownAt: 'gestern' });
    expect(english.status).toBe(400);
    expect(english.body.errors[0].path).toBe('body.becameKnownAt');
    expect(await stored()).toEqual(before);
  });

  it('takes a late notice only with its reasons, keeps each notice as it was given, and closes when every duty is met', async () => {
    const known = at(90 * HOUR);
    const created = (await owner.post(`${api}/breaches`, { title: 'Fehlversand Lohnabrechnung', becameKnownAt: known, risk: 'high', nature: 'Falsche Empfängerin', subjectCategories: 'Beschäftigte', subjectCount: 1, recordCategories: 'Lohndaten', recordCount: 1 })).body as Breach;
    expect(created.clock.state).toBe('overdue');
    expect(created.openDuties).toEqual(['authority-not-notified', 'subjects-not-informed']);
    expect(created.draft.at(-1)).toEqual({ id: 'delay', text: null, count: null, complete: false });

    const early = await owner.post(`${api}/breaches/${created.id}/notices`, { recipient: 'authority', sentAt: at(91 * HOUR) });
    expect([early.status, early.body.code]).toEqual([400, 'privacy_notice_before_known']);
    const notice = await owner.post(`${api}/breaches/${created.id}/notices`, { recipient: 'authority', sentAt: at(10 * HOUR), reference: 'LDA-2026-17' });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    const notified = notice.body as Breach;
    expect(notified.clock.state).toBe('notified-late');
    expect(notified.authorityReference).toBe('LDA-2026-17');
    expect(notified.openDuties).toEqual(['delay-reason-missing', 'subjects-not-informed']);
    expect(notified.notices).toHaveLength(1);
    expect(notified.notices[0]!.content.find((s) => s.id === 'delay')).toMatchObject({ text: null, complete: false });

    const closing = await owner.post(`${api}/breaches/${created.id}/close`, {});
    expect([closing.status, closing.body.code, closing.body.duties]).toEqual([409, 'privacy_breach_duties_open', ['delay-reason-missing', 'subjects-not-informed']]);

    const { id: _id, clock: _c, openDuties: _o, closedAt: _cl, subjectsDuty: _s, draft: _d, notices: _n, updatedAt: _u, authorityNotifiedAt: _a, authorityReference: _r, subjectsInformedAt: _i, ...body } = notified;
    const later = await owner.put(`${api}/breaches/${created.id}`, { ...body, becameKnownAt: at(5 * HOUR) });
    expect([later.status, later.body.code]).toEqual([400, 'privacy_known_after_notice']);
    const reasoned = await owner.put(`${api}/breaches/${created.id}`, { ...body, delayReason: 'Der Vorfall fiel in die Betriebsferien.' });
    expect(reasoned.status, JSON.stringify(reasoned.body)).toBe(200);
    expect((reasoned.body as Breach).openDuties).toEqual(['subjects-not-informed']);
    // the notice given stays as it was; the draft now has the reasons
    expect((reasoned.body as Breach).notices[0]!.content.find((s) => s.id === 'delay')!.text).toBeNull();
    expect((reasoned.body as Breach).draft.find((s) => s.id === 'delay')!.text).toBe('Der Vorfall fiel in die Betriebsferien.');

    expect((await owner.post(`${api}/breaches/${created.id}/notices`, { recipient: 'subjects', sentAt: at(9 * HOUR) })).status).toBe(201);
    const closed = await owner.post(`${api}/breaches/${created.id}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((closed.body as Breach).closedAt).not.toBeNull();
    expect((await owner.put(`${api}/breaches/${created.id}`, body)).body.code).toBe('privacy_breach_closed');
    expect((await owner.post(`${api}/breaches/${created.id}/close`, {})).status).toBe(409);
    expect((await owner.post(`${api}/breaches/${created.id}/reopen`, {})).status).toBe(200);
    expect((await owner.post(`${api}/breaches/${created.id}/reopen`, {})).body.code).toBe('privacy_breach_not_closed');

    const audit = (await owner.get(`/api/v1/companies/${companyId}/audit?lang=de`)).body as Array<{ action: string; text: string }>;
    const sentences = audit.filter((e) => e.action.startsWith('privacy.')).map((e) => e.text);
    expect(sentences).toContain('Datenschutzvorfall „Fehlversand Lohnabrechnung“ geändert (1 Angabe).');
    expect(sentences).toContain('Meldung an die Aufsichtsbehörde zum Datenschutzvorfall „Fehlversand Lohnabrechnung“ eingetragen.');
  });

  it('puts a running clock into the notification centre until the notice is given', async () => {
    const created = (await owner.post(`${api}/breaches`, { title: 'Phishing-Mail geöffnet', becameKnownAt: at(HOUR), risk: 'risk' })).body as Breach;
    const items = async () => ((await owner.get(`/api/v1/companies/${companyId}/notifications`)).body.items as Array<{ kind: string; title: string; path: string; severity: string }>).filter((i) => i.kind === 'privacy.breachClock');
    expect((await items()).find((i) => i.title === 'Phishing-Mail geöffnet')).toMatchObject({ severity: 'critical', path: `/privacy/breaches/${created.id}` });
    expect((await owner.post(`${api}/breaches/${created.id}/notices`, { recipient: 'authority', sentAt: at(0) })).status).toBe(201);
    expect((await items()).some((i) => i.title === 'Phishing-Mail geöffnet')).toBe(false);
  });

  it('writes the documentation as a PDF in German or English', async () => {
    const [first] = await list();
    const res = await owner.get(`${api}/breaches/${first!.id}/report.pdf?lang=de`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(res.raw.rawPayload);
    expect(pages[0]!.size).toEqual([595, 842]);
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toContain(first!.title);
    expect(text).toContain('Meldung an die Aufsichtsbehörde');
    expect(text).not.toMatch(/privacyReport\.|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const english = (await pdfPages((await owner.get(`${api}/breaches/${first!.id}/report.pdf?lang=en`)).raw.rawPayload)).map((p) => p.text).join(' ');
    expect(english).toContain('Notice to the supervisory authority');
  });

  it('shows breaches only to those who manage the company, and never another company\'s', async () => {
    const invitation = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    const member = new TestClient(instance);
    await member.post('/api/v1/invitations/accept', { token: new URL(invitation.body.link).hash.slice(1), user: { name: 'Max', email: `max-${kind}@datenhof.example`, password: 'correct horse battery' } });
    expect((await member.get(`${api}/breaches`)).status).toBe(403);
    const other = new TestClient(instance);
    const otherId = await other.signup('Andere GmbH', 'andere@other.example', 'Olga Andere');
    const [first] = await list();
    expect((await other.get(`/api/v1/companies/${otherId}/privacy/breaches/${first!.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/companies/${otherId}/privacy/breaches/${first!.id}/close`, {})).status).toBe(404);
  });
});

describe.each(testDatabaseKinds())('record of processing activities on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let api: string;
  let companyId: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Verzeichnis GmbH', 'chef@verzeichnis.example', 'Vera Zeichner');
    api = `/api/v1/companies/${companyId}/privacy`;
    // customers needs the shop floor: switching customers off and on again is the test's module change
    expect((await owner.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true })).status).toBe(200);
  });
  afterAll(async () => instance?.close());

  type View = { record: { controller: { name: string | null }; activities: Array<{ key: string; moduleId: string; category: { de: string }; recipients: string | null }> }; changes: Array<{ kind: string; key?: string; fields?: string[] }>; missing: Array<{ key: string | null; item: string }>; versions: Array<{ version: number; confirmedBy: string | null }> };
  const record = async () => (await owner.get(`${api}/record`)).body as View;
  const declared = async () => {
    const states = (await owner.get(`/api/v1/companies/${companyId}/modules`)).body as Array<{ id: string; enabled: boolean }>;
    const on = new Set(states.filter((s) => s.enabled).map((s) => s.id));
    return instance.ctx.registry.modules.filter((m) => on.has(m.id)).flatMap((m) => m.personalData.map((p) => `${m.id}: ${p.category.de}`));
  };

  it('lists exactly what the switched-on modules declare, named after the company until completed', async () => {
    const view = await record();
    expect(view.record.activities.map((a) => `${a.moduleId}: ${a.category.de}`)).toEqual(await declared());
    expect(view.record.controller.name).toBe('Verzeichnis GmbH');
    expect(view.versions).toEqual([]);
    expect(view.changes.filter((c) => c.kind === 'activity-added')).toHaveLength(view.record.activities.length);
    expect(view.missing.filter((m) => m.item === 'recipients')).toHaveLength(view.record.activities.length);
  });

  it('confirms versions, and shows a module switched on or off as a change to confirm', async () => {
    const first = await owner.post(`${api}/record/versions`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((first.body as View).versions.map((v) => [v.version, v.confirmedBy])).toEqual([[1, 'Vera Zeichner']]);
    expect((first.body as View).changes).toEqual([]);
    const again = await owner.post(`${api}/record/versions`, {});
    expect([again.status, again.body.code]).toEqual([409, 'privacy_record_unchanged']);

    const customers = (await record()).record.activities.filter((a) => a.moduleId === 'customers');
    expect(customers.length).toBeGreaterThan(0);
    const switchedOff = await owner.put(`/api/v1/companies/${companyId}/modules/customers`, { enabled: false });
    expect(switchedOff.status, JSON.stringify(switchedOff.body)).toBe(200);
    const off = await record();
    expect(off.changes.map((c) => [c.kind, c.key])).toEqual(customers.map((a) => ['activity-removed', a.key]));
    expect(off.record.activities.map((a) => `${a.moduleId}: ${a.category.de}`)).toEqual(await declared());
    expect((await owner.put(`/api/v1/companies/${companyId}/modules/customers`, { enabled: true })).status).toBe(200);
    expect((await record()).changes).toEqual([]);
  });

  it('takes what only the firm knows, refuses keys that are no activity, and keeps each version as confirmed', async () => {
    const [activity] = (await record()).record.activities;
    const done = await owner.put(`${api}/record/activities/${activity!.key}`, { recipients: 'Steuerberater, Lohnbüro', processors: 'Hosting: Muster Rechenzentrum GmbH', thirdCountries: null });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((done.body as View).changes).toEqual([{ kind: 'activity-changed', key: activity!.key, moduleName: expect.anything(), category: expect.anything(), fields: ['recipients', 'processors'] }]);
    expect((await owner.put(`${api}/record/activities/customers.nothing-declared`, { recipients: 'x' })).status).toBe(404);
    expect((await owner.put(`${api}/record/activities/DROP TABLE`, { recipients: 'x' })).status).toBe(400);
    const controller = await owner.put(`${api}/record/controller`, { name: 'Verzeichnis GmbH', address: 'Hauptstr. 1, 12345 Musterstadt', contact: 'datenschutz@verzeichnis.example', measures: 'Rollen und Rechte je Person; Passwörter nur als Hash; Protokoll aller Änderungen' });
    expect(controller.status).toBe(200);
    expect((controller.body as View).missing.some((m) => m.item === 'measures' || m.item === 'controller')).toBe(false);
    expect((await owner.post(`${api}/record/versions`, {})).status).toBe(201);

    const v1 = (await owner.get(`${api}/record/versions/1`)).body;
    expect(v1.record.activities.find((a: { key: string }) => a.key === activity!.key).recipients).toBeNull();
    const v2 = (await owner.get(`${api}/record/versions/2`)).body;
    expect(v2.record.activities.find((a: { key: string }) => a.key === activity!.key).recipients).toBe('Steuerberater, Lohnbüro');
    expect(v2.changes.map((c: { kind: string }) => c.kind).sort()).toEqual(['activity-changed', 'controller-changed']);
    expect((await owner.get(`${api}/record/versions/3`)).status).toBe(404);
    expect((await owner.get(`${api}/record/versions/zwei`)).status).toBe(400);

    const pdf = (await pdfPages((await owner.get(`${api}/record.pdf?lang=de`)).raw.rawPayload)).map((p) => p.text).join(' ');
    expect(pdf).toContain('Verzeichnis von Verarbeitungstätigkeiten');
    expect(pdf).toContain('Steuerberater, Lohnbüro');
    expect(pdf).toContain('Version 2');
    expect(pdf).not.toMatch(/privacyRecord\.|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('is the company\'s own', async () => {
    const other = new TestClient(instance);
    const otherId = await other.signup('Fremd GmbH', 'fremd@other.example', 'Fritz Fremd');
    expect((await other.get(`/api/v1/companies/${companyId}/privacy/record`)).status).toBe(404);
    expect((await other.get(`/api/v1/companies/${otherId}/privacy/record/versions/1`)).status).toBe(404);
    expect((await other.get(`/api/v1/companies/${otherId}/privacy/record`)).body.record.controller.name).toBe('Fremd GmbH');
  });
});
