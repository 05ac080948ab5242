import type { Config } from '../../kernel/config.js';
import { loadConfig } from '../../kernel/config.js';
import { secretBoxFor } from '../../kernel/secrets/instance-keys.js';
import { type SecretBox, isSealed } from '../../kernel/secrets/secret-box.js';
import type { SealedColumn } from '../../kernel/secrets/sealed-columns.js';

/**
 * Connection passwords are stored sealed with the instance key (see the README, "Secrets and key
 * rotation"), each bound to its row. An empty password stays empty ("none"). `machine_webhooks` is
 * retired (alarm webhooks are kernel webhook subscriptions now, their secrets moved there sealed
 * under this binding); it stays listed so that a row an old export archive brings in is sealed too.
 */
const contextOf = (what: string, tenantId: string, id: string) => `${what}:${tenantId}/${id}`;
const PASSWORD = 'machine_connections.password';
const WEBHOOK_SECRET = 'machine_webhooks.secret';

export const machinesSealedColumns: SealedColumn[] = [
  { table: 'machine_connections', column: 'password', keys: ['tenant_id', 'id'], context: (r) => contextOf(PASSWORD, String(r.tenant_id), String(r.id)) },
  { table: 'machine_webhooks', column: 'secret', keys: ['tenant_id', 'id'], context: (r) => contextOf(WEBHOOK_SECRET, String(r.tenant_id), String(r.id)) },
];

/** The instance's box; a context without configuration (scripts) uses the environment's. */
export const machinesBox = (config?: Pick<Config, 'dataDir'>): SecretBox => secretBoxFor(config ?? loadConfig());

export const sealPassword = (box: SecretBox, tenantId: string, id: string, plain: string) => (plain === '' ? '' : box.seal(plain, contextOf(PASSWORD, tenantId, id)));

/** The password in plain text; a value stored before encryption (sealed at the next start) as it is. */
export const openPassword = (box: SecretBox, c: { tenantId: string; id: string; password: string }) =>
  isSealed(c.password) ? box.open(c.password, contextOf(PASSWORD, c.tenantId, c.id)) : c.password;
