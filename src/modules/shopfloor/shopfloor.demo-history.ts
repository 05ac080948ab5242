import { DateTime } from 'luxon';
import type { ParameterValue } from './domain/process-parameters.js';
import type { Interval } from './domain/intervals.js';

/** Same numbers on every start, so the demo looks the same for everybody. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Working time of the demo calendar (two shifts Mon–Fri, breaks excluded) between `from` and `to`. */
export function demoWorkingWindows(from: number, to: number, zone = 'Europe/Berlin'): Interval[] {
  const out: Interval[] = [];
  for (let day = DateTime.fromMillis(from, { zone }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    for (const [h1, m1, h2, m2] of [[6, 0, 9, 0], [9, 30, 18, 0], [18, 30, 22, 0]]) {
      const start = Math.max(from, day.set({ hour: h1, minute: m1 }).toMillis());
      const end = Math.min(to, day.set({ hour: h2, minute: m2 }).toMillis());
      if (end > start) out.push({ start, end });
    }
  }
  return out;
}

/** A position in working time: moving on skips nights, weekends and breaks. */
export class WorkClock {
  private index = 0;
  t: number;

  constructor(private readonly windows: readonly Interval[]) {
    this.t = windows[0]?.start ?? 0;
  }

  /** Moves on by `minutes` of working time; false when the working time ran out first (now reached). */
  advance(minutes: number): boolean {
    let rest = Math.round(minutes * 60_000);
    while (rest > 0) {
      const w = this.windows[this.index];
      if (!w) return false;
      if (this.t < w.start) this.t = w.start;
      if (w.end - this.t >= rest) {
        this.t += rest;
        rest = 0;
      } else {
        rest -= w.end - this.t;
        this.index += 1;
        this.t = this.windows[this.index]?.start ?? w.end;
        if (!this.windows[this.index]) return false;
      }
    }
    return true;
  }

  /** Waits (in working time) until `instant`, e.g. until the parts come from the previous operation; false when that is after the end. */
  waitUntil(instant: number): boolean {
    while (this.windows[this.index] && this.windows[this.index].end <= instant) this.index += 1;
    const w = this.windows[this.index];
    if (!w) return false;
    this.t = Math.max(this.t, instant, w.start);
    return true;
  }

  /** Working minutes left until the end. */
  remainingMinutes(): number {
    let ms = 0;
    for (let i = this.index; i < this.windows.length; i++) ms += this.windows[i].end - Math.max(this.windows[i].start, this.t);
    return ms / 60_000;
  }
}

export interface DemoBooking {
  operationId: string;
  kind: 'start-setup' | 'start-production' | 'pause' | 'resume' | 'finish' | 'quantity' | 'parameters';
  at: number;
  good?: number;
  scrap?: number;
  reason?: string;
  parameters?: ParameterValue[];
}

export interface DemoOperationPlan {
  operationId: string;
  setupMinutes: number;
  idealCycleSeconds: number;
  quantity: number;
  /** Parts per quantity booking. */
  batch: number;
  welding: boolean;
}

export interface DemoReasons {
  downtime: readonly string[];
  scrap: readonly string[];
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** MAG welding values around the targets of the welding form; now and then one is slightly out of tolerance. */
function weldingValues(rnd: () => number): ParameterValue[] {
  const drift = rnd() < 0.15;
  return [
    { name: 'current', value: round(drift ? (rnd() < 0.5 ? 192 + rnd() * 4 : 166 + rnd() * 3) : 180 + (rnd() - 0.5) * 10, 0) },
    { name: 'voltage', value: round(24 + (rnd() - 0.5) * 1.2, 1) },
    { name: 'wire-feed', value: round(drift && rnd() < 0.4 ? 8.7 : 8 + (rnd() - 0.5) * 0.6, 1) },
    { name: 'gas-flow', value: round(14 + (rnd() - 0.5) * 2, 1) },
    { name: 'gas', value: 'M21 (Ar/CO₂ 82/18)' },
  ];
}

/**
 * Bookings of one operation as a worker makes them at the terminal: setup, production in batches
 * with a quantity booking each (scrap with a reason), now and then a pause with a reason, process
 * values when welding. Stops where the working time runs out (the operation is then still open).
 */
export function operationBookings(clock: WorkClock, plan: DemoOperationPlan, reasons: DemoReasons, rnd: () => number): { bookings: DemoBooking[]; finished: boolean } {
  const out: DemoBooking[] = [];
  const book = (b: Omit<DemoBooking, 'operationId' | 'at'>) => out.push({ operationId: plan.operationId, at: clock.t, ...b });
  const pick = (list: readonly string[]) => list[Math.floor(rnd() * list.length)];
  book({ kind: 'start-setup' });
  if (!clock.advance(plan.setupMinutes * (0.9 + rnd() * 0.6))) return { bookings: out, finished: false };
  book({ kind: 'start-production' });
  if (plan.welding) book({ kind: 'parameters', parameters: weldingValues(rnd) });
  const pace = 0.8 + rnd() * 0.15;
  let left = plan.quantity;
  while (left > 0) {
    const parts = Math.min(left, plan.batch);
    if (!clock.advance((parts * plan.idealCycleSeconds) / 60 / pace)) return { bookings: out, finished: false };
    const scrap = rnd() < 0.3 ? Math.min(parts - 1, 1 + Math.floor(rnd() * Math.max(1, parts / 20))) : 0;
    book(scrap > 0 ? { kind: 'quantity', good: parts - scrap, scrap, reason: pick(reasons.scrap) } : { kind: 'quantity', good: parts });
    left -= parts;
    if (left > 0 && rnd() < 0.2) {
      book({ kind: 'pause', reason: pick(reasons.downtime) });
      if (!clock.advance(8 + rnd() * 30)) return { bookings: out, finished: false };
      book({ kind: 'resume' });
      if (plan.welding) book({ kind: 'parameters', parameters: weldingValues(rnd) });
    }
  }
  book({ kind: 'finish' });
  return { bookings: out, finished: true };
}
