import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { irr, irrCandidates, npv } from './domain/finance.js';
import { evaluationsForPlanItems } from './index.js';
import { investIsolationFixture } from './invest.isolation-fixture.js';

const discounted = (rate: number, flows: number[]) => flows.reduce((sum, f, t) => sum + f / (1 + rate) ** t, 0);

/**
 * Expected case, 4 years, in cents: investment 10 000 € with 20 % subsidy, running costs 1 000 €,
 * savings 4 000 €, residual value 500 €. Worst: +20 % investment, −30 % savings. Best: own flows.
 */
const BODY = {
  title: 'Tablets in der Fertigung',
  description: 'Papierlose Fertigung',
  horizonYears: 4,
  discountRate: 0.1,
  inputs: {
    investmentCents: 1_000_000,
    subsidy: { kind: 'rate', rate: 0.2 },
    fundingProgramme: 'Landesprogramm',
    runningCostsPerYearCents: 100_000,
    savingsPerYearCents: 400_000,
    residualValueCents: 50_000,
  },
  scenarios: {
    worst: { mode: 'deviations', deviations: { investment: 20, savings: -30 } },
    best: { mode: 'cashFlows', cashFlowsCents: [-700_000, 400_000, 400_000, 400_000, 450_000] },
  },
  criteria: [
    { id: 'risk', weight: 3, score: 4 },
    { id: 'strategicFit', weight: 1, score: 2 },
    { id: 'ownCriterion', label: 'Lärm in der Halle', weight: 0, score: null },
  ],
};
// Worked out by hand from BODY: year 0 = −10 000 + 2 000; years 1–3 = −1 000 + 4 000; year 4 adds 500.
const EXPECTED_FLOWS = [-800_000, 300_000, 300_000, 300_000, 350_000];
// Worst: investment 12 000 with 20 % subsidy = −9 600; savings 2 800 − 1 000 = 1 800 a year.
const WORST_FLOWS = [-960_000, 180_000, 180_000, 180_000, 230_000];
const BEST_FLOWS = BODY.scenarios.best.cashFlowsCents;

