import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { type SecretBox, keyIdOf, parseSecretKey, secretBoxWithKeys } from './secret-box.js';

/**
 * The instance key and the keys it replaced, all outside the database:
 * - current: `WERKVERBUND_SECRET_KEY` (32 bytes, base64), else the file `secret-key` in the data
 *   directory, created on first use (readable by the owner only);
 * - previous: `WERKVERBUND_SECRET_KEY_PREVIOUS` (comma-separated) and the lines of the file
 *   `secret-key.previous` in the data directory. They only open values not yet re-encrypted
 *   (`werkverbund secrets rotate`) and backups made before a rotation.
 */
type KeyConfig = Pick<Config, 'dataDir'>;

const KEY_FILE = 'secret-key';
const PREVIOUS_FILE = 'secret-key.previous';
const loaded = new Map<string, SecretBox>();

export const keyFilePath = (config: KeyConfig) => path.join(config.dataDir, KEY_FILE);
export const previousKeyFilePath = (config: KeyConfig) => path.join(config.dataDir, PREVIOUS_FILE);

const keysIn = (text: string) => text.split(/[\s,]+/).filter(Boolean).map(parseSecretKey);

function writePrivate(file: string, text: string, flag: 'wx' | 'w') {
  writeFileSync(file, text, { mode: 0o600, flag });
  chmodSync(file, 0o600);
}

function currentKey(config: KeyConfig, env: NodeJS.ProcessEnv): Buffer {
  if (env.WERKVERBUND_SECRET_KEY) return parseSecretKey(env.WERKVERBUND_SECRET_KEY);
  const file = keyFilePath(config);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writePrivate(file, `${randomBytes(32).toString('base64')}\n`, 'wx');
    } catch (error) {
      // another process created it at the same moment: use theirs
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseSecretKey(readFileSync(file, 'utf8'));
}

function previousKeys(config: KeyConfig, env: NodeJS.ProcessEnv): Buffer[] {
  const file = previousKeyFilePath(config);
  return [...keysIn(env.WERKVERBUND_SECRET_KEY_PREVIOUS ?? ''), ...(existsSync(file) ? keysIn(readFileSync(file, 'utf8')) : [])];
}

/** The instance's secret box (read once per data directory and key settings). */
export function secretBoxFor(config: KeyConfig, env: NodeJS.ProcessEnv = process.env): SecretBox {
  const cacheKey = JSON.stringify([config.dataDir, env.WERKVERBUND_SECRET_KEY ?? null, env.WERKVERBUND_SECRET_KEY_PREVIOUS ?? null]);
  let box = loaded.get(cacheKey);
  if (!box) {
    box = secretBoxWithKeys(currentKey(config, env), previousKeys(config, env));
    loaded.set(cacheKey, box);
  }
  return box;
}

/** Reads the key files again on next use (after a rotation in this process). */
export const forgetLoadedKeys = () => loaded.clear();

/**
 * Replaces the key file by a new key and keeps the old one in `secret-key.previous` (written
 * first, so no moment exists in which the old key is only in memory). Returns both ids.
 */
export function replaceKeyFile(config: KeyConfig): { oldKeyId: string; newKeyId: string } {
  const old = currentKey(config, {});
  appendFileSync(previousKeyFilePath(config), `${old.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(previousKeyFilePath(config), 0o600);
  const fresh = randomBytes(32);
  const next = `${keyFilePath(config)}.new`;
  writePrivate(next, `${fresh.toString('base64')}\n`, 'w');
  renameSync(next, keyFilePath(config));
  forgetLoadedKeys();
  return { oldKeyId: keyIdOf(old), newKeyId: keyIdOf(fresh) };
}
