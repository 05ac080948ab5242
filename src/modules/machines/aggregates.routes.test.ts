import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../kernel/tabular/index.js';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { startTestInstance } from '../../kernel/testing/test-instance.js';
import { aggregateSamples } from './aggregates.store.js';
import { HOUR_MS, MINUTE_MS, downsample, rollUp } from './domain/downsample.js';
import { maintainSamples } from './maintenance.js';
import { modulesWithMachines } from './test-modules.js';
import { companyWithMachine } from './test-company.js';

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('Machine-data aggregates, retention and CSV on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: modulesWithMachines });
  });
  afterAll(async () => instance?.close());

  let n = 0;
  async function setup() {
    n++;
    const { owner, tenantId: id, machineId, m } = await companyWithMachine(instance, { company: `Aggregat ${n} GmbH`, email: `owner${n}@aggregates.example`, machine: `Schweißzelle ${n}` });
    const device = await owner.post(`${m}/devices`, { name: 'SPS' });
    return { owner, id, api: m, machineId, token: device.body.token as string };
  }
  const ingest = (token: string, body: unknown) =>
    instance.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: body as object, headers: { authorization: `Bearer ${token}` } });

  const stored = async (table: 'machine_aggregates_1m' | 'machine_aggregates_1h', machineId: string, point: string) =>
    (await sql<{ bucket: Date; count: number; min: number; max: number; sum: number; last: number; last_ts: Date }>`
      select bucket, count, min, max, sum, last, last_ts from ${sql.table(table)} where machine_id = ${machineId} and point = ${point} order by bucket`
      .execute(instance.ctx.db)).rows.map((r) => strip({
      bucket: new Date(r.bucket).getTime(),
      count: Number(r.count),
      min: Number(r.min),
      max: Number(r.max),
      sum: Number(r.sum),
      last: Number(r.last),
      lastTs: new Date(r.last_ts).getTime(),
    }));
  // sums are compared to 6 decimals: the database adds in another order than the domain function
  const strip = (a: { bucket: number; count: number; min: number; max: number; sum: number; last: number; lastTs: number }) =>
    ({ bucket: a.bucket, count: a.count, min: a.min, max: a.max, sum: Math.round(a.sum * 1e6) / 1e6, last: a.last, lastTs: a.lastTs });

  it('aggregates complete minutes and hours exactly as the domain does, idempotently, and re-aggregates a bucket that gets a late sample', async () => {
    const s = await setup();
    const t0 = Date.parse('2026-03-02T09:58:00Z');
    // 5 minutes of samples every 7 s across an hour boundary, some booleans and a text
    const samples: Array<{ ts: number; value: number | boolean | string }> = [];
    for (let ts = t0; ts < t0 + 5 * MINUTE_MS; ts += 7000) samples.push({ ts, value: Math.round(Math.sin(ts / 60_000) * 1000) / 10 });
    await ingest(s.token, samples.map((x) => ({ ts: x.ts, values: { current: x.value, ok: x.ts % 2 === 0, note: 'P-17' } })));
    const now = t0 + 2 * HOUR_MS;
    await aggregateSamples(instance.ctx.db, now);
    const minutes = await stored('machine_aggregates_1m', s.machineId, 'current');
    expect(minutes).toEqual(downsample(samples, MINUTE_MS).map(strip));
    expect(await stored('machine_aggregates_1h', s.machineId, 'current')).toEqual(rollUp(downsample(samples, MINUTE_MS), HOUR_MS).map(strip));
    expect(await stored('machine_aggregates_1h', s.machineId, 'current')).toEqual(downsample(samples, HOUR_MS).map(strip));
    expect((await stored('machine_aggregates_1m', s.machineId, 'ok')).map((a) => a.count)).toEqual(minutes.map((a) => a.count));
    expect(await stored('machine_aggregates_1m', s.machineId, 'note')).toEqual([]);

    // running again changes nothing
    await aggregateSamples(instance.ctx.db, now);
    expect(await stored('machine_aggregates_1m', s.machineId, 'current')).toEqual(minutes);

    // a late sample (e.g. from a device's offline buffer) lands in an aggregated minute
    const late = { ts: t0 + 30_500, value: 500 };
    await ingest(s.token, { ts: late.ts, values: { current: late.value } });
    await aggregateSamples(instance.ctx.db, now);
    const all = [...samples, late];
    expect(await stored('machine_aggregates_1m', s.machineId, 'current')).toEqual(downsample(all, MINUTE_MS).map(strip));
    expect(await stored('machine_aggregates_1h', s.machineId, 'current')).toEqual(downsample(all, HOUR_MS).map(strip));
  });

  it('combines the devices of a machine: at the same instant the greater device id gives the last value, also for late samples', async () => {
    const s = await setup();
    const second = await s.owner.post(`${s.api}/devices`, { name: 'Zweite SPS' });
    const devices = [
      { id: (await s.owner.get(`${s.api}/devices`)).body.find((d: { name: string }) => d.name === 'SPS').id as string, token: s.token },
      { id: second.body.id as string, token: second.body.token as string },
    ];
    const t0 = Date.parse('2026-03-04T07:00:00Z');
    const samples: Array<{ device: number; ts: number; value: number }> = [];
    // both devices every 5 s over three minutes, on the same instants, with other values
    for (let ts = t0; ts < t0 + 3 * MINUTE_MS; ts += 5000) samples.push({ device: 0, ts, value: ts / 1000 - 1e9 }, { device: 1, ts, value: -(ts / 1000 - 1e9) });
    for (const d of [0, 1]) await ingest(devices[d].token, samples.filter((x) => x.device === d).map((x) => ({ ts: x.ts, values: { p: x.value } })));
    // the domain gives the last of equal instants to the later sample: order them by instant, then device id
    const expected = (all: typeof samples) =>
      downsample([...all].sort((a, b) => a.ts - b.ts || devices[a.device].id.localeCompare(devices[b.device].id)), MINUTE_MS).map(strip);
    const now = t0 + HOUR_MS;
    await aggregateSamples(instance.ctx.db, now);
    expect(await stored('machine_aggregates_1m', s.machineId, 'p')).toEqual(expected(samples));

    // late samples of one device in an aggregated minute, one of them newer than all others of that minute
    const late = [
      { device: 0, ts: t0 + 62_500, value: 1234 },
      { device: 0, ts: t0 + 119_000, value: 4321 },
    ];
    await ingest(devices[0].token, late.map((x) => ({ ts: x.ts, values: { p: x.value } })));
    await aggregateSamples(instance.ctx.db, now);
    const minutes = await stored('machine_aggregates_1m', s.machineId, 'p');
    expect(minutes).toEqual(expected([...samples, ...late]));
    expect(minutes.map((m) => m.count)).toEqual([24, 26, 24]);
  });

  it('recomputes a minute with many late series from its time range, and one with few through the keys, to the same figures', async () => {
    const s = await setup();
    const t0 = Date.parse('2026-03-05T06:00:00Z');
    const points = Array.from({ length: 60 }, (_, i) => `q${i}`);
    const value = (ts: number, i: number) => Math.round(Math.cos(ts / 9000 + i) * 1000) / 10;
    const samples = (from: number, to: number, step: number) => {
      const out: Array<{ ts: number; values: Record<string, number> }> = [];
      for (let ts = from; ts < to; ts += step) out.push({ ts, values: Object.fromEntries(points.map((p, i) => [p, value(ts, i)])) });
      return out;
    };
    const first = samples(t0, t0 + 3 * MINUTE_MS, 10_000);
    await ingest(s.token, first);
    const now = t0 + HOUR_MS;
    await aggregateSamples(instance.ctx.db, now);
    // minute 0: all 60 series late (whole minute); minute 2: two series late (keys)
    const lateAll = samples(t0 + 5000, t0 + MINUTE_MS, 10_000);
    const lateFew = [{ ts: t0 + 2 * MINUTE_MS + 2500, values: { q3: 999, q40: -999 } }];
    await ingest(s.token, [...lateAll, ...lateFew]);
    await aggregateSamples(instance.ctx.db, now);
    const all = [...first, ...lateAll, ...lateFew];
    for (const p of ['q0', 'q3', 'q40', 'q59']) {
      const expected = downsample(all.filter((m) => p in m.values).map((m) => ({ ts: m.ts, value: m.values[p as keyof typeof m.values] as number })).sort((a, b) => a.ts - b.ts), MINUTE_MS);
      expect(await stored('machine_aggregates_1m', s.machineId, p)).toEqual(expected.map(strip));
    }
    expect((await stored('machine_aggregates_1m', s.machineId, 'q3')).map((m) => m.count)).toEqual([12, 6, 7]);
    expect((await stored('machine_aggregates_1h', s.machineId, 'q40')).map((m) => m.count)).toEqual([25]);
  });

  it('stores only complete buckets and serves the current one from the samples', async () => {
    const s = await setup();
    const t0 = Date.parse('2026-03-03T10:00:00Z');
    await ingest(s.token, [{ ts: t0 + 1000, values: { p: 1 } }, { ts: t0 + 61_000, values: { p: 3 } }, { ts: t0 + 62_000, values: { p: 5 } }]);
    await aggregateSamples(instance.ctx.db, t0 + 90_000); // 10:01:30 — minute 10:01 and hour 10 are not complete
    expect((await stored('machine_aggregates_1m', s.machineId, 'p')).map((a) => a.count)).toEqual([1]);
    expect(await stored('machine_aggregates_1h', s.machineId, 'p')).toEqual([]);
    const series = await s.owner.get(`${s.api}/series?point=p&from=2026-03-03T10:00:00Z&to=2026-03-03T10:02:00Z&resolution=1m`);
    expect(series.body).toMatchObject({ resolution: '1m', requestedResolution: '1m', fellBack: false, samples: [] });
    expect(series.body.buckets).toEqual([
      { ts: '2026-03-03T10:00:00.000Z', count: 1, min: 1, max: 1, avg: 1, last: 1 },
      { ts: '2026-03-03T10:01:00.000Z', count: 2, min: 3, max: 5, avg: 4, last: 5 },
    ]);
    const hours = await s.owner.get(`${s.api}/series?point=p&from=2026-03-03T09:30:00Z&to=2026-03-03T11:00:00Z&resolution=1h`);
    expect(hours.body.buckets).toEqual([{ ts: '2026-03-03T10:00:00.000Z', count: 3, min: 1, max: 5, avg: 3, last: 5 }]);
  });

  it('chooses the resolution by range and data, and falls back with a flag where raw data is gone', async () => {
    const s = await setup();
    const now = Date.parse('2026-03-16T12:00:00Z');
    const start = now - 2 * HOUR_MS;
    // one sample per second for 40 minutes: 2400 raw samples
    const batch = Array.from({ length: 2400 }, (_, i) => ({ ts: start + i * 1000, values: { force: i % 100 } }));
    expect((await ingest(s.token, batch)).statusCode).toBe(200);
    const q = (extra: string) => s.owner.get(`${s.api}/series?point=force&from=${new Date(start).toISOString()}&to=${new Date(start + 3 * HOUR_MS).toISOString()}${extra}`);
    const auto = await q('');
    expect(auto.body).toMatchObject({ resolution: '1m', requestedResolution: 'auto', fellBack: false });
    expect(auto.body.buckets).toHaveLength(40);
    expect(auto.body.buckets[0]).toMatchObject({ count: 60, min: 0, max: 59 });
    const raw = await q('&resolution=raw&limit=100000');
    expect(raw.body).toMatchObject({ resolution: 'raw', fellBack: false });
    expect(raw.body.samples).toHaveLength(2400);
    const short = await s.owner.get(`${s.api}/series?point=force&from=${new Date(start).toISOString()}&to=${new Date(start + 10_000).toISOString()}`);
    expect(short.body).toMatchObject({ resolution: 'raw' });
    expect(short.body.samples).toHaveLength(10);

    // raw samples of this point are kept 1 day: once retention has run, a week ago is only there as aggregates
    const pointId = (await s.owner.get(`${s.api}/points`)).body.find((p: { name: string }) => p.name === 'force').id;
    const old = now - 5 * DAY;
    await ingest(s.token, [{ ts: old, values: { force: 7 } }, { ts: old + 1000, values: { force: 9 } }]);
    expect((await s.owner.put(`${s.api}/points/${pointId}/retention`, { rawDays: 1 })).body).toMatchObject({ setting: { rawDays: 1, minuteDays: null }, effective: { rawDays: 1 } });
    await maintainSamples(instance.ctx.db, 90, now);
    const [{ n: left }] = (await sql<{ n: string }>`select count(*) as n from machine_samples where tenant_id = ${s.id}`.execute(instance.ctx.db)).rows;
    expect(Number(left)).toBe(2400);
    const gone = await s.owner.get(`${s.api}/series?point=force&from=${new Date(old - HOUR_MS).toISOString()}&to=${new Date(old + HOUR_MS).toISOString()}&resolution=raw`);
    expect(gone.body).toMatchObject({ requestedResolution: 'raw', resolution: '1m', fellBack: true, samples: [] });
    expect(gone.body.buckets).toEqual([expect.objectContaining({ count: 2, min: 7, max: 9, avg: 8 })]);
  });

  it('keeps each point as long as its own retention says and refuses finer data outliving coarser', async () => {
    const s = await setup();
    const now = Date.parse('2026-06-20T12:00:00Z');
    const days = [2, 10, 40, 120];
    await ingest(s.token, days.map((d) => ({ ts: now - d * DAY, values: { short: d, long: d, usual: d } })));
    const points = (await s.owner.get(`${s.api}/points`)).body as Array<{ id: string; name: string }>;
    const idOf = (name: string) => points.find((p) => p.name === name)!.id;
    const before = await s.owner.get(`${s.api}/points/${idOf('short')}/retention`);
    expect(before.body).toMatchObject({ setting: { rawDays: null, minuteDays: null, hourDays: null }, effective: { rawDays: 90, minuteDays: 400, hourDays: 3650 } });
    const bad = await s.owner.put(`${s.api}/points/${idOf('short')}/retention`, { rawDays: 500 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('machines_retention_minuteShorterThanRaw');
    expect((await s.owner.put(`${s.api}/points/${idOf('short')}/retention`, { rawDays: 5, minuteDays: 20, hourDays: 50 })).status).toBe(200);
    expect((await s.owner.put(`${s.api}/points/${idOf('long')}/retention`, { rawDays: 200, minuteDays: 400 })).status).toBe(200);
    expect((await s.owner.put(`${s.api}/points/${idOf('long')}/retention`, { rawDays: 0 })).status).toBe(400);

    const result = await maintainSamples(instance.ctx.db, 90, now);
    // the partition of 120 days ago stays: "long" keeps raw samples for 200 days
    expect(result.dropped).not.toContain('d20260221');
    const raw = async (point: string) =>
      (await sql<{ num: number }>`select num from machine_samples where tenant_id = ${s.id} and point = ${point} order by ts desc`.execute(instance.ctx.db)).rows.map((r) => Number(r.num));
    expect(await raw('short')).toEqual([2]);
    expect(await raw('usual')).toEqual([2, 10, 40]);
    expect(await raw('long')).toEqual([2, 10, 40, 120]);
    const aggregated = async (table: 'machine_aggregates_1m' | 'machine_aggregates_1h', point: string) =>
      (await stored(table, s.machineId, point)).map((a) => a.last).reverse();
    expect(await aggregated('machine_aggregates_1m', 'short')).toEqual([2, 10]);
    expect(await aggregated('machine_aggregates_1h', 'short')).toEqual([2, 10, 40]);
    expect(await aggregated('machine_aggregates_1m', 'usual')).toEqual([2, 10, 40, 120]);
  });

  it('exports a point as CSV: BOM, ";" separated, ISO times, formulas defused, raw or aggregated', async () => {
    const s = await setup();
    await ingest(s.token, [
      { ts: '2026-03-04T08:00:00Z', values: { current: 180.5, program: '=cmd|calc' } },
      { ts: '2026-03-04T08:00:30Z', values: { current: -2 } },
      { ts: '2026-03-04T08:01:10Z', values: { current: 181.25 } },
    ]);
    await aggregateSamples(instance.ctx.db);
    const range = 'from=2026-03-04T08:00:00Z&to=2026-03-04T09:00:00Z';
    const csv = await s.owner.get(`${s.api}/series.csv?point=current&${range}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="Schwei_zelle_\d+_current_2026-03-04_raw\.csv"$/);
    expect(csv.body).toBe('\uFEFFtime;value\r\n2026-03-04T08:00:00.000Z;180,5\r\n2026-03-04T08:00:30.000Z;-2\r\n2026-03-04T08:01:10.000Z;181,25\r\n');
    const point = await s.owner.get(`${s.api}/series.csv?point=current&${range}&decimal=point&resolution=1m`);
    expect(point.body).toBe('\uFEFFbucket_start;count;min;avg;max;last\r\n2026-03-04T08:00:00.000Z;2;-2;89.25;180.5;-2\r\n2026-03-04T08:01:00.000Z;1;181.25;181.25;181.25;181.25\r\n');
    const xlsx = await s.owner.get(`${s.api}/series.xlsx?point=current&${range}`);
    expect(xlsx.headers['content-disposition']).toMatch(/_current_2026-03-04_raw\.xlsx"$/);
    const rows = [];
    for await (const row of readXlsx(xlsx.raw.rawPayload)) rows.push(row.values);
    expect(rows).toEqual([['time', 'value'], ['2026-03-04T08:00:00.000Z', 180.5], ['2026-03-04T08:00:30.000Z', -2], ['2026-03-04T08:01:10.000Z', 181.25]]);
    const text = await s.owner.get(`${s.api}/series.csv?point=program&${range}`);
    expect(text.body).toBe("\uFEFFtime;value\r\n2026-03-04T08:00:00.000Z;'=cmd|calc\r\n");
    expect((await s.owner.get(`${s.api}/series.csv?point=current&from=2026-03-04T09:00:00Z&to=2026-03-04T08:00:00Z`)).status).toBe(400);
    expect((await s.owner.get(`${s.api}/series.csv?point=current&${range}&resolution=5m`)).status).toBe(400);
  });
});
