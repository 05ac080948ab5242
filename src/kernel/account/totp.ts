import { Secret, TOTP } from 'otpauth';

/** RFC 6238: SHA-1, 6 digits, 30-second steps, the common setting every authenticator app reads. */
export const TOTP_PERIOD = 30;
const ISSUER = 'Werkverbund';

const totpOf = (secretBase32: string, label = '') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });

/** A new random 160-bit secret (RFC 4226 recommends at least 128), base32 as apps expect. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI an authenticator app scans. */
export const totpUri = (secretBase32: string, account: string): string => totpOf(secretBase32, account).toString();

/**
 * The time step of a valid code (one step of clock drift either way), or null. The caller accepts
 * it only when it is later than the last step used, so a code works once.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_PERIOD) + delta;
}

/** The current code (for tests and the browser test). */
export const totpCode = (secretBase32: string, now = Date.now()): string => totpOf(secretBase32).generate({ timestamp: now });
