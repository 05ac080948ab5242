import type { Config } from '../config.js';
import { secretBoxFor } from '../secrets/instance-keys.js';
import { isSealed } from '../secrets/secret-box.js';
import type { SealedColumn } from '../secrets/sealed-columns.js';

/**
 * Signing secrets of webhook subscriptions are sealed with the instance key, each bound to its row
 * — or, for a secret moved here still sealed (`secret_context` not empty, see the migration
 * `20261226_0001_webhook_filters`), to the binding it was sealed under, until it is rotated.
 */
const contextOf = (tenantId: string, id: string, secretContext = '') => secretContext || `webhook_subscriptions.secret:${tenantId}/${id}`;

export const webhookSealedColumns: SealedColumn[] = [
  { table: 'webhook_subscriptions', column: 'secret', keys: ['tenant_id', 'id', 'secret_context'], context: (r) => contextOf(String(r.tenant_id), String(r.id), String(r.secret_context ?? '')) },
];

type KeyConfig = Pick<Config, 'dataDir'>;

/** Seals a new secret under the row's own binding (store it with `secret_context = ''`). */
export const sealSubscriptionSecret = (config: KeyConfig, tenantId: string, id: string, plain: string) => secretBoxFor(config).seal(plain, contextOf(tenantId, id));

export const openSubscriptionSecret = (config: KeyConfig, tenantId: string, id: string, stored: { secret: string; secretContext: string }) =>
  isSealed(stored.secret) ? secretBoxFor(config).open(stored.secret, contextOf(tenantId, id, stored.secretContext)) : stored.secret;
