import { ApiError, post } from '../../../web/api/client';
import type { BookingResult, OperationStatus } from '../schemas';

/**
 * The terminal's booking queue: every booking made on this device, kept in the browser until the
 * server has acknowledged it.
 *
 * Storage: localStorage (synchronous, so taking the next sequence number and queueing the booking
 * happen in one step and survive a reload or a crash right after the tap). Keys:
 * - `werkverbund.shopfloor.device`: the device id, generated once per browser installation;
 * - `werkverbund.shopfloor.<companyId>.sequence`: the last sequence number used for that company
 *   (the server counts sequences per company and device);
 * - `werkverbund.shopfloor.<companyId>.queue`: the bookings with their sync state.
 *
 * Rules: a booking is only removed from the unacknowledged part when the server answered it
 * (`applied`, `duplicate` or `conflict`); `waiting` answers are stored on the server but are sent
 * again with every delivery until they are processed. Network errors, server errors and a signed-out
 * session leave everything queued; the queue is sent again when the browser reports `online`, and
 * every few seconds while something is pending. Acknowledged bookings are kept (the newest
 * `KEEP_ACKNOWLEDGED`) so the worker sees the answer.
 *
 * One terminal tab per browser is assumed: two tabs of the same browser share the device id and
 * could take the same sequence number.
 */

export type BookingKind = 'start-setup' | 'start-production' | 'pause' | 'resume' | 'finish' | 'quantity' | 'parameters' | 'reversal';

export interface BookingPayload {
  key: string;
  deviceId: string;
  sequence: number;
  operationId: string;
  kind: BookingKind;
  at: string;
  good?: number;
  scrap?: number;
  reason?: string;
  /** Process values of a `parameters` booking. */
  parameters?: Array<{ name: string; value: number | string }>;
  /** A reversal: the key of the quantity booking it takes back. */
  reverses?: string;
  /** A quantity the worker confirmed although it is above the remaining quantity. */
  confirmed?: boolean;
}

export type EntryState = 'pending' | 'waiting' | 'applied' | 'duplicate' | 'conflict';

export interface QueueEntry {
  booking: BookingPayload;
  /** What the worker saw when booking, to show the entry without the order at hand. */
  orderNumber: string;
  operationName: string;
  /** A reversal: the quantities it takes back (to show them before the server answers). */
  reversed?: { good: number; scrap: number };
  state: EntryState;
  conflictReason?: string;
  operationStatus?: OperationStatus;
  /** When the server's final answer arrived (epoch ms). */
  acknowledgedAt?: number;
}

export interface QueueSnapshot {
  entries: QueueEntry[];
  /** Bookings not yet finally answered (pending or waiting). */
  open: number;
  sending: boolean;
  /** The last delivery failed for lack of a connection (or the browser reports offline). */
  offline: boolean;
  /** The code of the last non-network error of a delivery (the bookings stay queued). */
  lastError?: string;
}

const KEEP_ACKNOWLEDGED = 100;
const RETRY_MS = 5_000;
const BATCH = 500;
const DEVICE_KEY = 'werkverbund.shopfloor.device';

const isOpen = (e: QueueEntry) => e.state === 'pending' || e.state === 'waiting';

