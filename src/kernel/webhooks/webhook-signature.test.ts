import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret', () => {
    // Reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac geheim
    expect(signWebhook('geheim', 1_700_000_000, '{"a":1}')).toBe('sha256=c2f0a59f12d0bcd3933234d85083c03b99e970604203fd059a320436bb602adf');
  });

  it('property: verifies its own signature and refuses any other body, time or secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: 0, max: 2 ** 31 }), fc.string(), (secret, body, ts, other) => {
        const signature = signWebhook(secret, ts, body);
        expect(verifyWebhookSignature(secret, ts, body, signature)).toBe(true);
        if (other !== body) expect(verifyWebhookSignature(secret, ts, other, signature)).toBe(false);
        expect(verifyWebhookSignature(secret, ts + 1, body, signature)).toBe(false);
        if (other !== secret && other.length > 0) expect(verifyWebhookSignature(other, ts, body, signature)).toBe(false);
        expect(verifyWebhookSignature(secret, ts, body, undefined)).toBe(false);
      }),
    );
  });
});
