import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../kernel/auth/password.js';
import { insertUser } from '../kernel/auth/user-store.js';
import { openDatabase } from '../kernel/db/database.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../kernel/demo-data.js';

/**
 * What an operator does: the built app as `npm pack` ships it (package.json `files`), installed
 * with `npm ci --omit=dev` from the npm cache, started with `werkverbund serve`. Proves the split
 * of dependencies (nothing the server needs is a devDependency), that the compiled server runs
 * without tsx, and that a production start refuses a database with the demo sign-in.
 *
 * Needs the build of the current sources (`npm test` makes it: scripts/ensure-ready.mjs).
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'wv-production-'));
const app = path.join(work, 'app');
const serverDbName = `wv_test_${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${serverDbName} with (force)`);
    await admin.end();
  }
});

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) max = Math.max(max, statSync(full).mtimeMs);
  }
  return max;
}

function run(cmd: string, args: string[], cwd: string) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The database the installed app uses: a throwaway database on the server when there is one, else an embedded directory. */
async function databaseEnv(): Promise<Record<string, string>> {
  if (!process.env.TEST_DATABASE_URL) return { WERKVERBUND_DATA: path.join(work, 'data') };
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${serverDbName}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${serverDbName}`;
  return { DATABASE_URL: url.toString() };
}

/** Starts `werkverbund serve` of the installed app, with nothing of this environment but PATH and HOME. */
function startServe(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [path.join(app, 'bin', 'werkverbund.mjs'), 'serve', ...args], {
    cwd: work, // not the app directory: the installation finds its web app by itself
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, PORT: '0', HOST: '127.0.0.1', WERKVERBUND_MQTT_PORT: 'off', LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /running: (http:\/\/localhost:\d+)/.exec(stdout);
      if (match) {
        clearInterval(poll);
        resolve(match[1]!);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(poll);
      reject(new Error(`serve exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  child.kill('SIGTERM');
  return exited;
}

describe('production install', () => {
  it('npm ci --omit=dev of the packed app, then `werkverbund serve` answers, and refuses demo sign-ins', { timeout: 900_000 }, async () => {
    const compiled = path.join(root, 'dist', 'server', 'cli', 'main.js');
    expect(existsSync(compiled) && existsSync(path.join(root, 'dist', 'web', 'index.html')), 'build first: node scripts/ensure-ready.mjs').toBe(true);
    expect(statSync(compiled).mtimeMs, 'the server build is older than src/: node scripts/ensure-ready.mjs').toBeGreaterThanOrEqual(newest(path.join(root, 'src')));

    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/server/cli/main.js');
    expect(files).toContain('dist/web/index.html');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('node_modules/'))).toEqual([]);
    mkdirSync(app);
    run('tar', ['xzf', path.join(work, packed[0]!.filename), '-C', app, '--strip-components=1'], work);
    cpSync(path.join(root, 'package-lock.json'), path.join(app, 'package-lock.json'));
    // from the npm cache the development install filled; only what is missing there comes from the registry
    run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], app);
    for (const dev of ['tsx', 'typescript', 'vite', 'vitest', 'esbuild', 'react', '@mantine/core']) {
      expect(existsSync(path.join(app, 'node_modules', dev)), `${dev} is a devDependency`).toBe(false);
    }

    const database = await databaseEnv();
    const first = startServe(database);
    const base = await first.ready;
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const page = await fetch(`${base}/`);
    expect(await page.text()).toMatch(/<div id="root">/);
    // no demo data in a production start
    const demoSignIn = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
    });
    expect(demoSignIn.status).toBe(401);
    expect(await stop(first.child, first.exited)).toBe(0);

    // the demo account appears in the database (e.g. the demo was run on it): no production start
    const db = await openDatabase({ databaseUrl: database.DATABASE_URL, dataDir: database.WERKVERBUND_DATA ?? '' });
    await insertUser(db.db, { email: DEMO_EMAIL, name: 'Petra Muster', passwordHash: await hashPassword(DEMO_PASSWORD), locale: 'de' });
    await db.close();
    const second = startServe(database);
    await expect(second.ready).rejects.toThrow(/exited with 1/);
    expect(second.output().stderr).toMatch(/does not start for production[\s\S]*demo@werkverbund\.example/);
  });
});
