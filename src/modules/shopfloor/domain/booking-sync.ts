import type { Interval } from './intervals';
import type { ParameterValue } from './process-parameters';

export type OperationStatus = 'planned' | 'setup' | 'running' | 'paused' | 'finished';

export type BookingKind = 'start-setup' | 'start-production' | 'pause' | 'resume' | 'finish' | 'quantity' | 'parameters' | 'reversal';

export interface Booking {
  /** Idempotency key generated on the device (UUID). */
  readonly key: string;
  /** Generated once per installation of the terminal app. */
  readonly deviceId: string;
  /** 1, 2, 3, … per device, without gaps, in the order the bookings were made. */
  readonly sequence: number;
  readonly operationId: string;
  readonly kind: BookingKind;
  /** Device clock, epoch ms. */
  readonly at: number;
  readonly good?: number;
  readonly scrap?: number;
  readonly reason?: string;
  /** Process values of a `parameters` booking (checked against the operation's definitions before). */
  readonly parameters?: readonly ParameterValue[];
  /** A `reversal` names the key of the quantity booking it cancels (same operation). */
  readonly reverses?: string;
  /** The worker confirmed a quantity above the remaining quantity (see QuantityLimit). */
  readonly confirmed?: boolean;
}

/**
 * Plausibility of quantities: a quantity booking whose good + scrap exceed the operation's remaining
 * quantity (order quantity − good booked so far) by more than `marginPercent` % of the order quantity
 * (rounded down to whole parts) is refused as `confirmation-required` unless it carries `confirmed`.
 */
export interface QuantityLimit {
  readonly orderQuantity: number;
  readonly marginPercent: number;
}

/** Whether good + scrap of a booking need the worker's confirmation (the rule of QuantityLimit). */
export function needsConfirmation(limit: QuantityLimit, goodSoFar: number, good: number, scrap: number): boolean {
  // Negative once more good parts than ordered are booked: every further part then counts against the margin.
  const remaining = limit.orderQuantity - goodSoFar;
  const margin = Math.floor((limit.orderQuantity * limit.marginPercent) / 100);
  return good + scrap > remaining + margin;
}

export type ConflictReason =
  | 'already-in-setup'
  | 'already-started'
  | 'already-paused'
  | 'already-finished'
  | 'not-started'
  | 'not-running'
  | 'not-paused'
  | 'invalid-quantity'
  | 'invalid-parameters'
  | 'confirmation-required'
  | 'not-reversible'
  | 'already-reversed'
  | 'invalid-sequence'
  | 'idempotency-key-reused'
  | 'sequence-reused';

export type SyncResult =
  | { readonly key: string; readonly status: 'applied' }
  | { readonly key: string; readonly status: 'duplicate' }
  | { readonly key: string; readonly status: 'waiting'; readonly expectedSequence: number }
  | {
      readonly key: string;
      readonly status: 'conflict';
      readonly reason: ConflictReason;
      /** The operation's state when the booking was refused (absent for key/sequence conflicts). */
      readonly operationStatus?: OperationStatus;
    };

export interface OperationState {
  readonly status: OperationStatus;
  readonly good: number;
  readonly scrap: number;
  /** Closed production intervals (start-production/resume → pause/finish), device clock. */
  readonly runs: readonly Interval[];
  readonly runningSince: number | null;
  /** Keys of the applied bookings, in application order. */
  readonly appliedKeys: readonly string[];
  /** Applied quantity bookings not reversed, by key: what a reversal takes back. */
  readonly quantities?: ReadonlyMap<string, { readonly good: number; readonly scrap: number }>;
  /** Keys of quantity bookings that were reversed. */
  readonly reversed?: ReadonlySet<string>;
}

interface Processed {
  readonly fingerprint: string;
  readonly result: SyncResult;
}

