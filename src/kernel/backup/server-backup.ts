import { spawn } from 'node:child_process';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { redactSecrets } from '../jobs/error-text.js';

/** The first bytes of a `pg_dump --format=custom` archive. */
export const isServerBackup = (head: Uint8Array) => Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP';

/** The URL without its password, and the password for `PGPASSWORD`: never on a command line. */
function connection(databaseUrl: string, env: NodeJS.ProcessEnv) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: { ...env, ...(password ? { PGPASSWORD: password } : {}) } };
}

const tool = (name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv) => (env.WERKVERBUND_PG_BIN ? path.join(env.WERKVERBUND_PG_BIN, name) : name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'ENOENT'
        ? `${command} not found: install the PostgreSQL client tools of the server's major version or newer (Debian: postgresql-client), or set WERKVERBUND_PG_BIN to their folder`
        : error.message));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} failed (exit ${code}): ${redactSecrets(stderr.trim()).slice(0, 2000)}`));
    });
  });
}

/**
 * Backs up the server database with `pg_dump --format=custom` (compressed, restorable with
 * `pg_restore`, consistent while Werkverbund keeps running: pg_dump reads one snapshot). Written
 * to a temporary file first, then renamed.
 */
export async function backupServer(databaseUrl: string, output: string, env: NodeJS.ProcessEnv = process.env): Promise<{ bytes: number }> {
  const c = connection(databaseUrl, env);
  const tmp = `${output}.partial`;
  try {
    await run(tool('pg_dump', env), ['--format=custom', '--no-password', '--file', tmp, '--dbname', c.dbname], c.env);
    await rename(tmp, output);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  const handle = await open(output, 'r');
  try {
    return { bytes: (await handle.stat()).size };
  } finally {
    await handle.close();
  }
}

/** Schemas Werkverbund's data lives in (everything but PostgreSQL's own). */
const APP_SCHEMAS = `select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'`;

/**
 * Restores a `pg_dump` archive into the server database with `pg_restore` in one transaction.
 * Refuses a database that holds tables or has other connections open (a running Werkverbund)
 * unless `force`: then everything in Werkverbund's schemas is dropped first and replaced.
 */
export async function restoreServer(databaseUrl: string, input: string, options: { force: boolean }, env: NodeJS.ProcessEnv = process.env): Promise<{ replaced: boolean }> {
  const head = Buffer.alloc(5);
  const handle = await open(input, 'r');
  try {
    await handle.read(head, 0, 5, 0);
  } finally {
    await handle.close();
  }
  if (!isServerBackup(head)) throw new Error(`${input} is not a backup of a server database (expected a pg_dump custom-format archive from "werkverbund backup")`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let replaced = false;
  try {
    const others = Number((await client.query(`select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)).rows[0].n);
    const tables = Number((await client.query(`select count(*) as n from pg_tables where schemaname in (${APP_SCHEMAS})`)).rows[0].n);
    if (others > 0 && !options.force) throw new Error(`${others} other connection(s) to the database are open (is Werkverbund still running?): stop it, or pass --force`);
    if (tables > 0) {
      if (!options.force) throw new Error(`the database holds ${tables} table(s) already: restore into an empty database, or pass --force to replace everything in it`);
      const schemas = (await client.query<{ nspname: string }>(APP_SCHEMAS)).rows.map((r) => r.nspname);
      await client.query('begin');
      for (const s of schemas) await client.query(`drop schema ${pg.escapeIdentifier(s)} cascade`);
      await client.query('create schema public');
      await client.query('commit');
      replaced = true;
    }
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  const c = connection(databaseUrl, env);
  await run(tool('pg_restore', env), ['--single-transaction', '--exit-on-error', '--no-owner', '--no-password', '--dbname', c.dbname, input], c.env);
  return { replaced };
}
