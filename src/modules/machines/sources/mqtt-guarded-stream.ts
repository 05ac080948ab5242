import net from 'node:net';
import tls from 'node:tls';
import { type OutboundPolicy, checkLiteral, guardedLookup } from '../../../kernel/net/outbound-policy.js';

/**
 * The stream builder for mqtt.js (`new MqttClient(builder, options)`) that connects through the
 * outbound policy. mqtt.js' own TCP builder passes only host and port to `net.createConnection`,
 * so a `lookup` cannot be given to it; this builder does the same with the guarded lookup, which
 * checks the addresses the name resolves to at every (re)connect. An IP literal is checked
 * before; a refused address ends the stream with `OutboundBlockedError` (mqtt.js reports it as
 * an `error` event and tries again after its reconnect period).
 */
export function guardedMqttStream(url: string, policy: OutboundPolicy): () => net.Socket {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const secure = target.protocol === 'mqtts:';
  const port = Number(target.port || (secure ? 8883 : 1883));
  return () => {
    try {
      checkLiteral(policy, host);
    } catch (error) {
      const refused = new net.Socket();
      process.nextTick(() => refused.destroy(error as Error));
      return refused;
    }
    const lookup = guardedLookup(policy);
    return secure
      ? tls.connect({ host, port, lookup, servername: net.isIP(host) ? undefined : host })
      : net.createConnection({ host, port, lookup });
  };
}
