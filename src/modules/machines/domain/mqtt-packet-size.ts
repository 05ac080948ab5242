/**
 * Reads the MQTT framing of an incoming byte stream just far enough to know each packet's size
 * before its body arrives: the fixed header is one byte, then the *remaining length* as a
 * variable byte integer of at most four bytes (MQTT 3.1.1 §2.2.3, MQTT 5 §1.5.5), then that many
 * bytes. The scanner keeps no bytes itself — only counters — so a connection can be closed as soon
 * as a packet announces a size over the limit, before anything of it is buffered.
 *
 * Neither aedes (1.2) nor mqtt-packet (9) has such a limit: mqtt-packet's parser collects a
 * packet's bytes until the announced remaining length (up to 256 MB) is there.
 */
export type PacketSizeVerdict = { ok: true } | { ok: false; reason: 'too_large'; size: number } | { ok: false; reason: 'malformed' };

export class MqttPacketSizeScanner {
  /** What the next byte is: the first header byte, a byte of the length, or part of a body. */
  private phase: 'header' | 'length' | 'body' = 'header';
  private length = 0;
  private lengthBytes = 0;
  private bodyLeft = 0;
  /** Packets whose size was read completely (for tests). */
  packets = 0;

  /** @param maxPacketBytes the largest whole packet (header, length and body) that is let through */
  constructor(private readonly maxPacketBytes: number) {}

  /** Feeds the next bytes of the stream; the first packet over the limit decides. */
  scan(chunk: Uint8Array): PacketSizeVerdict {
    let i = 0;
    while (i < chunk.length) {
      if (this.phase === 'body') {
        const take = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= take;
        i += take;
        if (this.bodyLeft === 0) this.phase = 'header';
        continue;
      }
      const byte = chunk[i++]!;
      if (this.phase === 'header') {
        this.phase = 'length';
        this.length = 0;
        this.lengthBytes = 0;
        continue;
      }
      this.length += (byte & 0x7f) * 128 ** this.lengthBytes;
      this.lengthBytes++;
      if (byte & 0x80) {
        if (this.lengthBytes === 4) return { ok: false, reason: 'malformed' };
        continue;
      }
      const size = 1 + this.lengthBytes + this.length;
      if (size > this.maxPacketBytes) return { ok: false, reason: 'too_large', size };
      this.packets++;
      this.bodyLeft = this.length;
      this.phase = this.length === 0 ? 'header' : 'body';
    }
    return { ok: true };
  }
}
