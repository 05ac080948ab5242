/**
 * The two yardsticks of the machine-data benchmark: a raw `COPY` of the same rows into the same
 * table, and a Node-RED 4.1 flow (mqtt in → postgres) fed through Mosquitto. Node-RED is not a
 * dependency of Werkverbund: it is installed on demand into `.tmp/node-red`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Fleet, VALUES_PER_MESSAGE, percentile } from './machines-publisher.js';
import { root } from './machines-server.js';

export interface Throughput {
  messagesPerSecond: number;
  valuesPerSecond: number;
  p95AckMs: number | null;
  messages: number;
  seconds: number;
  /** CPU time of the Werkverbund process per acknowledged message (µs), where measured. */
  serverCpuUsPerMessage?: number;
  /** Messages/s of every run when this is the median of several. */
  runs?: number[];
  note?: string;
}

/** COPY FROM STDIN of `messages` messages' rows (spread over the devices) into machine_samples. */
export async function copyBaseline(databaseUrl: string, tenantId: string, deviceIds: string[], messages: number, baseTs: number): Promise<Throughput> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    function* rows() {
      const chunk: string[] = [];
      for (let m = 0; m < messages; m++) {
        const device = deviceIds[m % deviceIds.length];
        const seq = Math.floor(m / deviceIds.length);
        const ts = new Date(baseTs + seq).toISOString();
        for (let i = 0; i < VALUES_PER_MESSAGE; i++) chunk.push(`${tenantId}\t${device}\tp${i}\t${ts}\t${Math.round((seq % 1000) * 10 + i * 0.5) / 10}\t\\N\t\\N\n`);
        if (chunk.length >= 10_000) yield chunk.splice(0).join('');
      }
      if (chunk.length) yield chunk.join('');
    }
    const started = performance.now();
    await pipeline(Readable.from(rows()), client.query(copyFrom('copy machine_samples (tenant_id, device_id, point, ts, num, bool, txt) from stdin')));
    const seconds = (performance.now() - started) / 1000;
    return { messagesPerSecond: messages / seconds, valuesPerSecond: (messages * VALUES_PER_MESSAGE) / seconds, p95AckMs: null, messages, seconds };
  } finally {
    await client.end();
  }
}

const nodeRedDir = path.join(root, '.tmp/node-red');

/**
 * Installs node-red@4.1 and node-postgres 8 into .tmp/node-red unless already there. The
 * PostgreSQL step of the flow is a function node over a `pg.Pool` of 10 connections — what the
 * PostgreSQL nodes for Node-RED do inside (node-red-contrib-postgresql is not on the registry this
 * machine reaches, and node-red-contrib-re-postgres ships pg 6, which cannot connect on Node 20).
 */
