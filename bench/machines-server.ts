/**
 * Starts Werkverbund as its own process for the machine-data benchmarks and sets up one company
 * with machines and devices through the HTTP API, exactly as a person would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '..');
export const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ServerOptions {
  httpPort: number;
  mqttPort: number;
  /** PostgreSQL server database URL, or undefined for the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

export interface RunningServer {
  child: ChildProcess;
  pid: number;
  base: string;
  /** Resident memory of the server process in MiB (from /proc). */
  rssMiB(): number;
  /** CPU time (user + system) the server process has used so far, in ms (from /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof", profiles the server process.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/werkverbund.mjs'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(o.httpPort),
      HOST: '127.0.0.1',
      WERKVERBUND_DATA: o.dataDir,
      DATABASE_URL: o.databaseUrl ?? '',
      WERKVERBUND_MQTT_PORT: String(o.mqttPort),
      WERKVERBUND_MQTT_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WERKVERBUND_SIGNIN_RATE_LIMIT: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${o.httpPort}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 1200) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  // The broker starts right after the HTTP server; wait for its port too.
  const { connect } = await import('node:net');
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(o.mqttPort, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) break;
    if (i > 400) throw new Error('MQTT broker did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    pid: child.pid!,
    base,
    rssMiB: () => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : 0;
      } catch {
        return 0;
      }
    },
    cpuMs: () => {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
      } catch {
        return 0;
      }
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A graceful stop waits for running background jobs (e.g. a long aggregation); do not wait forever.
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Fleet {
  tenantId: string;
  devices: Array<{ id: string; token: string }>;
}

/** Signs up a company, switches the module on and creates `n` machines with one device each. */
export async function setUpFleet(base: string, n: number): Promise<Fleet> {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(base + url, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
    if (typeof json.me?.csrfToken === 'string') csrf = json.me.csrfToken;
    return json;
  };
  const signup = await call('POST', '/api/v1/auth/signup', {
    company: { name: 'Bench Stanzwerk GmbH' },
    user: { name: 'Bench', email: `bench-${Date.now()}@stanzwerk.example`, password: 'correct horse battery' },
  });
  const tenantId = signup.companies[0].id as string;
  await call('PUT', `/api/v1/companies/${tenantId}/modules/machines`, { enabled: true });
  const devices: Fleet['devices'] = [];
  for (let i = 0; i < n; i++) {
    const machine = await call('POST', `/api/v1/companies/${tenantId}/machines`, { name: `Presse ${i + 1}` });
    const device = await call('POST', `/api/v1/companies/${tenantId}/machines/${machine.id}/devices`, { name: `SPS ${i + 1}` });
    devices.push({ id: device.id, token: device.token });
  }
  return { tenantId, devices };
}

/** Creates (or re-creates) a database on the PostgreSQL server; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
