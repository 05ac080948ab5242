import type { AppContext } from '../../../kernel/http/app-context.js';
import type { WriteFn } from '../ingest.js';
import { pkiFolder } from './opcua-client.js';
import { SourceSupervisor, registerSupervisor, unregisterSupervisor } from './source-supervisor.js';

/** Starts the clients of all companies' connections and makes them reachable for the routes. */
export async function startConnectionSources(
  ctx: Pick<AppContext, 'db' | 'registry' | 'access'> & { config: Pick<AppContext['config'], 'dataDir'> },
  options: { intervalMs?: number; write?: WriteFn } = {},
): Promise<{ supervisor: SourceSupervisor; stop(): Promise<void> }> {
  const supervisor = new SourceSupervisor(ctx, { pkiDir: pkiFolder(ctx.config.dataDir), intervalMs: options.intervalMs, write: options.write });
  registerSupervisor(ctx.db, supervisor);
  try {
    await supervisor.start();
  } catch (error) {
    unregisterSupervisor(ctx.db, supervisor);
    await supervisor.stop();
    throw error;
  }
  return {
    supervisor,
    stop: async () => {
      unregisterSupervisor(ctx.db, supervisor);
      await supervisor.stop();
    },
  };
}
