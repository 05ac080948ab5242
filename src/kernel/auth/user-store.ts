import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'password_hash'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: { email: string; name: string; passwordHash: string; locale: string }) {
  const id = uuidv7();
  await db
    .insertInto('users')
    .values({ id, email: user.email.toLowerCase(), name: user.name, password_hash: user.passwordHash, locale: user.locale })
    .execute();
  return id;
}
