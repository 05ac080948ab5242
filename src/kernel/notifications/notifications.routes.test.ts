import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { type WalkCompany, companyWithFixtures } from '../testing/company-with-fixtures.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';

interface Item { key: string; kind: string; kindLabel: string; severity: string; title: string; subtitle?: string; at: string; atMeaning: string; path: string; read: boolean }
interface List { items: Item[]; unread: number }

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(testDatabaseKinds())('notification centre on the %s database', (kind) => {
  let instance: Instance;
  let a: WalkCompany;
  let b: WalkCompany;
  let api: string;
  let viewer: TestClient;
  const list = async (client = a.client, companyId = a.companyId): Promise<List> => {
    const res = await client.get(`/api/v1/companies/${companyId}/notifications`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    a = await companyWithFixtures(instance, 'Alpha GmbH', 'alice@alpha.example');
    b = await companyWithFixtures(instance, 'Beta GmbH', 'bob@beta.example');
    api = `/api/v1/companies/${a.companyId}`;
    // a late order, one due in the future, and a measure whose planned end has passed
    expect((await a.client.post(`${api}/shopfloor/orders`, { number: 'LATE-1', partId: a.ids.partId, quantity: 5, dueDate: day(-3) })).status).toBe(201);
    expect((await a.client.post(`${api}/shopfloor/orders`, { number: 'LATER-1', partId: a.ids.partId, quantity: 5, dueDate: day(10) })).status).toBe(201);
    await instance.ctx.db.updateTable('roadmap_plan_items').set({ start_quarter: '2025-Q1', end_quarter: '2025-Q2', status: 'in_progress' })
      .where('tenant_id', '=', a.companyId).where('id', '=', a.ids.itemId).execute();
    const invitation = await a.client.post(`${api}/invitations`, { role: 'viewer' });
    viewer = new TestClient(instance);
    expect((await viewer.post('/api/v1/invitations/accept', { token: new URL(invitation.body.link).hash.slice(1), user: { name: 'Vera Viewer', email: 'vera@alpha.example', password: 'correct horse battery' } })).status).toBe(200);
  }, 300_000);
  afterAll(async () => instance?.close());

  it('lists open alarms, late orders and overdue measures, each translated and linked', async () => {
    const { items, unread } = await list();
    const byKind = (k: string) => items.filter((i) => i.kind === k);
    expect(byKind('machines.alarm')).toHaveLength(1);
    expect(byKind('machines.alarm')[0]).toMatchObject({ kindLabel: 'Alarm', title: 'Isolation fixture press', atMeaning: 'since', path: `/machines/${a.ids.machineId}`, read: false });
    expect(byKind('machines.alarm')[0].subtitle).toBe('Force too high · aktiv');
    // the page's language when it differs from the account's (just switched)
    const english = (await a.client.get(`${api}/notifications?lang=en`)).body as List;
    expect(english.items.find((i) => i.kind === 'machines.alarm')).toMatchObject({ kindLabel: 'Alarm', subtitle: 'Force too high · active' });
    expect(english.items.find((i) => i.kind === 'shopfloor.lateOrder')?.kindLabel).toBe('Late order');
    expect(byKind('shopfloor.lateOrder').map((i) => [i.title, i.at, i.atMeaning, i.kindLabel])).toEqual([['LATE-1', day(-3), 'due', 'Verspäteter Auftrag']]);
    expect(byKind('roadmap.overdue')).toHaveLength(1);
    expect(byKind('roadmap.overdue')[0]).toMatchObject({ title: 'Isolation', at: '2025-06-30', path: `/roadmap/plan?item=${a.ids.itemId}`, severity: 'warning' });
    expect(unread).toBe(items.length);
    // nothing of company B (its alarm and measure), and B's company id is refused
    expect(items.some((i) => i.key.includes(b.ids.alarmId) || i.key.includes(b.ids.itemId))).toBe(false);
    expect((await a.client.get(`/api/v1/companies/${b.companyId}/notifications`)).status).toBe(404);
  });

  it('remembers per person what was marked as read; keys of other companies change nothing', async () => {
    const before = await list();
    const alarm = before.items.find((i) => i.kind === 'machines.alarm')!;
    const ofB = (await list(b.client, b.companyId)).items.find((i) => i.kind === 'machines.alarm')!;
    const marked = await a.client.post(`${api}/notifications/read`, { keys: [alarm.key, ofB.key, 'machines:alarm:nothing'] });
    expect(marked.status).toBe(200);
    expect(marked.body.unread).toBe(before.unread - 1);
    expect(marked.body.items.find((i: Item) => i.key === alarm.key).read).toBe(true);
    const rows = await instance.ctx.db.selectFrom('notification_reads').select(['tenant_id', 'item_key']).execute();
    expect(rows).toEqual([{ tenant_id: a.companyId, item_key: alarm.key }]);
    expect((await list(b.client, b.companyId)).unread).toBe((await list(b.client, b.companyId)).items.length);
    // another person of the same company still has it unread
    expect((await list(viewer)).items.find((i) => i.key === alarm.key)?.read).toBe(false);

    const all = await a.client.post(`${api}/notifications/read`, { all: true });
    expect(all.body.unread).toBe(0);
    expect((await a.client.post(`${api}/notifications/read`, { keys: [] })).status).toBe(400);
    expect((await a.client.post(`/api/v1/companies/${b.companyId}/notifications/read`, { all: true })).status).toBe(404);
  });

  it('a changed item is new again; the role and switched-off modules decide what is listed', async () => {
    // acknowledging the alarm changes its state: unread again
    expect((await a.client.post(`${api}/machines/${a.ids.machineId}/alarms/${a.ids.alarmId}/acknowledge`)).status).toBe(200);
    const after = await list();
    expect(after.items.filter((i) => i.kind === 'machines.alarm').map((i) => [i.subtitle, i.read])).toEqual([['Force too high · quittiert, besteht noch', false]]);
    expect(after.unread).toBe(1);

    expect((await a.client.put(`${api}/modules/roadmap`, { enabled: false })).status).toBe(200);
    expect((await list()).items.some((i) => i.kind.startsWith('roadmap.'))).toBe(false);
    expect((await a.client.put(`${api}/modules/roadmap`, { enabled: true })).status).toBe(200);
    expect((await list()).items.some((i) => i.kind.startsWith('roadmap.'))).toBe(true);
  });
});
