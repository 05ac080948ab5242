import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('shop-floor web messages', () => {
  it('have the same keys in German and English, all non-empty texts', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
    for (const key of keys(de)) {
      const text = (m: unknown) => key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], m);
      expect(typeof text(de) === 'string' && (text(de) as string).length > 0, key).toBe(true);
      expect(typeof text(en) === 'string' && (text(en) as string).length > 0, key).toBe(true);
    }
  });

  it('explain every conflict reason the server can give', () => {
    for (const reason of ['already-in-setup', 'already-started', 'already-paused', 'already-finished', 'not-started', 'not-running', 'not-paused', 'invalid-quantity', 'invalid-sequence', 'idempotency-key-reused', 'sequence-reused']) {
      expect(de.shopfloor.conflicts, reason).toHaveProperty([reason]);
    }
  });
});
