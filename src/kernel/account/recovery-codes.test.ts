import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are 16 unambiguous symbols in groups of four, all different', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash the same however they are typed, and differently from any other code', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (lower, spaces) => {
        const code = newRecoveryCode();
        let typed = lower ? code.toLowerCase() : code;
        if (spaces) typed = typed.replaceAll('-', ' ');
        expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode(code));
        expect(looksLikeRecoveryCode(typed)).toBe(true);
        expect(hashRecoveryCode(newRecoveryCode())).not.toBe(hashRecoveryCode(code));
      }),
    );
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(normalizeRecoveryCode('ab-cd ef')).toBe('ABCDEF');
  });
});
