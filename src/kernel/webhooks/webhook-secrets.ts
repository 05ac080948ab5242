import type { Config } from '../config.js';
import { secretBoxFor } from '../secrets/instance-keys.js';
import { isSealed } from '../secrets/secret-box.js';
import type { SealedColumn } from '../secrets/sealed-columns.js';

/** Signing secrets of webhook subscriptions are sealed with the instance key, each bound to its row. */
const contextOf = (tenantId: string, id: string) => `webhook_subscriptions.secret:${tenantId}/${id}`;

export const webhookSealedColumns: SealedColumn[] = [
  { table: 'webhook_subscriptions', column: 'secret', keys: ['tenant_id', 'id'], context: (r) => contextOf(String(r.tenant_id), String(r.id)) },
];

type KeyConfig = Pick<Config, 'dataDir'>;

export const sealSubscriptionSecret = (config: KeyConfig, tenantId: string, id: string, plain: string) => secretBoxFor(config).seal(plain, contextOf(tenantId, id));

export const openSubscriptionSecret = (config: KeyConfig, tenantId: string, id: string, stored: string) =>
  isSealed(stored) ? secretBoxFor(config).open(stored, contextOf(tenantId, id)) : stored;
