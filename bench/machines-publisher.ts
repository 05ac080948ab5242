/**
 * A fleet of MQTT devices for the benchmarks. Each device sends QoS 1 messages
 * `{"ts": …, "values": {"p0": …, "p9": …}}` with at most `window` unacknowledged at a
 * time, records every PUBACKed sequence number and the time from publish to PUBACK. Messages the
 * device has produced but not yet sent wait in its own queue (the backlog a real controller
 * buffers), so a broker that is slower than the producers shows up as a growing backlog, not as
 * lost data.
 */
import mqtt, { type MqttClient } from 'mqtt';

export const VALUES_PER_MESSAGE = 10;

export interface PublisherOptions {
  url: string;
  devices: Array<{ id: string; token?: string }>;
  topic: (deviceId: string) => string;
  /** Unacknowledged messages per device. */
  window: number;
  /** Time of sequence number 0 (epoch ms); message `seq` carries `baseTs + seq`. */
  baseTs: number;
  /**
   * `production`: a message carries the instant it was produced instead (1 ms after the device's
   * previous one if that is later), as a controller stamps its values — a message that waited in
   * the backlog arrives with its old time. Default `sequence`.
   */
  stamp?: 'sequence' | 'production';
  clientIdPrefix: string;
}

interface DeviceState {
  id: string;
  client: MqttClient;
  topic: string;
  nextSeq: number;
  /** Produced, not yet handed to the client. */
  queued: number;
  inflight: number;
  acked: number[];
  /** Production instants of the queued messages from `head` on (stamp `production`). */
  stamps: number[];
  head: number;
  lastStamp: number;
}

export class Fleet {
  private readonly states: DeviceState[] = [];
  private rate = 0; // messages per second for the whole fleet; Infinity = as fast as acknowledged
  private credit = 0;
  private ticker?: NodeJS.Timeout;
  private lastTick = 0;
  readonly latencies: number[] = [];
  ackedTotal = 0;
  producedTotal = 0;

  private constructor(private readonly o: PublisherOptions) {}

  static async connect(o: PublisherOptions): Promise<Fleet> {
    const fleet = new Fleet(o);
    await Promise.all(
      o.devices.map(async (d) => {
        const client = await mqtt.connectAsync(o.url, {
          protocolVersion: 4,
          clientId: `${o.clientIdPrefix}-${d.id}`,
          username: d.token ? d.id : undefined,
          password: d.token,
          clean: false, // unacknowledged messages are sent again after a reconnect
          reconnectPeriod: 250,
          connectTimeout: 10_000,
          keepalive: 30,
        });
        client.on('error', () => {}); // reconnects by itself
        fleet.states.push({ id: d.id, client, topic: o.topic(d.id), nextSeq: 0, queued: 0, inflight: 0, acked: [], stamps: [], head: 0, lastStamp: 0 });
      }),
    );
    return fleet;
  }

  /** Messages produced but not yet acknowledged. */
  get backlog(): number {
    return this.producedTotal - this.ackedTotal;
  }

  /** Sets the production rate (messages/s for the whole fleet); `Infinity` keeps every window full. */
  setRate(rate: number) {
    this.rate = rate;
    if (!this.ticker) {
      this.lastTick = performance.now();
      this.ticker = setInterval(() => this.tick(), 5);
    }
    this.tick();
  }

  /** Stops producing; resolves when everything produced is acknowledged (or the time is up). */
  async finish(timeoutMs = 600_000): Promise<boolean> {
    this.rate = 0;
    const until = Date.now() + timeoutMs;
    while (this.backlog > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    clearInterval(this.ticker);
    this.ticker = undefined;
    return this.backlog === 0;
  }

  async close() {
    clearInterval(this.ticker);
    await Promise.all(this.states.map((s) => s.client.endAsync(true)));
  }

  /** Acknowledged sequence numbers per device. */
  acked(): Map<string, number[]> {
    return new Map(this.states.map((s) => [s.id, s.acked]));
  }

  private tick() {
    const now = performance.now();
    const dt = (now - this.lastTick) / 1000;
    this.lastTick = now;
    if (this.rate === Infinity) {
      for (const s of this.states) this.produce(s, Math.max(0, this.o.window - s.inflight - s.queued));
    } else if (this.rate > 0) {
      this.credit += this.rate * dt;
      let whole = Math.floor(this.credit);
      this.credit -= whole;
      // spread evenly, starting where the last tick stopped
      const n = this.states.length;
      const each = Math.floor(whole / n);
      for (const s of this.states) this.produce(s, each);
      whole -= each * n;
      for (let i = 0; i < whole; i++) this.produce(this.states[(this.rr++) % n], 1);
    }
    for (const s of this.states) this.pump(s);
  }
  private rr = 0;

  private produce(s: DeviceState, count: number) {
    s.queued += count;
    this.producedTotal += count;
    if (this.o.stamp !== 'production') return;
    const now = Date.now();
    for (let i = 0; i < count; i++) s.stamps.push((s.lastStamp = Math.max(s.lastStamp + 1, now)));
  }

  private takeStamp(s: DeviceState, seq: number): number {
    if (this.o.stamp !== 'production') return this.o.baseTs + seq;
    const ts = s.stamps[s.head++];
    if (s.head > 65_536 && s.head * 2 > s.stamps.length) {
      s.stamps = s.stamps.slice(s.head);
      s.head = 0;
    }
    return ts;
  }

  private putBackStamp(s: DeviceState, ts: number) {
    if (this.o.stamp !== 'production') return;
    if (s.head > 0) s.stamps[--s.head] = ts;
    else s.stamps.unshift(ts);
  }

  private pump(s: DeviceState) {
    while (s.queued > 0 && s.inflight < this.o.window) {
      s.queued--;
      s.inflight++;
      const seq = s.nextSeq++;
      const values: Record<string, number> = {};
      for (let i = 0; i < VALUES_PER_MESSAGE; i++) values[`p${i}`] = Math.round((seq % 1000) * 10 + i * 0.5) / 10;
      const ts = this.takeStamp(s, seq);
      const payload = JSON.stringify({ ts, values });
      const sent = performance.now();
      s.client.publish(s.topic, payload, { qos: 1 }, (error) => {
        // mqtt.js reports an error only when it gives the message up; it keeps unacknowledged
        // messages of a persistent session across reconnects and calls back on the PUBACK.
        if (error) {
          s.inflight--;
          s.queued++;
          this.putBackStamp(s, ts);
          return;
        }
        this.latencies.push(performance.now() - sent);
        s.acked.push(seq);
        s.inflight--;
        this.ackedTotal++;
        if (this.rate === Infinity) this.produce(s, 1);
        this.pump(s);
      });
    }
  }
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