export interface SyncState {
  readonly operations: ReadonlyMap<string, OperationState>;
  /** Outcome of every booking ever processed, by idempotency key. */
  readonly processed: ReadonlyMap<string, Processed>;
  /** Highest sequence number processed per device. */
  readonly lastSequence: ReadonlyMap<string, number>;
  /** Bookings received ahead of a missing sequence number, per device and sequence. */
  readonly waiting: ReadonlyMap<string, ReadonlyMap<number, Booking>>;
}

export const emptySyncState: SyncState = {
  operations: new Map(),
  processed: new Map(),
  lastSequence: new Map(),
  waiting: new Map(),
};

export const initialOperationState: OperationState = {
  status: 'planned',
  good: 0,
  scrap: 0,
  runs: [],
  runningSince: null,
  appliedKeys: [],
};

function fingerprint(b: Booking): string {
  return JSON.stringify([
    b.deviceId, b.sequence, b.operationId, b.kind, b.at, b.good ?? 0, b.scrap ?? 0, b.reason ?? null, (b.parameters ?? []).map((p) => [p.name, p.value]),
    ...(b.reverses ? [b.reverses] : []), ...(b.confirmed ? ['confirmed'] : []),
  ]);
}

/**
 * A reversal takes back one applied quantity booking of the same operation, in any state (also
 * after the finish): good and scrap return to what they were without it. A booking is reversed at
 * most once; state changes are not reversed (a further state booking corrects them).
 */
function reverse(op: OperationState, b: Booking): OperationState | ConflictReason {
  if (!b.reverses) return 'not-reversible';
  if (op.reversed?.has(b.reverses)) return 'already-reversed';
  const original = op.quantities?.get(b.reverses);
  if (!original) return 'not-reversible';
  const quantities = new Map(op.quantities);
  quantities.delete(b.reverses);
  return { ...op, good: op.good - original.good, scrap: op.scrap - original.scrap, quantities, reversed: new Set([...(op.reversed ?? []), b.reverses]) };
}

/** Allowed transitions; everything else is a conflict with the given reason. */
function transition(op: OperationState, b: Booking, limit?: QuantityLimit): OperationState | ConflictReason {
  const s = op.status;
  if (b.kind === 'reversal') return reverse(op, b);
  if (s === 'finished') return 'already-finished';
  const closeRun = (): Interval[] =>
    op.runningSince === null ? [...op.runs] : [...op.runs, { start: op.runningSince, end: Math.max(op.runningSince, b.at) }];
  switch (b.kind) {
    case 'start-setup':
      if (s === 'planned') return { ...op, status: 'setup' };
      return s === 'setup' ? 'already-in-setup' : 'already-started';
    case 'start-production':
      if (s === 'planned' || s === 'setup') return { ...op, status: 'running', runningSince: b.at };
      return 'already-started';
    case 'pause':
      if (s === 'running') return { ...op, status: 'paused', runs: closeRun(), runningSince: null };
      return s === 'paused' ? 'already-paused' : 'not-running';
    case 'resume':
      if (s === 'paused') return { ...op, status: 'running', runningSince: b.at };
      return 'not-paused';
    case 'finish':
      if (s === 'running' || s === 'paused') return { ...op, status: 'finished', runs: closeRun(), runningSince: null };
      return 'not-started';
    case 'quantity': {
      if (s !== 'running' && s !== 'paused') return 'not-started';
      const good = b.good ?? 0;
      const scrap = b.scrap ?? 0;
      const valid = (n: number) => Number.isFinite(n) && n >= 0;
      if (!valid(good) || !valid(scrap) || !Number.isInteger(good) || !Number.isInteger(scrap) || good + scrap === 0) return 'invalid-quantity';
      if (limit && !b.confirmed && needsConfirmation(limit, op.good, good, scrap)) return 'confirmation-required';
      return { ...op, good: op.good + good, scrap: op.scrap + scrap, quantities: new Map([...(op.quantities ?? []), [b.key, { good, scrap }]]) };
    }
    case 'parameters':
      // Process values are recorded while the operation runs or is paused; they do not change its state.
      if (s !== 'running' && s !== 'paused') return 'not-started';
      if ((b.parameters ?? []).length === 0) return 'invalid-parameters';
      return op;
  }
}

