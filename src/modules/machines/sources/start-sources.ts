import type { AppContext } from '../../../kernel/http/app-context.js';
import { outboundPolicy } from '../../../kernel/net/outbound-policy.js';
import type { WriteFn } from '../ingest.js';
import { machinesBox } from '../sealed-secrets.js';
import { pkiFolder } from './opcua-client.js';
import { SourceSupervisor, registerSupervisor, unregisterSupervisor } from './source-supervisor.js';

/**
 * Starts the clients of all companies' connections and makes them reachable for the routes.
 * The comparison with the database (module switched off, …) runs every `intervalMs` (default
 * 15 s) as the job `machines.connections` of the kernel scheduler, in every process (it keeps
 * this process's clients), while the connections run.
 */
export async function startConnectionSources(
  ctx: Pick<AppContext, 'db' | 'registry' | 'access' | 'jobs'> & { config: Pick<AppContext['config'], 'dataDir' | 'outboundAllow'> },
  options: { intervalMs?: number; write?: WriteFn } = {},
): Promise<{ supervisor: SourceSupervisor; stop(): Promise<void> }> {
  const supervisor = new SourceSupervisor(ctx, { pkiDir: pkiFolder(ctx.config.dataDir), write: options.write, outbound: outboundPolicy(ctx.config), secrets: machinesBox(ctx.config) });
  registerSupervisor(ctx.db, supervisor);
  try {
    await supervisor.start();
  } catch (error) {
    unregisterSupervisor(ctx.db, supervisor);
    await supervisor.stop();
    throw error;
  }
  const unregisterJob = ctx.jobs.register({
    id: 'machines.connections',
    description: { de: 'Maschinendaten: Verbindungen (MQTT, OPC UA) mit den Einstellungen abgleichen', en: 'Machine data: keep the connections (MQTT, OPC UA) in line with their settings' },
    intervalMs: options.intervalMs ?? 15_000,
    everyProcess: true,
    run: () => supervisor.refresh(),
  });
  return {
    supervisor,
    stop: async () => {
      await unregisterJob();
      unregisterSupervisor(ctx.db, supervisor);
      await supervisor.stop();
    },
  };
}
