import type { AppContext } from '../../kernel/http/app-context.js';
import { errorText } from '../../kernel/jobs/error-text.js';
import { startMachinesRuntime } from './runtime.js';
import { startConnectionSources } from './sources/start-sources.js';

/**
 * The module's long-running work: the company connections (external MQTT brokers, OPC UA) and
 * the embedded broker. The connections run even when the embedded broker cannot start —
 * typically because a Mosquitto on the same machine already holds port 1883. The periodic jobs
 * are declared in the manifest (jobs.ts) and run by the kernel scheduler.
 */
export async function startMachinesModule(ctx: AppContext): Promise<{ stop(): Promise<void> }> {
  const sources = await startConnectionSources(ctx);
  let runtime: { stop(): Promise<void> } | null = null;
  let unreport: () => void;
  try {
    const started = await startMachinesRuntime(ctx);
    runtime = started;
    unreport = ctx.health.set('mqtt', () => (started.brokerPort === null ? { state: 'off', detail: 'WERKVERBUND_MQTT_PORT=off' } : { state: 'ok', detail: `port ${started.brokerPort}` }));
  } catch (error) {
    const detail = errorText(error);
    unreport = ctx.health.set('mqtt', () => ({ state: 'failed', detail }));
    process.stderr.write(`  Warning: machines: ${(error as Error).message} (connections to external brokers and OPC UA servers keep running)\n`);
  }
  return {
    stop: async () => {
      unreport();
      await runtime?.stop();
      await sources.stop();
    },
  };
}
