import { z } from 'zod';
import { hashPassword, verifyPassword } from './password.js';

/** A personal PIN: 4 to 8 digits. It only works on a registered terminal, so a short one suffices. */
export const pinSchema = z.string().regex(/^\d{4,8}$/);
export const personnelNumberSchema = z.string().trim().min(1).max(20).regex(/^[\p{L}\p{N}._/-]+$/u);

export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCK_MINUTES = 15;

/** PINs are hashed with argon2id like passwords. */
export const hashPin = (pin: string) => hashPassword(pin);
/** Without a stored hash it still spends the time of a check, so unknown numbers are not revealed. */
export const verifyPin = (storedHash: string | null | undefined, pin: string) => verifyPassword(storedHash ?? undefined, pin);

/** Whole minutes (rounded up) until a lock ends; 0 when it has ended. */
export function minutesLeft(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
