import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { parseSecretKey, secretBoxFor, secretBoxWithKey } from './secret-box.js';

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
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64')}`, 'user')).toThrow();
    expect(() => secretBoxWithKey(randomBytes(32)).open(sealed, 'user')).toThrow();
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
