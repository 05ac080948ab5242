import type { Db } from '../../../kernel/db/database.js';
import type { OutboundPolicy } from '../../../kernel/net/outbound-policy.js';
import { uuidv7 } from '../../../kernel/db/uuid-v7.js';
import { type ConnectionRecord, connectionDevice, listAllConnections, listOpcuaItems } from '../connections.store.js';
import { BatchWriter, type IngestContext, type WriteFn, moduleEnabled, writeBatched } from '../ingest.js';
import type { SampleBatchItem } from '../sample-writer.js';
import type { DeviceIdentity } from '../machines.store.js';
import { startMqttSource } from './mqtt-source.js';
import { startOpcuaSource } from './opcua-source.js';
import { type RunningSource, type SourceSink, type SourceStatus, StatusTracker } from './source-status.js';
import type { SecretBox } from '../../../kernel/secrets/secret-box.js';
import { SecretUnreadableError } from '../../../kernel/secrets/secret-unreadable.js';
import { openPassword } from '../sealed-secrets.js';

export interface SourceSupervisorOptions {
  /** Folder of the OPC UA client certificate and trusted server certificates. */
  pkiDir: string;
  /** Replaces the database write (tests use it to fail commits). */
  write?: WriteFn;
  /** Which addresses the clients may connect to. */
  outbound: OutboundPolicy;
  /** Opens the stored connection passwords. */
  secrets: SecretBox;
}

/**
 * Keeps one client running per enabled connection of every company that has the module on:
 * started with the server, restarted when a connection changes, stopped when it is deleted,
 * disabled or the company switches the module off. Changes made through the API take effect at
 * once (`refresh`); anything else (e.g. the module switched off) through the periodic job
 * `machines.connections` that start-sources.ts registers with the kernel scheduler.
 */
export class SourceSupervisor {
  private readonly running = new Map<string, { version: string; source: RunningSource }>();
  private readonly devices = new Map<string, Promise<DeviceIdentity>>();
  private readonly write: (item: SampleBatchItem) => Promise<void>;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ctx: IngestContext,
    private readonly options: SourceSupervisorOptions,
  ) {
    // The shared group commit of all ingestion paths; tests may put their own write behind it.
    const own = options.write ? new BatchWriter(options.write) : null;
    this.write = own ? (item) => own.write(item) : (item) => writeBatched(ctx, item);
  }

  async start(): Promise<void> {
    await this.refresh();
  }

  /** Brings the running clients in line with the database; calls run one after the other. */
  refresh(): Promise<void> {
    const next = this.queue.then(() => this.reconcile());
    this.queue = next.catch(() => {});
    return next;
  }

  status(tenantId: string, connectionId: string): SourceStatus | null {
    return this.running.get(`${tenantId}/${connectionId}`)?.source.status ?? null;
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.queue;
    await Promise.all([...this.running.values()].map((r) => r.source.stop()));
    this.running.clear();
  }

  private async reconcile() {
    if (this.closed) return;
    const all = await listAllConnections(this.ctx.db);
    const enabledTenants = new Map<string, boolean>();
    const wanted = new Map<string, ConnectionRecord>();
    for (const c of all) {
      if (!c.enabled) continue;
      if (!enabledTenants.has(c.tenantId)) enabledTenants.set(c.tenantId, await moduleEnabled(this.ctx, c.tenantId));
      if (enabledTenants.get(c.tenantId)) wanted.set(`${c.tenantId}/${c.id}`, c);
    }
    for (const [key, r] of [...this.running]) {
      const c = wanted.get(key);
      if (!c || versionOf(c) !== r.version) {
        this.running.delete(key);
        await r.source.stop();
      }
    }
    for (const [key, c] of wanted) {
      if (this.running.has(key) || this.closed) continue;
      this.running.set(key, { version: versionOf(c), source: await this.startOne(c) });
    }
  }

  private async startOne(stored: ConnectionRecord): Promise<RunningSource> {
    let c: ConnectionRecord;
    try {
      c = { ...stored, password: openPassword(this.options.secrets, stored) };
    } catch (error) {
      if (error instanceof SecretUnreadableError) return secretUnreadableSource(error);
      throw error;
    }
    const sink = this.sinkFor(c);
    if (c.kind === 'mqtt') return startMqttSource(c, sink, this.options.outbound);
    return startOpcuaSource(c, await listOpcuaItems(this.ctx.db, c.tenantId, c.id), sink, this.options.pkiDir, this.options.outbound);
  }

  private sinkFor(c: ConnectionRecord): SourceSink {
    const deviceName = `${c.kind === 'mqtt' ? 'MQTT' : 'OPC UA'} · ${c.name}`;
    return async (machineId, samples) => {
      const key = `${c.tenantId}/${c.id}/${machineId}`;
      let device = this.devices.get(key);
      if (!device) {
        device = connectionDevice(this.ctx.db, c.tenantId, c.id, machineId, deviceName, uuidv7());
        this.devices.set(key, device);
        device.catch(() => this.devices.delete(key));
      }
      await this.write({ device: await device, samples, source: c.kind });
    };
  }
}

/** A connection whose password the instance key cannot open: not started, shown as such. */
function secretUnreadableSource(error: SecretUnreadableError): RunningSource {
  const tracker = new StatusTracker();
  tracker.state('secretUnreadable');
  tracker.error(error.message);
  return { status: tracker.status, stop: async () => {} };
}

const versionOf = (c: ConnectionRecord) => c.updatedAt.toISOString();

/** The supervisor running next to a database, for the routes (status, immediate restarts). */
const supervisors = new WeakMap<Db, SourceSupervisor>();
export const supervisorOf = (db: Db) => supervisors.get(db);
export const registerSupervisor = (db: Db, s: SourceSupervisor) => supervisors.set(db, s);
export const unregisterSupervisor = (db: Db, s: SourceSupervisor) => {
  if (supervisors.get(db) === s) supervisors.delete(db);
};
