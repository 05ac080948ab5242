import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorText } from './error-text.js';
import type { JobDefinition } from './job-definition.js';
import { type JobLogger, JobScheduler } from './job-scheduler.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const description = { de: 'Test', en: 'Test' };

function recordingLogger() {
  const errors: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  const infos: string[] = [];
  const logger: JobLogger = { error: (obj, msg) => errors.push({ obj: obj as Record<string, unknown>, msg }), info: (_obj, msg) => infos.push(msg) };
  return { logger, errors, infos };
}

describe('job scheduler', () => {
  it('runs each job every interval once started, and records start and success', async () => {
    const scheduler = new JobScheduler();
    let runs = 0;
    scheduler.register({ id: 'test.count', description, intervalMs: 20, run: async () => void runs++ });
    expect(scheduler.list()[0]).toMatchObject({ id: 'test.count', moduleId: 'test', runs: 0, state: 'idle', lastSuccessAt: null });
    await sleep(60);
    expect(runs).toBe(0); // not started: nothing runs
    scheduler.start();
    await expect.poll(() => runs, { timeout: 2000 }).toBeGreaterThanOrEqual(3);
    await scheduler.stop();
    const after = runs;
    await sleep(80);
    expect(runs).toBe(after); // stopped: nothing runs
    const [status] = scheduler.list();
    expect(status).toMatchObject({ runs: after, failures: 0, state: 'ok', failing: false, overdue: false });
    expect(Date.parse(status.lastSuccessAt!)).toBeGreaterThanOrEqual(Date.parse(status.lastStartedAt!));
  });

  it('logs a failing run without its secrets, keeps running it and the other jobs, and notes the recovery', async () => {
    const { logger, errors, infos } = recordingLogger();
    const scheduler = new JobScheduler({ logger });
    let fail = true;
    let other = 0;
    scheduler.register({
      id: 'test.flaky', description, intervalMs: 15,
      run: async () => {
        if (fail) throw new Error('connect ECONNREFUSED postgres://werk:geheim123@db:5432/wv');
      },
    });
    scheduler.register({ id: 'test.other', description, intervalMs: 15, run: async () => void other++ });
    scheduler.start();
    try {
      await expect.poll(() => scheduler.list()[0].consecutiveFailures, { timeout: 2000 }).toBeGreaterThanOrEqual(2);
      const failing = scheduler.list()[0];
      expect(failing).toMatchObject({ state: 'failing', failing: true, lastSuccessAt: null });
      expect(failing.lastError).toBe('connect ECONNREFUSED postgres://***@db:5432/wv');
      expect(errors[0]).toMatchObject({ msg: 'job test.flaky failed', obj: { job: 'test.flaky', error: failing.lastError } });
      expect(JSON.stringify(errors)).not.toContain('geheim123');
      await expect.poll(() => other, { timeout: 2000 }).toBeGreaterThanOrEqual(2);
      fail = false;
      await expect.poll(() => scheduler.list()[0].state, { timeout: 2000 }).toBe('ok');
      expect(scheduler.list()[0]).toMatchObject({ consecutiveFailures: 0, lastError: failing.lastError, lastFailureAt: failing.lastFailureAt });
      expect(infos).toContain('job test.flaky succeeded again');
    } finally {
      await scheduler.stop();
    }
  });

  it('never runs a job twice at the same time: ticks during a run are skipped', async () => {
    const scheduler = new JobScheduler();
    let active = 0;
    let most = 0;
    let runs = 0;
    scheduler.register({
      id: 'test.slow', description, intervalMs: 10,
      run: async () => {
        active++;
        most = Math.max(most, active);
        runs++;
        await sleep(80);
        active--;
      },
    });
    scheduler.start();
    await sleep(300);
    expect(await scheduler.runNow('test.slow')).toBe('skipped');
    await scheduler.stop();
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(5);
    expect(scheduler.list()[0].skipped).toBeGreaterThan(5);
    expect(active).toBe(0); // stop waited for the run in progress
  });

  it('runs the jobs of one group one after another, and a waiting run is not lost', async () => {
    const scheduler = new JobScheduler();
    const log: string[] = [];
    const job = (id: string): JobDefinition => ({
      id, description, intervalMs: 60_000, group: 'test.samples',
      run: async () => {
        log.push(`${id} start`);
        await sleep(30);
        log.push(`${id} end`);
      },
    });
    scheduler.register(job('test.a'));
    scheduler.register(job('test.b'));
    const outcomes = await Promise.all([scheduler.runNow('test.a'), scheduler.runNow('test.b')]);
    expect(outcomes).toEqual(['succeeded', 'succeeded']);
    expect(log).toEqual(['test.a start', 'test.a end', 'test.b start', 'test.b end']);
  });

  it('asks the one hook "may I run now" before every run, except for jobs of every process', async () => {
    const asked: string[] = [];
    const scheduler = new JobScheduler({ mayRun: (job) => (asked.push(job.id), false) });
    let shared = 0;
    let local = 0;
    scheduler.register({ id: 'test.shared', description, intervalMs: 60_000, run: async () => void shared++ });
    scheduler.register({ id: 'test.local', description, intervalMs: 60_000, everyProcess: true, run: async () => void local++ });
    expect(await scheduler.runNow('test.shared')).toBe('skipped');
    expect(await scheduler.runNow('test.local')).toBe('succeeded');
    expect([shared, local, asked]).toEqual([0, 1, ['test.shared']]);
    expect(scheduler.list()[0].runs).toBe(0);
  });

  it('marks a job overdue after two intervals and a minute without success while running', async () => {
    let now = Date.parse('2026-12-07T10:00:00Z');
    const scheduler = new JobScheduler({ now: () => now });
    scheduler.register({ id: 'test.hourly', description, intervalMs: 3_600_000, run: async () => {} });
    expect(scheduler.list()[0].overdue).toBe(false); // not started: nothing is due
    scheduler.start();
    now += 2 * 3_600_000 + 60_000;
    expect(scheduler.list()[0].overdue).toBe(false);
    now += 1;
    expect(scheduler.list()[0]).toMatchObject({ overdue: true, state: 'overdue' });
    await scheduler.runNow('test.hourly');
    expect(scheduler.list()[0]).toMatchObject({ overdue: false, state: 'ok' });
    await scheduler.stop();
  });

  it('refuses a job registered twice and lists a job registered after the start at once', async () => {
    const scheduler = new JobScheduler();
    scheduler.start();
    let runs = 0;
    const unregister = scheduler.register({ id: 'test.late', description, intervalMs: 60_000, runAtStart: true, run: async () => void runs++ });
    expect(() => scheduler.register({ id: 'test.late', description, intervalMs: 1, run: async () => {} })).toThrow(/twice/);
    await expect.poll(() => runs).toBe(1);
    await unregister();
    expect(scheduler.list()).toEqual([]);
    await scheduler.stop();
  });
});

describe('error text of a job', () => {
  it('keeps the message and never a password, token or secret', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9!$%*-]{6,30}$/), fc.constantFrom('postgres', 'mqtt', 'https', 'smtps'), (secret, scheme) => {
        const texts = [
          errorText(new Error(`cannot reach ${scheme}://user:${secret}@host:1234/x`)),
          errorText(new Error(`bad config password=${secret}`)),
          errorText(new Error(`header authorization: Bearer ${secret}`)),
          errorText(new Error(`token: "${secret}" rejected`)),
        ];
        for (const t of texts) expect(t).not.toContain(secret);
      }),
    );
    expect(errorText(new Error('relation "machine_samples" does not exist'))).toBe('relation "machine_samples" does not exist');
    expect(errorText(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe('fetch failed (ECONNREFUSED)');
    expect(errorText('x'.repeat(2000))).toHaveLength(500);
  });
});
