import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { unknownReference } from '../../kernel/http/problem.js';
import { findContact } from './contacts.store.js';
import { resolve, writable, type CustomersContext } from './customers.service.js';
import * as store from './interactions.store.js';
import type { InteractionBody } from './schemas.js';

export async function addInteraction(ctx: CustomersContext, customerId: string, body: InteractionBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await writable(tx, tenantId, customerId);
    if (body.contactId !== null) {
      const contact = await findContact(tx, tenantId, body.contactId);
      if (!contact || contact.customerId !== customerId) throw unknownReference('body.contactId');
    }
    const id = uuidv7();
    await store.insertInteraction(tx, tenantId, id, customerId, {
      contact_id: body.contactId,
      kind: body.kind,
      occurred_at: body.occurredAt ? new Date(body.occurredAt) : new Date(),
      user_id: userId,
      subject: body.subject,
      body: body.body,
    });
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.interaction_added', target: id, details: { customerId, kind: body.kind } });
    return (await store.timeline(tx, tenantId, customerId, 500)).find((i) => i.id === id)!;
  });
}

export async function interactions(ctx: CustomersContext, customerId: string) {
  const customer = await resolve(ctx.db, ctx.tenant.tenantId, customerId);
  return store.timeline(ctx.db, ctx.tenant.tenantId, customer.id, 200);
}
