/**
 * Cost of the machine-data aggregation job (src/modules/machines/aggregates.store.ts) on a
 * realistic volume, on the PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; a database of its own, dropped afterwards) and on
 * the embedded database: 20 devices × 10 points with hours of history at 1 Hz, then
 * (a) the first run over all of it, (b) a run after one more minute at 2,000 values/s,
 * (c) a run after a few late samples for old buckets. Writes its section of bench/RESULTS.md.
 *
 *   npx tsx bench/machines-aggregation.ts [server|embedded]
 */
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { type Database, openEmbeddedDatabase } from '../src/kernel/db/database.js';
import { openThrowawayServerDatabase } from '../src/kernel/testing/test-database.js';
import { migrate } from '../src/kernel/db/migrate.js';
import { ModuleRegistry } from '../src/kernel/modules/module-registry.js';
import { aggregateSamples } from '../src/modules/machines/aggregates.store.js';
import { ensurePartitions } from '../src/modules/machines/sample-partitions.store.js';
import { modulesWithMachines } from '../src/modules/machines/test-modules.js';
import { writeAggregationSection } from './machines-aggregation-report.js';

const root = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(root, 'bench/RESULTS.md');
const MINUTE = 60_000;
const DEVICES = 20;
const POINTS = 10;
/** Hours of 1 Hz history per database kind (env BENCH_AGG_HOURS overrides both). */
const HOURS = { server: 5, embedded: 2 } as const;
/** The steady-state minute: 10 samples per second and series = 2,000 values/s. */
const STEADY_HZ = 10;
const LATE = 20;

type Kind = 'server' | 'embedded';
interface Figures { kind: Kind; history: number; firstMs: number; first: { minutes: number; hours: number }; steadyMs: number; steadyValues: number; lateMs: number }

async function open(kind: Kind): Promise<Database> {
  if (kind === 'embedded') return openEmbeddedDatabase(new PGlite({ parsers: { 20: (v: string) => Number(v) } }));
  return openThrowawayServerDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', `wv_bench_aggregation_${process.pid}`);
}

/** Samples of every device and point every `stepMs` in [from, to), received at `ts` (history) or now. */
async function load(database: Database, tenant: string, from: number, to: number, stepMs: number, receivedNow: boolean) {
  const db = database.db;
  for (let t = from; t < to; t += 3_600_000) {
    const end = Math.min(to, t + 3_600_000);
    await ensurePartitions(db, [t, end - 1]);
    await sql`insert into machine_samples (tenant_id, device_id, point, ts, num, received_at)
      select ${tenant}::uuid, d.id, 'p' || p, g.ts, ((extract(epoch from g.ts) * 7)::bigint + p) % 1000 / 10.0,
        ${receivedNow ? sql`now()` : sql`g.ts`}
      from machine_devices d cross join generate_series(0, ${POINTS - 1}) p
      cross join generate_series(${new Date(t).toISOString()}::timestamptz, ${new Date(end - 1).toISOString()}::timestamptz, ${`${stepMs} milliseconds`}::interval) g(ts)
      where d.tenant_id = ${tenant}::uuid
      order by g.ts`.execute(db); // in the order of arrival, as the BRIN indexes expect
  }
}

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
};

