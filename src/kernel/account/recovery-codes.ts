import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/secret-token.js';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // 32 symbols, no 0/O or 1/I

/** 16 symbols of 5 bits = 80 bits, in groups of four: far beyond guessing, so a SHA-256 hash suffices. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (let i = 0; i < 16; i++) code += ALPHABET[bytes[i] & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when typing it in. */
export const normalizeRecoveryCode = (input: string): string => input.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const hashRecoveryCode = (input: string): string => hashToken(`recovery:${normalizeRecoveryCode(input)}`);

export const looksLikeRecoveryCode = (input: string): boolean => normalizeRecoveryCode(input).length === 16;
