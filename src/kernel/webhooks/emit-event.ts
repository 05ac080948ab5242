import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';

/** `<module>.<thing>.<what happened>`, lower case, e.g. `machines.alarm.raised`. */
export const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export interface OutboxEvent {
  /** One of the types the module declares in its manifest (`events`). */
  type: string;
  /** What a receiver gets as `data`: plain JSON, no secrets. */
  payload: Record<string, unknown>;
}

/**
 * Writes an event into the kernel outbox — in the caller's transaction, so the event exists
 * exactly when the change is committed (a rolled-back change sends nothing). The delivery job
 * sends it to the company's webhook subscriptions for its type after commit. Returns its id.
 */
export async function emitEvent(trx: Db, tenantId: string, event: OutboxEvent): Promise<string> {
  if (!EVENT_TYPE.test(event.type) || event.type.length > 100) throw new Error(`invalid event type ${JSON.stringify(event.type)}`);
  const id = uuidv7();
  await sql`insert into event_outbox (tenant_id, id, type, payload) values (${tenantId}, ${id}, ${event.type}, ${JSON.stringify(event.payload)}::jsonb)`.execute(trx);
  return id;
}

/** Many events in one statement per 500 (an import writing thousands), in the caller's transaction like `emitEvent`. */
export async function emitEvents(trx: Db, tenantId: string, events: readonly OutboxEvent[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < events.length; i += 500) {
    const rows = events.slice(i, i + 500).map((event) => {
      if (!EVENT_TYPE.test(event.type) || event.type.length > 100) throw new Error(`invalid event type ${JSON.stringify(event.type)}`);
      const id = uuidv7();
      ids.push(id);
      return sql`(${tenantId}, ${id}, ${event.type}, ${JSON.stringify(event.payload)}::jsonb)`;
    });
    await sql`insert into event_outbox (tenant_id, id, type, payload) values ${sql.join(rows)}`.execute(trx);
  }
  return ids;
}