/**
 * Applies a batch of bookings from one or more terminals, exactly once and in device order.
 *
 * - A key seen before is never applied again: an applied booking is answered with `duplicate`, a
 *   refused one with its original conflict. The same key with different content is refused as
 *   `idempotency-key-reused` and changes nothing.
 * - Per device, bookings are processed strictly by sequence number. A booking that arrives ahead of
 *   a missing number is kept (`waiting`) and processed as soon as the gap is filled.
 * - Across devices, the booking processed first wins ("first synced wins"): a booking that does not
 *   fit the operation's state at that moment is a `conflict` with a reason code; it is kept in the
 *   result history so it can be shown to the user, and it does not block the device's later bookings.
 *
 * The input state is not modified.
 */
export function applyBookings(
  state: SyncState,
  batch: readonly Booking[],
  options: { quantityLimit?: (operationId: string) => QuantityLimit | undefined } = {},
): { state: SyncState; results: SyncResult[] } {
  const operations = new Map(state.operations);
  const processed = new Map(state.processed);
  const lastSequence = new Map(state.lastSequence);
  const waiting = new Map<string, Map<number, Booking>>();
  for (const [device, queue] of state.waiting) waiting.set(device, new Map(queue));
  const results: SyncResult[] = [];
  const waitingKeys = new Map<string, Booking>();
  for (const queue of waiting.values()) for (const b of queue.values()) waitingKeys.set(b.key, b);

  const process = (b: Booking): void => {
    let result: SyncResult;
    const next = transition(operations.get(b.operationId) ?? initialOperationState, b, options.quantityLimit?.(b.operationId));
    if (typeof next === 'string') {
      result = { key: b.key, status: 'conflict', reason: next, operationStatus: (operations.get(b.operationId) ?? initialOperationState).status };
    } else {
      operations.set(b.operationId, { ...next, appliedKeys: [...next.appliedKeys, b.key] });
      result = { key: b.key, status: 'applied' };
    }
    processed.set(b.key, { fingerprint: fingerprint(b), result });
    lastSequence.set(b.deviceId, b.sequence);
    results.push(result);
  };

  for (const b of batch) {
    const print = fingerprint(b);
    const seen = processed.get(b.key);
    if (seen) {
      if (seen.fingerprint !== print) results.push({ key: b.key, status: 'conflict', reason: 'idempotency-key-reused' });
      else results.push(seen.result.status === 'applied' ? { key: b.key, status: 'duplicate' } : seen.result);
      continue;
    }
    const waitingWithKey = waitingKeys.get(b.key);
    if (waitingWithKey && fingerprint(waitingWithKey) !== print) {
      results.push({ key: b.key, status: 'conflict', reason: 'idempotency-key-reused' });
      continue;
    }
    if (!Number.isSafeInteger(b.sequence) || b.sequence < 1) {
      results.push({ key: b.key, status: 'conflict', reason: 'invalid-sequence' });
      continue;
    }
    const expected = (lastSequence.get(b.deviceId) ?? 0) + 1;
    const queue = waiting.get(b.deviceId) ?? new Map<number, Booking>();
    const held = queue.get(b.sequence);
    if (b.sequence < expected || (held && held.key !== b.key)) {
      results.push({ key: b.key, status: 'conflict', reason: 'sequence-reused' });
      continue;
    }
    if (b.sequence > expected) {
      queue.set(b.sequence, b);
      waitingKeys.set(b.key, b);
      waiting.set(b.deviceId, queue);
      results.push({ key: b.key, status: 'waiting', expectedSequence: expected });
      continue;
    }
    process(b);
    for (let n = b.sequence + 1; queue.has(n); n++) {
      const released = queue.get(n) as Booking;
      queue.delete(n);
      waitingKeys.delete(released.key);
      process(released);
    }
    if (queue.size === 0) waiting.delete(b.deviceId);
    else waiting.set(b.deviceId, queue);
  }
  return { state: { operations, processed, lastSequence, waiting }, results };
}
