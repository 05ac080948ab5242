import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOTP_PERIOD, newTotpSecret, totpCode, totpStep, totpUri } from './totp.js';

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 test vector (SHA-1, 8 digits cut to the last 6)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
  });

  it('accepts the code of its own step and one step of drift either way, not more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 4_000_000_000 }), (seconds) => {
        const secret = newTotpSecret();
        const now = seconds * 1000;
        const step = Math.floor(seconds / TOTP_PERIOD);
        expect(totpStep(secret, totpCode(secret, now), now)).toBe(step);
        expect(totpStep(secret, totpCode(secret, now - TOTP_PERIOD * 1000), now)).toBe(step - 1);
        expect(totpStep(secret, totpCode(secret, now + TOTP_PERIOD * 1000), now)).toBe(step + 1);
        const old = totpCode(secret, now - 3 * TOTP_PERIOD * 1000);
        // an old code is refused unless it happens to equal a current one (1 in 10^6 per step)
        const current = [-1, 0, 1].map((d) => totpCode(secret, now + d * TOTP_PERIOD * 1000));
        if (!current.includes(old)) expect(totpStep(secret, old, now)).toBeNull();
      }),
      { numRuns: 50 },
    );
  });

  it('refuses anything that is not six digits, and ignores spaces', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const code = totpCode(secret, now);
    expect(totpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) expect(totpStep(secret, bad, now)).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth URI apps can scan', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, 'anna@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Werkverbund:anna%40example\.com\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Werkverbund');
  });
});
