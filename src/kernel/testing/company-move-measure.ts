import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from '../db/uuid-v7.js';
import type { Instance } from '../instance.js';
import { allModules } from '../../modules/index.js';

/**
 * Measures an export (and import) of a company with `samples` machine samples through the real
 * HTTP server, while `/api/health` is asked every 50 ms: duration, the slowest health answer, and
 * the growth of the process's memory (sampled every 50 ms). Used by a test (bounds) and by
 * `bench/company-move.ts` (the numbers in bench/RESULTS.md).
 */
export interface MoveFigures {
  samples: number;
  /** Time to create the company and its samples. */
  loadSeconds: number;
  archiveBytes: number;
  export: PhaseFigures;
  import: PhaseFigures;
}

export interface PhaseFigures {
  seconds: number;
  /** CPU time of this process (server and poller; with the embedded database also the database). */
  cpuSeconds: number;
  healthMaxMs: number;
  healthCount: number;
  heapGrowthMb: number;
  rssGrowthMb: number;
}

/** A company with one machine, one device, one point and `samples` samples one second apart. */
export async function companyWithSamples(instance: Instance, samples: number): Promise<{ tenantId: string; ownerId: string; email: string; password: string }> {
  const email = `owner-${randomBytes(4).toString('hex')}@move.example`;
  const password = 'correct horse battery';
  const res = await instance.app.inject({
    method: 'POST', url: '/api/v1/auth/signup',
    payload: { company: { name: 'Messwerk GmbH' }, user: { name: 'Mona Mess', email, password } },
  });
  const body = JSON.parse(res.body);
  const tenantId = body.companies[0].id as string;
  const ownerId = body.user.id as string;
  const db = instance.ctx.db;
  await db.insertInto('tenant_modules').values({ tenant_id: tenantId, module_id: 'machines', enabled: true, changed_by: ownerId })
    .onConflict((oc) => oc.columns(['tenant_id', 'module_id']).doUpdateSet({ enabled: true })).execute();
  const machine = uuidv7();
  const device = uuidv7();
  await db.insertInto('machines').values({ tenant_id: tenantId, id: machine, name: 'Presse 1' }).execute();
  await db.insertInto('machine_points').values({ tenant_id: tenantId, id: uuidv7(), machine_id: machine, name: 'temp', type: 'number', source: 'mqtt' }).execute();
  await db.insertInto('machine_devices').values({ tenant_id: tenantId, id: device, machine_id: machine, name: 'SPS', token_hash: randomBytes(32).toString('hex') }).execute();
  const start = Date.parse('2026-11-01T00:00:00Z');
  const end = start + samples * 1000;
  const days: number[] = [];
  for (let t = start; t < end + 86_400_000; t += 86_400_000) days.push(t);
  // the day partitions, created the way a company import creates them (the machines module's hook)
  await allModules.find((m) => m.id === 'machines')!.beforeImportRows!(db, 'machine_samples', days.map((t) => ({ ts: new Date(t).toISOString() })));
  for (let from = 0; from < samples; from += 100_000) {
    const to = Math.min(samples, from + 100_000) - 1;
    await sql`insert into machine_samples (tenant_id, device_id, point, ts, num)
      select ${tenantId}::uuid, ${device}::uuid, 'temp', ${new Date(start).toISOString()}::timestamptz + i * interval '1 second', 20 + (i % 600) / 10.0
      from generate_series(${from}::int, ${to}::int) i`.execute(db);
  }
  return { tenantId, ownerId, email, password };
}

/** Runs `work` while asking /api/health every 50 ms and sampling memory. */
export async function whileWatching<T>(baseUrl: string, work: () => Promise<T>): Promise<{ result: T; figures: PhaseFigures }> {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  let heapMax = heap0;
  let rssMax = rss0;
  let healthMax = 0;
  let healthCount = 0;
  let done = false;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    heapMax = Math.max(heapMax, m.heapUsed);
    rssMax = Math.max(rssMax, m.rss);
  }, 50);
  const health = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/health`);
      await res.text();
      healthMax = Math.max(healthMax, performance.now() - t0);
      healthCount++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const result = await work();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      result,
      figures: { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, healthMaxMs: healthMax, healthCount, heapGrowthMb: (heapMax - heap0) / 1024 / 1024, rssGrowthMb: (rssMax - rss0) / 1024 / 1024 },
    };
  } finally {
    done = true;
    clearInterval(sampler);
    await health;
  }
}

/** Signs in, downloads the export over HTTP, uploads it again as a new company; returns the figures. */
export async function measureMove(instance: Instance, baseUrl: string, samples: number): Promise<MoveFigures> {
  const t0 = performance.now();
  const company = await companyWithSamples(instance, samples);
  const loadSeconds = (performance.now() - t0) / 1000;
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: company.email, password: company.password }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  let archive = Buffer.alloc(0);
  const exported = await whileWatching(baseUrl, async () => {
    const res = await fetch(`${baseUrl}/api/v1/companies/${company.tenantId}/export`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}`);
    archive = Buffer.from(await res.arrayBuffer());
  });
  const imported = await whileWatching(baseUrl, async () => {
    const res = await fetch(`${baseUrl}/api/v1/companies/import`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/zip' }, body: archive });
    if (res.status !== 201) throw new Error(`import answered ${res.status}: ${await res.text()}`);
    return res.json();
  });
  return { samples, loadSeconds, archiveBytes: archive.length, export: exported.figures, import: imported.figures };
}
