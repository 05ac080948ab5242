import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

/**
 * Encrypts small secrets (the TOTP secret of a person) at rest with AES-256-GCM. The key lives
 * outside the database: `WERKVERBUND_SECRET_KEY` (32 bytes, base64), else the file `secret-key` in
 * the data directory, created on first use (readable by the owner only). A stolen database dump
 * alone reveals no secret. `context` (the user id) is bound as additional data, so a ciphertext
 * copied to another row does not decrypt.
 */
export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

const PREFIX = 'v1:';
const keys = new Map<string, Buffer>();

export function parseSecretKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new Error('WERKVERBUND_SECRET_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  return key;
}

function loadKey(config: Config, env: NodeJS.ProcessEnv): Buffer {
  if (env.WERKVERBUND_SECRET_KEY) return parseSecretKey(env.WERKVERBUND_SECRET_KEY);
  const file = path.join(config.dataDir, 'secret-key');
  const cached = keys.get(file);
  if (cached) return cached;
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      // another process created it at the same moment: use theirs
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = parseSecretKey(readFileSync(file, 'utf8'));
  keys.set(file, key);
  return key;
}

export function secretBoxWithKey(key: Buffer): SecretBox {
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
    },
    open(sealed, context) {
      if (!sealed.startsWith(PREFIX)) throw new Error('unknown secret format');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export const secretBoxFor = (config: Config, env: NodeJS.ProcessEnv = process.env): SecretBox => secretBoxWithKey(loadKey(config, env));
