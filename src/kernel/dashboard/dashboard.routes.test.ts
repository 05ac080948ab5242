import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData } from '../demo-data.js';
import type { Instance } from '../instance.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';

type Tile = { id: string; module: string; state: string; link: string; figures: Array<{ id: string; value: unknown; format: string }>; entries?: Array<{ label: unknown; link?: string }>; next?: { link: string; count?: number } };
type Dashboard = { tiles: Tile[]; startPath: { hidden: boolean; complete: boolean; current: string | null; steps: Array<{ id: string; status: string; minutes: number; link: string }> }; next: Array<{ id: string; kind: string; link: string }> };

const figure = (tile: Tile | undefined, id: string) => tile?.figures.find((f) => f.id === id)?.value;
const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);

describe.each(testDatabaseKinds())('Home page (dashboard) on the %s database', (kind) => {
  let instance: Instance;
  let demo: TestClient;
  let demoId: string;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
    demoId = (await ensureDemoData(instance.ctx)).tenantId!;
    demo = new TestClient(instance);
    expect((await demo.login(DEMO_EMAIL, DEMO_PASSWORD)).status).toBe(200);
  }, 120_000);
  afterAll(async () => instance?.close());

  it('shows the demo company one tile per module, each computed by its module as its own pages show it', async () => {
    const api = `/api/v1/companies/${demoId}`;
    const res = await demo.get(`${api}/dashboard`);
    expect(res.status).toBe(200);
    const view = res.body as Dashboard;
    const tile = (id: string) => view.tiles.find((t) => t.id === id);
    expect(view.tiles.map((t) => t.id)).toEqual(['check.latestCheck', 'roadmap.plan', 'invest.decisions', 'shopfloor.month', 'shopfloor.lateOrders', 'machines.alarms', 'customers.customers']);

    // check: the latest score (mean of the dimensions) and its change against the check before
    const runs = (await demo.get(`${api}/check/runs`)).body as Array<{ id: string; status: string; completedAt: string | null }>;
    const completed = runs.filter((r) => r.status === 'completed').sort((a, b) => Date.parse(b.completedAt!) - Date.parse(a.completedAt!));
    const scoreOf = async (id: string) => mean(((await demo.get(`${api}/check/runs/${id}/result`)).body.result.dimensions as Array<{ score: number | null }>).flatMap((d) => (d.score === null ? [] : [d.score])));
    const [latest, before] = [await scoreOf(completed[0]!.id), await scoreOf(completed[1]!.id)];
    expect(figure(tile('check.latestCheck'), 'score')).toBe(latest);
    expect(figure(tile('check.latestCheck'), 'change')).toBe(latest - before);
    expect(figure(tile('check.latestCheck'), 'completedAt')).toBe(completed[0]!.completedAt);
    expect(tile('check.latestCheck')!.link).toBe(`/check/${completed[0]!.id}/results`);

    // roadmap: progress of the measures not dropped
    const plan = (await demo.get(`${api}/roadmap/plan`)).body.items.filter((i: { status: string }) => i.status !== 'dropped');
    expect(plan.length).toBeGreaterThan(0);
    expect(figure(tile('roadmap.plan'), 'total')).toBe(plan.length);
    expect(figure(tile('roadmap.plan'), 'done')).toBe(plan.filter((i: { status: string }) => i.status === 'done').length);
    expect(figure(tile('roadmap.plan'), 'inProgress')).toBe(plan.filter((i: { status: string }) => i.status === 'in_progress').length);

    // invest: every evaluation counted, open ones listed with their names
    const evaluations = (await demo.get(`${api}/invest/evaluations`)).body;
    expect(figure(tile('invest.decisions'), 'total')).toBe(evaluations.length);

    // shop floor: the running month as the controlling measures it (up to now)
    const now = DateTime.now().setZone('Europe/Berlin');
    const month = (await demo.get(`${api}/shopfloor/controlling?from=${now.startOf('month').toISODate()}&to=${now.endOf('month').toISODate()}&groupBy=month`)).body;
    expect(month.period.running).toBe(true);
    const oee = figure(tile('shopfloor.month'), 'oee') as number | null;
    if (month.total?.oee == null) expect(oee).toBeNull();
    else expect(oee).toBeCloseTo(month.total.oee, 2);
    expect(figure(tile('shopfloor.month'), 'onTime')).toBe(month.orders.total.onTimeDelivery);
    expect(Date.parse(figure(tile('shopfloor.month'), 'measuredUntil') as string)).toBeLessThanOrEqual(Date.now());

    // late orders: due before today and not finished
    const orders = (await demo.get(`${api}/shopfloor/orders`)).body as Array<{ dueDate: string | null; finishedAt: string | null }>;
    const late = orders.filter((o) => o.dueDate !== null && o.dueDate < now.toISODate()! && o.finishedAt === null);
    expect(figure(tile('shopfloor.lateOrders'), 'late')).toBe(late.length);
    expect(tile('shopfloor.lateOrders')!.entries!.length).toBe(Math.min(5, late.length));

    // machines: open alarms
    const alarms = (await demo.get(`${api}/machine-alarms?open=true`)).body;
    expect(figure(tile('machines.alarms'), 'open')).toBe(alarms.length);

    // the demo has done its first hour: no start step is open
    expect(view.startPath.complete).toBe(true);
    expect(view.startPath.steps.map((s) => s.id)).toEqual(['platform.profile', 'check.answer', 'check.results', 'roadmap.suggestions', 'roadmap.plan']);
    expect(JSON.stringify(view)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![^"]*")/);
  });

  it('shows a worker only the shop floor and machines, and a switched-off module nothing', async () => {
    const api = `/api/v1/companies/${demoId}`;
    const inv = await demo.post(`${api}/invitations`, { role: 'shopfloor' });
    const worker = new TestClient(instance);
    const accepted = await worker.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Werker', email: `werker-${kind}@demo.example`, password: 'long enough password' } });
    expect(accepted.status).toBeLessThan(300);
    const view = (await worker.get(`${api}/dashboard`)).body as Dashboard;
    expect(view.tiles.map((t) => t.module).sort()).toEqual(['machines', 'shopfloor', 'shopfloor']);
    expect(view.startPath.steps).toEqual([]);
    expect(JSON.stringify(view)).not.toMatch(/check|roadmap|invest/);

    const viewer = new TestClient(instance);
    const invViewer = await demo.post(`${api}/invitations`, { role: 'viewer' });
    await viewer.post('/api/v1/invitations/accept', { token: new URL(invViewer.body.link).hash.slice(1), user: { name: 'Leser', email: `leser-${kind}@demo.example`, password: 'long enough password' } });
    const seen = (await viewer.get(`${api}/dashboard`)).body as Dashboard;
    expect(seen.tiles.map((t) => t.id)).toContain('check.latestCheck');
    expect(seen.startPath.steps).toEqual([]);

    expect((await demo.put(`${api}/modules/invest`, { enabled: false })).status).toBe(200);
    expect(((await demo.get(`${api}/dashboard`)).body as Dashboard).tiles.map((t) => t.module)).not.toContain('invest');
    await demo.put(`${api}/modules/invest`, { enabled: true });
  });

  it('walks a new company through its start path, derived from its data; hidden and skipped per person', async () => {
    const owner = new TestClient(instance);
    const id = await owner.signup('Neu GmbH', `neu-${kind}@neu.example`);
    const api = `/api/v1/companies/${id}`;
    const steps = async () => ((await owner.get(`${api}/dashboard`)).body as Dashboard).startPath;

    let path = await steps();
    expect(path.steps.map((s) => [s.id, s.status, s.minutes])).toEqual([
      ['platform.profile', 'open', 3], ['check.answer', 'open', 20], ['check.results', 'open', 10], ['roadmap.suggestions', 'open', 10], ['roadmap.plan', 'open', 10],
    ]);
    expect(path.current).toBe('platform.profile');
    let view = (await owner.get(`${api}/dashboard`)).body as Dashboard;
    expect(view.next[0]).toMatchObject({ id: 'platform.profile', kind: 'startStep', link: '/profile' });
    // every module without data says how to start
    expect(view.tiles.filter((t) => t.state === 'empty').map((t) => t.id)).toEqual(view.tiles.map((t) => t.id));

    await owner.patch(api, { profile: { employees: 12, industry: '25' } });
    const run = (await owner.post(`${api}/check/runs`)).body.id;
    path = await steps();
    expect(path.steps.slice(0, 2).map((s) => [s.id, s.status, s.link])).toEqual([['platform.profile', 'done', '/profile'], ['check.answer', 'started', `/check/${run}`]]);

    await owner.put(`${api}/check/runs/${run}/answers`, { answers: { 'strategy.goal': 1, 'strategy.microGoals': 0, 'strategy.prioritisation': false } });
    await owner.post(`${api}/check/runs/${run}/complete`);
    path = await steps();
    expect(path.current).toBe('roadmap.suggestions');
    view = (await owner.get(`${api}/dashboard`)).body as Dashboard;
    expect(view.tiles.find((t) => t.id === 'check.latestCheck')!.state).toBe('ok');

    const suggestions = (await owner.get(`${api}/roadmap/suggestions`)).body.suggestions as Array<{ id: string }>;
    await owner.post(`${api}/roadmap/plan/accept`, { measureIds: suggestions.slice(0, 2).map((s) => s.id) });
    path = await steps();
    expect(path.steps.slice(3).map((s) => s.status)).toEqual(['done', 'started']);
    await owner.post(`${api}/roadmap/plan/schedule`, {});
    path = await steps();
    expect(path.complete).toBe(true);
    view = (await owner.get(`${api}/dashboard`)).body as Dashboard;
    expect(figure(view.tiles.find((t) => t.id === 'roadmap.plan'), 'total')).toBe(2);

    // hidden and skipped: stored for the person, checked and audited
    const other = new TestClient(instance);
    const otherId = await other.signup('Später GmbH', `spaet-${kind}@neu.example`);
    const put = await other.put(`/api/v1/companies/${otherId}/start-path`, { skipped: ['platform.profile'] });
    expect(put.status).toBe(200);
    expect(put.body.startPath.steps[0].status).toBe('skipped');
    expect(put.body.startPath.current).toBe('check.answer');
    expect((await other.put(`/api/v1/companies/${otherId}/start-path`, { hidden: true })).body.startPath).toMatchObject({ hidden: true, current: 'check.answer' });
    expect(((await other.get(`/api/v1/companies/${otherId}/dashboard`)).body as Dashboard).next.some((n) => n.kind === 'startStep')).toBe(false);
    expect((await other.put(`/api/v1/companies/${otherId}/start-path`, { skipped: ['Not a step!'] })).status).toBe(400);
    const audit = (await other.get(`/api/v1/companies/${otherId}/audit`)).body;
    expect(JSON.stringify(audit)).toContain('start_path.changed');
  });
});
