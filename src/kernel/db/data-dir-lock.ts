import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file in the embedded database's directory, with the process that holds it. */
export const LOCK_FILE = 'werkverbund.lock';

interface Holder {
  pid: number;
  host: string;
  /** Start time of the process (Linux: clock ticks after boot), so a reused process id is not taken for the holder. */
  started?: string;
}

export function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(holder: Holder): boolean {
  // on another machine (shared storage) it cannot be checked: assume it runs
  if (holder.host !== hostname()) return true;
  if (holder.started !== undefined && startTime(process.pid) !== undefined) return startTime(holder.pid) === holder.started;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per embedded database directory: two PostgreSQL instances on one directory (a second
 * `serve`, or `migrate` beside a running server) would damage it. Creates the lock file atomically;
 * a lock left by a process that is gone (crash, kill -9, container restart) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), started: startTime(process.pid) };
  const content = JSON.stringify(me);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let text = '';
      let holder: Holder | undefined;
      try {
        text = readFileSync(file, 'utf8');
        holder = JSON.parse(text) as Holder;
      } catch {
        holder = undefined; // unreadable or vanished: stale
      }
      if (attempt > 0 || (holder && alive(holder))) {
        const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another process';
        throw new Error(
          `The embedded database in ${dir} is in use by ${who}. Stop that process first (one process per data directory); ` +
            `if none runs, delete ${file}.`,
        );
      }
      try {
        if (readFileSync(file, 'utf8') === text) unlinkSync(file);
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return () => {
    try {
      if (readFileSync(file, 'utf8') === content) unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}
