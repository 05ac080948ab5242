import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE, lockDataDir } from '../db/data-dir-lock.js';

const GZIP_MAGIC = [0x1f, 0x8b];

export const isEmbeddedBackup = (head: Uint8Array) => head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];

const hasDatabase = (dir: string) => existsSync(dir) && readdirSync(dir).some((f) => f !== LOCK_FILE);

/**
 * Backs up the embedded database with PGlite's `dumpDataDir` (a gzip'd tar of the data
 * directory) while no server has it open: this process opens the directory as its only user, so
 * the copy is consistent (the lock file `werkverbund.lock` of db/data-dir-lock.ts refuses a running server). Written to a temporary file first, then renamed.
 */
export async function backupEmbedded(dataDir: string, output: string): Promise<{ bytes: number }> {
  if (!hasDatabase(dataDir)) throw new Error(`there is no embedded database in ${dataDir} (WERKVERBUND_DATA)`);
  const release = lockDataDir(dataDir);
  try {
    const pg = new PGlite(dataDir);
    try {
      await pg.waitReady;
      const dump = await pg.dumpDataDir('gzip');
      const bytes = new Uint8Array(await dump.arrayBuffer());
      const tmp = `${output}.partial`;
      await writeFile(tmp, bytes);
      await rename(tmp, output);
      return { bytes: bytes.length };
    } finally {
      if (!pg.closed) await pg.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores the embedded database from a backup of {@link backupEmbedded}. An existing database
 * is never deleted: with `force` its directory is renamed to `<dir>.before-restore-<time>`,
 * without it the restore refuses.
 */
export async function restoreEmbedded(dataDir: string, input: string, options: { force: boolean }): Promise<{ movedAside: string | null }> {
  const bytes = await readFile(input);
  if (!isEmbeddedBackup(bytes)) throw new Error(`${input} is not a backup of the embedded database (expected a .tar.gz from "werkverbund backup")`);
  let movedAside: string | null = null;
  if (hasDatabase(dataDir)) {
    if (!options.force) throw new Error(`${dataDir} holds a database already: pass --force to replace it (it is kept as ${dataDir}.before-restore-…)`);
    const release = lockDataDir(dataDir); // refuses while a server has it open
    release();
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedAside);
  }
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const pg = new PGlite(dataDir, { loadDataDir: new Blob([bytes]) });
    try {
      await pg.waitReady;
      await pg.query('select 1');
    } finally {
      if (!pg.closed) await pg.close();
    }
  } finally {
    release();
  }
  return { movedAside };
}
