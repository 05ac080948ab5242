import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: [{ name: 'early', start: '06:00', end: '14:00' }] }, holidays: [] };

/** What the detail pages of a part and a work centre read: their history and their orders. */
describe.each(testDatabaseKinds())('Part and work centre detail routes on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email, `${name} Owner`);
    expect((await owner.put(`/api/v1/companies/${id}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const api = `/api/v1/companies/${id}/shopfloor`;
    const saw = (await owner.post(`${api}/work-centres`, { code: 'SAW', name: 'Säge', calendar: CALENDAR })).body;
    const mill = (await owner.post(`${api}/work-centres`, { code: 'MILL', name: 'Fräse', calendar: CALENDAR })).body;
    const op = (name: string, workCentreId: string) => ({ name, workCentreId, setupMinutes: 5, idealCycleSeconds: 30 });
    const flange = (await owner.post(`${api}/parts`, { number: 'FL-1', name: 'Flansch', operations: [op('Sägen', saw.id), op('Fräsen', mill.id)] })).body;
    const bolt = (await owner.post(`${api}/parts`, { number: 'BO-1', name: 'Bolzen', operations: [op('Sägen', saw.id)] })).body;
    return { owner, id, api, saw, mill, flange, bolt };
  }

  it('tells a part\'s and a work centre\'s history as sentences, only about that record and only in its company', async () => {
    const a = await company('Verlauf Teile GmbH', 'owner@verlauf-teile.example');
    await a.owner.put(`${a.api}/parts/${a.flange.id}`, { number: 'FL-1', name: 'Flansch groß', operations: a.flange.operations.map((o: Record<string, unknown>) => ({ name: o.name, workCentreId: o.workCentreId, setupMinutes: 5, idealCycleSeconds: 30 })) });
    await a.owner.put(`${a.api}/work-centres/${a.saw.id}`, { code: 'SAW-2', name: 'Bandsäge', calendar: CALENDAR });

    const part = await a.owner.get(`${a.api}/parts/${a.flange.id}/history?lang=en`);
    expect(part.status).toBe(200);
    expect(part.body.map((e: { text: string }) => e.text)).toEqual(['Part FL-1 changed. Affected: name.', 'Part FL-1 created.']);
    expect(part.body[0].actor.name).toBe('Verlauf Teile GmbH Owner');
    const german = await a.owner.get(`${a.api}/parts/${a.flange.id}/history?lang=de&limit=1`);
    expect(german.body.map((e: { text: string }) => e.text)).toEqual(['Teil FL-1 geändert. Betroffen: Bezeichnung.']);
    // the routing read back from the database counts as unchanged when it is sent again as it was; a changed one is named
    const routing = a.flange.operations.map((o: Record<string, unknown>) => ({ name: o.name, workCentreId: o.workCentreId, setupMinutes: 5, idealCycleSeconds: 30 }));
    await a.owner.put(`${a.api}/parts/${a.flange.id}`, { number: 'FL-1', name: 'Flansch groß', operations: routing });
    await a.owner.put(`${a.api}/parts/${a.flange.id}`, { number: 'FL-2', name: 'Flansch groß', operations: routing.slice(0, 1) });
    expect((await a.owner.get(`${a.api}/parts/${a.flange.id}/history?lang=de&limit=2`)).body.map((e: { text: string }) => e.text))
      .toEqual(['Teil FL-2 geändert. Betroffen: Teilenummer, Arbeitsplan.', 'Teil FL-1 geändert.']);
    const centre = await a.owner.get(`${a.api}/work-centres/${a.saw.id}/history?lang=en`);
    expect(centre.body.map((e: { text: string }) => e.text)).toEqual(['Work centre SAW-2 changed. Affected: code, name.', 'Work centre SAW created.']);
    await a.owner.put(`${a.api}/work-centres/${a.saw.id}`, { code: 'SAW-2', name: 'Bandsäge', calendar: { ...CALENDAR, week: { tue: CALENDAR.week.mon }, holidays: ['2027-01-01'] } });
    expect((await a.owner.get(`${a.api}/work-centres/${a.saw.id}/history?lang=de&limit=1`)).body[0].text).toBe('Arbeitsplatz SAW-2 geändert. Betroffen: Schichten, Feiertage.');
    expect((await a.owner.get(`${a.api}/work-centres/${a.mill.id}/history`)).body).toHaveLength(1);

    // another company's records are not found, not an empty history
    const b = await company('Fremd Teile AG', 'owner@fremd-teile.example');
    for (const url of [`${b.api}/parts/${a.flange.id}/history`, `${b.api}/work-centres/${a.saw.id}/history`, `${b.api}/parts/${randomUUID()}/history`]) {
      const res = await b.owner.get(url);
      expect(res.status, url).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('FL-1');
    }
    const bad = await a.owner.get(`${a.api}/parts/not-an-id/history`);
    expect(bad.status).toBe(400);
    expect((await a.owner.get(`${a.api}/parts/${a.flange.id}/history?limit=0`)).status).toBe(400);
  });

  it('lists a part\'s orders newest first and the orders with an operation at a work centre', async () => {
    const a = await company('Aufträge Teile GmbH', 'owner@auftraege-teile.example');
    const order = async (number: string, partId: string) => (await a.owner.post(`${a.api}/orders`, { number, partId, quantity: 10 })).body;
    const first = await order('A-1', a.flange.id);
    await order('A-2', a.bolt.id);
    const third = await order('A-3', a.flange.id);

    const ofFlange = await a.owner.get(`${a.api}/orders/search?part=${a.flange.id}&state=all&sort=recent`);
    expect(ofFlange.status).toBe(200);
    expect(ofFlange.body.items.map((o: { number: string }) => o.number)).toEqual([third.number, first.number]);
    expect(ofFlange.body.total).toBe(2);
    expect(ofFlange.body.items[0].state).toBe('planned');

    const atMill = await a.owner.get(`${a.api}/orders/search?workCentre=${a.mill.id}&state=open`);
    expect(atMill.body.items.map((o: { number: string }) => o.number).sort()).toEqual(['A-1', 'A-3']);
    const atSaw = await a.owner.get(`${a.api}/orders/search?workCentre=${a.saw.id}&state=open`);
    expect(atSaw.body.total).toBe(3);

    // another company's part or work centre filters to nothing
    const b = await company('Fremd Aufträge AG', 'owner@fremd-auftraege.example');
    const foreign = await b.owner.get(`${b.api}/orders/search?part=${a.flange.id}&state=all`);
    expect(foreign.status).toBe(200);
    expect(foreign.body.items).toEqual([]);
    expect((await b.owner.get(`${b.api}/orders/search?workCentre=${a.saw.id}&state=all`)).body.total).toBe(0);
    const bad = await a.owner.get(`${a.api}/orders/search?part=FL-1`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
