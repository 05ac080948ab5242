import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { pdfPages } from '../../kernel/testing/pdf-pages.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import type { ConceptView, MyConceptView, SecurityCheckView } from './security-schemas.js';

describe.each(testDatabaseKinds())('IT-security check and security concept on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let member: TestClient;
  let companyId: string;
  let api: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Sicherhof GmbH', 'chef@sicherhof.example', 'Sina Hof');
    api = `/api/v1/companies/${companyId}/privacy/security`;
    const invitation = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    member = new TestClient(instance);
    await member.post('/api/v1/invitations/accept', { token: new URL(invitation.body.link).hash.slice(1), user: { name: 'Max Dreher', email: `max-${kind}@sicherhof.example`, password: 'correct horse battery' } });
  });
  afterAll(async () => instance?.close());

  const check = async () => (await owner.get(`${api}/check`)).body as SecurityCheckView;

  it('starts with every requirement open and high risk: nothing unanswered counts as met', async () => {
    const c = await check();
    expect(c.requirements).toHaveLength(27);
    expect(c.status).toMatchObject({ level: 'high', complete: false, answered: 0, gaps: [] });
    expect(c.status.open).toHaveLength(27);
  });

  it('stores answers with notes, shows the gaps, and questions answers that cannot be right without changing anything', async () => {
    const res = await owner.put(`${api}/check/answers/backup.regular`, { answer: 'partly', note: 'NAS im Büro, täglich' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((res.body as SecurityCheckView).answers['backup.regular']).toMatchObject({ answer: 'partly', note: 'NAS im Büro, täglich', answeredBy: 'Sina Hof' });
    await owner.put(`${api}/check/answers/network.wifi`, { answer: 'not_applicable' });
    await owner.put(`${api}/check/answers/org.training`, { answer: 'not_met' });
    const before = await check();
    expect(before.status.gaps.map((g) => g.id)).toEqual(['backup.regular', 'org.training']);
    expect(before.status.maxPoints).toBe(38);

    const always = await owner.put(`${api}/check/answers/backup.regular`, { answer: 'not_applicable' });
    expect([always.status, always.body.code, always.body.errors[0].path]).toEqual([400, 'privacy_security_applies_always', 'body.answer']);
    expect(always.body.title).toContain('gilt für jede Firma');
    const unknown = await owner.put(`${api}/check/answers/org.nothing`, { answer: 'met' });
    expect([unknown.status, unknown.body.errors[0].path]).toEqual([400, 'params.securityRequirementId']);
    const bad = await owner.put(`${api}/check/answers/org.rules`, { answer: 'yes' });
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'body.answer']);
    expect(await check()).toEqual(before);

    // null takes the answer back
    await owner.put(`${api}/check/answers/network.wifi`, { answer: null });
    expect((await check()).status.open).toContain('network.wifi');
  });

  it('lets only those who keep the register answer or read the check', async () => {
    expect((await member.get(`${api}/check`)).status).toBe(403);
    expect((await member.put(`${api}/check/answers/org.rules`, { answer: 'met' })).status).toBe(403);
  });

  it('offers the gaps as roadmap suggestions, taken into the plan in one step', async () => {
    const roadmap = `/api/v1/companies/${companyId}/roadmap`;
    const suggestions = (await owner.get(`${roadmap}/suggestions`)).body;
    const gap = suggestions.fromModules.find((s: { ref: string }) => s.ref === 'privacy:backup.regular');
    expect(gap).toMatchObject({ source: { de: 'IT-Sicherheits-Check' }, title: { de: 'Regelmäßige Datensicherung einrichten' }, effort: 'medium', planItem: null });
    expect(gap.reason.de).toContain('TOP-Anforderung');
    const accepted = await owner.post(`${roadmap}/plan/accept`, { suggestionRefs: ['privacy:backup.regular'] });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.items.map((i: { title: { de: string } }) => i.title.de)).toContain('Regelmäßige Datensicherung einrichten');
    const after = (await owner.get(`${roadmap}/suggestions`)).body;
    expect(after.fromModules.find((s: { ref: string }) => s.ref === 'privacy:backup.regular').planItem.status).toBe('planned');
    // taking it again adds nothing; a suggestion that is not offered is refused
    expect((await owner.post(`${roadmap}/plan/accept`, { suggestionRefs: ['privacy:backup.regular'] })).body.items).toHaveLength(accepted.body.items.length);
    const unknown = await owner.post(`${roadmap}/plan/accept`, { suggestionRefs: ['privacy:org.rules'] });
    expect([unknown.status, unknown.body.errors[0].path]).toEqual([400, 'body.suggestionRefs.0']);
    const none = await owner.post(`${roadmap}/plan/accept`, {});
    expect(none.status).toBe(400);
  });

  it('generates the concept from answers, members and roles, keeps edits across regeneration and names what changed', async () => {
    expect((await owner.post(`${api}/concept/adopt`, {})).body.code).toBe('privacy_security_no_draft');
    const generated = await owner.post(`${api}/concept/draft`, {});
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    const draft = (generated.body as ConceptView).draft!;
    const text = (key: string) => draft.sections.find((s) => s.key === key)!.generated.de;
    expect(text('access')).toContain('Max Dreher — Mitarbeiter/in');
    expect(text('backup')).toContain('NAS im Büro, täglich');
    expect(text('openPoints')).toContain('Regelmäßige Datensicherung einrichten');

    await owner.put(`${api}/concept/draft/sections/backup`, { text: 'Jeden Abend auf das NAS, freitags auf Band in den Tresor.' });
    await owner.put(`${api}/check/answers/backup.plan`, { answer: 'met', note: 'Plan hängt im Serverraum' });
    const again = (await owner.post(`${api}/concept/draft`, {})).body as ConceptView & { changes: { updated: string[]; outdated: string[] } };
    expect(again.changes.outdated).toEqual(['backup']);
    expect(again.draft!.sections.find((s) => s.key === 'backup')).toMatchObject({ edited: 'Jeden Abend auf das NAS, freitags auf Band in den Tresor.', outdated: true });
    const blocked = await owner.post(`${api}/concept/adopt`, {});
    expect([blocked.status, blocked.body.code]).toEqual([409, 'privacy_security_sections_outdated']);
    await owner.put(`${api}/concept/draft/sections/backup`, { text: 'Jeden Abend auf das NAS, freitags auf Band in den Tresor.' });
    const bad = await owner.put(`${api}/concept/draft/sections/nothing`, { text: 'x' });
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'params.sectionKey']);

    const adopted = await owner.post(`${api}/concept/adopt`, {});
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    const view = adopted.body as ConceptView;
    expect(view.draft).toBeNull();
    const year = new Date();
    year.setUTCFullYear(year.getUTCFullYear() + 1);
    expect(view.current!.reviewDue).toBe(year.toISOString().slice(0, 10));
    expect(view.acknowledgements.map((a) => [a.name, a.acknowledgedAt])).toEqual([['Max Dreher', null], ['Sina Hof', null]]);
  });

  it('lets every member read and acknowledge the adopted concept for themselves; a new version needs new acknowledgements', async () => {
    const mine = (await member.get(`${api}/concept/mine`)).body as MyConceptView;
    expect(mine.current!.sections.find((s) => s.key === 'backup')!.text.de).toBe('Jeden Abend auf das NAS, freitags auf Band in den Tresor.');
    expect(mine.current!.acknowledgedAt).toBeNull();
    const ack = await member.post(`${api}/concept/acknowledge`, {});
    expect(ack.status).toBe(200);
    expect((ack.body as MyConceptView).current!.acknowledgedAt).not.toBeNull();
    const acks = ((await owner.get(`${api}/concept`)).body as ConceptView).acknowledgements;
    expect(acks.find((a) => a.name === 'Max Dreher')!.acknowledgedAt).not.toBeNull();
    expect(acks.find((a) => a.name === 'Sina Hof')!.acknowledgedAt).toBeNull();
    expect((await member.post(`${api}/concept/draft`, {})).status).toBe(403);

    const pdf = await member.get(`${api}/concept.pdf`);
    expect(pdf.status).toBe(200);
    const pages = await pdfPages(pdf.raw.rawPayload);
    const pdfText = pages.map((p) => p.text).join(' ');
    expect(pdfText).toContain('IT-Sicherheitskonzept');
    expect(pdfText).toContain('Keine Zertifizierung');
    expect(pdfText).not.toMatch(/securityConcept\.|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const english = (await pdfPages((await owner.get(`${api}/concept.pdf?lang=en`)).raw.rawPayload)).map((p) => p.text).join(' ');
    expect(english).toContain('Who may access what');
    expect(english).toContain('Max Dreher');

    await owner.post(`${api}/concept/draft`, {});
    await owner.post(`${api}/concept/adopt`, {});
    const next = ((await member.get(`${api}/concept/mine`)).body as MyConceptView).current!;
    expect([next.version, next.acknowledgedAt]).toEqual([2, null]);
  });

  it('reminds members who have not acknowledged, in the notification centre', async () => {
    const res = await member.get(`/api/v1/companies/${companyId}/notifications`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Sicherheitskonzept Version 2');
  });
});
