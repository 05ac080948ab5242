import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { newSecretToken } from './secret-token.js';

export const SESSION_DAYS = 14;

/** Creates a server-side session; only the hash of the cookie value is stored. */
export async function createSession(db: Db, userId: string) {
  const { token, hash } = newSecretToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insertInto('sessions').values({ id_hash: hash, user_id: userId, csrf_token: csrfToken, expires_at: expiresAt }).execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Db, hash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', hash).execute();
}
