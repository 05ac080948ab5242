import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { forgetLoadedKeys, previousKeyFilePath, replaceKeyFile, secretBoxFor } from './instance-keys.js';
import { isSealed, keyIdOf, parseSecretKey, secretBoxWithKey, secretBoxWithKeys } from './secret-box.js';
import { SecretUnreadableError } from './secret-unreadable.js';

/** A value in the first format (`v1:`, no key id), as TOTP secrets were stored before key ids. */
function sealV1(key: Buffer, plain: string, context: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

describe('secret box (AES-256-GCM)', () => {
  const box = secretBoxWithKey(randomBytes(32));

  it('opens what it sealed, for the same context only; the sealed text shows nothing of the secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.uuid(), fc.uuid(), (plain, context, other) => {
        const sealed = box.seal(plain, context);
        expect(box.open(sealed, context)).toBe(plain);
        if (plain.length >= 4) expect(sealed).not.toContain(plain);
        if (other !== context) expect(() => box.open(sealed, other)).toThrow();
      }),
    );
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });

  it('refuses a changed ciphertext and another key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user');
    expect(sealed.startsWith(`v2:${box.keyId}:`)).toBe(true);
    const raw = Buffer.from(sealed.slice(12), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`${sealed.slice(0, 12)}${raw.toString('base64')}`, 'user')).toThrow(SecretUnreadableError);
    expect(() => secretBoxWithKey(randomBytes(32)).open(sealed, 'user')).toThrow(SecretUnreadableError);
  });

  it('names the key in every value, opens values of previous keys and of the first format, and says which key is missing', () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const old = secretBoxWithKey(oldKey);
    const rotated = secretBoxWithKeys(newKey, [oldKey]);
    expect(rotated.keyId).toBe(keyIdOf(newKey));
    expect(rotated.keyId).not.toBe(old.keyId);
    const underOld = old.seal('mqtt-passwort', 'conn');
    expect(underOld.startsWith(`v2:${keyIdOf(oldKey)}:`)).toBe(true);
    expect(rotated.open(underOld, 'conn')).toBe('mqtt-passwort');
    expect(rotated.needsReseal(underOld)).toBe(true);
    expect(rotated.needsReseal(rotated.seal('x', 'c'))).toBe(false);
    const legacy = sealV1(oldKey, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(isSealed(legacy)).toBe(true);
    expect(rotated.open(legacy, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(rotated.needsReseal(legacy)).toBe(true);

    const withoutOld = secretBoxWithKey(newKey);
    let error: unknown;
    try {
      withoutOld.open(underOld, 'conn');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecretUnreadableError);
    expect((error as SecretUnreadableError).keyId).toBe(old.keyId);
    expect((error as Error).message).toMatch(/key changed\?/);
    expect((error as Error).message).not.toContain('mqtt-passwort');
    expect(() => withoutOld.open(legacy, 'user-1')).toThrow(SecretUnreadableError);
    expect(isSealed('ein Klartext-Passwort')).toBe(false);
    expect(isSealed('')).toBe(false);
  });

  it('rotates the key file: the new key seals, the old one moves to secret-key.previous and still opens', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wv-key-'));
    const config = loadConfig({ WERKVERBUND_DATA: dir });
    const before = secretBoxFor(config, {});
    const sealed = before.seal('geheim', 'u');
    const { oldKeyId, newKeyId } = replaceKeyFile(config);
    expect(oldKeyId).toBe(before.keyId);
    const after = secretBoxFor(config, {});
    expect(after.keyId).toBe(newKeyId);
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.open(sealed, 'u')).toBe('geheim');
    expect(statSync(previousKeyFilePath(config)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
    // without the previous file the old values no longer open
    writeFileSync(previousKeyFilePath(config), '');
    forgetLoadedKeys();
    expect(() => secretBoxFor(config, {}).open(sealed, 'u')).toThrow(SecretUnreadableError);
    // WERKVERBUND_SECRET_KEY_PREVIOUS serves the same purpose
    const oldKey = randomBytes(32);
    const env = { WERKVERBUND_SECRET_KEY: randomBytes(32).toString('base64'), WERKVERBUND_SECRET_KEY_PREVIOUS: oldKey.toString('base64') };
    expect(secretBoxFor(config, env).open(secretBoxWithKey(oldKey).seal('alt', 'c'), 'c')).toBe('alt');
  });

  it('takes the key from WERKVERBUND_SECRET_KEY, else creates a key file readable by the owner only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wv-key-'));
    const config = loadConfig({ WERKVERBUND_DATA: dir });
    const sealed = secretBoxFor(config, {}).seal('geheim', 'u');
    const file = path.join(dir, 'secret-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(readFileSync(file, 'utf8'))).toHaveLength(32);
    expect(secretBoxFor(config, {}).open(sealed, 'u')).toBe('geheim');
    const key = randomBytes(32).toString('base64');
    expect(secretBoxFor(config, { WERKVERBUND_SECRET_KEY: key }).open(secretBoxWithKey(Buffer.from(key, 'base64')).seal('x', 'u'), 'u')).toBe('x');
    expect(() => secretBoxFor(config, { WERKVERBUND_SECRET_KEY: 'too short' })).toThrow(/32 bytes/);
  });
});
