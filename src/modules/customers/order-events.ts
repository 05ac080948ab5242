import type { Db } from '../../kernel/db/database.js';
import type { Localized } from '../../kernel/modules/module-manifest.js';
import { emitEvent } from '../../kernel/webhooks/index.js';

/**
 * Events the customers module writes into the kernel outbox (`emitEvent`, in the transaction of the
 * change) for webhooks. Payloads carry ids, numbers, states and quantities — never contact data.
 * Event type names allow no hyphen, so the plan's `customer-order.created` is `customers.order.created`.
 */
export const customersEventTypes = ['customers.order.created', 'customers.order.state_changed', 'customers.production.finished', 'customers.delivery.made'];

export const customersEventLabels: Record<string, Localized> = {
  'customers.order.created': { de: 'Kundenauftrag angelegt', en: 'Customer order created' },
  'customers.order.state_changed': { de: 'Stand eines Kundenauftrags geändert', en: 'Customer order state changed' },
  'customers.production.finished': { de: 'Fertigung einer Auftragsposition abgeschlossen', en: 'Production of an order position finished' },
  'customers.delivery.made': { de: 'Lieferung erfolgt', en: 'Delivery made' },
};

/** `customers.order.created`, in the caller's transaction (from a won quote or an import). */
export interface OrderCreated {
  order: { id: string; number: string; currency: string; customerReference: string; quote: { id: string; number: string; version: number } | null };
  customer: { id: string; number: string };
  positions: Array<{ number: number; partId: string | null; quantityMilli: number; promisedDate: string | null }>;
}

export const orderCreatedEvent = (o: OrderCreated) => ({ type: 'customers.order.created', payload: { order: { ...o.order, state: 'open' }, customer: o.customer, positions: o.positions } });

export function emitOrderCreated(trx: Db, tenantId: string, o: OrderCreated) {
  return emitEvent(trx, tenantId, orderCreatedEvent(o));
}
