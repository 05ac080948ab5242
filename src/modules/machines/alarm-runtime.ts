import type { AppContext } from '../../kernel/http/app-context.js';
import { startNotificationWorker } from './notification-outbox.js';
import { noDataCheckSecondsFromEnv, startNoDataTimer } from './no-data-timer.js';

/** How often the notification outbox is looked at. */
const OUTBOX_INTERVAL_MS = 2000;

/**
 * The clock-driven part of alarms: the "no data" check and the delivery of notifications from
 * the outbox (webhooks, e-mail). Started with the module, independent of the MQTT broker.
 */
export function startAlarmRuntime(
  ctx: Pick<AppContext, 'db' | 'registry' | 'access' | 'mailer' | 'config'>,
  env: NodeJS.ProcessEnv = process.env,
  onError: (error: unknown) => void = (error) => process.stderr.write(`  Warning: machines: alarms: ${(error as Error).message}\n`),
): { stop(): Promise<void> } {
  const stopNoData = startNoDataTimer(ctx, noDataCheckSecondsFromEnv(env), onError);
  const stopOutbox = startNotificationWorker(ctx, OUTBOX_INTERVAL_MS, onError);
  return {
    stop: async () => {
      await stopNoData();
      await stopOutbox();
    },
  };
}
