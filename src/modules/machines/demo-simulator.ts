import type { AppContext } from '../../kernel/http/app-context.js';
import { demoWorkingWindows, phasesOnWorkCentres, seededRandom, type OperationPhaseInfo } from '../shopfloor/index.js';
import { type DemoProfile, demoProfileOf, laserValues, nextLaserTemperature, noiseFrom, welderValues } from './demo-signals.js';
import { type DemoDevice, demoDevices, lastSample } from './demo-simulator.store.js';
import type { Sample } from './domain/payload.js';
import { moduleEnabled } from './ingest.js';
import { type SampleBatchItem, writeSamples } from './sample-writer.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** A gap longer than this (the demo server was off for a while) is filled only for its last part. */
export const BACKFILL_LIMIT_MS = 3 * 24 * 60 * MINUTE;
const BATCH = 25_000;

export type SimulatorContext = Pick<AppContext, 'db' | 'registry' | 'access'>;

interface DeviceState {
  profile: DemoProfile;
  /** Instant of the newest sample written (or found stored). */
  last: number;
  temperature: number;
}

export interface DemoSimulator {
  /** Writes what the demo machines measured since the last tick up to now; returns the samples written. */
  tick(): Promise<number>;
}

/**
 * The demo machines keep measuring: on every tick each demo machine (one sending through the demo's
 * device credential) gets a sample at the current instant, following the demo's shift calendar and
 * the shop-floor order running on its work centre (current flows only while an operation runs within
 * a shift). A gap since the newest stored sample — the demo server was stopped — is filled with minute
 * values first. The samples go through the normal write path, so alarm rules and aggregates see them.
 */
export function createDemoSimulator(ctx: SimulatorContext, tenantId: string, now: () => number = Date.now): DemoSimulator {
  const states = new Map<string, DeviceState>();
  let phases: { at: number; list: OperationPhaseInfo[] } | undefined;

  async function runningPhases(devices: readonly DemoDevice[], at: number): Promise<OperationPhaseInfo[]> {
    if (!phases || at - phases.at >= MINUTE || at < phases.at) {
      const centres = devices.map((d) => d.workCentreId).filter((id): id is string => id !== null);
      phases = { at, list: (await phasesOnWorkCentres(ctx.db, tenantId, centres)).filter((p) => p.phase === 'running') };
    }
    return phases.list;
  }

  async function stateOf(d: DemoDevice, profile: DemoProfile, at: number): Promise<DeviceState> {
    let state = states.get(d.device.deviceId);
    if (!state) {
      const newest = await lastSample(ctx.db, d.device, profile === 'welder' ? 'current' : 'temperature');
      state = { profile, last: newest?.ts ?? at - MINUTE, temperature: profile === 'laser' ? (newest?.num ?? 23) : 0 };
      states.set(d.device.deviceId, state);
    }
    return state;
  }

  return {
    async tick() {
      const at = Math.floor(now() / SECOND) * SECOND;
      if (!(await moduleEnabled(ctx, tenantId))) return 0;
      const devices = (await demoDevices(ctx.db, tenantId)).flatMap((d) => {
        const profile = demoProfileOf(d.pointNames);
        return profile ? [{ ...d, profile }] : [];
      });
      if (devices.length === 0) return 0;
      const running = await runningPhases(devices, at);
      const noise = noiseFrom(seededRandom(at % 2 ** 32));
      let pending: SampleBatchItem[] = [];
      let count = 0;
      let written = 0;
      const flush = async () => {
        if (pending.length) written += await writeSamples(ctx.db, pending);
        pending = [];
        count = 0;
      };
      for (const d of devices) {
        const state = await stateOf(d, d.profile, at);
        if (at <= state.last) continue;
        const instants = sampleInstants(state.last, at);
        const shifts = demoWorkingWindows(instants[0]!, at + 1);
        for (let i = 0; i < instants.length; i++) {
          const t = instants[i]!;
          const busy = inside(shifts, t) && (d.workCentreId === null || running.some((p) => p.workCentreId === d.workCentreId && p.start <= t && (p.end ?? Infinity) > t));
          const minutes = (t - (i === 0 ? state.last : instants[i - 1]!)) / MINUTE;
          let values: Record<string, number>;
          if (d.profile === 'welder') values = welderValues(busy, noise);
          else {
            state.temperature = nextLaserTemperature(state.temperature, busy, false, noise, Math.min(minutes, 60));
            values = laserValues(busy, state.temperature, noise);
          }
          const samples: Sample[] = Object.entries(values).map(([point, value]) => ({ point, ts: t, value }));
          pending.push({ device: d.device, source: 'http', samples });
          count += samples.length;
          if (count >= BATCH) await flush();
        }
        state.last = at;
      }
      await flush();
      return written;
    },
  };
}

/** The instants to sample after `last` up to `at`: whole minutes of a gap (at most the backfill limit), then `at` itself. */
export function sampleInstants(last: number, at: number): number[] {
  const out: number[] = [];
  const from = Math.max(last, at - BACKFILL_LIMIT_MS);
  for (let t = Math.floor(from / MINUTE) * MINUTE + MINUTE; t < at; t += MINUTE) if (t > last) out.push(t);
  if (at > last) out.push(at);
  return out;
}

const inside = (list: ReadonlyArray<{ start: number; end: number }>, t: number) => list.some((i) => t >= i.start && t < i.end);

/** How often the demo machines send (`WERKVERBUND_DEMO_SIGNALS_SECONDS`, default 10, `off` for never). */
export function demoSignalInterval(env: NodeJS.ProcessEnv): number | null | { error: string } {
  const raw = env.WERKVERBUND_DEMO_SIGNALS_SECONDS?.trim();
  if (raw === undefined || raw === '') return 10 * SECOND;
  if (raw === 'off' || raw === '0') return null;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) return { error: `WERKVERBUND_DEMO_SIGNALS_SECONDS must be a whole number of seconds from 1 to 3600, or off (is "${raw}")` };
  return seconds * SECOND;
}

/** Runs the simulator every interval (the first tick fills the gap since the last start) until stopped. */
export async function startDemoSimulator(ctx: SimulatorContext, tenantId: string, env: NodeJS.ProcessEnv = process.env): Promise<{ stop(): Promise<void> }> {
  const interval = demoSignalInterval(env);
  if (interval !== null && typeof interval === 'object') throw new Error(interval.error);
  if (interval === null) return { stop: async () => {} };
  const simulator = createDemoSimulator(ctx, tenantId);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let reported = false;
  const run = () => {
    current = simulator.tick().catch((error: unknown) => {
      // e.g. the database is briefly away: say so once, and keep trying
      if (!reported) process.stderr.write(`  Warning: demo machine signals: ${(error as Error).message}\n`);
      reported = true;
    }).finally(() => {
      if (!stopped) timer = setTimeout(run, interval).unref();
    });
  };
  run();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
