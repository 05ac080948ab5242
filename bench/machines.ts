/**
 * Machine-data benchmarks (issue "Machine data", performance and faults): MQTT QoS 1 ingestion
 * against a raw COPY and a Node-RED flow, the embedded database against the server, a burst at 3×
 * the sustained rate, and kill -9 in the middle of a run. Writes its section of bench/RESULTS.md.
 *
 *   npx tsx bench/run.ts machines                 # all phases
 *   npx tsx bench/run.ts machines throughput kill # some of them (throughput, kill, burst)
 *   npx tsx bench/run.ts machines report          # the section again from bench/.work/machines-results.json
 *
 * Settings (environment): BENCH_ROUNDS (rounds in which the four paths take turns; the median
 * run of each counts, 3), BENCH_MACHINES_SECONDS (measured seconds per MQTT run, 15),
 * BENCH_MACHINE_DEVICES (20), BENCH_MQTT_WINDOW (unacknowledged messages per device, 10),
 * BENCH_COPY_MESSAGES (100000), BENCH_NODE_RED_MESSAGES (15000), BENCH_KILL_SECONDS (30),
 * BENCH_BURST_MINUTES (10), BENCH_DRAIN_LIMIT_MINUTES (20), BENCH_SUSTAINED_RATE (messages/s;
 * default half the measured server throughput), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_MOSQUITTO_URL (mqtt://127.0.0.1:1883).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Throughput, copyBaseline, installNodeRed, nodeRedBaseline } from './machines-baselines.js';
import { Fleet, VALUES_PER_MESSAGE, percentile } from './machines-publisher.js';
import { type RunningServer, freshDatabase, root, setUpFleet, startServer } from './machines-server.js';
import { renderMachineSection, writeMachineSection } from './machines-report.js';

const env = process.env;
const SECONDS = Number(env.BENCH_MACHINES_SECONDS ?? 15);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const DEVICES = Number(env.BENCH_MACHINE_DEVICES ?? 20);
const WINDOW = Number(env.BENCH_MQTT_WINDOW ?? 10);
const COPY_MESSAGES = Number(env.BENCH_COPY_MESSAGES ?? 100_000);
const NODE_RED_MESSAGES = Number(env.BENCH_NODE_RED_MESSAGES ?? 20_000);
const KILL_SECONDS = Number(env.BENCH_KILL_SECONDS ?? 30);
const BURST_MINUTES = Number(env.BENCH_BURST_MINUTES ?? 10);
const DRAIN_LIMIT_MINUTES = Number(env.BENCH_DRAIN_LIMIT_MINUTES ?? 20);
const MOSQUITTO = env.BENCH_MOSQUITTO_URL ?? 'mqtt://127.0.0.1:1883';
const DB_NAME = 'wv_bench_machines';

const workDir = path.join(root, 'bench/.work');
const resultsFile = path.join(workDir, 'machines-results.json');
const ports = (() => {
  let next = 4100 + Math.floor(Math.random() * 500) * 4;
  return () => next++;
})();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.log(`[machines ${new Date().toISOString().slice(11, 19)}] ${s}`);

export interface MachineResults {
  measuredAt?: string;
  machine?: string;
  settings?: Record<string, number>;
  copy?: Throughput;
  mqttServer?: Throughput;
  mqttEmbedded?: Throughput;
  nodeRed?: Throughput | { skipped: string };
  kill?: KillResult;
  burst?: BurstResult;
}

export interface KillResult {
  measuredAt?: string;
  seconds: number;
  acked: number;
  lost: number;
  partial: number;
  duplicates: number;
  storedNotAcked: number;
  restartSeconds: number;
  drained: boolean;
}

export interface BurstResult {
  measuredAt?: string;
  sustainedRate: number;
  sustainedFrom: string;
  burstMinutes: number;
  rss: Array<{ t: number; rssMiB: number; backlog: number; ackedPerSecond: number }>;
  drainSeconds: number | null;
  drainLimitSeconds: number;
  peakBacklog: number;
  rssStartMiB: number;
  rssPeakMiB: number;
  rssEndMiB: number;
  /** Messages acknowledged per second while the burst lasted, and during the drain. */
  burstAckedPerSecond?: number;
  drainAckedPerSecond?: number;
}

