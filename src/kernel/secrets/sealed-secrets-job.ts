import type { AppContext } from '../http/app-context.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { ModuleRegistry } from '../modules/module-registry.js';
import { secretBoxFor } from './instance-keys.js';
import { type SealedColumn, type SealedState, checkSealedValues, describeUnreadable, sealPlainValues } from './sealed-columns.js';

export const sealedColumnsOf = (registry: ModuleRegistry): SealedColumn[] => registry.modules.flatMap((m) => m.sealedColumns ?? []);

/**
 * Seals plain values left from before encryption at rest and checks that the configured keys open
 * every stored secret: at start and hourly. Fails (so the health details show it, with the
 * columns affected, never a value) while any secret cannot be decrypted, e.g. after the instance
 * key was replaced without keeping the previous one.
 */
export function sealedSecretsJob(ctx: Pick<AppContext, 'db' | 'config' | 'registry' | 'health'>): JobDefinition {
  let last: SealedState | null = null;
  ctx.health.set('secrets', () => {
    if (!last) return { state: 'ok' };
    const unreadable = Object.values(last.unreadable).reduce((a, b) => a + b, 0);
    if (unreadable > 0) return { state: 'failed', detail: `${unreadable} stored secrets cannot be decrypted with the configured key (key changed?): ${describeUnreadable(last.unreadable)}` };
    return { state: 'ok', detail: `key ${secretBoxFor(ctx.config).keyId}` };
  });
  return {
    id: 'platform.sealed-secrets',
    description: {
      de: 'Gespeicherte Geheimnisse verschlüsseln und prüfen, ob der Schlüssel der Instanz sie öffnet',
      en: "Encrypt stored secrets and check that the instance key opens them",
    },
    intervalMs: 60 * 60_000,
    runAtStart: true,
    run: async () => {
      const box = secretBoxFor(ctx.config);
      const columns = sealedColumnsOf(ctx.registry);
      const sealed = await sealPlainValues(ctx.db, columns, box);
      last = await checkSealedValues(ctx.db, columns, box);
      if (Object.keys(last.unreadable).length > 0) {
        throw new Error(`stored secrets cannot be decrypted with the configured key (key changed?): ${describeUnreadable(last.unreadable)}; keep the previous key in WERKVERBUND_SECRET_KEY_PREVIOUS or secret-key.previous`);
      }
      return { sealed, total: last.total };
    },
  };
}
