import type { AppContext } from '../../kernel/http/app-context.js';
import type { JobDefinition } from '../../kernel/jobs/job-definition.js';
import { aggregateSamples } from './aggregates.store.js';
import { maintainSamples, retentionFromEnv } from './maintenance.js';
import { checkNoDataRules, noDataCheckSecondsFromEnv } from './no-data-timer.js';
import { deliverDueNotifications, dispatchAlarmEvents } from './notification-outbox.js';

/** How often the e-mail outbox is looked at (alarm webhooks go through the kernel's job `platform.webhook-delivery`). */
export const OUTBOX_INTERVAL_MS = 2000;
/** Partitions, aggregation and retention of all data points. */
export const MAINTENANCE_INTERVAL_MS = 3_600_000;
/** Complete minutes reach the aggregates within this time, late samples too. */
export const AGGREGATION_INTERVAL_MS = 60_000;

type JobsContext = Pick<AppContext, 'db' | 'registry' | 'access' | 'mailer' | 'config'>;

/**
 * The sample jobs: the hourly maintenance (today's and the next two days' partitions, the
 * aggregates, the retention of every data point; `WERKVERBUND_MACHINE_RETENTION_DAYS` & co.)
 * at start and every hour, and the aggregation alone every minute. Both write the aggregates,
 * so they share a group and never run at the same time.
 */
export function sampleJobs(ctx: Pick<AppContext, 'db'>, env: NodeJS.ProcessEnv = process.env): JobDefinition[] {
  const retention = retentionFromEnv(env);
  return [
    {
      id: 'machines.maintenance',
      description: { de: 'Maschinendaten: Tagespartitionen anlegen, verdichten, Aufbewahrungsfristen anwenden', en: 'Machine data: create day partitions, aggregate, apply retention' },
      intervalMs: MAINTENANCE_INTERVAL_MS,
      runAtStart: true,
      group: 'machines.samples',
      run: () => maintainSamples(ctx.db, retention),
    },
    {
      id: 'machines.aggregation',
      description: { de: 'Maschinendaten: abgeschlossene Minuten und Stunden verdichten', en: 'Machine data: aggregate complete minutes and hours' },
      intervalMs: AGGREGATION_INTERVAL_MS,
      group: 'machines.samples',
      run: () => aggregateSamples(ctx.db),
    },
  ];
}

/**
 * The clock-driven part of alarms: the "no data" check (`WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS`,
 * default 30) and the e-mail outbox (dispatch of committed alarm events, delivery of due e-mails),
 * independent of the MQTT broker. Alarm webhooks are sent by the kernel's event delivery job.
 */
export function alarmJobs(ctx: JobsContext, env: NodeJS.ProcessEnv = process.env): JobDefinition[] {
  return [
    {
      id: 'machines.no-data',
      description: { de: 'Alarme: Regeln „keine Daten seit N Minuten“ prüfen', en: 'Alarms: check "no data for N minutes" rules' },
      intervalMs: noDataCheckSecondsFromEnv(env) * 1000,
      run: () => checkNoDataRules(ctx),
    },
    {
      id: 'machines.notifications',
      description: { de: 'Alarme: Benachrichtigungen per E-Mail zustellen', en: 'Alarms: deliver notifications by e-mail' },
      intervalMs: OUTBOX_INTERVAL_MS,
      run: async () => {
        await dispatchAlarmEvents(ctx);
        await deliverDueNotifications(ctx);
      },
    },
  ];
}

/** Every periodic job of the module, declared in its manifest. */
export const machinesJobs = (ctx: JobsContext, env: NodeJS.ProcessEnv = process.env): JobDefinition[] => [...sampleJobs(ctx, env), ...alarmJobs(ctx, env)];