export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `tablet-${crypto.randomUUID()}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** Local time with offset, e.g. 2026-03-02T06:00:00.000+01:00 (the server wants a zone). */
function localTimestamp(d = new Date()): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

export class BookingQueue {
  private entries: QueueEntry[];
  private snapshot: QueueSnapshot;
  private readonly listeners = new Set<() => void>();
  private sending = false;
  private offline = typeof navigator !== 'undefined' && !navigator.onLine;
  private lastError?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private again = false;

  constructor(private readonly companyId: string) {
    this.entries = this.load();
    this.snapshot = this.makeSnapshot();
  }

  private get queueKey() {
    return `werkverbund.shopfloor.${this.companyId}.queue`;
  }

  private get sequenceKey() {
    return `werkverbund.shopfloor.${this.companyId}.sequence`;
  }

  private load(): QueueEntry[] {
    try {
      const raw = localStorage.getItem(this.queueKey);
      const parsed = raw ? (JSON.parse(raw) as QueueEntry[]) : [];
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }

  private save() {
    const open = this.entries.filter(isOpen);
    const done = this.entries.filter((e) => !isOpen(e)).slice(-KEEP_ACKNOWLEDGED);
    const keep = new Set([...open, ...done]);
    this.entries = this.entries.filter((e) => keep.has(e));
    localStorage.setItem(this.queueKey, JSON.stringify(this.entries));
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): QueueSnapshot {
    return { entries: [...this.entries], open: this.entries.filter(isOpen).length, sending: this.sending, offline: this.offline, lastError: this.lastError };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Queues a booking (key, device id and next sequence number are set here) and tries to send it. */
  book(input: {
    operationId: string; kind: BookingKind; good?: number; scrap?: number; reason?: string; parameters?: BookingPayload['parameters'];
    reverses?: string; confirmed?: boolean; reversed?: { good: number; scrap: number }; orderNumber: string; operationName: string;
  }): QueueEntry {
    const sequence = Number(localStorage.getItem(this.sequenceKey) ?? '0') + 1;
    const booking: BookingPayload = { key: crypto.randomUUID(), deviceId: deviceId(), sequence, operationId: input.operationId, kind: input.kind, at: localTimestamp() };
    if (input.good !== undefined) booking.good = input.good;
    if (input.scrap !== undefined) booking.scrap = input.scrap;
    if (input.reason) booking.reason = input.reason;
    if (input.parameters) booking.parameters = input.parameters;
    if (input.reverses) booking.reverses = input.reverses;
    if (input.confirmed) booking.confirmed = true;
    const entry: QueueEntry = { booking, orderNumber: input.orderNumber, operationName: input.operationName, state: 'pending' };
    if (input.reversed) entry.reversed = input.reversed;
    this.entries = [...this.entries.filter((e) => e.booking.key !== booking.key), entry];
    // Sequence and queue are written together, before anything is sent.
    localStorage.setItem(this.sequenceKey, String(sequence));
    this.save();
    void this.flush();
    return entry;
  }

  setOffline(offline: boolean) {
    this.offline = offline;
    this.save();
    if (!offline) void this.flush();
  }

  /** Sends every booking not yet finally answered, in sequence order. */
  async flush(): Promise<void> {
    if (this.sending) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    const open = this.entries.filter(isOpen).sort((a, b) => a.booking.sequence - b.booking.sequence);
    if (open.length === 0) return;
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      this.offline = true;
      this.save();
      this.schedule();
      return;
    }
    this.sending = true;
    this.save();
    try {
      for (let i = 0; i < open.length; i += BATCH) {
        const batch = open.slice(i, i + BATCH).map((e) => e.booking);
        const answer = await post<{ results: BookingResult[]; released: BookingResult[] }>(`/companies/${this.companyId}/shopfloor/bookings`, { bookings: batch });
        this.apply([...answer.results, ...answer.released]);
      }
      this.offline = false;
      this.lastError = undefined;
    } catch (error) {
      const network = error instanceof ApiError && error.status === 0;
      if (network) this.offline = true;
      else this.lastError = error instanceof ApiError ? error.code : 'internal';
    } finally {
      this.sending = false;
      this.save();
    }
    if (this.again) {
      this.again = false;
      void this.flush();
    } else if (this.entries.some(isOpen)) {
      this.schedule();
    }
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), RETRY_MS);
  }

  private apply(results: BookingResult[]) {
    const now = Date.now();
    const byKey = new Map(this.entries.map((e) => [e.booking.key, e]));
    for (const r of results) {
      const entry = byKey.get(r.key);
      if (!entry) continue;
      // A booking already finally answered keeps its first answer (a resend answers "duplicate").
      if (!isOpen(entry)) continue;
      const next: QueueEntry = { ...entry, state: r.status };
      if (r.status === 'conflict') {
        next.conflictReason = r.reason;
        if (r.operationStatus) next.operationStatus = r.operationStatus;
      }
      if (r.status !== 'waiting') next.acknowledgedAt = now;
      byKey.set(r.key, next);
    }
    this.entries = this.entries.map((e) => byKey.get(e.booking.key) ?? e);
  }

  dispose() {
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}

/** What the worker sees: the operation state after the given server state and local bookings. */
export function nextStatus(status: OperationStatus, kind: BookingKind): OperationStatus {
  switch (kind) {
    case 'start-setup':
      return status === 'planned' ? 'setup' : status;
    case 'start-production':
      return status === 'planned' || status === 'setup' ? 'running' : status;
    case 'pause':
      return status === 'running' ? 'paused' : status;
    case 'resume':
      return status === 'paused' ? 'running' : status;
    case 'finish':
      return status === 'running' || status === 'paused' ? 'finished' : status;
    case 'quantity':
    case 'parameters':
    case 'reversal':
      return status;
  }
}

/** Which bookings the worker can make in a state (the same rules the server applies). */
export function allowedKinds(status: OperationStatus): BookingKind[] {
  switch (status) {
    case 'planned':
      return ['start-setup', 'start-production'];
    case 'setup':
      return ['start-production'];
    case 'running':
      return ['pause', 'finish', 'quantity', 'parameters'];
    case 'paused':
      return ['resume', 'finish', 'quantity', 'parameters'];
    case 'finished':
      return [];
  }
}