export async function installNodeRed(): Promise<void> {
  const pgVersion = path.join(nodeRedDir, 'node_modules/pg/package.json');
  if (existsSync(path.join(nodeRedDir, 'node_modules/node-red/red.js')) && existsSync(pgVersion) && /"version": "8\./.test(readFileSync(pgVersion, 'utf8'))) return;
  mkdirSync(nodeRedDir, { recursive: true });
  await promisify(execFile)('npm', ['install', '--prefix', nodeRedDir, '--no-audit', '--no-fund', '--loglevel=error', 'node-red@4.1', 'pg@8'], {
    timeout: 300_000,
  });
}

/**
 * Runs Node-RED headless with a flow that subscribes to `wvbench/+/telemetry` on Mosquitto and
 * inserts each message's values into machine_samples (one INSERT … SELECT per message, as a
 * Node-RED user would write it), publishes `messages` messages and measures until all rows are
 * stored or nothing arrives for 15 s.
 */
export async function nodeRedBaseline(o: {
  databaseUrl: string;
  tenantId: string;
  deviceIds: string[];
  messages: number;
  window: number;
  baseTs: number;
  mosquittoUrl: string;
  port: number;
}): Promise<Throughput> {
    const userDir = path.join(nodeRedDir, 'user');
  mkdirSync(userDir, { recursive: true });
  const flow = [
    { id: 'tab', type: 'tab', label: 'bench' },
    { id: 'broker', type: 'mqtt-broker', name: 'mosquitto', broker: new URL(o.mosquittoUrl).hostname, port: new URL(o.mosquittoUrl).port || '1883', clientid: `nodered-bench-${process.pid}`, autoConnect: true, usetls: false, protocolVersion: '4', keepalive: '60', cleansession: true },
    { id: 'in', type: 'mqtt in', z: 'tab', topic: 'wvbench/+/telemetry', qos: '1', datatype: 'json', broker: 'broker', nl: false, rap: false, inputs: 0, wires: [['fn']] },
    {
      id: 'fn',
      type: 'function',
      z: 'tab',
      name: 'insert into machine_samples',
      func: `const device = msg.topic.split('/')[1];
const sql = "insert into machine_samples (tenant_id, device_id, point, ts, num) select $1::uuid, $2::uuid, key, to_timestamp($3::float8 / 1000), value::float8 from json_each_text($4::json) on conflict do nothing";
global.get('pgPool').query(sql, [${JSON.stringify(o.tenantId)}, device, msg.payload.ts, JSON.stringify(msg.payload.values)]).then(() => node.done(), (e) => node.error(e, msg));
return null;`,
      outputs: 0,
      wires: [],
    },
  ];
  writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flow, null, 2));
  writeFileSync(
    path.join(userDir, 'settings.js'),
    `const pg = require('pg');
module.exports = {
  uiPort: ${o.port}, uiHost: '127.0.0.1', flowFile: 'flows.json', credentialSecret: false, httpAdminRoot: '/admin', disableEditor: true,
  logging: { console: { level: 'warn' } }, editorTheme: { tours: false },
  functionGlobalContext: { pgPool: new pg.Pool({ connectionString: ${JSON.stringify(o.databaseUrl)}, max: 10 }) },
};\n`,
  );
  const child: ChildProcess = spawn(process.execPath, [path.join(nodeRedDir, 'node_modules/node-red/red.js'), '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], {
    cwd: nodeRedDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pgc = new pg.Client({ connectionString: o.databaseUrl });
  await pgc.connect();
  const count = async () => Number((await pgc.query('select count(*) from machine_samples where tenant_id = $1', [o.tenantId])).rows[0].count);
  let fleet: Fleet | undefined;
  try {
    const before = await count();
    // Ready when a probe message has made it into the table.
    const probe = await Fleet.connect({ url: o.mosquittoUrl, devices: [{ id: o.deviceIds[0] }], topic: (d) => `wvbench/${d}/telemetry`, window: 1, baseTs: o.baseTs - 10_000, clientIdPrefix: 'probe' });
    let ready = false;
    for (let i = 0; i < 300 && !ready; i++) {
      if (i % 20 === 0) {
        probe.setRate(Infinity);
        await probe.finish(2000);
      }
      await new Promise((r) => setTimeout(r, 100));
      ready = (await count()) > before;
    }
    await probe.close();
    if (!ready) throw new Error('Node-RED did not store the probe message within 30 s');
    const start = await count();

    fleet = await Fleet.connect({ url: o.mosquittoUrl, devices: o.deviceIds.map((id) => ({ id })), topic: (d) => `wvbench/${d}/telemetry`, window: o.window, baseTs: o.baseTs, clientIdPrefix: 'nr' });
    const started = performance.now();
    fleet.setRate(Infinity);
    while (fleet.ackedTotal < o.messages) await new Promise((r) => setTimeout(r, 5));
    await fleet.finish();
    const expected = fleet.ackedTotal * VALUES_PER_MESSAGE;
    let lastChange = performance.now();
    let lastRows = 0;
    let stored = 0;
    while (stored < expected && performance.now() - lastChange < 15_000) {
      await new Promise((r) => setTimeout(r, 100));
      stored = (await count()) - start;
      if (stored !== lastRows) {
        lastRows = stored;
        lastChange = performance.now();
      }
    }
    const seconds = (lastChange - started) / 1000;
    const published = fleet.ackedTotal;
    const lost = published * VALUES_PER_MESSAGE - stored;
    return {
      messagesPerSecond: stored / VALUES_PER_MESSAGE / seconds,
      valuesPerSecond: stored / seconds,
      p95AckMs: percentile(fleet.latencies, 95),
      messages: published,
      seconds,
      note:
        `PUBACK comes from Mosquitto on receipt, before Node-RED has stored anything` +
        (lost > 0 ? `; ${lost} of ${published * VALUES_PER_MESSAGE} acknowledged values never reached the table` : ''),
    };
  } finally {
    await fleet?.close();
    await pgc.end();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
