import type { Localized } from '../../kernel/modules/module-manifest.js';

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
