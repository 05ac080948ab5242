import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SecretUnreadableError } from './secret-unreadable.js';

/**
 * Encrypts small secrets (TOTP secrets, connection passwords, webhook signing secrets) at rest with
 * AES-256-GCM under the instance key (see instance-keys.ts: the key lives outside the database).
 * A sealed value names the key it was sealed with (`v2:<key id>:…`), so after a rotation values
 * under an earlier key still open while that key is kept as a previous key. `context` (e.g. the
 * user id) is bound as additional data, so a ciphertext copied to another row does not decrypt.
 * Values of the first format (`v1:…`, no key id) are opened with every known key.
 */
export interface SecretBox {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  seal(plain: string, context: string): string;
  /** Throws {@link SecretUnreadableError} when no known key opens the value. */
  open(sealed: string, context: string): string;
  /** Whether a value sealed with this box needs sealing again under the current key. */
  needsReseal(sealed: string): boolean;
}

const SEALED = /^(?:v1:|v2:[0-9a-f]{8}:)[A-Za-z0-9+/]+={0,2}$/;

/** Whether a stored value is sealed (else it is a plain value from before encryption at rest). */
export const isSealed = (value: string) => SEALED.test(value);

/** A key's public id: the start of its SHA-256, safe to store and show. */
export const keyIdOf = (key: Buffer) => createHash('sha256').update('werkverbund-secret-key:').update(key).digest('hex').slice(0, 8);

export function parseSecretKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new Error('WERKVERBUND_SECRET_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  return key;
}

function openWith(key: Buffer, raw: Buffer, context: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A box sealing with `current` and opening with it or any of the `previous` keys. */
export function secretBoxWithKeys(current: Buffer, previous: Buffer[] = []): SecretBox {
  const keyId = keyIdOf(current);
  const byId = new Map<string, Buffer>([...previous, current].map((k) => [keyIdOf(k), k]));
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v2:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
    },
    open(sealed, context) {
      if (!isSealed(sealed)) throw new SecretUnreadableError(null);
      const v2 = sealed.startsWith('v2:');
      const id = v2 ? sealed.slice(3, 11) : null;
      const raw = Buffer.from(sealed.slice(v2 ? 12 : 3), 'base64');
      const candidates = id ? [byId.get(id)].filter((k): k is Buffer => k !== undefined) : [...byId.values()];
      for (const key of candidates) {
        try {
          return openWith(key, raw, context);
        } catch {
          // a wrong key or a changed value: try the next key, else report below
        }
      }
      throw new SecretUnreadableError(id);
    },
    needsReseal: (sealed) => !sealed.startsWith(`v2:${keyId}:`),
  };
}

export const secretBoxWithKey = (key: Buffer): SecretBox => secretBoxWithKeys(key);
