import { hashToken } from '../../kernel/auth/secret-token.js';
import type { AppContext } from '../../kernel/http/app-context.js';
import { type ParseResult, parseTelemetry, parseTelemetryText } from './domain/payload.js';
import { type DeviceIdentity, type SampleBatchItem, findDeviceByTokenHash, writeSamples } from './machines.store.js';

export type IngestContext = Pick<AppContext, 'db' | 'registry' | 'access'>;

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
 * Collects what arrives concurrently (e.g. the publishes of one MQTT socket read) into one
 * transaction. `write` resolves only after that transaction has committed and rejects if it
 * failed; batches are written one after the other, callers are answered in arrival order.
 */
export class BatchWriter {
  private queue: Array<{ item: SampleBatchItem; resolve: () => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly writeBatch: WriteFn,
    private readonly maxSamples = 20_000,
  ) {}

  static forDatabase(ctx: IngestContext): BatchWriter {
    return new BatchWriter((items) => writeSamples(ctx.db, items));
  }

  write(item: SampleBatchItem): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
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
      const batch = this.queue.splice(0, n);
      try {
        await this.writeBatch(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.running = false;
  }
}
