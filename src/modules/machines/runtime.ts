import type { IngestContext } from './ingest.js';
import { type MachineBroker, brokerPortFromEnv, startMachineBroker } from './broker.js';

export interface MachinesRuntime {
  /** The embedded broker's port, or null when switched off. */
  brokerPort: number | null;
  stop(): Promise<void>;
}

/**
 * The embedded MQTT broker the machine-data module runs next to the HTTP server
 * (`WERKVERBUND_MQTT_PORT`, default 1883, `off` to switch it off; `WERKVERBUND_MQTT_HOST`,
 * default 0.0.0.0). The periodic work (partitions, aggregation, retention, alarms) runs as
 * jobs of the kernel scheduler (jobs.ts).
 */
export async function startMachinesRuntime(ctx: IngestContext, env: NodeJS.ProcessEnv = process.env): Promise<MachinesRuntime> {
  const port = brokerPortFromEnv(env);
  const broker: MachineBroker | null = port === null ? null : await startMachineBroker(ctx, { port, host: env.WERKVERBUND_MQTT_HOST?.trim() || undefined });
  return {
    brokerPort: broker?.port ?? null,
    stop: async () => {
      await broker?.close();
    },
  };
}
