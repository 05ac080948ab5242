import fc from 'fast-check';
import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../kernel/db/database.js';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { startTestInstance } from '../../kernel/testing/test-instance.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { insertRule, machinesWithRules } from './alarms.store.js';
import type { Sample } from './domain/payload.js';
import type { DeviceIdentity } from './machines.store.js';
import { arrayLiteral, writeSamples } from './sample-writer.js';
import { modulesWithMachines } from './test-modules.js';
import { companyWithMachine } from './test-company.js';

const T0 = Date.parse('2026-06-01T06:00:00Z');
const DAY = 86_400_000;

/** Records the statements sent through the handle it is plugged into; `hold` delays the results of the matching ones. */
function statements(hold?: { match: string; until: Promise<void> }): KyselyPlugin & { sent: string[] } {
  const held = new Set<unknown>();
  const plugin = {
    sent: [] as string[],
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      const text = JSON.stringify(args.node);
      plugin.sent.push(text);
      if (hold && text.includes(hold.match)) held.add(args.queryId);
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => {
      if (held.has(args.queryId)) await hold!.until;
      return args.result;
    },
  };
  return plugin;
}

describe.each(testDatabaseKinds())('Storing samples on the %s database', (kind) => {
  let instance: Instance;
  let db: Db;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
    db = instance.ctx.db;
  });
  afterAll(async () => instance?.close());

  let n = 0;
  async function setup() {
    n++;
    const { owner, tenantId, machineId, m } = await companyWithMachine(instance, { company: `Speicherwerk ${n} GmbH`, email: `owner${n}@store.example`, machine: 'Presse' });
    const device = await owner.post(`${m}/devices`, { name: 'SPS' });
    const identity: DeviceIdentity = { tenantId, deviceId: device.body.id, machineId };
    return { owner, identity, m };
  }

  const stored = async (deviceId: string) =>
    (
      await sql<{ point: string; ms: number; num: number | null; bool: boolean | null; txt: string | null }>`
        select point, (extract(epoch from ts) * 1000)::float8 as ms, num, bool, txt from machine_samples where device_id = ${deviceId} order by ts, point`.execute(db)
    ).rows.map((r) => ({ point: r.point, ts: Number(r.ms), value: r.num !== null ? Number(r.num) : r.bool !== null ? r.bool : r.txt }));

  it('stores a sample that comes again once, also next to new ones and twice in one batch, and counts only new rows', async () => {
    const { identity } = await setup();
    const sample = (i: number): Sample => ({ point: 'force', ts: T0 + i, value: i });
    const write = (samples: Sample[]) => writeSamples(db, [{ device: identity, samples, source: 'mqtt' }]);
    expect(await write([sample(0), sample(1)])).toBe(2);
    expect(await write([sample(0), sample(1)])).toBe(0);
    expect(await write([sample(1), sample(2)])).toBe(1);
    // the same message twice in one batch (sent again while its first delivery was waiting)
    expect(await writeSamples(db, [{ device: identity, samples: [sample(3)], source: 'mqtt' }, { device: identity, samples: [sample(3)], source: 'mqtt' }])).toBe(1);
    expect(await stored(identity.deviceId)).toEqual([0, 1, 2, 3].map(sample));
  });

  it('stores numbers, booleans and texts side by side, whatever the texts and point names contain', async () => {
    const { identity } = await setup();
    const texts = ['a "quoted", {braced} text', 'back\\slash\\', 'NULL', '', ' spaced ', 'ümlaut ✓'];
    const mixed: Sample[] = [
      ...texts.map((value, i) => ({ point: `t${i}`, ts: T0, value })),
      { point: 'NULL', ts: T0, value: 1.5 },
      { point: 'on', ts: T0, value: true },
      { point: 'off', ts: T0, value: false },
      { point: 'tiny', ts: T0, value: 5e-324 },
      { point: 'huge', ts: T0, value: -1.7976931348623157e308 },
    ];
    const onlyBooleans: Sample[] = [{ point: 'on', ts: T0 + 1, value: false }];
    const onlyTexts: Sample[] = [{ point: 't0', ts: T0 + 2, value: 'x' }];
    await writeSamples(db, [{ device: identity, samples: mixed, source: 'mqtt' }]);
    await writeSamples(db, [{ device: identity, samples: onlyBooleans, source: 'mqtt' }]);
    await writeSamples(db, [{ device: identity, samples: onlyTexts, source: 'mqtt' }]);
    const byKey = (s: Sample) => `${s.ts}/${s.point}`;
    const sort = (xs: Sample[]) => [...xs].sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1));
    expect(sort((await stored(identity.deviceId)) as Sample[])).toEqual(sort([...mixed, ...onlyBooleans, ...onlyTexts]));
  });

  it('creates the partitions of all days in a batch whose samples go back and forth between days', async () => {
    const { identity } = await setup();
    const samples = [0, 3, 0, 5, 3].map((day, i) => ({ point: `p${i}`, ts: T0 + 40 * DAY + day * DAY, value: i }));
    expect(await writeSamples(db, [{ device: identity, samples, source: 'mqtt' }])).toBe(samples.length);
  });

  it('writes a batch that needs nothing but its rows as one statement without a transaction', async () => {
    const { identity } = await setup();
    const counter = statements();
    const plugged = db.withPlugin(counter);
    const transactions = vi.spyOn(plugged, 'transaction');
    const write = (i: number) => writeSamples(plugged, [{ device: identity, samples: [{ point: 'force', ts: T0 + i, value: i }], source: 'mqtt' }]);
    await write(0); // registers the point and marks the device as seen: a transaction
    expect(transactions).toHaveBeenCalledTimes(1);
    counter.sent = [];
    await write(1);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(counter.sent).toHaveLength(1);
    expect(counter.sent[0]).toContain('insert into machine_samples');
  });

  it('evaluates a rule created or switched on while samples of its machine are already being stored', async () => {
    const { owner, identity, m } = await setup();
    const point = await owner.post(`${m}/points`, { name: 'temp' });
    let ts = T0;
    const send = (value: number) => writeSamples(db, [{ device: identity, samples: [{ point: 'temp', ts: (ts += 1000), value }], source: 'mqtt' }]);
    const alarms = async () => (await owner.get(`${m}/alarms`)).body as Array<{ ruleName: string; status: string }>;
    const rule = { kind: 'threshold', direction: 'high', limit: 80, hysteresis: 0, minDurationSeconds: 0 };

    await send(20); // the machine has no rules yet
    const created = await owner.post(`${m}/rules`, { pointId: point.body.id, name: 'neu', rule });
    expect(created.status).toBe(201);
    await send(90);
    expect(await alarms()).toEqual([expect.objectContaining({ ruleName: 'neu', status: 'active' })]);

    await owner.delete(`${m}/rules/${created.body.id}`);
    const off = await owner.post(`${m}/rules`, { pointId: point.body.id, name: 'aus', rule, enabled: false });
    await send(20);
    await send(95); // switched off: nothing
    expect((await alarms()).filter((a) => a.ruleName === 'aus')).toEqual([]);
    await owner.put(`${m}/rules/${off.body.id}`, { pointId: point.body.id, name: 'aus', rule, enabled: true });
    await send(96);
    expect((await alarms()).filter((a) => a.ruleName === 'aus')).toEqual([expect.objectContaining({ status: 'active' })]);
  });

  it('does not use the machines with rules it knows while a rule is being written', async () => {
    const { identity } = await setup();
    const point = await sql<{ id: string }>`select id from machine_points where tenant_id = ${identity.tenantId} limit 1`.execute(db);
    const pointId = point.rows[0]?.id ?? uuidv7();
    if (!point.rows[0]) await sql`insert into machine_points (tenant_id, id, machine_id, name, type, source) values (${identity.tenantId}, ${pointId}, ${identity.machineId}, 'temp', 'number', 'manual')`.execute(db);
    let release!: () => void;
    const plugged = db.withPlugin(statements({ match: 'machine_alarm_rules', until: new Promise<void>((r) => (release = r)) }));
    const key = `${identity.tenantId}/${identity.machineId}`;
    expect((await machinesWithRules(db)).has(key)).toBe(false);
    // the rule is committed, but its write has not returned yet
    const writing = insertRule(plugged, identity.tenantId, identity.machineId, uuidv7(), {
      pointId, name: 'gleichzeitig', enabled: true, rule: { kind: 'threshold', direction: 'high', limit: 1, hysteresis: 0, minDurationSeconds: 0 },
    });
    for (let i = 0; i < 100 && (await sql<{ n: number }>`select count(*)::int as n from machine_alarm_rules where machine_id = ${identity.machineId}`.execute(db)).rows[0].n === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await machinesWithRules(db)).has(key)).toBe(true);
    release();
    await writing;
    expect((await machinesWithRules(db)).has(key)).toBe(true);
  });

  it('reads back every array it sends as a literal (property)', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 8 }), fc.array(fc.option(fc.double({ noNaN: true }), { nil: null }), { maxLength: 8 }), fc.array(fc.option(fc.boolean(), { nil: null }), { maxLength: 8 }), async (texts, nums, bools) => {
        const r = await sql<{ t: string[]; n: number[]; b: boolean[] }>`select ${arrayLiteral(texts)}::text[] as t, ${arrayLiteral(nums)}::float8[] as n, ${arrayLiteral(bools)}::bool[] as b`.execute(db);
        const row = r.rows[0];
        expect(row.t).toEqual(texts);
        // -0 is sent as 0, as the driver does
        expect(row.n.map((x) => (x === null ? null : Number(x)))).toEqual(nums.map((x) => (x === null ? null : x === 0 ? 0 : x)));
        expect(row.b).toEqual(bools);
      }),
      { numRuns: 60 },
    );
  });
});
