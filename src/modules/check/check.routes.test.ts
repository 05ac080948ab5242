import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { getQuestionnaire } from './questionnaire/questionnaires.js';
import { exportedRows } from '../../kernel/testing/export-archive.js';

const PROFILE = { employees: 40, industry: '25', series: 'single', complexity: 'medium', state: 'BW', region: 'stuttgart' };

describe.each(testDatabaseKinds())('Digital-Check API on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string, profile: object = PROFILE) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email);
    await owner.patch(`/api/v1/companies/${id}`, { profile });
    return { owner, id, api: `/api/v1/companies/${id}/check` };
  }

  async function join(owner: TestClient, companyId: string, role: string, email: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role });
    const person = new TestClient(instance);
    await person.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: `${role} person`, email, password: 'long enough password' } });
    return person;
  }

  it('starts one open check at a time, saves and resumes answers, rejects bad values without change', async () => {
    const { owner, api } = await company('Start GmbH', 'o@start.example');
    const run = await owner.post(`${api}/runs`);
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ status: 'open', questionnaireVersion: '2026.1', dimensions: null });
    const again = await owner.post(`${api}/runs`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'check_open_exists', checkId: run.body.id });

    const saved = await owner.put(`${api}/runs/${run.body.id}/answers`, { answers: { 'strategy.goal': 3, 'scr.machines': false, 'isi.serviceRevenueShare': 12 } });
    expect(saved.status).toBe(200);
    expect(saved.body.myAnswers).toEqual({ 'strategy.goal': 3, 'scr.machines': false, 'isi.serviceRevenueShare': 12 });
    expect(saved.body.progress.answered).toBe(3);
    const machineItems = getQuestionnaire().items.filter((i) => i.section === 'machineData').map((i) => i.id);
    expect(machineItems.length).toBeGreaterThan(0);
    for (const id of machineItems) expect(saved.body.visibleItemIds).not.toContain(id);

    const bad = await owner.put(`${api}/runs/${run.body.id}/answers`, { answers: { 'strategy.goal': 9, 'no.such.item': true, 'strategy.microGoals': 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['answers.strategy.goal', 'answers.no.such.item']));
    const removed = await owner.put(`${api}/runs/${run.body.id}/answers`, { answers: { 'isi.serviceRevenueShare': null, 'dgm.tech.internet': 'unknown' } });
    expect(removed.body.myAnswers).toEqual({ 'strategy.goal': 3, 'scr.machines': false, 'dgm.tech.internet': 'unknown' });
    const resumed = await owner.get(`${api}/runs/${run.body.id}`);
    expect(resumed.body.myAnswers).toEqual(removed.body.myAnswers);
  });

  it('keeps every answer when answers to different questions are saved at the same moment', async () => {
    // The wizard saves a number when its field is left, i.e. at the click on the next question, whose
    // answer is saved at once too: both saves must survive (a lost one left a fully answered check
    // with "open" results, e.g. for the complementary business models).
    const { owner, api } = await company('Race GmbH', 'o@race.example');
    const run = (await owner.post(`${api}/runs`)).body.id;
    const items = getQuestionnaire().items.filter((i) => i.type === 'boolean').slice(0, 12).map((i) => i.id);
    const saves = await Promise.all([
      owner.put(`${api}/runs/${run}/answers`, { answers: { 'dgm.complementaryModels': 2 } }),
      ...items.map((id) => owner.put(`${api}/runs/${run}/answers`, { answers: { [id]: true } })),
    ]);
    expect(saves.map((s) => s.status)).toEqual(saves.map(() => 200));
    const resumed = await owner.get(`${api}/runs/${run}`);
    expect(resumed.body.myAnswers).toEqual({ 'dgm.complementaryModels': 2, ...Object.fromEntries(items.map((id) => [id, true])) });
    await owner.post(`${api}/runs/${run}/complete`);
    const result = await owner.get(`${api}/runs/${run}/result`);
    const complementary = result.body.result.benchmarks.find((b: { id: string }) => b.id === 'dgm.complementaryModels');
    expect(complementary.firmValue).toBe(true);
  });

  it('combines several respondents, shows disagreement, and shows who answered only to owners and admins', async () => {
    const { owner, id, api } = await company('Team GmbH', 'o@team.example');
    const member = await join(owner, id, 'member', 'm@team.example');
    const viewer = await join(owner, id, 'viewer', 'v@team.example');
    const run = (await owner.post(`${api}/runs`)).body.id;
    await owner.put(`${api}/runs/${run}/answers`, { answers: { 'strategy.goal': 4, 'strategy.microGoals': 4, 'customers.orderStatus': 2 } });
    await member.put(`${api}/runs/${run}/answers`, { answers: { 'strategy.goal': 0, 'strategy.microGoals': 4, 'customers.orderStatus': 2 } });
    expect((await viewer.put(`${api}/runs/${run}/answers`, { answers: { 'strategy.goal': 1 } })).status).toBe(403);

    const forOwner = await owner.get(`${api}/runs/${run}/result`);
    expect(forOwner.status).toBe(200);
    expect(forOwner.body.respondents.map((r: { role: string }) => r.role).sort()).toEqual(['member', 'owner']);
    const goal = forOwner.body.agreement.items.find((i: { itemId: string }) => i.itemId === 'strategy.goal');
    const micro = forOwner.body.agreement.items.find((i: { itemId: string }) => i.itemId === 'strategy.microGoals');
    expect(goal.respondents).toBe(2);
    expect(goal.disagreement).toBeGreaterThan(micro.disagreement);
    expect(micro.disagreement).toBe(0);

    const forMember = await member.get(`${api}/runs/${run}/result`);
    expect(forMember.body.respondents).toBeNull();
    expect(JSON.stringify(forMember.body)).not.toContain('m@team.example');
    expect(forMember.body.result.dimensions).toHaveLength(9);
    expect((await member.post(`${api}/runs/${run}/complete`)).status).toBe(403);
  });

  it('completes a check, freezes it, and compares the next check with it', async () => {
    const { owner, api } = await company('Verlauf GmbH', 'o@verlauf.example');
    const questionnaire = getQuestionnaire();
    const strategyItems = questionnaire.items.filter((i) => i.section === 'strategy' && i.type === 'scale').map((i) => i.id);
    const first = (await owner.post(`${api}/runs`)).body.id;
    await owner.put(`${api}/runs/${first}/answers`, { answers: Object.fromEntries(strategyItems.map((i) => [i, 1])) });
    const done = await owner.post(`${api}/runs/${first}/complete`);
    expect(done.body.status).toBe('completed');
    const firstStrategy = done.body.dimensions.find((d: { id: string }) => d.id === 'strategy');
    expect(firstStrategy.score).toBeGreaterThan(0);
    expect((await owner.put(`${api}/runs/${first}/answers`, { answers: { 'strategy.goal': 4 } })).body.code).toBe('check_closed');
    expect((await owner.post(`${api}/runs/${first}/complete`)).body.code).toBe('check_closed');

    const second = (await owner.post(`${api}/runs`)).body.id;
    await owner.put(`${api}/runs/${second}/answers`, { answers: Object.fromEntries(strategyItems.map((i) => [i, 3])) });
    await owner.post(`${api}/runs/${second}/complete`);
    const result = await owner.get(`${api}/runs/${second}/result`);
    expect(result.body.history.map((h: { runId: string }) => h.runId)).toEqual([first, second]);
    expect(result.body.previous.runId).toBe(first);
    const change = result.body.previous.comparison.dimensions.find((d: { id: string }) => d.id === 'strategy');
    expect(change.change).toBeGreaterThan(0);
    expect(change.after - change.before).toBe(change.change);

    const list = await owner.get(`${api}/runs`);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([second, first]);
    const firstAgain = await owner.get(`${api}/runs/${first}/result`);
    expect(firstAgain.body.result.dimensions.find((d: { id: string }) => d.id === 'strategy').score).toBe(firstStrategy.score);
    expect(firstAgain.body.previous).toBeNull();
  });

  it('shows anonymous peer percentiles only for groups of at least five opted-in firms', async () => {
    const section = '28';
    const firms: Array<Awaited<ReturnType<typeof company>> & { run: string }> = [];
    for (let i = 0; i < 5; i++) {
      const f = await company(`Peer ${kind} ${i}`, `peer${i}@peer-${kind}.example`, { employees: 150 + i, industry: section });
      const run = (await f.owner.post(`${f.api}/runs`)).body.id;
      await f.owner.put(`${f.api}/runs/${run}/answers`, { answers: { 'strategy.goal': i % 5, 'strategy.microGoals': i % 5, 'strategy.investmentEvaluation': 'gut', 'strategy.prioritisation': i >= 3 } });
      await f.owner.post(`${f.api}/runs/${run}/complete`);
      firms.push({ ...f, run });
    }
    // an outsider of another size class never counts
    const other = await company(`Peer other ${kind}`, `other@peer-${kind}.example`, { employees: 30, industry: section });
    await other.owner.put(`${other.api}/settings`, { peerOptIn: true });

    const peersOf = async (f: (typeof firms)[number]) => (await f.owner.get(`${f.api}/runs/${f.run}/result`)).body.peers;
    for (let i = 0; i < 4; i++) {
      expect((await firms[i].owner.put(`${firms[i].api}/settings`, { peerOptIn: true })).status).toBe(200);
    }
    const four = await peersOf(firms[0]);
    expect(four.optedIn).toBe(true);
    expect(four.groupSize).toBeNull();
    expect(four.dimensions.every((d: { percentile: number | null; median: number | null }) => d.percentile === null && d.median === null)).toBe(true);

    expect((await peersOf(firms[4])).optedIn).toBe(false);
    await firms[4].owner.put(`${firms[4].api}/settings`, { peerOptIn: true });
    const five = await peersOf(firms[0]);
    expect(five.groupSize).toBe(5);
    const strategy = five.dimensions.find((d: { id: string }) => d.id === 'strategy');
    expect(strategy.percentile).toBeGreaterThanOrEqual(0);
    expect(strategy.percentile).toBeLessThanOrEqual(100);
    expect(strategy.median).not.toBeNull();
    const top = (await peersOf(firms[4])).dimensions.find((d: { id: string }) => d.id === 'strategy');
    expect(top.percentile).toBeGreaterThan(strategy.percentile);

    await firms[2].owner.put(`${firms[2].api}/settings`, { peerOptIn: false });
    expect((await peersOf(firms[0])).groupSize).toBeNull();
  });

  it('keeps roles apart and follows the module switch', async () => {
    const { owner, id, api } = await company('Rollen Check GmbH', 'o@rc.example');
    const terminal = await join(owner, id, 'shopfloor', 's@rc.example');
    expect((await terminal.get(`${api}/runs`)).status).toBe(403);
    const member = await join(owner, id, 'member', 'm@rc.example');
    expect((await member.put(`${api}/settings`, { peerOptIn: true })).status).toBe(403);
    expect((await member.post(`${api}/runs`)).status).toBe(403);

    const me = await owner.get('/api/v1/me');
    expect(me.body.companies[0].navigation.map((n: { moduleId: string }) => n.moduleId)).toContain('check');
    // the roadmap builds on the check: switching the check off is refused while the roadmap is on
    const refused = await owner.put(`/api/v1/companies/${id}/modules/check`, { enabled: false });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'module_dependency', modules: ['roadmap'] });
    expect((await owner.put(`/api/v1/companies/${id}/modules/roadmap`, { enabled: false })).status).toBe(200);
    expect((await owner.put(`/api/v1/companies/${id}/modules/check`, { enabled: false })).status).toBe(200);
    const off = await owner.get(`${api}/runs`);
    expect(off.status).toBe(403);
    expect(off.body.code).toBe('module_disabled');
    expect((await owner.get('/api/v1/me')).body.companies[0].navigation.map((n: { moduleId: string }) => n.moduleId)).not.toContain('check');
    expect((await owner.put(`/api/v1/companies/${id}/modules/roadmap`, { enabled: true })).body).toMatchObject({ code: 'module_dependency', modules: ['check'] });
    await owner.put(`/api/v1/companies/${id}/modules/check`, { enabled: true });
    expect((await owner.get(`${api}/runs`)).status).toBe(200);
  });

  it('exports check data with the company', async () => {
    const { owner, id, api } = await company('Export Check GmbH', 'o@ec.example');
    const run = (await owner.post(`${api}/runs`)).body.id;
    await owner.put(`${api}/runs/${run}/answers`, { answers: { 'strategy.goal': 2 } });
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = unzipSync(new Uint8Array((await owner.get(`/api/v1/companies/${id}/export`)).raw.rawPayload));
    const responses = exportedRows(zip, 'check_responses');
    expect(responses).toEqual([expect.objectContaining({ check_id: run, answers: { 'strategy.goal': 2 } })]);
    const manifest = JSON.parse(strFromU8(zip['manifest.json']));
    expect(manifest.tables.find((t: { name: string }) => t.name === 'check_runs').module).toBe('check');
  });
});
