import type { ConnectionRecord, OpcuaItem } from '../connections.store.js';
import type { OutboundPolicy } from '../../../kernel/net/outbound-policy.js';
import type { Sample, SampleValue } from '../domain/payload.js';
import { MAX_STRING_LENGTH } from '../domain/payload.js';
import { UnstorableMessageError } from '../ingest.js';
import { createOpcuaClient } from './opcua-client.js';
import { type RunningSource, type SourceSink, StatusTracker } from './source-status.js';

/** Samples kept for a retry while the database cannot take them. */
const MAX_PENDING = 100_000;
/** How long node-opcua may try to repair a lost connection before the client is built anew. */
const REPAIR_MS = 10_000;

/** An OPC UA variable's value as a sample value, or undefined when it has none we can store. */
export function sampleValueOf(value: unknown): SampleValue | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return value.length <= MAX_STRING_LENGTH ? value : value.slice(0, MAX_STRING_LENGTH);
  if (value instanceof Date) return value.toISOString();
  // Int64/UInt64 come as [high, low]
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) return value[0] * 2 ** 32 + value[1];
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text ?? '');
  return undefined;
}

/**
 * Subscribes to the picked variables of an OPC UA server (one subscription, one monitored item
 * per variable with its sampling interval) and writes each change through the ingestion path,
 * with the server's source timestamp. node-opcua keeps the session alive and reconnects by
 * itself (also re-creating session and subscriptions after a server restart). OPC UA has no
 * redelivery, so changes the database does not take are kept (up to 100 000) and retried.
 */
export function startOpcuaSource(connection: ConnectionRecord, items: OpcuaItem[], sink: SourceSink, pkiDir: string, outbound: OutboundPolicy): RunningSource {
  const tracker = new StatusTracker();
  let stopped = false;
  let close: () => Promise<void> = async () => {};
  const pending: Array<{ machineId: string; sample: Sample }> = [];
  let flushing = false;
  let watchdog: NodeJS.Timeout | undefined;
  let current: unknown = null;
  let lastAlive = 0;

  const flush = async () => {
    if (flushing) return;
    flushing = true;
    try {
      while (pending.length > 0 && !stopped) {
        const batch = pending.splice(0, pending.length);
        const byMachine = new Map<string, Sample[]>();
        for (const p of batch) {
          const list = byMachine.get(p.machineId);
          if (list) list.push(p.sample);
          else byMachine.set(p.machineId, [p.sample]);
        }
        for (const [machineId, samples] of byMachine) {
          try {
            await sink(machineId, samples);
            tracker.stored(samples.length);
          } catch (error) {
            if (error instanceof UnstorableMessageError) {
              tracker.error(error.message);
              continue;
            }
            tracker.error(`not stored yet, retrying: ${(error as Error).message}`);
            pending.unshift(...samples.slice(0, MAX_PENDING - pending.length).map((sample) => ({ machineId, sample })));
            await new Promise((r) => setTimeout(r, 2000));
          }
        }
      }
    } finally {
      flushing = false;
    }
  };

  const run = async () => {
    const { opcua, client, identity, endpointUrl } = await createOpcuaClient(connection, pkiDir, { retry: true, outbound });
    current = client;
    close = async () => {
      await client.disconnect().catch(() => {});
    };
    if (stopped) return close();
    client.on('backoff', (retry: number) => {
      tracker.state('connecting');
      if (retry > 0) tracker.error(`${connection.url} not reachable, attempt ${retry + 1}`);
    });
    client.on('connection_lost', () => {
      tracker.state('disconnected');
      // node-opcua repairs short interruptions itself (keeping session and subscription); if
      // that has not worked after a while (e.g. the server restarted), start afresh.
      // Repaired means: the subscription speaks again (a value or a keep-alive).
      const lostAt = Date.now();
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        const repaired = items.length > 0 ? lastAlive > lostAt : tracker.status.state === 'connected';
        if (!stopped && client === current && !repaired) void rebuild();
      }, REPAIR_MS);
    });
    client.on('after_reconnection', (error?: Error | null) => {
      if (error) tracker.error(error.message);
      else if (items.length === 0) tracker.state('connected');
    });
    await client.connect(endpointUrl);
    if (stopped) return close();
    const session = await client.createSession(identity);
    tracker.state('connected');
    if (items.length === 0) return;
    const subscription = await session.createSubscription2({
      requestedPublishingInterval: Math.max(100, Math.min(...items.map((i) => i.samplingIntervalMs || 1000))),
      requestedLifetimeCount: 600,
      requestedMaxKeepAliveCount: 20,
      maxNotificationsPerPublish: 10_000,
      publishingEnabled: true,
      priority: 10,
    });
    subscription.on('error', (message: string) => tracker.error(message));
    subscription.on('keepalive', () => {
      lastAlive = Date.now();
      tracker.state('connected');
    });
    for (const item of items) {
      const monitored = await subscription.monitor(
        { nodeId: item.nodeId, attributeId: opcua.AttributeIds.Value },
        { samplingInterval: item.samplingIntervalMs, discardOldest: true, queueSize: 100 },
        opcua.TimestampsToReturn.Both,
      );
      monitored.on('err', (message: string) => tracker.error(`${item.nodeId}: ${message}`));
      monitored.on('changed', (dataValue) => {
        lastAlive = Date.now();
        tracker.state('connected');
        if (!dataValue.statusCode.isGoodish()) return;
        const value = sampleValueOf(dataValue.value?.value);
        if (value === undefined) return;
        const ts = (dataValue.sourceTimestamp ?? dataValue.serverTimestamp ?? new Date()).getTime();
        if (pending.length >= MAX_PENDING) return tracker.error('database too slow: value changes dropped');
        pending.push({ machineId: item.machineId, sample: { point: item.point, ts, value } });
        setImmediate(() => void flush());
      });
    }
  };

  // A failure before the subscription stands (e.g. a refused user) is retried after a pause.
  const keepTrying = async () => {
    while (!stopped) {
      try {
        await run();
        return;
      } catch (error) {
        if (stopped) return;
        tracker.state('disconnected');
        tracker.error((error as Error).message);
        await close();
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  };
  const rebuild = async () => {
    current = null;
    await close();
    await keepTrying();
  };
  void keepTrying();

  return {
    status: tracker.status,
    stop: async () => {
      stopped = true;
      clearTimeout(watchdog);
      await close();
      tracker.state('stopped');
    },
  };
}