async function withServer<T>(databaseUrl: string | undefined, fn: (s: RunningServer, mqttPort: number) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wv-bench-machines-'));
  const mqttPort = ports();
  const server = await startServer({ httpPort: ports(), mqttPort, databaseUrl, dataDir });
  try {
    return await fn(server, mqttPort);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** MQTT at full speed: every device keeps its window of unacknowledged messages full. */
async function measureMqtt(server: RunningServer, mqttPort: number, label: string, databaseUrl?: string): Promise<Throughput> {
  const fleetSetup = await setUpFleet(server.base, DEVICES);
  const fleet = await Fleet.connect({
    url: `mqtt://127.0.0.1:${mqttPort}`,
    devices: fleetSetup.devices,
    topic: (d) => `wv/${d}/telemetry`,
    window: WINDOW,
    baseTs: Date.now() - 60_000,
    clientIdPrefix: label,
  });
  try {
    fleet.setRate(Infinity);
    await sleep(3000); // warm-up
    const a0 = fleet.ackedTotal;
    const l0 = fleet.latencies.length;
    const t0 = performance.now();
    const cpu0 = server.cpuMs();
    await sleep(SECONDS * 1000);
    const seconds = (performance.now() - t0) / 1000;
    const cpuMs = server.cpuMs() - cpu0;
    const acked = fleet.ackedTotal - a0;
    const latencies = fleet.latencies.slice(l0, l0 + acked);
    await fleet.finish(120_000);
    const total = fleet.ackedTotal;
    const stored = databaseUrl ? await countRows(databaseUrl, fleetSetup.tenantId) : NaN;
    log(`${label}: ${(acked / seconds).toFixed(0)} messages/s, server process CPU ${((cpuMs * 1000) / acked).toFixed(0)} µs/message, stored ${stored} of ${total * VALUES_PER_MESSAGE} values`);
    return {
      messagesPerSecond: acked / seconds,
      valuesPerSecond: (acked * VALUES_PER_MESSAGE) / seconds,
      p95AckMs: percentile(latencies, 95),
      messages: acked,
      seconds,
      serverCpuUsPerMessage: (cpuMs * 1000) / acked,
      note: Number.isNaN(stored) || stored === total * VALUES_PER_MESSAGE ? undefined : `stored ${stored} values for ${total} acknowledged messages`,
    };
  } finally {
    await fleet.close();
  }
}

async function countRows(url: string, tenantId: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('select count(*) from machine_samples where tenant_id = $1', [tenantId])).rows[0].count);
  } finally {
    await c.end();
  }
}

async function truncate(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  await c.query('truncate machine_samples');
  await c.query('checkpoint');
  await c.end();
}

/** The run with the median values/s, carrying the messages/s of every run. */
function median(runs: Throughput[]): Throughput | undefined {
  if (runs.length === 0) return undefined;
  const sorted = [...runs].sort((a, b) => a.valuesPerSecond - b.valuesPerSecond);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: runs.map((r) => Math.round(r.messagesPerSecond)) };
}

/**
 * `throughput` runs all four paths, `server`, `copy`, `nodered`, `embedded` one each. The machine
 * is shared, so the paths take turns in BENCH_ROUNDS rounds and each reports its median run: a
 * load peak then hits all of them alike instead of one.
 */
async function throughputPhase(results: MachineResults, wanted: string[]) {
  const want = (name: string) => wanted.includes('throughput') || wanted.includes(name);
  const databaseUrl = await freshDatabase(DB_NAME);
  const runs = { server: [] as Throughput[], copy: [] as Throughput[], nodeRed: [] as Throughput[], embedded: [] as Throughput[] };
  let nodeRedSkipped: string | undefined;
  if (want('nodered')) {
    try {
      await installNodeRed();
    } catch (error) {
      nodeRedSkipped = `installing node-red@4.1 failed: ${(error as Error).message.split('\n')[0]}`;
    }
  }
  for (let round = 1; round <= ROUNDS; round++) {
    let tenantId = '';
    let deviceIds: string[] = [];
    await withServer(databaseUrl, async (server, mqttPort) => {
      if (want('server')) {
        log(`round ${round}: Werkverbund MQTT on the PostgreSQL server …`);
        runs.server.push(await measureMqtt(server, mqttPort, 'server', databaseUrl));
      }
      const fleet = await setUpFleet(server.base, DEVICES);
      tenantId = fleet.tenantId;
      deviceIds = fleet.devices.map((d) => d.id);
    });
    await truncate(databaseUrl);
    if (want('copy')) {
      const copy = await copyBaseline(databaseUrl, tenantId, deviceIds, COPY_MESSAGES, Date.now() - 120_000);
      log(`round ${round}: COPY of ${COPY_MESSAGES} messages: ${copy.messagesPerSecond.toFixed(0)} messages/s`);
      runs.copy.push(copy);
      await truncate(databaseUrl);
    }
    if (want('nodered') && !nodeRedSkipped) {
      try {
        const nodeRed = await nodeRedBaseline({
          databaseUrl,
          tenantId,
          deviceIds,
          messages: NODE_RED_MESSAGES,
          window: WINDOW,
          baseTs: Date.now() - 180_000,
          mosquittoUrl: MOSQUITTO,
          port: ports(),
        });
        log(`round ${round}: Node-RED: ${nodeRed.messagesPerSecond.toFixed(0)} messages/s`);
        runs.nodeRed.push(nodeRed);
      } catch (error) {
        nodeRedSkipped = `Node-RED run failed: ${(error as Error).message.split('\n')[0]}`;
      }
      await truncate(databaseUrl);
    }
    if (want('embedded')) {
      log(`round ${round}: Werkverbund MQTT on the embedded database …`);
      runs.embedded.push(await withServer(undefined, (server, mqttPort) => measureMqtt(server, mqttPort, 'embedded')));
    }
  }
  if (want('server')) results.mqttServer = median(runs.server);
  if (want('copy')) results.copy = median(runs.copy);
  if (want('nodered')) results.nodeRed = nodeRedSkipped ? { skipped: nodeRedSkipped } : median(runs.nodeRed);
  if (want('embedded')) results.mqttEmbedded = median(runs.embedded);
}

