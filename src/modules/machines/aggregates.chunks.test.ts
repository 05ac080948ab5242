import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { aggregateSamples } from './aggregates.store.js';
import { DAY_MS } from './domain/partitions.js';
import { HOUR_MS, MINUTE_MS, downsample } from './domain/downsample.js';
import { modulesWithMachines } from './test-modules.js';

/** Counts the statements writing 1-minute aggregates and fails the one numbered `failAt`. */
function minuteWrites(failAt = Number.POSITIVE_INFINITY): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      if (JSON.stringify(args.node).includes('insert into machine_aggregates_1m')) {
        plugin.count++;
        if (plugin.count === failAt) throw new Error('interrupted');
      }
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return plugin;
}

describe.each(testDatabaseKinds())('The first aggregation run on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
  });
  afterAll(async () => instance?.close());

  it('works through existing samples hour by hour in transactions of their own, resumes after an interruption and skips gaps', async () => {
    const owner = new TestClient(instance);
    const id = await owner.signup('Erstlauf GmbH', 'owner@first-run.example');
    await owner.put(`/api/v1/companies/${id}/modules/machines`, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${id}/machines`, { name: 'Presse' });
    const device = await owner.post(`/api/v1/companies/${id}/machines/${machine.body.id}/devices`, { name: 'SPS' });
    const t0 = Date.parse('2026-04-06T06:20:00Z');
    // 3.5 hours every 20 s, then nothing for days, then half an hour
    const samples: Array<{ ts: number; value: number }> = [];
    for (let ts = t0; ts < t0 + 3.5 * HOUR_MS; ts += 20_000) samples.push({ ts, value: (ts / 1000) % 97 });
    for (let ts = t0 + 6 * DAY_MS; ts < t0 + 6 * DAY_MS + 30 * MINUTE_MS; ts += 20_000) samples.push({ ts, value: (ts / 1000) % 89 });
    const res = await instance.app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      payload: samples.map((s) => ({ ts: s.ts, values: { force: s.value } })),
      headers: { authorization: `Bearer ${device.body.token}` },
    });
    expect(res.statusCode).toBe(200);
    const db = instance.ctx.db;
    const now = t0 + 7 * DAY_MS;
    const minutes = async () =>
      (await sql<{ bucket: Date; count: number; last: number }>`select bucket, count, last from machine_aggregates_1m where machine_id = ${machine.body.id} order by bucket`.execute(db)).rows
        .map((r) => ({ bucket: new Date(r.bucket).getTime(), count: Number(r.count), last: Number(r.last) }));
    const progress = async () =>
      new Date((await sql<{ done_until: Date }>`select done_until from machine_aggregation_progress where level = '1m'`.execute(db)).rows[0].done_until).getTime();

    // the third hour fails: the two before it stay written and the progress says so
    await expect(aggregateSamples(db.withPlugin(minuteWrites(3)), now)).rejects.toThrow('interrupted');
    expect(await progress()).toBe(Date.parse('2026-04-06T08:00:00Z'));
    const firstTwo = await minutes();
    expect(firstTwo[0].bucket).toBe(t0);
    expect(firstTwo.at(-1)!.bucket).toBe(Date.parse('2026-04-06T07:59:00Z'));

    // the next run goes on from there hour by hour (08, 09 and the empty 10 o'clock hour), jumps the
    // gap of days and does 06 and the empty 07 o'clock hour of that day: not one statement per hour of the week
    const writes = minuteWrites();
    await aggregateSamples(db.withPlugin(writes), now);
    expect(writes.count).toBe(5);
    expect(await progress()).toBe(now);
    const expected = downsample(samples, MINUTE_MS).map((a) => ({ bucket: a.bucket, count: a.count, last: a.last }));
    expect(await minutes()).toEqual(expected);
    const hours = (await sql<{ count: number }>`select count from machine_aggregates_1h where machine_id = ${machine.body.id} order by bucket`.execute(db)).rows.map((r) => Number(r.count));
    expect(hours).toEqual(downsample(samples, HOUR_MS).map((a) => a.count));
  });
});
