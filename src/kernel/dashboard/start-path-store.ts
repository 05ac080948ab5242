import type { Db } from '../db/database.js';
import { storedJson } from '../db/stored-json.js';

export interface StartPathChoice {
  hidden: boolean;
  /** Step ids (`<module>.<step>`) the person skipped. */
  skipped: string[];
}

/** The person's choice for the start path in the company (kept on the membership). */
export async function readStartPathChoice(db: Db, tenantId: string, userId: string): Promise<StartPathChoice> {
  const row = await db
    .selectFrom('memberships')
    .select(['start_path_hidden', 'start_path_skipped'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { hidden: row?.start_path_hidden ?? false, skipped: row ? storedJson<string[]>(row.start_path_skipped) : [] };
}

export async function writeStartPathChoice(db: Db, tenantId: string, userId: string, choice: StartPathChoice): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ start_path_hidden: choice.hidden, start_path_skipped: JSON.stringify(choice.skipped) })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
}
