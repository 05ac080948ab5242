import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { dayIn } from './domain/skills.js';
import type { PersonRecord, Requirement, RequirementsView, SkillsMatrix, Training } from './skills.schemas.js';

const DAY = 86_400_000;
const day = (offset: number) => dayIn('Europe/Berlin', Date.now() + offset * DAY);

describe.each(testDatabaseKinds())('skills and training on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let other: TestClient;
  let api: string;
  let companyId: string;
  let ownerId: string;
  let workerId: string;
  let measureId: string;
  let otherPerson: string;
  let otherMeasure: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Kompetenz GmbH', 'chef@kompetenz.example', 'Karla Kern');
    api = `/api/v1/companies/${companyId}/privacy/skills`;
    ownerId = (await owner.get('/api/v1/me')).body.user.id;
    workerId = (await owner.post(`/api/v1/companies/${companyId}/workers`, { name: 'Ali Yilmaz', personnelNumber: '1001', pin: '482913' })).body.userId;
    measureId = (await owner.post(`/api/v1/companies/${companyId}/roadmap/plan/items`, { title: 'MES einführen' })).body.id;
    other = new TestClient(instance);
    const otherCompany = await other.signup('Fremd GmbH', 'chef@fremd.example', 'Fritz Fremd');
    otherPerson = (await other.get('/api/v1/me')).body.user.id;
    otherMeasure = (await other.post(`/api/v1/companies/${otherCompany}/roadmap/plan/items`, { title: 'Fremde Maßnahme' })).body.id;
  });
  afterAll(async () => instance?.close());

  it('shows every member in the matrix, workers at the terminal told apart, nobody assessed yet', async () => {
    const matrix = (await owner.get(api)).body as SkillsMatrix;
    expect(matrix.people.map((p) => [p.name, p.kind])).toEqual([['Ali Yilmaz', 'terminal'], ['Karla Kern', 'account']]);
    expect(matrix.people[0]!.awareness).toMatchObject({ state: 'never', dueOn: matrix.today });
    expect(matrix.summary.find((s) => s.competence === 'ai')).toMatchObject({ notAssessed: 2, median: null });
  });

  it('sets and clears levels with who assessed them, logged; a level out of range changes nothing', async () => {
    const bad = await owner.put(`${api}/people/${workerId}/levels`, { levels: { ai: 9 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.levels.ai');
    const unknownCompetence = await owner.put(`${api}/people/${workerId}/levels`, { levels: { cooking: 3 } });
    expect(unknownCompetence.status).toBe(400);
    const set = await owner.put(`${api}/people/${workerId}/levels`, { levels: { 'human-machine': 2, 'digital-basics': 3, ai: 0 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const person = set.body as PersonRecord;
    expect(person.levels['human-machine']).toMatchObject({ level: 2, assessedBy: 'Karla Kern' });
    expect(person.levels.ai!.level).toBe(0);
    const cleared = (await owner.put(`${api}/people/${workerId}/levels`, { levels: { ai: null } })).body as PersonRecord;
    expect(cleared.levels.ai).toBeUndefined();
    expect(cleared.levels['digital-basics']!.level).toBe(3);
    expect((await owner.put(`${api}/people/${otherPerson}/levels`, { levels: { ai: 2 } })).status).toBe(404);
    const audit = (await owner.get(`/api/v1/companies/${companyId}/audit?lang=de`)).body as Array<{ action: string; text: string }>;
    expect(audit.filter((e) => e.action === 'privacy.skill_levels_set').map((e) => e.text)).toEqual(['Kompetenzen von Ali Yilmaz eingeschätzt (1 Kompetenz).', 'Kompetenzen von Ali Yilmaz eingeschätzt (3 Kompetenzen).']);
  });

  it('records trainings, questions a future day or an expiry before it, and counts only a current one for the awareness duty', async () => {
    const base = { personId: workerId, title: 'Phishing erkennen', competences: ['security-awareness'], provider: 'IHK' };
    const future = await owner.post(`${api}/trainings`, { ...base, completedOn: day(3) });
    expect([future.status, future.body.code, future.body.errors[0].path]).toEqual([400, 'privacy_training_in_future', 'body.completedOn']);
    const backwards = await owner.post(`${api}/trainings`, { ...base, completedOn: day(-30), expiresOn: day(-40) });
    expect([backwards.status, backwards.body.code, backwards.body.errors[0].path]).toEqual([400, 'privacy_expiry_before_training', 'body.expiresOn']);
    const foreign = await owner.post(`${api}/trainings`, { ...base, personId: otherPerson, completedOn: day(-30) });
    expect([foreign.status, foreign.body.code, foreign.body.errors[0].path]).toEqual([400, 'privacy_unknown_person', 'body.personId']);
    expect(backwards.body.title).toBe('Das Ablaufdatum liegt vor dem Tag der Schulung. Bitte prüfen Sie die Daten.');

    const expired = await owner.post(`${api}/trainings`, { ...base, completedOn: day(-400), expiresOn: day(-35) });
    expect(expired.status, JSON.stringify(expired.body)).toBe(201);
    expect((expired.body as Training).expired).toBe(true);
    let person = (await owner.get(`${api}/people/${workerId}`)).body as PersonRecord;
    expect(person.awareness).toMatchObject({ state: 'overdue', dueOn: day(-35) });
    const fresh = (await owner.post(`${api}/trainings`, { ...base, completedOn: day(-350) })).body as Training;
    person = (await owner.get(`${api}/people/${workerId}`)).body as PersonRecord;
    expect(person.awareness.state).toBe('due-soon');
    expect(person.trainings.map((t) => t.id)).toEqual([fresh.id, (expired.body as Training).id]);

    const corrected = await owner.put(`${api}/trainings/${fresh.id}`, { ...base, completedOn: day(-10), provider: null });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(((await owner.get(`${api}/people/${workerId}`)).body as PersonRecord).awareness.state).toBe('current');
    expect((await owner.delete(`${api}/trainings/${(expired.body as Training).id}`)).status).toBe(204);
    expect(((await owner.get(`${api}/people/${workerId}`)).body as PersonRecord).trainings).toHaveLength(1);
  });

  it('flags the people who will use a measure without the skills before its go-live, and not those who have them', async () => {
    const body = { subject: 'measure', planItemId: measureId, goLiveOn: day(20), needs: [{ competence: 'human-machine', level: 3 }, { competence: 'security-awareness', level: 2 }], personIds: [workerId, ownerId] };
    const past = await owner.post(`${api}/requirements`, { ...body, goLiveOn: day(-2) });
    expect([past.status, past.body.code, past.body.errors[0].path]).toEqual([400, 'privacy_go_live_in_past', 'body.goLiveOn']);
    expect((await owner.post(`${api}/requirements`, { ...body, planItemId: otherMeasure })).body.code).toBe('privacy_unknown_measure');
    const foreignPerson = await owner.post(`${api}/requirements`, { ...body, personIds: [workerId, otherPerson] });
    expect([foreignPerson.body.code, foreignPerson.body.errors[0].path]).toEqual(['privacy_unknown_person', 'body.personIds.1']);
    expect((await owner.post(`${api}/requirements`, { ...body, machineId: measureId })).body.code).toBe('privacy_subject_mismatch');
    expect((await owner.post(`${api}/requirements`, { ...body, needs: [{ competence: 'ai', level: 0 }] })).status).toBe(400);
    expect(((await owner.get(`${api}/requirements`)).body as RequirementsView).requirements).toEqual([]);

    const created = await owner.post(`${api}/requirements`, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const requirement = created.body as Requirement;
    expect(requirement).toMatchObject({ title: { de: 'MES einführen', en: 'MES einführen' }, urgency: 'soon', days: 20, flagged: 2 });
    expect(requirement.people.find((p) => p.userId === workerId)!.gaps).toEqual([
      { competence: 'human-machine', required: 3, level: 2, reason: 'below' },
      { competence: 'security-awareness', required: 2, level: null, reason: 'not-assessed' },
    ]);

    await owner.put(`${api}/people/${workerId}/levels`, { levels: { 'human-machine': 4, 'security-awareness': 3 } });
    await owner.put(`${api}/people/${ownerId}/levels`, { levels: { 'human-machine': 5, 'security-awareness': 5 } });
    const view = (await owner.get(`${api}/requirements`)).body as RequirementsView;
    // the owner has the levels but no current awareness training; the worker is ready
    expect(view.requirements[0]!.people.map((p) => [p.name, p.gaps.map((g) => g.reason)])).toEqual([['Ali Yilmaz', []], ['Karla Kern', ['awareness-training-due']]]);
    expect(view.options.measures.map((m) => m.title.de)).toEqual(['MES einführen']);

    // in the notification centre within 30 days of go-live
    const items = async () => ((await owner.get(`/api/v1/companies/${companyId}/notifications?lang=de`)).body.items as Array<{ kind: string; title: string; subtitle: string; severity: string }>);
    expect((await items()).find((i) => i.kind === 'privacy.skillsGoLive')).toMatchObject({ title: 'MES einführen', subtitle: '1 Person hat die nötigen Kompetenzen noch nicht', severity: 'warning' });
    expect((await items()).find((i) => i.kind === 'privacy.awarenessTraining')).toMatchObject({ title: 'IT-Sicherheitsschulung fällig: 1 Person', subtitle: 'Karla Kern' });

    // keeping a past go-live when changing a requirement is not questioned again; moving it into the past is
    const moved = await owner.put(`${api}/requirements/${requirement.id}`, { ...body, goLiveOn: day(-1) });
    expect(moved.body.code).toBe('privacy_go_live_in_past');
    const confirmed = await owner.put(`${api}/requirements/${requirement.id}`, { ...body, goLiveOn: day(-1), confirmPastGoLive: true });
    expect((confirmed.body as Requirement).urgency).toBe('overdue');
    expect((await owner.put(`${api}/requirements/${requirement.id}`, { ...body, goLiveOn: day(-1), note: 'Nachschulung geplant' })).status).toBe(200);
    expect((await items()).find((i) => i.kind === 'privacy.skillsGoLive')).toMatchObject({ severity: 'critical' });

    const matrix = (await owner.get(api)).body as SkillsMatrix;
    expect(matrix.requirements.overdue).toBe(1);
    expect(matrix.people.find((p) => p.name === 'Karla Kern')!.flagged).toBe(1);
    expect(((await owner.get(`${api}/people/${ownerId}`)).body as PersonRecord).requirements).toMatchObject([{ id: requirement.id, urgency: 'overdue' }]);

    expect((await owner.delete(`${api}/requirements/${requirement.id}`)).status).toBe(204);
    expect((await owner.delete(`${api}/requirements/${requirement.id}`)).status).toBe(404);
    const audit = (await owner.get(`/api/v1/companies/${companyId}/audit?lang=de`)).body as Array<{ action: string; text: string }>;
    expect(audit.map((e) => e.text)).toContain(`Anforderung an die Kompetenzen für „MES einführen“ (Start ${day(20)}) angelegt.`);
  });

  it('takes software by name and keeps another company out', async () => {
    const created = await owner.post(`${api}/requirements`, { subject: 'software', softwareName: 'DATEV Unternehmen online', goLiveOn: day(90), needs: [{ competence: 'data-literacy', level: 2 }], personIds: [ownerId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ title: { de: 'DATEV Unternehmen online' }, urgency: 'planned', flagged: 1 });
    expect((await owner.post(`${api}/requirements`, { subject: 'software', goLiveOn: day(90), needs: [{ competence: 'ai', level: 2 }] })).body.code).toBe('privacy_software_name_missing');
    expect((await other.get(`${api}`)).status).toBe(404);
    expect((await other.get(`${api}/people/${ownerId}`)).status).toBe(404);
  });
  it('finds, exports and erases a person’s levels, trainings and requirement entries for a data-subject request', async () => {
    const { skillsDataSubjects } = await import('./skills.data-subjects.js');
    const db = instance.ctx.db;
    await owner.put(`${api}/people/${workerId}/levels`, { levels: { 'digital-basics': 3 } });
    expect((await owner.post(`${api}/trainings`, { personId: workerId, title: 'Phishing erkennen', competences: ['security-awareness'], completedOn: '2026-10-01' })).status).toBe(201);
    const found = await skillsDataSubjects.find(db, companyId, 'Yilmaz');
    expect(found.map((f) => [f.ref, f.name])).toEqual([[workerId, 'Ali Yilmaz']]);
    const exported = await skillsDataSubjects.export(db, companyId, workerId);
    expect(JSON.stringify(exported)).toContain('Phishing erkennen');
    const outcome = await skillsDataSubjects.erase(db, { tenantId: companyId, actorId: ownerId, now: new Date() }, workerId);
    expect(outcome.erased.map((e) => e.what.en)).toEqual(expect.arrayContaining(['Assessed competence levels', 'Training records']));
    for (const table of ['privacy_skill_levels', 'privacy_trainings', 'privacy_skill_requirement_people'] as const) {
      expect(await db.selectFrom(table).select('user_id').where('tenant_id', '=', companyId).where('user_id', '=', workerId).execute()).toEqual([]);
    }
    expect(await skillsDataSubjects.find(db, companyId, 'Yilmaz')).toEqual([]);
  });
});
