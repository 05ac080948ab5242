import type { MqttClient } from 'mqtt';
import type { OutboundPolicy } from '../../../kernel/net/outbound-policy.js';
import type { ConnectionRecord } from '../connections.store.js';
import { type TopicMapping, mapMessage, subscriptionFilter } from '../domain/topic-mapping.js';
import { MAX_FUTURE_MS, UnstorableMessageError } from '../ingest.js';
import { guardedMqttStream } from './mqtt-guarded-stream.js';
import { type RunningSource, type SourceSink, StatusTracker } from './source-status.js';

export interface MqttSettings extends TopicMapping {
  clientId: string;
}

/**
 * A client of a company's own MQTT broker (Mosquitto, EMQX, …).
 *
 * Persistent session: a fixed client id with `clean: false` makes the broker keep the
 * subscription and queue QoS 1 messages while Werkverbund is down; they arrive after the restart.
 *
 * Acknowledged ⇒ committed: mqtt.js sends the PUBACK only when `handleMessage` calls back,
 * which happens after the samples' transaction has committed (`customHandleAcks` would do the
 * same but mqtt.js honours it for MQTT 5 only). If the write
 * fails, no PUBACK is sent and the connection is dropped, so the broker delivers the message
 * again after the reconnect. mqtt.js handles incoming messages one after the other in this mode.
 * A message that can never be stored (unknown topic, bad payload) is acknowledged and shown as
 * the connection's last error, so it does not block the queue.
 */
export function startMqttSource(connection: ConnectionRecord, sink: SourceSink, outbound: OutboundPolicy): RunningSource {
  const settings = connection.settings as unknown as MqttSettings;
  const tracker = new StatusTracker();
  const filter = subscriptionFilter(settings.topic);
  let stopping = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const handle = (topic: string, payload: Buffer): Promise<void> => {
    const now = Date.now();
    const mapped = mapMessage(settings, topic, payload, now, now + MAX_FUTURE_MS);
    if (!mapped.ok) {
      tracker.error(mapped.error);
      return Promise.resolve();
    }
    return sink(mapped.machineId, mapped.samples).then(
      () => tracker.stored(),
      (error: unknown) => {
        // Refused by the database itself: it would fail again on every delivery.
        if (!(error instanceof UnstorableMessageError)) throw error;
        tracker.error(`${topic}: ${error.message}`);
      },
    );
  };

  // mqtt.js is loaded on first use: it would add most of a second to every server start.
  let client: MqttClient | null = null;
  const ready = import('mqtt').then(({ MqttClient }) => {
    if (stopping) return;
    // connects through the outbound policy (see guardedMqttStream)
    const c = new MqttClient(guardedMqttStream(connection.url, outbound), {
      protocol: connection.url.startsWith('mqtts:') ? 'mqtts' : 'mqtt',
      clientId: settings.clientId,
      clean: false,
      protocolVersion: 4,
      username: connection.username || undefined,
      password: connection.password || undefined,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
      keepalive: 30,
    });

    // mqtt.js sends the PUBACK of a QoS 1 message when handleMessage calls back without error
    // (lib/handlers/publish.js); messages are handed over one at a time.
    c.handleMessage = (packet, callback) => {
      // Stopping: leave it unacknowledged; the broker keeps it for the next session.
      if (stopping) return;
      const work = handle(packet.topic, packet.payload as Buffer).then(
        () => callback(),
        (error: Error) => {
          tracker.error(`not stored, the broker will send it again: ${error.message}`);
          c.stream?.destroy();
          callback(error);
        },
      );
      inFlight = work;
    };

    // "connected" once the subscription stands: from then on the broker keeps messages for us.
    c.on('connect', () => {
      c.subscribe(filter, { qos: 1 }, (error, granted) => {
        if (error) tracker.error(`subscribe "${filter}": ${error.message}`);
        else if (granted?.some((g) => g.qos === 128)) tracker.error(`the broker refused the subscription to "${filter}"`);
        else tracker.state('connected');
      });
    });
    c.on('reconnect', () => tracker.state('connecting'));
    c.on('close', () => {
      if (!stopping) tracker.state('disconnected');
    });
    c.on('error', (error) => tracker.error(error.message));
    client = c;
  });
  ready.catch((error: Error) => tracker.error(error.message));

  return {
    status: tracker.status,
    stop: async () => {
      stopping = true;
      await ready.catch(() => {});
      await inFlight.catch(() => {});
      await client?.endAsync(false);
      tracker.state('stopped');
    },
  };
}