/**
 * kill -9 in the middle of a full-speed run, restart on the same database, let the devices
 * reconnect and resend, then compare every PUBACKed message with the table.
 */
async function killPhase(results: MachineResults) {
  const databaseUrl = await freshDatabase(`${DB_NAME}_kill`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wv-bench-kill-'));
  const mqttPort = ports();
  const httpPort = ports();
  let server = await startServer({ httpPort, mqttPort, databaseUrl, dataDir });
  const setup = await setUpFleet(server.base, DEVICES);
  const baseTs = Date.now() - 60_000;
  const fleet = await Fleet.connect({ url: `mqtt://127.0.0.1:${mqttPort}`, devices: setup.devices, topic: (d) => `wv/${d}/telemetry`, window: WINDOW, baseTs, clientIdPrefix: 'kill' });
  let restartSeconds = 0;
  try {
    fleet.setRate(Infinity);
    await sleep((KILL_SECONDS * 1000) / 2);
    log(`kill -9 after ${fleet.ackedTotal} acknowledged messages`);
    await server.kill9();
    const t = performance.now();
    server = await startServer({ httpPort, mqttPort, databaseUrl, dataDir });
    restartSeconds = (performance.now() - t) / 1000;
    log(`restarted in ${restartSeconds.toFixed(1)} s`);
    await sleep((KILL_SECONDS * 1000) / 2);
    const drained = await fleet.finish(120_000);
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const rows = (
      await c.query<{ device_id: string; seq: string; n: string }>(
        `select device_id, (extract(epoch from ts) * 1000)::bigint - $2::bigint as seq, count(*) as n
         from machine_samples where tenant_id = $1 group by 1, 2`,
        [setup.tenantId, baseTs],
      )
    ).rows;
    const dup = await c.query('select count(*) - count(distinct (device_id, point, ts)) as d from machine_samples where tenant_id = $1', [setup.tenantId]);
    await c.end();
    const stored = new Map<string, number>();
    for (const r of rows) stored.set(`${r.device_id}/${r.seq}`, Number(r.n));
    let lost = 0;
    let partial = 0;
    let acked = 0;
    const ackedKeys = new Set<string>();
    for (const [device, seqs] of fleet.acked()) {
      for (const seq of seqs) {
        acked++;
        const key = `${device}/${seq}`;
        ackedKeys.add(key);
        const n = stored.get(key) ?? 0;
        if (n === 0) lost++;
        else if (n !== VALUES_PER_MESSAGE) partial++;
      }
    }
    let storedNotAcked = 0;
    for (const key of stored.keys()) if (!ackedKeys.has(key)) storedNotAcked++;
    results.kill = { measuredAt: new Date().toISOString(), seconds: KILL_SECONDS, acked, lost, partial, duplicates: Number(dup.rows[0].d), storedNotAcked, restartSeconds, drained };
    log(`kill -9: ${JSON.stringify(results.kill)}`);
  } finally {
    await fleet.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The burst: the sustained rate is half of the measured full-speed throughput on the server (the
 * load Werkverbund carries with room to spare); the burst sends three times that, i.e. 1.5× what
 * the machine stores in a 15-s run, for BENCH_BURST_MINUTES. The surplus waits on the devices (QoS 1
 * window full), not in the server's memory. Afterwards the devices go back to the sustained rate and
 * we measure until their backlog is gone. Messages carry their production instant (stamp
 * `production`), so the backlog arrives late, as from a controller's buffer.
 */
async function burstPhase(results: MachineResults) {
  const sustained = Number(env.BENCH_SUSTAINED_RATE ?? 0) || (results.mqttServer ? Math.round(results.mqttServer.messagesPerSecond / 2) : 0);
  if (!sustained) throw new Error('burst needs BENCH_SUSTAINED_RATE or a throughput result (run the throughput phase first)');
  const sustainedFrom = env.BENCH_SUSTAINED_RATE ? 'BENCH_SUSTAINED_RATE' : 'half the measured server throughput';
  const databaseUrl = await freshDatabase(`${DB_NAME}_burst`);
  await withServer(databaseUrl, async (server, mqttPort) => {
    const setup = await setUpFleet(server.base, DEVICES);
    const fleet = await Fleet.connect({ url: `mqtt://127.0.0.1:${mqttPort}`, devices: setup.devices, topic: (d) => `wv/${d}/telemetry`, window: WINDOW, baseTs: Date.now(), stamp: 'production', clientIdPrefix: 'burst' });
    const rss: BurstResult['rss'] = [];
    const started = performance.now();
    let lastAcked = 0;
    let lastT = started;
    const sample = () => {
      const now = performance.now();
      rss.push({ t: Math.round((now - started) / 1000), rssMiB: Math.round(server.rssMiB()), backlog: fleet.backlog, ackedPerSecond: Math.round((fleet.ackedTotal - lastAcked) / ((now - lastT) / 1000 || 1)) });
      lastAcked = fleet.ackedTotal;
      lastT = now;
      const last = rss[rss.length - 1];
      if (rss.length % 6 === 0) log(`t=${last.t} s: RSS ${last.rssMiB} MiB, backlog ${last.backlog}, ${last.ackedPerSecond} acked/s`);
    };
    const timer = setInterval(sample, 5000);
    try {
      fleet.setRate(sustained);
      await sleep(30_000);
      const rssStartMiB = server.rssMiB();
      log(`burst: ${3 * sustained} messages/s for ${BURST_MINUTES} min (sustained ${sustained})`);
      fleet.setRate(3 * sustained);
      const ackedAtBurst = fleet.ackedTotal;
      const burstStart = performance.now();
      await sleep(BURST_MINUTES * 60_000);
      const burstEnd = performance.now();
      const ackedAtBurstEnd = fleet.ackedTotal;
      fleet.setRate(sustained);
      let peakBacklog = Math.max(0, ...rss.map((r) => r.backlog));
      let drainSeconds: number | null = null;
      // Drained: the backlog is back to what one second of sustained load keeps in flight.
      const drainedAt = Math.max(sustained, DEVICES * WINDOW);
      while ((performance.now() - burstEnd) / 60_000 < DRAIN_LIMIT_MINUTES) {
        peakBacklog = Math.max(peakBacklog, fleet.backlog);
        if (fleet.backlog <= drainedAt) {
          drainSeconds = (performance.now() - burstEnd) / 1000;
          break;
        }
        await sleep(1000);
      }
      const drainAckedPerSecond = Math.round((fleet.ackedTotal - ackedAtBurstEnd) / ((performance.now() - burstEnd) / 1000));
      log(`drained after ${drainSeconds?.toFixed(0) ?? 'more than the limit'} s`);
      await sleep(30_000); // memory after the backlog is gone
      sample();
      results.burst = {
        measuredAt: new Date(Date.now() - performance.now() + started).toISOString(),
        sustainedRate: sustained,
        sustainedFrom,
        burstMinutes: BURST_MINUTES,
        rss,
        drainSeconds,
        drainLimitSeconds: DRAIN_LIMIT_MINUTES * 60,
        peakBacklog,
        rssStartMiB: Math.round(rssStartMiB),
        rssPeakMiB: Math.max(...rss.map((r) => r.rssMiB)),
        rssEndMiB: rss[rss.length - 1].rssMiB,
        burstAckedPerSecond: Math.round((ackedAtBurstEnd - ackedAtBurst) / ((burstEnd - burstStart) / 1000)),
        drainAckedPerSecond,
      };
    } finally {
      clearInterval(timer);
      await fleet.close();
    }
  });
}

export async function runMachineBenches(phases: string[]) {
  mkdirSync(workDir, { recursive: true });
  const results: MachineResults = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
  // `report` alone writes the section again from the last results without measuring.
  const wanted = phases.length ? phases : ['throughput', 'kill', 'burst'];
  if (!(wanted.length === 1 && wanted[0] === 'report')) {
    results.measuredAt = new Date().toISOString();
    results.machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.version}`;
    results.settings = { rounds: ROUNDS, seconds: SECONDS, devices: DEVICES, window: WINDOW, copyMessages: COPY_MESSAGES, nodeRedMessages: NODE_RED_MESSAGES, killSeconds: KILL_SECONDS, burstMinutes: BURST_MINUTES };
  }
  const save = () => writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  if (['throughput', 'server', 'copy', 'nodered', 'embedded'].some((p) => wanted.includes(p))) await throughputPhase(results, wanted), save();
  if (wanted.includes('kill')) await killPhase(results), save();
  if (wanted.includes('burst')) await burstPhase(results), save();
  const section = renderMachineSection(results);
  writeMachineSection(path.join(root, 'bench/RESULTS.md'), section);
  console.log(section);
}
