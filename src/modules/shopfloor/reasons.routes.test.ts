import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import type { Reason } from './domain/reason-tree.js';

const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: [{ name: 'early', start: '06:00', end: '14:00' }] }, holidays: [] };
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7), Buffer.from([0xff, 0xd9])]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(50, 1)]);

describe.each(testDatabaseKinds())('Shop-floor reasons and photos on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind);
  });
  afterAll(async () => instance?.close());

  async function company(name: string, email: string) {
    const owner = new TestClient(instance);
    const id = await owner.signup(name, email);
    expect((await owner.put(`/api/v1/companies/${id}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    return { owner, id, api: `/api/v1/companies/${id}/shopfloor` };
  }
  const reasonsOf = async (client: TestClient, api: string) => (await client.get(`${api}/reasons`)).body.reasons as Array<Reason & { inUse: boolean }>;
  const rows = async (tenantId: string) =>
    (await instance.ctx.db.selectFrom('shopfloor_reasons').selectAll().where('tenant_id', '=', tenantId).execute()).map((r) => JSON.stringify(r)).sort();

  it('stores the German/English defaults once, on first use, for every company', async () => {
    const { owner, id, api } = await company('Defaults GmbH', 'defaults@example.com');
    expect(await rows(id)).toEqual([]);
    const [first, second] = await Promise.all([reasonsOf(owner, api), reasonsOf(owner, api)]);
    expect(first.length).toBe(second.length);
    expect((await rows(id)).length).toBe(first.length);
    const group = first.find((r) => r.label.de === 'Störung')!;
    expect(group.isGroup).toBe(true);
    expect(first.filter((r) => r.parentId === group.id).map((r) => r.label.en)).toContain('Electrical');
    expect(first.some((r) => r.kind === 'scrap' && r.label.de === 'Maßabweichung')).toBe(true);
    expect(first.some((r) => r.planned === true && r.label.de === 'Geplante Wartung')).toBe(true);
  });

  it('creates, changes and validates reasons; bad input changes nothing and is explained in the caller\'s language', async () => {
    const { owner, id, api } = await company('Gruende GmbH', 'gruende@example.com');
    const all = await reasonsOf(owner, api);
    const group = all.find((r) => r.label.de === 'Störung')!;
    const created = await owner.post(`${api}/reasons`, { kind: 'downtime', parentId: group.id, label: { de: 'Kühlmittel', en: 'Coolant' }, loss: 'availability', planned: false });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ parentId: group.id, isGroup: false, loss: 'availability', planned: false, active: true, inUse: false });

    const before = await rows(id);
    const bad = await owner.request('POST', `${api}/reasons`, { kind: 'downtime', parentId: group.id, isGroup: true, label: { de: 'Kühlmittel', en: 'X' } }, { 'accept-language': 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('shopfloor_reason_invalid');
    expect(bad.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(['body.isGroup:groupInGroup', 'body.label:labelTaken']);
    // The signed-in user's language (German here) comes before the browser's.
    expect(bad.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/Gruppe.*Bezeichnung/);
    const german = await owner.request('POST', `${api}/reasons`, { kind: 'downtime', label: { de: 'Ohne', en: 'Without' } }, { 'accept-language': 'de' });
    expect(german.status).toBe(400);
    expect(german.body.errors[0].message).toContain('Verlustart');
    expect((await owner.post(`${api}/reasons`, { kind: 'scrap', label: { de: '', en: 'x' } })).status).toBe(400);
    expect((await owner.post(`${api}/reasons`, { kind: 'wrong', label: { de: 'a', en: 'b' } })).status).toBe(400);
    expect(await rows(id)).toEqual(before);

    const changed = await owner.put(`${api}/reasons/${created.body.id}`, { kind: 'downtime', parentId: group.id, label: { de: 'Kühlmittelmangel', en: 'Coolant low' }, loss: 'availability', planned: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ label: { de: 'Kühlmittelmangel' }, planned: true });
    expect((await owner.put(`${api}/reasons/${created.body.id}`, { kind: 'scrap', label: { de: 'a', en: 'b' } })).status).toBe(400);
    expect((await owner.put(`${api}/reasons/${randomUUID()}`, { kind: 'scrap', label: { de: 'a', en: 'b' } })).status).toBe(404);
  });

  it('deletes unused reasons, deactivates booked ones; reading needs shopfloor.read, changing shopfloor.plan', async () => {
    const { owner, id, api } = await company('Buchung GmbH', 'buchung@example.com');
    const all = await reasonsOf(owner, api);
    const electrical = all.find((r) => r.label.de === 'Elektrik')!;
    const mechanical = all.find((r) => r.label.de === 'Mechanik')!;
    const centre = (await owner.post(`${api}/work-centres`, { code: 'W-1', name: 'Schweißen', calendar: CALENDAR })).body;
    const part = (await owner.post(`${api}/parts`, { number: 'P-1', name: 'Rahmen', operations: [{ name: 'Schweißen', workCentreId: centre.id, setupMinutes: 5, idealCycleSeconds: 60 }] })).body;
    const order = (await owner.post(`${api}/orders`, { number: 'A-1', partId: part.id, quantity: 5 })).body;
    const op = order.operations[0].id;
    const booking = (sequence: number, kind: string, extra: Record<string, unknown> = {}) => ({ key: randomUUID(), deviceId: 'dev-r', sequence, operationId: op, kind, at: `2026-03-02T0${6 + sequence}:00:00+01:00`, ...extra });
    const sync = await owner.post(`${api}/bookings`, { bookings: [booking(1, 'start-production'), booking(2, 'pause', { reason: electrical.id })] });
    expect(sync.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await reasonsOf(owner, api)).find((r) => r.id === electrical.id)!.inUse).toBe(true);

    const removed = await owner.delete(`${api}/reasons/${electrical.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ deleted: [], deactivated: [electrical.id] });
    expect((await owner.delete(`${api}/reasons/${mechanical.id}`)).body).toEqual({ deleted: [mechanical.id], deactivated: [] });
    const after = await reasonsOf(owner, api);
    expect(after.find((r) => r.id === electrical.id)!.active).toBe(false);
    expect(after.some((r) => r.id === mechanical.id)).toBe(false);

    // A group with a booked reason is deactivated with it; its unused reasons are deleted.
    const group = after.find((r) => r.label.de === 'Störung')!;
    const groupRemoved = (await owner.delete(`${api}/reasons/${group.id}`)).body;
    expect(groupRemoved.deactivated.sort()).toEqual([electrical.id, group.id].sort());
    expect(groupRemoved.deleted.length).toBe(2);

    const inv = await owner.post(`/api/v1/companies/${id}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    await viewer.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Viewer', email: 'viewer-r@example.com', password: 'long enough password' } });
    expect((await viewer.get(`${api}/reasons`)).status).toBe(200);
    expect((await viewer.post(`${api}/reasons`, { kind: 'scrap', label: { de: 'a', en: 'b' } })).status).toBe(403);
    expect((await viewer.delete(`${api}/reasons/${mechanical.id}`)).status).toBe(403);
  });

  it('pauses with a planned reason are planned downtime in the OEE', async () => {
    const { owner, api } = await company('OEE GmbH', 'oee-r@example.com');
    const all = await reasonsOf(owner, api);
    const maintenance = all.find((r) => r.label.de === 'Geplante Wartung')!;
    const electrical = all.find((r) => r.label.de === 'Elektrik')!;
    const centre = (await owner.post(`${api}/work-centres`, { code: 'W-1', name: 'Schweißen', calendar: CALENDAR })).body;
    const part = (await owner.post(`${api}/parts`, { number: 'P-1', name: 'Rahmen', operations: [{ name: 'Schweißen', workCentreId: centre.id, setupMinutes: 5, idealCycleSeconds: 60 }] })).body;
    const order = (await owner.post(`${api}/orders`, { number: 'A-1', partId: part.id, quantity: 5 })).body;
    const op = order.operations[0].id;
    // Monday 2 March 2026, shift 06:00–14:00: 1 h planned maintenance, 1 h breakdown, 6 h production.
    const at = (h: string) => `2026-03-02T${h}:00+01:00`;
    const list = [['start-production', '06:00'], ['pause', '08:00', maintenance.id], ['resume', '09:00'], ['pause', '10:00', electrical.id], ['resume', '11:00'], ['finish', '14:00']] as const;
    const bookings = list.map(([k, h, reason], i) => ({ key: randomUUID(), deviceId: 'dev-o', sequence: i + 1, operationId: op, kind: k, at: at(h), ...(reason ? { reason } : {}) }));
    expect((await owner.post(`${api}/bookings`, { bookings })).status).toBe(200);
    const total = (await owner.get(`${api}/controlling?from=2026-03-02&to=2026-03-02`)).body.total;
    expect(total.plannedProductionMs).toBe(7 * 3_600_000);
    expect(total.runMs).toBe(6 * 3_600_000);
    expect(total.availability).toBeCloseTo(6 / 7, 10);
  });

  it('photos: magic bytes, size limit, exactly once, read back, tenant isolation', async () => {
    const { owner, api } = await company('Foto GmbH', 'foto@example.com');
    const other = await company('Andere GmbH', 'andere-foto@example.com');
    const photoId = randomUUID();
    const put = (client: TestClient, base: string, pid: string, body: Buffer, type = 'image/jpeg') => client.request('PUT', `${base}/photos/${pid}`, body, { 'content-type': type });
    const first = await put(owner, api, photoId, JPEG);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'stored', mediaType: 'image/jpeg', size: JPEG.length });
    expect((await put(owner, api, photoId, JPEG)).body.status).toBe('duplicate');
    const taken = await put(owner, api, photoId, PNG, 'image/png');
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('shopfloor_photo_id_taken');
    // Claimed JPEG, but it is text: refused by its first bytes.
    const text = await owner.request('PUT', `${api}/photos/${randomUUID()}`, Buffer.from('<svg>not a photo</svg>'), { 'content-type': 'image/jpeg', 'accept-language': 'en' });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('shopfloor_photo_not_an_image');
    expect(JSON.stringify(text.body)).toContain('kein Foto');
    // A PNG sent as octet-stream is recognised as PNG.
    expect((await put(owner, api, randomUUID(), PNG, 'application/octet-stream')).body.mediaType).toBe('image/png');
    const big = Buffer.concat([JPEG.subarray(0, 4), Buffer.alloc(2 * 1024 * 1024)]);
    const tooLarge = await put(owner, api, randomUUID(), big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('shopfloor_photo_too_large');
    expect((await put(owner, api, randomUUID(), Buffer.alloc(0))).status).toBe(400);

    const read = await owner.get(`${api}/photos/${photoId}`);
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(read.raw.rawPayload).equals(JPEG)).toBe(true);
    expect((await other.owner.get(`${other.api}/photos/${photoId}`)).status).toBe(404);
    expect([403, 404]).toContain((await owner.get(`${other.api}/photos/${photoId}`)).status);
    const count = await instance.ctx.db.selectFrom('shopfloor_photos').select((eb) => eb.fn.countAll().as('n')).where('id', '=', photoId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('a photo parameter takes the photo id; anything else is refused', async () => {
    const { owner, api } = await company('Param GmbH', 'param-foto@example.com');
    const centre = (await owner.post(`${api}/work-centres`, { code: 'W-1', name: 'Schweißen', calendar: CALENDAR })).body;
    const part = (await owner.post(`${api}/parts`, {
      number: 'P-1', name: 'Rahmen', operations: [{ name: 'Schweißen', workCentreId: centre.id, setupMinutes: 5, idealCycleSeconds: 60, parameters: [{ id: 'seam', label: { de: 'Naht', en: 'Seam' }, type: 'photo', required: true }] }],
    })).body;
    expect((await owner.post(`${api}/parts`, { number: 'P-2', name: 'x', operations: [{ name: 'x', workCentreId: centre.id, setupMinutes: 5, idealCycleSeconds: 60, parameters: [{ id: 'p', label: { de: 'a', en: 'a' }, type: 'photo', unit: 'A' }] }] })).status).toBe(400);
    const order = (await owner.post(`${api}/orders`, { number: 'A-1', partId: part.id, quantity: 5 })).body;
    const op = order.operations[0].id;
    const photoId = randomUUID();
    const b = (sequence: number, kind: string, extra: Record<string, unknown> = {}) => ({ key: randomUUID(), deviceId: 'dev-p', sequence, operationId: op, kind, at: `2026-03-02T0${6 + sequence}:00:00+01:00`, ...extra });
    const refused = await owner.post(`${api}/bookings`, { bookings: [b(1, 'start-production'), b(2, 'parameters', { parameters: [{ name: 'seam', value: 'a photo' }] })] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe('notAPhoto');
    // The booking may arrive before its photo (the queue uploads photos separately).
    const ok = await owner.post(`${api}/bookings`, { bookings: [b(1, 'start-production'), b(2, 'parameters', { parameters: [{ name: 'seam', value: photoId }] })] });
    expect(ok.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await owner.request('PUT', `${api}/photos/${photoId}`, JPEG, { 'content-type': 'image/jpeg' })).status).toBe(201);
    const recorded = (await owner.get(`${api}/orders/${order.id}`)).body.operations[0].recordedParameters;
    expect(recorded).toMatchObject([{ name: 'seam', value: photoId, outOfTolerance: false }]);
  });
});