describe.each(testDatabaseKinds())('Investment API on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email);
    return { owner, id, api: `/api/v1/companies/${id}/invest` };
  }

  async function join(owner: TestClient, companyId: string, role: string, email: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role });
    const person = new TestClient(instance);
    await person.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: `${role} person`, email, password: 'long enough password' } });
    return person;
  }

  const rowsOf = async (tenantId: string) => ({
    evaluations: await instance.ctx.db.selectFrom('invest_evaluations').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    criteria: await instance.ctx.db.selectFrom('invest_criteria').selectAll().where('tenant_id', '=', tenantId).orderBy('evaluation_id').orderBy('criterion_id').execute(),
  });

  it('computes the figures of all three scenarios from the stored inputs', async () => {
    const { owner, api } = await company('Rechen GmbH', 'o@rechen.example');
    const created = await owner.post(`${api}/evaluations`, BODY);
    expect(created.status).toBe(201);
    const { results } = created.body;
    const flowsOf = (name: string) => results.scenarios[name].years.map((y: { net: number }) => y.net);
    expect(flowsOf('expected')).toEqual(EXPECTED_FLOWS);
    expect(flowsOf('worst')).toEqual(WORST_FLOWS);
    expect(flowsOf('best')).toEqual(BEST_FLOWS);
    expect(results.scenarios.expected.years[0]).toMatchObject({ investment: -1_000_000, subsidy: 200_000 });

    for (const [name, flows] of [['worst', WORST_FLOWS], ['expected', EXPECTED_FLOWS], ['best', BEST_FLOWS]] as const) {
      const figures = results.scenarios[name];
      expect(figures.npvCents).toBeCloseTo(discounted(0.1, [...flows]), 6);
      expect(figures.irr).toBeCloseTo(irr(flows)!, 10);
      expect(Math.abs(discounted(figures.irr, [...flows]))).toBeLessThan(1);
      expect(figures.irrCandidates).toHaveLength(1);
    }
    // Cumulative −800k, −500k, −200k, +100k: back during year 4, after two thirds of year 3's flow.
    expect(results.scenarios.expected.paybackYears).toBeCloseTo(2 + 200 / 300, 12);
    expect(results.scenarios.expected.roi).toBeCloseTo((300_000 * 3 + 350_000 - 800_000) / 800_000, 12);
    // Worst: cumulative −960k, −780k, −600k, −420k, −190k: never back.
    expect(results.scenarios.worst.paybackYears).toBeNull();
    expect(results.scenarios.worst.discountedPaybackYears).toBeNull();
    expect(results.scenarios.best.paybackYears).toBeCloseTo(1 + 300 / 400, 12);
    const expectedDiscounted = EXPECTED_FLOWS.map((f, t) => f / 1.1 ** t);
    const cum = expectedDiscounted.map((_, t) => expectedDiscounted.slice(0, t + 1).reduce((a, b) => a + b, 0));
    const lastNegative = cum.findLastIndex((c) => c < 0);
    expect(results.scenarios.expected.discountedPaybackYears).toBeCloseTo(lastNegative + -cum[lastNegative] / expectedDiscounted[lastNegative + 1], 9);

    expect(results.chart.years).toEqual([0, 1, 2, 3, 4]);
    const series = Object.fromEntries(results.chart.series.map((s: { scenario: string; cumulative: number[] }) => [s.scenario, s.cumulative]));
    expect(series.expected).toEqual([-800_000, -500_000, -200_000, 100_000, 450_000]);
    expect(series.worst.at(-1)).toBe(-190_000);
    expect(series.best.at(-1)).toBe(950_000);
    // Weights 3 : 1, scores 4 and 2: (0.75 · 4 + 0.25 · 2) / 5 · 100 = 70; the unweighted own criterion adds nothing.
    expect(results.utility.score).toBeCloseTo(70, 10);
    expect(created.body).toMatchObject({ title: BODY.title, discountRate: 0.1, horizonYears: 4, inputs: { fundingProgramme: 'Landesprogramm', subsidyYear: null, operationStartYear: 1 } });
  });

  it('fills defaults, warns of several rates of return, and keeps utility open until every weighted criterion is rated', async () => {
    const { owner, api } = await company('Default GmbH', 'o@default.example');
    const created = await owner.post(`${api}/evaluations`, { title: 'Nur ein Titel' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ horizonYears: 5, discountRate: 0.08, planItemId: null });
    expect(created.body.criteria.map((c: { id: string }) => c.id)).toEqual(['risk', 'timeToEffect', 'brandImage', 'staffSatisfaction', 'strategicFit', 'supplierDependency']);
    expect(created.body.results.utility).toBeNull();
    expect(created.body.results.unratedCriteria).toHaveLength(6);
    expect(created.body.results.scenarios.expected.irr).toBeNull();
    expect(created.body.results.scenarios.expected.roi).toBeNull();

    // −1600, +10000, −10000 has two rates of return, 25 % and 400 %.
    const twoRates = [-1600, 10000, -10000];
    const multi = await owner.post(`${api}/evaluations`, {
      title: 'Zwei Renditen',
      horizonYears: 2,
      scenarios: { worst: { mode: 'cashFlows', cashFlowsCents: twoRates }, best: { mode: 'deviations', deviations: {} } },
    });
    expect(multi.status).toBe(201);
    const candidates = multi.body.results.scenarios.worst.irrCandidates;
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toBeCloseTo(0.25, 9);
    expect(candidates[1]).toBeCloseTo(4, 9);
    expect(candidates).toEqual(irrCandidates(twoRates));
  });

  it('updates and deletes with audit entries; invalid input is refused with field paths and changes nothing', async () => {
    const { owner, id, api } = await company('Pflege GmbH', 'o@pflege.example');
    const created = (await owner.post(`${api}/evaluations`, BODY)).body;
    const url = `${api}/evaluations/${created.id}`;

    const changed = await owner.put(url, { ...BODY, title: 'Tablets, zweite Rechnung', discountRate: 0.05, inputs: { ...BODY.inputs, savingsPerYearCents: 500_000 } });
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe('Tablets, zweite Rechnung');
    expect(changed.body.results.scenarios.expected.npvCents).toBeCloseTo(npv(0.05, [-800_000, 400_000, 400_000, 400_000, 450_000]), 6);
    expect((await owner.get(url)).body).toEqual(changed.body);

    const before = await rowsOf(id);
    const bad: Array<[unknown, string]> = [
      [{ ...BODY, inputs: { ...BODY.inputs, subsidy: { kind: 'amount', amountCents: 2_000_000 } } }, 'body.inputs.subsidy.amountCents'],
      [{ ...BODY, inputs: { ...BODY.inputs, savingsPerYearCents: -1 } }, 'body.inputs.savingsPerYearCents'],
      [{ ...BODY, inputs: { ...BODY.inputs, investmentCents: 10.5 } }, 'body.inputs.investmentCents'],
      [{ ...BODY, criteria: [{ id: 'risk', weight: 1, score: 6 }] }, 'body.criteria.0.score'],
      [{ ...BODY, criteria: [{ id: 'mine', weight: 1, score: 3 }] }, 'body.criteria.0.label'],
      [{ ...BODY, criteria: [{ id: 'risk', weight: 0, score: 3 }] }, 'body.criteria'],
      [{ ...BODY, scenarios: { ...BODY.scenarios, best: { mode: 'cashFlows', cashFlowsCents: [-1, 2] } } }, 'body.scenarios.best.cashFlowsCents'],
      [{ ...BODY, discountRate: 8 }, 'body.discountRate'],
      [{ ...BODY, title: '  ' }, 'body.title'],
      [{ ...BODY, discountrate: 0.05 }, 'body'],
    ];
    for (const [body, path] of bad) {
      const res = await owner.put(url, body);
      expect(res.status, path).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('validation');
      expect(res.body.title).toBe('Die Eingabe ist ungültig. Bitte prüfen Sie die markierten Felder.');
      expect(res.body.errors.map((e: { path: string }) => e.path), JSON.stringify(res.body.errors)).toContain(path);
      expect((await owner.post(`${api}/evaluations`, body)).status).toBe(400);
    }
    expect(await rowsOf(id)).toEqual(before);

    const deleted = await owner.delete(url);
    expect(deleted.status).toBe(204);
    expect((await owner.get(url)).status).toBe(404);
    expect((await owner.delete(url)).status).toBe(404);
    expect(await rowsOf(id)).toEqual({ evaluations: [], criteria: [] });

    const audit = await instance.ctx.db.selectFrom('audit_log').select(['action', 'target']).where('tenant_id', '=', id).where('action', 'like', 'invest.%').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'invest.evaluation_created', target: created.id },
      { action: 'invest.evaluation_updated', target: created.id },
      { action: 'invest.evaluation_deleted', target: created.id },
    ]);
  });

  it('lets viewers read but not edit; members edit', async () => {
    const { owner, id, api } = await company('Rollen GmbH', 'o@rollen.example');
    const viewer = await join(owner, id, 'viewer', 'v@rollen.example');
    const member = await join(owner, id, 'member', 'm@rollen.example');
    const created = (await owner.post(`${api}/evaluations`, BODY)).body;
    const url = `${api}/evaluations/${created.id}`;
    const before = await rowsOf(id);

    expect((await viewer.get(`${api}/evaluations`)).body.map((e: { id: string }) => e.id)).toEqual([created.id]);
    expect((await viewer.get(url)).status).toBe(200);
    for (const res of [await viewer.post(`${api}/evaluations`, BODY), await viewer.put(url, { ...BODY, title: 'Nein' }), await viewer.delete(url)]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(await rowsOf(id)).toEqual(before);
    expect((await member.put(url, { ...BODY, title: 'Vom Mitarbeiter' })).status).toBe(200);
  });

  it('compares alternatives on the weights of the first, and lists them with the expected figures', async () => {
    const { owner, api } = await company('Vergleich GmbH', 'o@vergleich.example');
    const a = (await owner.post(`${api}/evaluations`, BODY)).body;
    const b = (await owner.post(`${api}/evaluations`, {
      ...BODY,
      title: 'Maschinendaten',
      criteria: [{ id: 'risk', weight: 1, score: 5 }, { id: 'strategicFit', weight: 1, score: 5 }],
    })).body;
    const unrated = (await owner.post(`${api}/evaluations`, { title: 'Unbewertet' })).body;

    const res = await owner.get(`${api}/compare?ids=${a.id},${b.id},${unrated.id}`);
    expect(res.status).toBe(200);
    expect(res.body.weightsFrom).toBe(a.id);
    const [first, second, third] = res.body.alternatives;
    expect([first.id, second.id, third.id]).toEqual([a.id, b.id, unrated.id]);
    // On A's weights 3 : 1: A = 70, B = (0.75 · 5 + 0.25 · 5) / 5 · 100 = 100; B's own weights give 100 too.
    expect(first).toMatchObject({ rank: 2, ownUtilityScore: 70, investmentCents: 1_000_000 });
    expect(first.utilityScore).toBeCloseTo(70, 10);
    expect(second).toMatchObject({ rank: 1, utilityScore: 100, ownUtilityScore: 100 });
    expect(third).toMatchObject({ rank: null, utilityScore: null, ownUtilityScore: null });
    expect(first.scenarios.worst.npvCents).toBeCloseTo(discounted(0.1, WORST_FLOWS), 6);
    expect(first.scenarios.best.paybackYears).toBeCloseTo(1.75, 12);

    for (const query of [`ids=${a.id}`, `ids=${a.id},${b.id},${a.id},${b.id},${unrated.id}`, 'ids=nope,nada', '']) {
      const wrong = await owner.get(`${api}/compare?${query}`);
      expect(wrong.status, query).toBe(400);
    }
    const twice = await owner.get(`${api}/compare?ids=${a.id},${a.id}`);
    expect(twice.body).toMatchObject({ status: 400, code: 'invest_compare_duplicate', title: 'Bitte wählen Sie jede Bewertung nur einmal für den Vergleich.' });

    const list = (await owner.get(`${api}/evaluations`)).body;
    expect(list.map((e: { id: string }) => e.id)).toEqual([unrated.id, b.id, a.id]);
    expect(list[2].npvCents).toBeCloseTo(discounted(0.1, EXPECTED_FLOWS), 6);
    expect(list[2].paybackYears).toBeCloseTo(2 + 2 / 3, 12);
    expect(list[2].utilityScore).toBeCloseTo(70, 10);
  });

  it('keeps each company\'s evaluations to itself on every route, and links them to plan items', async () => {
    const alpha = await company('Alpha Invest GmbH', 'a@alpha-invest.example');
    const beta = await company('Beta Invest GmbH', 'b@beta-invest.example');
    const planItemOf = async (c: typeof alpha) => (await c.owner.post(`/api/v1/companies/${c.id}/roadmap/plan/items`, { title: 'Tablets' })).body.id as string;
    const planItemId = await planItemOf(alpha);
    const betasPlanItemId = await planItemOf(beta);
    // a plan item that is not the company's own (another company's, or none) is refused, naming the field
    for (const foreign of [betasPlanItemId, '019a0000-0000-7000-8000-000000000001']) {
      const refused = await alpha.owner.post(`${alpha.api}/evaluations`, { ...BODY, planItemId: foreign });
      expect([refused.status, refused.body.errors?.[0]?.path]).toEqual([400, 'body.planItemId']);
    }
    const own = (await alpha.owner.post(`${alpha.api}/evaluations`, { ...BODY, planItemId, measureId: 'tablets-shop-floor' })).body;
    await alpha.owner.post(`${alpha.api}/evaluations`, { title: 'Ohne Verknüpfung' });
    const { evaluationId } = await investIsolationFixture(beta.owner, beta.id);
    await beta.owner.put(`${beta.api}/evaluations/${evaluationId}`, { ...BODY, planItemId: betasPlanItemId });
    const betaBefore = await rowsOf(beta.id);

    const crossed = `${alpha.api}/evaluations/${evaluationId}`;
    expect((await alpha.owner.get(crossed)).status).toBe(404);
    expect((await alpha.owner.put(crossed, BODY)).status).toBe(404);
    expect((await alpha.owner.delete(crossed)).status).toBe(404);
    expect((await alpha.owner.get(`${alpha.api}/compare?ids=${own.id},${evaluationId}`)).status).toBe(404);
    for (const [method, path] of [['GET', '/evaluations'], ['POST', '/evaluations'], ['GET', `/evaluations/${evaluationId}`], ['PUT', `/evaluations/${evaluationId}`], ['DELETE', `/evaluations/${evaluationId}`], ['GET', `/compare?ids=${evaluationId},${evaluationId}`]] as const) {
      const res = await alpha.owner.request(method, `${beta.api}${path}`, method === 'POST' || method === 'PUT' ? BODY : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Beta Invest');
    }
    expect((await alpha.owner.get(`${alpha.api}/evaluations`)).body.map((e: { id: string }) => e.id)).not.toContain(evaluationId);
    expect(await rowsOf(beta.id)).toEqual(betaBefore);

    const linked = await evaluationsForPlanItems(instance.ctx.db, alpha.id);
    expect(linked).toEqual([{
      planItemId,
      evaluationId: own.id,
      title: BODY.title,
      npv: Math.round(discounted(0.1, EXPECTED_FLOWS)),
      irr: expect.closeTo(irr(EXPECTED_FLOWS)!, 10),
      paybackYears: expect.closeTo(2 + 2 / 3, 12),
      utilityScore: expect.closeTo(70, 10),
    }]);
    expect((await evaluationsForPlanItems(instance.ctx.db, beta.id)).map((e) => e.evaluationId)).toEqual([evaluationId]);
  });

  it('attaches an evaluation to a plan measure of the own company, which the plan then shows; another company\'s plan item never shows it', async () => {
    const alpha = await company('Alpha Plan GmbH', 'a@alpha-plan.example');
    const beta = await company('Beta Plan GmbH', 'b@beta-plan.example');
    const roadmap = (c: { id: string }) => `/api/v1/companies/${c.id}/roadmap/plan`;
    const alphaItem = (await alpha.owner.post(`${roadmap(alpha)}/items`, { title: 'Tablets an jeder Maschine' })).body;
    const betaItem = (await beta.owner.post(`${roadmap(beta)}/items`, { title: 'Betas Maßnahme' })).body;

    const created = (await alpha.owner.post(`${alpha.api}/evaluations`, BODY)).body;
    expect(created.planItemId).toBeNull();
    expect((await alpha.owner.get(roadmap(alpha))).body.items[0].evaluations).toEqual([]);
    const attached = await alpha.owner.put(`${alpha.api}/evaluations/${created.id}`, { ...BODY, planItemId: alphaItem.id, measureId: null });
    expect(attached.status).toBe(200);
    expect(attached.body.planItemId).toBe(alphaItem.id);
    expect((await alpha.owner.get(`${alpha.api}/evaluations`)).body[0]).toMatchObject({ id: created.id, planItemId: alphaItem.id });
    const shown = (await alpha.owner.get(roadmap(alpha))).body.items.find((i: { id: string }) => i.id === alphaItem.id).evaluations;
    expect(shown).toEqual([expect.objectContaining({ evaluationId: created.id, title: BODY.title, npvCents: Math.round(discounted(0.1, EXPECTED_FLOWS)) })]);

    // Beta points an evaluation at Alpha's plan item and Alpha at Beta's: neither plan shows the other's evaluation.
    const crossing = (await beta.owner.post(`${beta.api}/evaluations`, { ...BODY, title: 'Betas Querverweis', planItemId: alphaItem.id })).body;
    await alpha.owner.post(`${alpha.api}/evaluations`, { ...BODY, title: 'Alphas Querverweis', planItemId: betaItem.id });
    const alphaPlan = JSON.stringify((await alpha.owner.get(roadmap(alpha))).body);
    const betaPlan = JSON.stringify((await beta.owner.get(roadmap(beta))).body);
    expect(alphaPlan).not.toContain('Betas Querverweis');
    expect(alphaPlan).not.toContain(crossing.id);
    expect(alphaPlan).not.toContain('Alphas Querverweis');
    expect(betaPlan).not.toContain('Alphas Querverweis');
    expect(betaPlan).not.toContain(BODY.title);
    expect((await alpha.owner.get(roadmap(alpha))).body.items.find((i: { id: string }) => i.id === alphaItem.id).evaluations.map((e: { evaluationId: string }) => e.evaluationId)).toEqual([created.id]);

    // Detached again: the plan no longer shows it.
    await alpha.owner.put(`${alpha.api}/evaluations/${created.id}`, { ...BODY, planItemId: null, measureId: null });
    expect((await alpha.owner.get(roadmap(alpha))).body.items.find((i: { id: string }) => i.id === alphaItem.id).evaluations).toEqual([]);
  });
});
