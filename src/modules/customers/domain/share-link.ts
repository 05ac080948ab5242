import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The customer's link to one order: `<linkId>.<secret>`, the secret 32 random bytes in base64url.
 * Only the secret's SHA-256 is stored. The link opens exactly its own order of its own company,
 * until it expires or is revoked.
 */

export const shareSections = ['state', 'promised-date', 'operations', 'parameters', 'signals', 'photos'] as const;
export type ShareSection = (typeof shareSections)[number];
/** Always shown: what the link is for. */
export const alwaysShown: readonly ShareSection[] = ['state', 'promised-date'];

export const DEFAULT_VALID_DAYS = 30;
export const MAX_VALID_DAYS = 180;
const DAY = 86_400_000;

export interface ShareLinkRecord {
  id: string;
  tenantId: string;
  orderId: string;
  /** hex SHA-256 of the secret */
  secretHash: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  sections: ShareSection[];
}

export type ShareLinkProblem = 'random-bytes-too-short' | 'valid-days-out-of-range' | 'unknown-section';

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A new link; `random` must come from a cryptographic source (crypto.randomBytes(32)). */
export function newShareLink(
  input: { id: string; tenantId: string; orderId: string; now: number; validDays?: number; sections?: readonly string[] },
  random: Uint8Array,
): { ok: true; record: ShareLinkRecord; token: string } | { ok: false; problem: ShareLinkProblem } {
  if (random.length < 32) return { ok: false, problem: 'random-bytes-too-short' };
  const validDays = input.validDays ?? DEFAULT_VALID_DAYS;
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > MAX_VALID_DAYS) return { ok: false, problem: 'valid-days-out-of-range' };
  const asked = input.sections ?? [];
  if (asked.some((s) => !(shareSections as readonly string[]).includes(s))) return { ok: false, problem: 'unknown-section' };
  const sections = shareSections.filter((s) => alwaysShown.includes(s) || asked.includes(s));
  const secret = toBase64Url(random.subarray(0, 32));
  return {
    ok: true,
    token: `${input.id}.${secret}`,
    record: { id: input.id, tenantId: input.tenantId, orderId: input.orderId, secretHash: hashSecret(secret), createdAt: input.now, expiresAt: input.now + validDays * DAY, revokedAt: null, sections },
  };
}

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** The link id and secret of a token, or null when it cannot be one (answered before any lookup). */
export function parseShareToken(token: string): { linkId: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m ? { linkId: m[1]!, secret: m[2]! } : null;
}

/** Why a link does not open; the public answer is the same 404 for all of them, the reason is logged. */
export type ShareLinkRefusal = 'malformed' | 'unknown' | 'wrong-secret' | 'revoked' | 'expired' | 'other-order' | 'other-company';

/**
 * Whether `token` opens `record` for the order asked for, at `now`. `record` is what the store
 * found by the token's link id (undefined when none). The secret is compared in constant time.
 */
export function checkShareLink(
  record: ShareLinkRecord | undefined,
  token: string,
  asked: { tenantId: string; orderId: string } | null,
  now: number,
): { ok: true; sections: ShareSection[] } | { ok: false; refusal: ShareLinkRefusal } {
  const parsed = parseShareToken(token);
  if (!parsed) return { ok: false, refusal: 'malformed' };
  if (!record || record.id !== parsed.linkId) return { ok: false, refusal: 'unknown' };
  const given = Buffer.from(hashSecret(parsed.secret), 'hex');
  const stored = Buffer.from(record.secretHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return { ok: false, refusal: 'wrong-secret' };
  if (asked && asked.tenantId !== record.tenantId) return { ok: false, refusal: 'other-company' };
  if (asked && asked.orderId !== record.orderId) return { ok: false, refusal: 'other-order' };
  if (record.revokedAt !== null && record.revokedAt <= now) return { ok: false, refusal: 'revoked' };
  if (now >= record.expiresAt) return { ok: false, refusal: 'expired' };
  return { ok: true, sections: record.sections };
}

/** The view-log form of a visitor's address: IPv4 to its /24, IPv6 to its /48. */
export function shortenAddress(ip: string): string {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip.replace(/^::ffff:/i, ''));
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) {
    const [head] = ip.split('::');
    const groups = (head ?? '').split(':').filter((g) => g !== '');
    const kept = [...groups, '0', '0', '0'].slice(0, 3).map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
    return `${kept.join(':')}::/48`;
  }
  return 'unknown';
}
