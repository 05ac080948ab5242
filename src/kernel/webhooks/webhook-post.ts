import http from 'node:http';
import https from 'node:https';
import { type OutboundPolicy, checkLiteral, guardedLookup } from '../net/outbound-policy.js';

/**
 * One POST to a webhook receiver through the outbound policy: an IP literal is checked before,
 * a name at connect time by the guarded `lookup` (the address connected to is the address
 * checked). No connection reuse (each request resolves again), no redirects followed, the
 * answer's body is not read. Rejects with `OutboundBlockedError` when the address is refused.
 */
export function postWebhook(policy: OutboundPolicy, url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    try {
      checkLiteral(policy, target.hostname);
    } catch (error) {
      reject(error);
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(policy),
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), timeoutMs);
    request.once('response', (response) => {
      clearTimeout(timer);
      response.resume();
      response.destroy();
      resolve({ status: response.statusCode ?? 0 });
    });
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
