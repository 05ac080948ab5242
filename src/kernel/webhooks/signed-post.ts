import type { OutboundPolicy } from '../net/outbound-policy.js';
import { signWebhook } from './webhook-signature.js';
import { postWebhook } from './webhook-post.js';

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * One signed webhook POST through the outbound policy (SSRF check); the answer's status decides,
 * its body is not read. Headers: `X-Werkverbund-Event`, `-Delivery` (the id, for the receiver to
 * drop repeats), `-Timestamp` (epoch seconds) and `-Signature` (`sha256=` HMAC over
 * `<timestamp>.<body>` with the subscription's secret). Rejects with `OutboundBlockedError` when
 * the address is refused.
 */
export async function postSignedWebhook(policy: OutboundPolicy, url: string, secret: string, eventType: string, deliveryId: string, body: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Werkverbund-Webhook/1',
    'x-werkverbund-event': eventType,
    'x-werkverbund-delivery': deliveryId,
    'x-werkverbund-timestamp': String(timestamp),
    'x-werkverbund-signature': signWebhook(secret, timestamp, body),
  };
  const response = await postWebhook(policy, url, headers, body, WEBHOOK_TIMEOUT_MS);
  const ok = response.status >= 200 && response.status < 300;
  return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}` };
}
