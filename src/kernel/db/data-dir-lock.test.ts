import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir, startTime } from './data-dir-lock.js';
import { TEMPLATE_FILE } from '../testing/test-database.js';
import { openDatabase } from './database.js';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wv-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('one process per embedded database directory', () => {
  it('a second holder is refused while the first holds the directory, and gets it after the release', () => {
    const dir = newDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid} on `));
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir)();
  });

  it('a running process elsewhere holds it; a lock left by a process that is gone, or by an earlier process with the same id, is taken over', async () => {
    const dir = newDir();
    const file = path.join(dir, LOCK_FILE);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await new Promise((r) => setTimeout(r, 200));
      writeFileSync(file, JSON.stringify({ pid: child.pid, host: hostname(), started: startTime(child.pid!) }));
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${child.pid}`));
    } finally {
      child.kill();
    }
    // kill -9 or a crash: the process is gone, its lock stays behind
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(file, JSON.stringify({ pid: gone, host: hostname(), started: '1' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    release();
    // a container restarted: the new process has the old one's id (often 1) but started later
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), started: '1' }));
    lockDataDir(dir)();
  });

  it('opening the embedded database takes the lock: a second open of the same directory is refused, not damaging it', async () => {
    const dir = newDir();
    // the migrated template of the test run as a data directory, instead of creating one (slow)
    if (existsSync(TEMPLATE_FILE)) spawnSync('tar', ['xzf', TEMPLATE_FILE, '-C', dir]);
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/is in use by process/);
      expect((await first.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute())[0]).toEqual({ one: 1 });
    } finally {
      await first.close();
    }
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
