import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE, readXlsx, xlsxText } from '../../kernel/tabular/index.js';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { getQuestionnaire } from '../check/index.js';
import { measureCatalogue } from './catalogue/measure-catalogue.js';
import { fundingCatalogue } from './catalogue/funding-catalogue.js';
import { parseQuarter } from './domain/quarter.js';
import { CAPACITY_BY_CLASS } from './domain/schedule.js';

const PROFILE = { employees: 8, industry: '25', series: 'single', complexity: 'medium', state: 'BY', region: 'muenchen' };

/** Low answers everywhere: a firm at the start, so the rules have gaps to work on. */
function lowAnswers() {
  const answers: Record<string, boolean | number | string> = {};
  for (const item of getQuestionnaire().items) {
    if (item.type === 'scale') answers[item.id] = 0;
    else if (item.type === 'boolean') answers[item.id] = false;
  }
  answers['scr.machines'] = true;
  return answers;
}

describe.each(testDatabaseKinds())('Roadmap API on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string, withCheck = true) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email);
    await owner.patch(`/api/v1/companies/${id}`, { profile: PROFILE });
    if (withCheck) {
      const run = (await owner.post(`/api/v1/companies/${id}/check/runs`)).body.id;
      await owner.put(`/api/v1/companies/${id}/check/runs/${run}/answers`, { answers: lowAnswers() });
      expect((await owner.post(`/api/v1/companies/${id}/check/runs/${run}/complete`)).status).toBe(200);
    }
    return { owner, id, api: `/api/v1/companies/${id}/roadmap` };
  }

  async function join(owner: TestClient, companyId: string, role: string, email: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role });
    const person = new TestClient(instance);
    await person.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: `${role} person`, email, password: 'long enough password' } });
    return person;
  }

  it('suggests measures with reasons, quadrant, prerequisites first and funding for the firm\'s state', async () => {
    const { owner, api } = await company('Vorschlag GmbH', 'o@vorschlag.example');
    const res = await owner.get(`${api}/suggestions`);
    expect(res.status).toBe(200);
    const suggestions = res.body.suggestions as Array<{ id: string; reason: { de: string; en: string }; reasonItems: string[]; dependsOn: string[]; funding: Array<{ scope: string; historical: boolean }>; planItem: unknown }>;
    expect(suggestions.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (const s of suggestions) {
      expect(s.reason.de.length).toBeGreaterThan(0);
      expect(s.reason.en.length).toBeGreaterThan(0);
      expect(s.reasonItems.length).toBeGreaterThan(0);
      for (const d of s.dependsOn) expect(seen.has(d)).toBe(true);
      seen.add(s.id);
      expect(s.planItem).toBeNull();
    }
    const bavarian = fundingCatalogue.programmes.filter((p) => p.regions.includes('DE-BY'));
    expect(bavarian.length).toBeGreaterThan(0);
    const matches = suggestions.flatMap((s) => s.funding);
    expect(matches.some((m) => m.scope === 'state')).toBe(true);
    expect(matches.every((m) => m.historical)).toBe(true);

    const none = await company('Ohne Check GmbH', 'o@ohnecheck.example', false);
    expect((await none.owner.get(`${none.api}/suggestions`)).body).toEqual({ check: null, suggestions: [], fromModules: [] });
  });

  it('accepts several suggestions at once, rejects unknown measures without change, drops and revives', async () => {
    const { owner, api } = await company('Plan GmbH', 'o@plan.example');
    const suggestions = (await owner.get(`${api}/suggestions`)).body.suggestions as Array<{ id: string }>;
    const chosen = suggestions.slice(0, 4).map((s) => s.id);
    const bad = await owner.post(`${api}/plan/accept`, { measureIds: [chosen[0], 'no-such-measure'] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation');
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'body.measureIds.1' })]);
    expect((await owner.get(`${api}/plan`)).body.items).toEqual([]);

    const accepted = await owner.post(`${api}/plan/accept`, { measureIds: chosen });
    expect(accepted.status).toBe(200);
    expect(accepted.body.items.map((i: { measureId: string }) => i.measureId).sort()).toEqual([...chosen].sort());
    const first = accepted.body.items.find((i: { measureId: string }) => i.measureId === chosen[0]);
    expect(first.status).toBe('planned');
    expect(first.microGoal).toBe(measureCatalogue.measures.find((m) => m.id === chosen[0])!.microGoal.de);
    const again = await owner.post(`${api}/plan/accept`, { measureIds: chosen });
    expect(again.body.items).toHaveLength(chosen.length);

    const dropped = await owner.patch(`${api}/plan/items/${first.id}`, { status: 'dropped' });
    expect(dropped.body.status).toBe('dropped');
    const marked = (await owner.get(`${api}/suggestions`)).body.suggestions.find((s: { id: string }) => s.id === chosen[0]);
    expect(marked.planItem).toEqual({ id: first.id, status: 'dropped' });
    const revived = await owner.post(`${api}/plan/accept`, { measureIds: [chosen[0]] });
    expect(revived.body.items.find((i: { id: string }) => i.id === first.id).status).toBe('planned');
  });

  it('adds own measures and edits owner, quarters, status, micro-goal and KPI; invalid edits change nothing', async () => {
    const { owner, id, api } = await company('Edit GmbH', 'o@edit.example');
    const member = await join(owner, id, 'member', 'm@edit.example');
    const outsider = new TestClient(instance);
    await outsider.signup('Fremd GmbH', 'o@fremd-edit.example');
    const outsiderId = (await outsider.get('/api/v1/me')).body.user.id;

    expect((await owner.post(`${api}/plan/items`, { title: '   ' })).status).toBe(400);
    const own = await owner.post(`${api}/plan/items`, { title: 'Hallenboden markieren', description: 'Wege für Stapler', startQuarter: '2027-Q1' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ custom: true, title: { de: 'Hallenboden markieren' }, startQuarter: '2027-Q1', endQuarter: '2027-Q1', status: 'planned' });

    const memberId = (await member.get('/api/v1/me')).body.user.id;
    const edited = await member.patch(`${api}/plan/items/${own.body.id}`, {
      ownerUserId: memberId, endQuarter: '2027-Q2', status: 'in_progress', microGoal: 'Alle Wege markiert', kpiName: 'Markierte Wege', kpiTarget: '100', kpiUnit: '%',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ ownerUserId: memberId, ownerName: 'member person', endQuarter: '2027-Q2', status: 'in_progress', microGoal: 'Alle Wege markiert', kpiTarget: '100' });

    const before = (await owner.get(`${api}/plan`)).body.items;
    for (const body of [
      { endQuarter: '2026-Q4' },
      { ownerUserId: outsiderId, microGoal: 'anders' },
      { status: 'finished' },
      { startQuarter: '2027-Q5' },
      { unknownField: 1 },
    ]) {
      const res = await owner.patch(`${api}/plan/items/${own.body.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation');
      expect(res.body.title.length).toBeGreaterThan(0);
    }
    expect((await owner.get(`${api}/plan`)).body.items).toEqual(before);

    const measure = measureCatalogue.measures[0]!.id;
    const plan = (await owner.post(`${api}/plan/accept`, { measureIds: [measure] })).body;
    const catalogueItem = plan.items.find((i: { measureId: string }) => i.measureId === measure);
    expect((await owner.patch(`${api}/plan/items/${catalogueItem.id}`, { title: 'Umbenannt' })).status).toBe(400);

    const done = await owner.patch(`${api}/plan/items/${own.body.id}`, { status: 'done' });
    expect(done.body.doneAt).not.toBeNull();
    const reopened = await owner.patch(`${api}/plan/items/${own.body.id}`, { status: 'planned' });
    expect(reopened.body.doneAt).toBeNull();

    expect((await owner.delete(`${api}/plan/items/${own.body.id}`)).status).toBe(204);
    expect((await owner.patch(`${api}/plan/items/${own.body.id}`, { status: 'done' })).status).toBe(404);
    await owner.patch('/api/v1/me', { locale: 'en' });
    const english = await owner.patch(`${api}/plan/items/${catalogueItem.id}`, { endQuarter: '2000-Q1', startQuarter: '2001-Q1' });
    expect(english.body.errors).toEqual([expect.objectContaining({ path: 'body.endQuarter' })]);
    expect(english.body.title).toMatch(/invalid/i);
  });

  it('schedules planned measures by prerequisites and the firm\'s size, with yearly reviews', async () => {
    const { owner, api } = await company('Takt GmbH', 'o@takt.example');
    expect((await owner.post(`${api}/plan/schedule`, {})).body.code).toBe('roadmap_nothing_to_schedule');
    const suggestions = (await owner.get(`${api}/suggestions`)).body.suggestions as Array<{ id: string; dependsOn: string[] }>;
    const withPrerequisite = suggestions.find((s) => s.dependsOn.length > 0);
    expect(withPrerequisite).toBeDefined();
    const ids = [...new Set([...withPrerequisite!.dependsOn, withPrerequisite!.id, ...suggestions.slice(0, 5).map((s) => s.id)])];
    await owner.post(`${api}/plan/accept`, { measureIds: ids });
    expect((await owner.post(`${api}/plan/schedule`, { startQuarter: '2027-Q9' })).status).toBe(400);

    const res = await owner.post(`${api}/plan/schedule`, { startQuarter: '2027-Q1' });
    expect(res.status).toBe(200);
    const plan = res.body;
    expect(plan.startQuarter).toBe('2027-Q1');
    expect(plan.capacity).toMatchObject({ sizeClass: 'micro', ...CAPACITY_BY_CLASS.micro });
    const byMeasure = new Map(plan.items.map((i: { measureId: string }) => [i.measureId, i]));
    for (const item of plan.items) {
      expect(parseQuarter(item.startQuarter)).toBeGreaterThanOrEqual(parseQuarter('2027-Q1'));
      expect(parseQuarter(item.endQuarter)).toBeGreaterThanOrEqual(parseQuarter(item.startQuarter));
    }
    const dependent = byMeasure.get(withPrerequisite!.id) as { startQuarter: string };
    for (const p of withPrerequisite!.dependsOn) {
      expect(parseQuarter(dependent.startQuarter)).toBeGreaterThan(parseQuarter((byMeasure.get(p) as { endQuarter: string }).endQuarter));
    }
    // a micro firm runs one measure at a time
    const quarters = new Map<number, number>();
    for (const item of plan.items) for (let q = parseQuarter(item.startQuarter); q <= parseQuarter(item.endQuarter); q++) quarters.set(q, (quarters.get(q) ?? 0) + 1);
    expect(Math.max(...quarters.values())).toBe(CAPACITY_BY_CLASS.micro.parallel);
    expect(plan.reviews[0]).toBe('2028-01-01');
    expect(plan.nextReview).toBe(plan.reviews.find((r: string) => r >= new Date().toISOString().slice(0, 10)) ?? null);
  });

  it('keeps a funding catalogue per company: seeded historical examples, add, edit, delete', async () => {
    const a = await company('Förder A GmbH', 'o@foerder-a.example', false);
    const list = (await a.owner.get(`${a.api}/funding`)).body;
    expect(list.map((p: { seedId: string }) => p.seedId)).toEqual(fundingCatalogue.programmes.map((p) => p.id));
    expect(list.every((p: { historical: boolean }) => p.historical)).toBe(true);
    expect((await a.owner.get(`${a.api}/funding`)).body).toHaveLength(list.length);

    const bad = await a.owner.post(`${a.api}/funding`, { name: 'X', provider: 'Y', regions: ['Bayern'], kinds: ['software'] });
    expect(bad.status).toBe(400);
    const badDates = await a.owner.post(`${a.api}/funding`, { name: 'X', provider: 'Y', regions: ['DE'], kinds: ['software'], validFrom: '2027-01-01', validUntil: '2026-01-01' });
    expect(badDates.status).toBe(400);
    const added = await a.owner.post(`${a.api}/funding`, { name: 'Digitalbonus Test', provider: 'Land', regions: ['DE-BY'], kinds: ['software'], percentMax: 50, rateText: 'bis 50 %' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ historical: false, percentMax: 50, rateText: { de: 'bis 50 %' } });
    const changed = await a.owner.patch(`${a.api}/funding/${added.body.id}`, { validUntil: '2030-12-31' });
    expect(changed.body.validUntil).toBe('2030-12-31');
    expect((await a.owner.patch(`${a.api}/funding/${added.body.id}`, { validFrom: '2031-01-01' })).status).toBe(400);
    // nothing to change: the programme as it is (before, an empty SET made this a 500)
    const unchanged = await a.owner.patch(`${a.api}/funding/${added.body.id}`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(changed.body);
    expect((await a.owner.delete(`${a.api}/funding/${list[0].id}`)).status).toBe(204);
    const after = (await a.owner.get(`${a.api}/funding`)).body;
    expect(after).toHaveLength(list.length);
    expect(after.map((p: { id: string }) => p.id)).not.toContain(list[0].id);

    const b = await company('Förder B GmbH', 'o@foerder-b.example', false);
    expect((await b.owner.get(`${b.api}/funding`)).body).toHaveLength(fundingCatalogue.programmes.length);
  });

  it('lets viewers read but not plan, and closes with the module switch', async () => {
    const { owner, id, api } = await company('Rollen Roadmap GmbH', 'o@rr.example');
    const viewer = await join(owner, id, 'viewer', 'v@rr.example');
    const terminal = await join(owner, id, 'shopfloor', 's@rr.example');
    const measure = (await owner.get(`${api}/suggestions`)).body.suggestions[0].id;
    expect((await viewer.get(`${api}/suggestions`)).status).toBe(200);
    expect((await viewer.get(`${api}/plan`)).status).toBe(200);
    expect((await viewer.post(`${api}/plan/accept`, { measureIds: [measure] })).status).toBe(403);
    expect((await viewer.post(`${api}/plan/items`, { title: 'x' })).status).toBe(403);
    expect((await viewer.post(`${api}/funding`, { name: 'x', provider: 'y', regions: ['DE'], kinds: ['advice'] })).status).toBe(403);
    expect((await terminal.get(`${api}/plan`)).status).toBe(403);
    expect((await owner.get(`${api}/plan`)).body.items).toEqual([]);

    await owner.put(`/api/v1/companies/${id}/modules/roadmap`, { enabled: false });
    expect((await owner.get(`${api}/plan`)).body.code).toBe('module_disabled');
    await owner.put(`/api/v1/companies/${id}/modules/roadmap`, { enabled: true });
    expect((await owner.get(`${api}/plan`)).status).toBe(200);
  });

  it('shows progress between the two newest checks next to the measures done in between', async () => {
    const { owner, id, api } = await company('Fortschritt GmbH', 'o@fortschritt.example');
    const measure = (await owner.get(`${api}/suggestions`)).body.suggestions[0].id;
    const item = (await owner.post(`${api}/plan/accept`, { measureIds: [measure] })).body.items[0];
    await owner.patch(`${api}/plan/items/${item.id}`, { status: 'done' });
    const strategyItems = getQuestionnaire().items.filter((i) => i.section === 'strategy' && i.type === 'scale').map((i) => i.id);
    const run = (await owner.post(`/api/v1/companies/${id}/check/runs`)).body.id;
    await owner.put(`/api/v1/companies/${id}/check/runs/${run}/answers`, { answers: { ...lowAnswers(), ...Object.fromEntries(strategyItems.map((i) => [i, 4])) } });
    await owner.post(`/api/v1/companies/${id}/check/runs/${run}/complete`);
    const own = (await owner.post(`${api}/plan/items`, { title: 'Nach dem Check' })).body;
    await owner.patch(`${api}/plan/items/${own.id}`, { status: 'done' });

    const progress = (await owner.get(`${api}/progress`)).body;
    expect(progress.latest.id).toBe(run);
    expect(progress.previous).not.toBeNull();
    const strategy = progress.dimensions.find((d: { id: string }) => d.id === 'strategy');
    expect(strategy.change).toBeGreaterThan(0);
    expect(strategy.after - strategy.before).toBe(strategy.change);
    expect(progress.completed.map((c: { id: string }) => c.id)).toEqual([item.id]);
  });

  it('shows the investment evaluations attached to a plan measure, with their figures, only in the own company and only while invest is on', async () => {
    const { owner, id, api } = await company('Bewertet GmbH', 'o@bewertet.example');
    const suggestion = (await owner.get(`${api}/suggestions`)).body.suggestions[0] as { id: string };
    await owner.post(`${api}/plan/accept`, { measureIds: [suggestion.id] });
    const own = (await owner.post(`${api}/plan/items`, { title: 'Eigene Maßnahme ohne Bewertung' })).body;
    const item = (await owner.get(`${api}/plan`)).body.items.find((i: { measureId: string | null }) => i.measureId === suggestion.id);

    // 3 years at 10 %: −10 000 €, then 4 000 € savings a year.
    const flows = [-1_000_000, 400_000, 400_000, 400_000];
    const invest = `/api/v1/companies/${id}/invest/evaluations`;
    const body = {
      title: 'Tablets – Angebot A',
      horizonYears: 3,
      discountRate: 0.1,
      inputs: { investmentCents: 1_000_000, savingsPerYearCents: 400_000 },
      criteria: [{ id: 'risk', weight: 1, score: 4 }],
    };
    const attached = await owner.post(invest, { ...body, planItemId: item.id, measureId: suggestion.id });
    expect(attached.status).toBe(201);
    await owner.post(invest, { ...body, title: 'Nicht zugeordnet' });

    // NPV by hand: −1 000 000 + 400 000 · (1/1.1 + 1/1.21 + 1/1.331) = −5 259.20 cents; cumulative −600 000, −200 000, +200 000 → payback 2.5 years.
    const bisect = (f: (r: number) => number, lo: number, hi: number) => {
      for (let k = 0; k < 200; k++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(f(mid)) === Math.sign(f(lo))) lo = mid;
        else hi = mid;
      }
      return lo;
    };
    const expectedIrr = bisect((r) => flows.reduce((sum, f, t) => sum + f / (1 + r) ** t, 0), 0, 0.5);
    const plan = (await owner.get(`${api}/plan`)).body;
    expect(plan.investEnabled).toBe(true);
    const shown = plan.items.find((i: { id: string }) => i.id === item.id);
    expect(shown.evaluations).toEqual([{
      evaluationId: attached.body.id,
      title: 'Tablets – Angebot A',
      npvCents: -5259,
      irr: expect.closeTo(expectedIrr, 9),
      paybackYears: expect.closeTo(2.5, 12),
      utilityScore: expect.closeTo(80, 10),
    }]);
    expect(expectedIrr).toBeGreaterThan(0.07);
    expect(expectedIrr).toBeLessThan(0.1);
    expect(plan.items.find((i: { id: string }) => i.id === own.id).evaluations).toEqual([]);
    // The answer to a change of the measure carries them too.
    expect((await owner.patch(`${api}/plan/items/${item.id}`, { kpiName: 'Papierlose Aufträge' })).body.evaluations.map((e: { title: string }) => e.title)).toEqual(['Tablets – Angebot A']);

    // Another company pointing its evaluation at this plan item's id changes nothing here, and shows nothing there.
    const other = await company('Fremd GmbH', 'o@fremd-bewertet.example', false);
    const foreign = await other.owner.post(`/api/v1/companies/${other.id}/invest/evaluations`, { ...body, title: 'Fremde Bewertung', planItemId: item.id });
    expect([foreign.status, foreign.body.errors?.[0]?.path]).toEqual([400, 'body.planItemId']);
    expect((await owner.get(`${api}/plan`)).body.items.find((i: { id: string }) => i.id === item.id).evaluations.map((e: { title: string }) => e.title)).toEqual(['Tablets – Angebot A']);
    expect(JSON.stringify((await other.owner.get(`${other.api}/plan`)).body)).not.toContain('Fremde Bewertung');

    // With the invest module switched off, the plan shows no evaluations.
    expect((await owner.put(`/api/v1/companies/${id}/modules/invest`, { enabled: false })).status).toBe(200);
    const off = (await owner.get(`${api}/plan`)).body;
    expect(off.investEnabled).toBe(false);
    expect(off.items.every((i: { evaluations: unknown[] }) => i.evaluations.length === 0)).toBe(true);
    expect((await owner.put(`/api/v1/companies/${id}/modules/invest`, { enabled: true })).status).toBe(200);
    expect((await owner.get(`${api}/plan`)).body.items.find((i: { id: string }) => i.id === item.id).evaluations).toHaveLength(1);
  });

  it('exports the plan as CSV and JSON', async () => {
    const { owner, api } = await company('Export Roadmap GmbH', 'o@er.example');
    const suggestions = (await owner.get(`${api}/suggestions`)).body.suggestions.slice(0, 2);
    await owner.post(`${api}/plan/accept`, { measureIds: suggestions.map((s: { id: string }) => s.id) });
    await owner.post(`${api}/plan/items`, { title: '=SUMME(A1) "Zitat", mit Komma' });
    await owner.post(`${api}/plan/schedule`, {});
    const plan = (await owner.get(`${api}/plan`)).body;

    const json = await owner.get(`${api}/plan.json`);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(json.body.items).toEqual(plan.items);
    expect(json.body.reviews).toEqual(plan.reviews);
    expect(json.body.members).toBeUndefined();

    const csv = await owner.get(`${api}/plan.csv?lang=en`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(plan.items.length + 1);
    expect(lines[0]!.split(',')).toContain('startQuarter');
    expect(lines.some((l) => l.includes(suggestions[0].title.en))).toBe(true);
    expect(csv.body).toContain(`"'=SUMME(A1) ""Zitat"", mit Komma"`);
    for (const item of plan.items) expect(csv.body).toContain(`${item.id},`);

    const xlsx = await owner.get(`${api}/plan.xlsx?lang=en`);
    expect(xlsx.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    const sheet: string[][] = [];
    for await (const row of readXlsx(xlsx.raw.rawPayload)) sheet.push(row.values.map(xlsxText));
    expect(sheet[0]).toEqual(lines[0]!.split(','));
    expect(sheet).toHaveLength(plan.items.length + 1);
    // a workbook holds texts as texts: nothing to defuse, the title comes back as typed
    expect(sheet.flat()).toContain('=SUMME(A1) "Zitat", mit Komma');
    for (const item of plan.items) expect(sheet.map((r) => r[0])).toContain(item.id);
  });
});
