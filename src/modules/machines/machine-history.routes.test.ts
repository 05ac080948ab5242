import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';

const THRESHOLD = { kind: 'threshold', direction: 'high', limit: 80, hysteresis: 5, minDurationSeconds: 30 };

/** A machine's page reads who changed it, its data points, device credentials and alarm rules, and when. */
describe.each(testDatabaseKinds())('Machine history on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email, `${name} Owner`);
    expect((await owner.put(`/api/v1/companies/${id}/modules/machines`, { enabled: true })).status).toBe(200);
    return { owner, id, api: `/api/v1/companies/${id}/machines` };
  }

  it('tells a machine\'s changes as sentences, to its readers, only in its company', async () => {
    const a = await company('Maschinen Verlauf GmbH', 'owner@maschinen-verlauf.example');
    const press = (await a.owner.post(a.api, { name: 'Presse 1' })).body;
    const laser = (await a.owner.post(a.api, { name: 'Laser' })).body;
    const m = `${a.api}/${press.id}`;
    expect((await a.owner.put(m, { name: 'Presse 2', description: 'Hydraulikpresse' })).status).toBe(200);
    const point = (await a.owner.post(`${m}/points`, { name: 'temp', unit: '°C' })).body;
    await a.owner.put(`${m}/points/${point.id}`, { name: 'temp', unit: 'K', type: 'number' });
    const device = (await a.owner.post(`${m}/devices`, { name: 'SPS Presse' })).body;
    await a.owner.delete(`${m}/devices/${device.id}`);
    const rule = (await a.owner.post(`${m}/rules`, { pointId: point.id, rule: THRESHOLD })).body;
    await a.owner.put(`${m}/rules/${rule.id}`, { pointId: point.id, name: 'Übertemperatur', rule: THRESHOLD });
    await a.owner.delete(`${m}/rules/${rule.id}`);
    await a.owner.put(`${a.api}/${laser.id}`, { name: 'Faserlaser' });
    // refused changes leave no entry
    expect((await a.owner.put(m, { name: 'Faserlaser' })).status).toBe(409);
    expect((await a.owner.post(`${m}/points`, { name: 'temp' })).status).toBe(409);

    const history = await a.owner.get(`${m}/history?lang=de`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { text: string }) => e.text)).toEqual([
      'Alarmregel „Übertemperatur“ gelöscht.',
      'Alarmregel „Übertemperatur“ geändert.',
      'Alarmregel „temp“ angelegt.',
      'Ein Gerätezugang widerrufen.',
      'Gerätezugang „SPS Presse“ angelegt.',
      'Datenpunkt „temp“ geändert.',
      'Datenpunkt „temp“ angelegt.',
      'Maschine „Presse 2“ geändert.',
      'Maschine „Presse 1“ angelegt.',
    ]);
    expect(history.body[0].actor.name).toBe('Maschinen Verlauf GmbH Owner');
    expect(JSON.stringify(history.body)).not.toContain(device.token);
    const english = await a.owner.get(`${m}/history?lang=en&limit=2`);
    expect(english.body.map((e: { text: string }) => e.text)).toEqual(['Alarm rule “Übertemperatur” deleted.', 'Alarm rule “Übertemperatur” changed.']);

    // a viewer reads machines and so their history, without the whole audit log
    const inv = await a.owner.post(`/api/v1/companies/${a.id}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    await viewer.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Vera Viewer', email: 'vera@maschinen-verlauf.example', password: 'long enough password' } });
    expect((await viewer.get(`${m}/history`)).body).toHaveLength(9);
    expect((await viewer.get(`/api/v1/companies/${a.id}/audit`)).status).toBe(403);

    // another company's machine is not found, not an empty history
    const b = await company('Maschinen Fremd AG', 'owner@maschinen-fremd.example');
    for (const id of [press.id, randomUUID()]) {
      const res = await b.owner.get(`${b.api}/${id}/history`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Presse');
    }
    expect((await a.owner.get(`${a.api}/presse/history`)).status).toBe(400);

    // deleting the machine is logged too (the whole audit log keeps it); its history is then not found
    expect((await a.owner.delete(m)).status).toBe(204);
    expect((await a.owner.get(`/api/v1/companies/${a.id}/audit?target=${press.id}&lang=de&limit=1`)).body[0].text).toBe('Maschine „Presse 2“ mit ihren Daten gelöscht.');
    expect((await a.owner.get(`${m}/history`)).status).toBe(404);
  });
});
