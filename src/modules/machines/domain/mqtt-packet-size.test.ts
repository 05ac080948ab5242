import fc from 'fast-check';
import mqttPacket from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { MqttPacketSizeScanner } from './mqtt-packet-size.js';

/** Real packets as mqtt-packet writes them: PUBLISH of any payload size, PINGREQ, PUBACK. */
const packet = fc.oneof(
  fc.record({ topic: fc.string({ minLength: 1, maxLength: 30 }), size: fc.oneof(fc.nat(200), fc.nat(20_000)), qos: fc.constantFrom(0, 1) }).map(({ topic, size, qos }) =>
    mqttPacket.generate({ cmd: 'publish', topic, payload: Buffer.alloc(size, 7), qos: qos as 0 | 1, messageId: qos ? 1 : undefined, dup: false, retain: false }),
  ),
  fc.constant(mqttPacket.generate({ cmd: 'pingreq' })),
  fc.nat({ max: 65535 }).map((messageId) => mqttPacket.generate({ cmd: 'puback', messageId: messageId || 1 })),
);

/** The stream cut into chunks at arbitrary places, as TCP may deliver it. */
const chunked = (bytes: Buffer, cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  return chunks;
};

describe('MqttPacketSizeScanner', () => {
  it('counts every packet of a stream however it is cut, and refuses the first one over the limit with its exact size', () => {
    fc.assert(
      fc.property(fc.array(packet, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 20 }), fc.integer({ min: 2, max: 25_000 }), (packets, cuts, limit) => {
        const scanner = new MqttPacketSizeScanner(limit);
        const firstTooLarge = packets.findIndex((p) => p.length > limit);
        let verdict: ReturnType<MqttPacketSizeScanner['scan']> = { ok: true };
        for (const chunk of chunked(Buffer.concat(packets), cuts)) {
          verdict = scanner.scan(chunk);
          if (!verdict.ok) break;
        }
        if (firstTooLarge === -1) {
          expect(verdict).toEqual({ ok: true });
          expect(scanner.packets).toBe(packets.length);
        } else {
          expect(verdict).toEqual({ ok: false, reason: 'too_large', size: packets[firstTooLarge]!.length });
          expect(scanner.packets).toBe(firstTooLarge);
        }
      }),
    );
  });

  it('decides on the header alone: a 96 MB CONNECT is refused after its first five bytes', () => {
    const scanner = new MqttPacketSizeScanner(256 * 1024);
    const remaining = 96 * 1024 * 1024;
    // fixed header 0x10 (CONNECT), then the remaining length as a variable byte integer
    const header = [0x10, (remaining & 0x7f) | 0x80, ((remaining >> 7) & 0x7f) | 0x80, ((remaining >> 14) & 0x7f) | 0x80, remaining >> 21];
    expect(scanner.scan(Buffer.from(header))).toEqual({ ok: false, reason: 'too_large', size: 1 + 4 + remaining });
  });

  it('lets a packet of exactly the limit through', () => {
    const p = mqttPacket.generate({ cmd: 'publish', topic: 't', payload: Buffer.alloc(1000), qos: 0, dup: false, retain: false });
    expect(new MqttPacketSizeScanner(p.length).scan(p)).toEqual({ ok: true });
    expect(new MqttPacketSizeScanner(p.length - 1).scan(p)).toEqual({ ok: false, reason: 'too_large', size: p.length });
  });

  it('refuses a length of more than four bytes as malformed', () => {
    expect(new MqttPacketSizeScanner(1e9).scan(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toEqual({ ok: false, reason: 'malformed' });
  });
});
