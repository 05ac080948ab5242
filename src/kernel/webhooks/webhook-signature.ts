import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signature of a webhook request: `sha256=` + hex HMAC-SHA256 with the webhook's secret over
 * `<timestamp>.<body>` (timestamp = the `X-Werkverbund-Timestamp` header, epoch seconds). The
 * timestamp inside the signed text lets a receiver refuse old, replayed requests.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks a signature header in constant time (for receivers and tests). */
export function verifyWebhookSignature(secret: string, timestamp: number, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
