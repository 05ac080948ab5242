import type { IngestContext } from './ingest.js';
import { type MachineBroker, brokerPortFromEnv, startMachineBroker } from './broker.js';
import { retentionFromEnv, startSampleMaintenance } from './maintenance.js';

export interface MachinesRuntime {
  /** The embedded broker's port, or null when switched off. */
  brokerPort: number | null;
  stop(): Promise<void>;
}

/**
 * What the machine-data module runs next to the HTTP server: the embedded MQTT broker
 * (`WERKVERBUND_MQTT_PORT`, default 1883, `off` to switch it off; `WERKVERBUND_MQTT_HOST`,
 * default 0.0.0.0) and the hourly partition maintenance (`WERKVERBUND_MACHINE_RETENTION_DAYS`,
 * default 90).
 */
export async function startMachinesRuntime(
  ctx: IngestContext,
  env: NodeJS.ProcessEnv = process.env,
  onError: (error: unknown) => void = () => {},
): Promise<MachinesRuntime> {
  const port = brokerPortFromEnv(env);
  const retention = retentionFromEnv(env);
  const stopMaintenance = startSampleMaintenance(ctx.db, retention, undefined, onError);
  let broker: MachineBroker | null = null;
  try {
    if (port !== null) broker = await startMachineBroker(ctx, { port, host: env.WERKVERBUND_MQTT_HOST?.trim() || undefined });
  } catch (error) {
    stopMaintenance();
    throw error;
  }
  return {
    brokerPort: broker?.port ?? null,
    stop: async () => {
      stopMaintenance();
      await broker?.close();
    },
  };
}