async function measure(kind: Kind): Promise<Figures> {
  const database = await open(kind);
  try {
    await migrate(database, new ModuleRegistry(modulesWithMachines).modules.map((m) => ({ moduleId: m.id, migrations: m.migrations })));
    const db = database.db;
    const tenant = '00000000-0000-7000-8000-000000000001';
    await sql`insert into tenants (id, name) values (${tenant}, 'Bench GmbH')`.execute(db);
    for (let i = 0; i < DEVICES; i++) {
      const machine = `00000000-0000-7000-8000-1000000000${String(i).padStart(2, '0')}`;
      const device = `00000000-0000-7000-8000-2000000000${String(i).padStart(2, '0')}`;
      await sql`insert into machines (tenant_id, id, name) values (${tenant}, ${machine}, ${`M${i}`})`.execute(db);
      await sql`insert into machine_devices (tenant_id, id, machine_id, name, token_hash) values (${tenant}, ${device}, ${machine}, 'SPS', ${`h${i}`})`.execute(db);
    }
    // history up to the current minute of the real clock, so that "received since the last run" means what it does in production
    const end = Math.floor(Date.now() / MINUTE) * MINUTE;
    const hours = Number(process.env.BENCH_AGG_HOURS ?? HOURS[kind]);
    const start = end - hours * 3_600_000;
    console.log(`${kind}: loading ${hours} h of history …`);
    await load(database, tenant, start, end, 1000, false);
    const history = DEVICES * POINTS * hours * 3600;
    await sql`analyze machine_samples`.execute(db);

    console.log(`${kind}: (a) first run over ${history.toLocaleString('en-US')} samples …`);
    const [first, firstMs] = await timed(() => aggregateSamples(db, end + 1000));

    await load(database, tenant, end, end + MINUTE, 1000 / STEADY_HZ, true);
    const steadyValues = DEVICES * POINTS * 60 * STEADY_HZ;
    console.log(`${kind}: (b) steady-state run after one minute of ${steadyValues.toLocaleString('en-US')} values …`);
    const [, steadyMs] = await timed(() => aggregateSamples(db, end + MINUTE + 1000));

    // late samples for buckets aggregated long ago: an offline buffer of a few devices
    for (let i = 0; i < LATE; i++) {
      const device = `00000000-0000-7000-8000-2000000000${String(i % DEVICES).padStart(2, '0')}`;
      const ts = new Date(start + Math.floor((i * (end - start - 2 * MINUTE)) / LATE / MINUTE) * MINUTE + 30_333).toISOString();
      await sql`insert into machine_samples (tenant_id, device_id, point, ts, num) values (${tenant}, ${device}, 'p0', ${ts}::timestamptz, 999)`.execute(db);
    }
    console.log(`${kind}: (c) run after ${LATE} late samples …`);
    const [, lateMs] = await timed(() => aggregateSamples(db, end + MINUTE + 2000));
    const check = await sql<{ n: unknown }>`select count(*) as n from machine_aggregates_1m where max = 999`.execute(db);
    if (Number(check.rows[0].n) !== LATE) throw new Error(`late samples not aggregated: ${String(check.rows[0].n)} of ${LATE}`);
    const figures = { kind, history, firstMs, first, steadyMs, steadyValues, lateMs };
    console.log(figures);
    return figures;
  } finally {
    await database.close();
  }
}

const s = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

function render(all: Figures[]): string {
  const lines = [
    '## Machine data: aggregation job',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, shared with other work (load average ${os.loadavg()[0].toFixed(1)} at the end). ` +
      'Re-run with `npx tsx bench/machines-aggregation.ts`. One run of `aggregateSamples` (1-minute buckets from the raw samples, 1-hour buckets from the minutes) ' +
      `for ${DEVICES} devices × ${POINTS} points: (a) the first run over hours of 1 Hz history, (b) the next run after one more minute at ${STEADY_HZ} Hz ` +
      `(${(DEVICES * POINTS * STEADY_HZ).toLocaleString('en-US')} values/s), (c) a run after ${LATE} late samples for buckets hours old.`,
    '',
    'Before the job was split into the new range (grouped by time range) and the late buckets (found through `received_at`), and the first run into hourly transactions, ' +
      'it took, for only 360,000 samples of history (30 min), 179 s / 30 s / 11 s on the server and 21 s / 7.7 s / 9.2 s embedded for (a) / (b) / (c).',
    '',
    '| database | history | (a) first run | (b) steady state, 1 min | (c) late samples |',
    '|---|---|---|---|---|',
    ...all.map((f) => `| ${f.kind === 'server' ? 'PostgreSQL server' : 'embedded (PGlite)'} | ${f.history.toLocaleString('en-US')} samples | ${s(f.firstMs)} (${f.first.minutes.toLocaleString('en-US')} minute, ${f.first.hours} hour buckets) | ${s(f.steadyMs)} (${f.steadyValues.toLocaleString('en-US')} values) | ${s(f.lateMs)} |`),
  ];
  return lines.join('\n');
}

const kinds = (process.argv[2] ? [process.argv[2]] : ['server', 'embedded']) as Kind[];
const figures: Figures[] = [];
for (const kind of kinds) figures.push(await measure(kind));
if (process.env.BENCH_NO_WRITE !== '1') writeAggregationSection(RESULTS, render(figures));
process.exit(0);
