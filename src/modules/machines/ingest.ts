import { hashToken } from '../../kernel/auth/secret-token.js';
import type { AppContext } from '../../kernel/http/app-context.js';
import { type ParseResult, parseTelemetry, parseTelemetryText } from './domain/payload.js';
import type { DeviceIdentity } from './machines.store.js';
import { type SampleBatchItem, writeSamples } from './sample-writer.js';
import { findDeviceByTokenHash } from './devices.store.js';

export type IngestContext = Pick<AppContext, 'db' | 'registry' | 'access'> & Partial<Pick<AppContext, 'database'>>;

/** How far ahead of the server clock a sample may lie. */
export const MAX_FUTURE_MS = 24 * 3_600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The device for a token (and, for MQTT, its id), if the token is valid and not revoked. */
export async function authenticateDevice(ctx: IngestContext, token: string, deviceId?: string): Promise<DeviceIdentity | undefined> {
  if (!token || (deviceId !== undefined && !UUID.test(deviceId))) return undefined;
  return findDeviceByTokenHash(ctx.db, hashToken(token), deviceId?.toLowerCase());
}

export async function moduleEnabled(ctx: IngestContext, tenantId: string): Promise<boolean> {
  const states = await ctx.access.moduleStates(ctx.db, ctx.registry, tenantId);
  return states.some((s) => s.id === 'machines' && s.enabled);
}

export const parseIngest = (payload: unknown, now = Date.now()): ParseResult => parseTelemetry(payload, { notAfter: now + MAX_FUTURE_MS });
export const parseIngestText = (payload: string | Uint8Array, now = Date.now()): ParseResult =>
  parseTelemetryText(payload, { notAfter: now + MAX_FUTURE_MS });

export type WriteFn = (items: readonly SampleBatchItem[]) => Promise<number>;

/**
 * A message the database refused on its own (a data error such as a text PostgreSQL cannot hold),
 * found by writing the messages of a failed batch again in smaller groups. It will fail the same
 * way every time it is sent, so the paths treat it like a payload that can never be stored.
 */
export class UnstorableMessageError extends Error {
  constructor(cause: unknown) {
    super(`the database refused this message: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'UnstorableMessageError';
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the rows, not the database, are at fault. */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23)/.test(code);
}

export interface BatchWriterOptions {
  /** Samples per transaction at most (a message is never split). */
  maxSamples?: number;
  /** How long a batch waits for more messages after the first one; 0 = the current turn of the event loop. */
  lingerMs?: number;
}

interface Pending {
  item: SampleBatchItem;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: collects the messages that arrive while the previous batch is being written (from
 * every connection and path) and writes them in one transaction. `write` resolves only after that
 * transaction has committed, so the caller may acknowledge then; batches are written one after the
 * other and answered in arrival order.
 *
 * A batch that fails with a data error is written again in halves until the message at fault is
 * alone; it is rejected with `UnstorableMessageError`, all others are stored and answered. Any other
 * failure (connection lost, database down) rejects the whole batch at once: nothing of it is
 * acknowledged, and the devices send it again.
 */
export class BatchWriter {
  private queue: Pending[] = [];
  private running = false;
  private readonly maxSamples: number;
  private readonly lingerMs: number;

  constructor(
    private readonly writeBatch: WriteFn,
    options: BatchWriterOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { maxSamples: options } : options;
    this.maxSamples = o.maxSamples ?? 20_000;
    this.lingerMs = o.lingerMs ?? 0;
  }

  static forDatabase(ctx: IngestContext): BatchWriter {
    return new BatchWriter((items) => writeSamples(ctx.db, items));
  }

  /** Messages waiting for their batch (not counting the batch being written). */
  get waiting(): number {
    return this.queue.length;
  }

  write(item: SampleBatchItem): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        if (this.lingerMs > 0) setTimeout(() => void this.drain(), this.lingerMs);
        else setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    while (this.queue.length > 0) {
      let samples = 0;
      let n = 0;
      while (n < this.queue.length && (n === 0 || samples + this.queue[n].item.samples.length <= this.maxSamples)) {
        samples += this.queue[n].item.samples.length;
        n++;
      }
      await this.commit(this.queue.splice(0, n));
    }
    this.running = false;
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      await this.writeBatch(batch.map((b) => b.item));
      for (const b of batch) b.resolve();
    } catch (error) {
      if (!isDataError(error)) {
        for (const b of batch) b.reject(error);
      } else if (batch.length === 1) {
        batch[0].reject(new UnstorableMessageError(error));
      } else {
        const half = Math.ceil(batch.length / 2);
        await this.commit(batch.slice(0, half));
        await this.commit(batch.slice(half));
      }
    }
  }
}

/**
 * Group-commit writers per database, shared by every ingestion path of the process. On a
 * PostgreSQL server two writers commit side by side, so the flushes of their commits overlap;
 * the embedded database runs one transaction at a time, so it gets one writer.
 */
const sharedWriters = new WeakMap<IngestContext['db'], BatchWriter[]>();
// Two: besides its rows every commit costs the database a fixed amount (planning, WAL flush), and
// with the same messages in flight two writers commit twice as many per batch as four (in the
// machine-data benchmark: less database CPU per message and more messages/s).
export const WRITERS_ON_A_SERVER = 2;

/** The writer of a machine: all messages of one machine go through the same writer, in arrival order. */
export function writerIndex(machineId: string, writers: number): number {
  let hash = 2166136261;
  for (let i = 0; i < machineId.length; i++) hash = Math.imul(hash ^ machineId.charCodeAt(i), 16777619);
  return (hash >>> 0) % writers;
}

/**
 * Stores one device message through the shared group commit: resolves after the transaction
 * holding it has committed (acknowledge the device then), rejects if it did not — with
 * `UnstorableMessageError` if the database refused this message itself. Messages of one machine
 * always share a writer, so its alarm rules see its samples in the order they arrived.
 */
export function writeBatched(ctx: Pick<IngestContext, 'db' | 'database'>, item: SampleBatchItem): Promise<void> {
  let writers = sharedWriters.get(ctx.db);
  if (!writers) {
    const count = ctx.database?.kind === 'server' ? WRITERS_ON_A_SERVER : 1;
    writers = Array.from({ length: count }, () => new BatchWriter((items) => writeSamples(ctx.db, items)));
    sharedWriters.set(ctx.db, writers);
  }
  return writers[writerIndex(item.device.machineId, writers.length)].write(item);
}
