import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';
import type { Role } from './roles.js';

/**
 * What modules may know of people: names for rows that record who did something, and the members
 * of a company with address and language. Modules ask here instead of reading `users` and
 * `memberships` themselves.
 */
export interface CompanyMember {
  userId: string;
  name: string;
  /** null for a worker who signs in with personnel number and PIN only */
  email: string | null;
  locale: string;
  role: Role;
}

/** The company's members, ordered by name (or by e-mail address); only those among `userIds` when given. */
export async function companyMembers(db: Db, tenantId: string, options: { userIds?: readonly string[]; orderBy?: 'name' | 'email' } = {}): Promise<CompanyMember[]> {
  if (options.userIds && options.userIds.length === 0) return [];
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'm.role'])
    .where('m.tenant_id', '=', tenantId);
  if (options.userIds) q = q.where('m.user_id', 'in', [...options.userIds]);
  const rows = await q.orderBy(options.orderBy === 'email' ? 'u.email' : 'u.name').execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, locale: r.locale, role: r.role as Role }));
}

/** Names of people by user id (a deleted account is missing), for rows that record who did something. */
export async function personNames(db: Db, userIds: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = [...new Set([...userIds].filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Adds a worker without e-mail address who signs in on the company's terminals with personnel
 * number and PIN (role `shopfloor`); the PIN arrives hashed. Returns the new user id.
 */
export async function insertTerminalWorker(db: Db, tenantId: string, worker: { name: string; personnelNumber: string; pinHash: string; locale: string }): Promise<string> {
  const userId = uuidv7();
  await db.insertInto('users').values({ id: userId, email: null, name: worker.name, password_hash: null, locale: worker.locale }).execute();
  await db.insertInto('memberships').values({ tenant_id: tenantId, user_id: userId, role: 'shopfloor', personnel_number: worker.personnelNumber, pin_hash: worker.pinHash }).execute();
  return userId;
}

/** Every company with a member of this personnel number who has a PIN, with the PIN's hash (instance-wide, for the operator's checks). */
export async function pinsOfPersonnelNumber(db: Db, personnelNumber: string): Promise<Array<{ company: string; pinHash: string }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('tenants', 'tenants.id', 'memberships.tenant_id')
    .select(['tenants.name as company', 'memberships.pin_hash'])
    .where('memberships.personnel_number', '=', personnelNumber)
    .where('memberships.pin_hash', 'is not', null)
    .execute();
  return rows.map((r) => ({ company: r.company, pinHash: r.pin_hash! }));
}
