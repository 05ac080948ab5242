import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';
import { hashToken, newSecretToken } from './secret-token.js';

export const TERMINAL_COOKIE = 'wv_terminal';
/** The cookie is only sent to the terminal's own sign-in routes. */
export const TERMINAL_COOKIE_PATH = '/api/v1/terminal';
/** Browsers cap cookie lifetimes at 400 days. */
export const TERMINAL_COOKIE_DAYS = 400;
export const TERMINAL_SESSION_HOURS = 12;

export interface TerminalRow {
  id: string;
  tenantId: string;
  name: string;
  createdAt: Date;
  lastSignInAt: Date | null;
}

const columns = ['id', 'tenant_id', 'name', 'created_at', 'last_sign_in_at'] as const;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toTerminal = (r: any): TerminalRow => ({
  id: r.id, tenantId: r.tenant_id, name: r.name, createdAt: new Date(r.created_at), lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
});

export async function createTerminal(db: Db, input: { tenantId: string; name: string; createdBy: string }) {
  const { token, hash } = newSecretToken();
  const id = uuidv7();
  await db.insertInto('terminals').values({ tenant_id: input.tenantId, id, name: input.name, token_hash: hash, created_by: input.createdBy }).execute();
  return { id, token };
}

export async function listTerminals(db: Db, tenantId: string): Promise<TerminalRow[]> {
  const rows = await db.selectFrom('terminals').select([...columns]).where('tenant_id', '=', tenantId).orderBy('name').execute();
  return rows.map(toTerminal);
}

export async function findTerminal(db: Db, tenantId: string, id: string): Promise<TerminalRow | undefined> {
  const row = await db.selectFrom('terminals').select([...columns]).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toTerminal(row) : undefined;
}

export async function findTerminalByToken(db: Db, token: string | undefined): Promise<TerminalRow | undefined> {
  if (!token) return undefined;
  const row = await db.selectFrom('terminals').select([...columns]).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row ? toTerminal(row) : undefined;
}

/** Deleting a terminal also ends every PIN session started on it (foreign key cascade). */
export async function deleteTerminal(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('terminals').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
