import { type AddressInfo, type Server, createServer } from 'node:net';
import { Aedes, type Client } from 'aedes';
import {
  BatchWriter,
  type IngestContext,
  UnstorableMessageError,
  type WriteFn,
  authenticateDevice,
  moduleEnabled,
  parseIngestText,
  writeBatched,
} from './ingest.js';
import type { DeviceIdentity } from './machines.store.js';
import type { SampleBatchItem } from './sample-writer.js';
import { recordDeviceError } from './devices.store.js';
import { SizeLimitedConnection, maxPacketBytesFromEnv } from './mqtt-limited-connection.js';

export interface MachineBrokerOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  host?: string;
  /** Replaces the database write (tests use it to delay or fail commits). */
  write?: WriteFn;
  /** Largest MQTT packet accepted; default `WERKVERBUND_MQTT_MAX_PACKET_BYTES` or 256 KiB. */
  maxPacketBytes?: number;
}

export interface MachineBroker {
  port: number;
  /** Messages waiting for the next batch of the broker's own writer (with `options.write`), else 0. */
  readonly waiting: number;
  close(): Promise<void>;
}

export const telemetryTopic = (deviceId: string) => `wv/${deviceId}/telemetry`;

/**
 * The embedded MQTT broker. A device connects with username = device id and password = device
 * token and publishes to `wv/<deviceId>/telemetry`.
 *
 * "Acknowledged ⇒ committed": aedes sends the PUBACK of a QoS 1 PUBLISH only after the
 * `authorizePublish` handler has called back (lib/handlers/publish.js: authorizePublish, then
 * enqueuePublish, which writes the PUBACK). The handler calls back only after the transaction
 * holding the message's samples has committed. If the write fails, it calls back with the error:
 * aedes then closes the connection without PUBACK and the device sends the message again; the
 * unique key (tenant, device, point, time) makes the second delivery add nothing. The `published`
 * hook is not usable for this: for QoS 1 aedes runs it after the PUBACK is written.
 *
 * Messages of all connections are written together (group commit, `BatchWriter`): one transaction
 * per batch, and every PUBACK of the batch after its commit.
 *
 * A payload that can never be stored (not JSON, wrong shape, or refused by the database on its
 * own, e.g. a text with a NUL character) is acknowledged after its rejection has been committed on
 * the device (`last_error`), so one bad message does not block the device's queue forever; the
 * other messages of its batch are stored as usual. Subscriptions are refused: devices only
 * publish here.
 *
 * Packets larger than `maxPacketBytes` (CONNECT, PUBLISH, anything) close the connection as soon
 * as their fixed header announces the size, before their bytes are collected
 * (`SizeLimitedConnection`); nothing of such a message is stored or acknowledged, and an
 * authenticated device gets the refusal as its `last_error`.
 */
export async function startMachineBroker(ctx: IngestContext, options: MachineBrokerOptions): Promise<MachineBroker> {
  const devices = new WeakMap<Client, DeviceIdentity>();
  // The process-wide group commit, shared with the other ingestion paths; tests bring their own.
  const own = options.write ? new BatchWriter(options.write) : undefined;
  const write = (item: SampleBatchItem) => (own ? own.write(item) : writeBatched(ctx, item));
  const reject = (device: DeviceIdentity, reason: string) => recordDeviceError(ctx.db, device, reason);
  const maxPacketBytes = options.maxPacketBytes ?? maxPacketBytesFromEnv(process.env);

  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const refuse = () => done(Object.assign(new Error('bad username or password'), { returnCode: 4 }), false);
      if (!username || !password) return refuse();
      authenticateDevice(ctx, password.toString('utf8'), username)
        .then(async (device) => {
          if (!device || !(await moduleEnabled(ctx, device.tenantId))) return refuse();
          devices.set(client, device);
          done(null, true);
        })
        .catch(() => done(Object.assign(new Error('server unavailable'), { returnCode: 3 }), false));
    },
    authorizePublish: (client, packet, done) => {
      const device = client ? devices.get(client) : undefined;
      if (!device) return done(new Error('not authenticated'));
      if (packet.topic !== telemetryTopic(device.deviceId)) return done(new Error(`publish only to ${telemetryTopic(device.deviceId)}`));
      const parsed = parseIngestText(packet.payload as Buffer);
      const work = parsed.ok
        ? write({ device, samples: parsed.samples, source: 'mqtt' }).catch((error: unknown) => {
            if (error instanceof UnstorableMessageError) return reject(device, error.message);
            throw error;
          })
        : reject(device, parsed.errors.map((e) => `${e.path || 'payload'}: ${e.message}`).join('; '));
      // Only now may aedes acknowledge; on failure it drops the connection instead.
      work.then(() => done(null), (error: Error) => done(error));
    },
    authorizeSubscribe: (_client, _subscription, done) => done(new Error('devices cannot subscribe'), null),
  });

  broker.publish = publishNowhere as Aedes['publish'];
  const server: Server = createServer((socket) => {
    const connection: SizeLimitedConnection & { client?: Client } = new SizeLimitedConnection(socket, maxPacketBytes, (verdict) => {
      const device = connection.client ? devices.get(connection.client) : undefined;
      const why = verdict.reason === 'too_large'
        ? `MQTT packet of ${verdict.size} bytes refused (at most ${maxPacketBytes}); connection closed`
        : 'malformed MQTT packet length; connection closed';
      if (device) reject(device, why).catch(() => {});
    });
    broker.handle(connection);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    get waiting() {
      return own?.waiting ?? 0;
    },
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Takes the place of aedes' `publish`, which it calls after the PUBACK to pass a message on to
 * subscribers, offline sessions and retained storage. Nothing can subscribe here, so that is work
 * without effect; aedes only needs its callback (called as `publish(packet, done)` and
 * `publish(packet, client, done)`).
 */
export function publishNowhere(_packet: unknown, clientOrDone?: unknown, done?: () => void): void {
  const callback = typeof clientOrDone === 'function' ? (clientOrDone as () => void) : done;
  if (callback) process.nextTick(callback);
}

/** Reads `WERKVERBUND_MQTT_PORT`: a port number, or `off`. Default 1883. */
export function brokerPortFromEnv(env: NodeJS.ProcessEnv): number | null {
  const raw = env.WERKVERBUND_MQTT_PORT?.trim();
  if (!raw) return 1883;
  if (raw === 'off') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`WERKVERBUND_MQTT_PORT must be a port number or "off", not "${raw}"`);
  return port;
}
