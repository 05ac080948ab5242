import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { MqttPacketSizeScanner, type PacketSizeVerdict } from './domain/mqtt-packet-size.js';

/**
 * The TCP connection of one MQTT client as aedes sees it, with a packet size limit in front:
 * every chunk read from the socket goes through `MqttPacketSizeScanner` before it is handed on.
 * When a packet announces a size over the limit (or a malformed length), the socket is destroyed
 * at once and the chunk that carried the announcement is not handed on, so aedes never starts
 * collecting the packet — with a 64 MB PUBLISH the broker holds at most one socket chunk (64 KB),
 * not the payload. Writes go straight to the socket; backpressure works both ways (the socket is
 * paused while aedes does not read).
 */
export class SizeLimitedConnection extends Duplex {
  private readonly scanner: MqttPacketSizeScanner;

  constructor(
    private readonly socket: Socket,
    maxPacketBytes: number,
    onRefused: (verdict: Exclude<PacketSizeVerdict, { ok: true }>) => void,
  ) {
    super({ allowHalfOpen: false });
    this.scanner = new MqttPacketSizeScanner(maxPacketBytes);
    socket.on('data', (chunk: Buffer) => {
      const verdict = this.scanner.scan(chunk);
      if (!verdict.ok) {
        socket.destroy();
        onRefused(verdict);
        return;
      }
      if (!this.push(chunk)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('error', (error) => this.destroy(error));
    socket.on('close', () => this.destroy());
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.socket.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}

/** Reads `WERKVERBUND_MQTT_MAX_PACKET_BYTES`: the largest MQTT packet the broker accepts. */
export function maxPacketBytesFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.WERKVERBUND_MQTT_MAX_PACKET_BYTES?.trim();
  if (!raw) return DEFAULT_MAX_PACKET_BYTES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1024 || n > 268_435_460) {
    throw new Error(`WERKVERBUND_MQTT_MAX_PACKET_BYTES must be a whole number of bytes between 1024 and 268435460, not "${raw}"`);
  }
  return n;
}

/** 256 KiB: far above a batch of telemetry (a second of 100 values is about 3 KB of JSON). */
export const DEFAULT_MAX_PACKET_BYTES = 256 * 1024;
